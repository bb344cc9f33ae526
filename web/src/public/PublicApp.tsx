// The public side of the web app: the certificate verification page (/v, /v/:certificateNo), for
// anyone who scanned a QR code — no sign-in, no app chrome, and none of the signed-in bundle (antd,
// ECharts): main.tsx loads this tree alone for /v paths, so a phone on a weak connection fetches
// React, i18next and the QR codec only. A service worker keeps the page for offline use.
import { useEffect } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { keepShellForOffline } from './offlineShell.ts';
import { VerifyPage } from './VerifyPage.tsx';
import './public.css';

export function PublicApp() {
  const lang = useTranslation().i18n.language === 'en' ? 'en' : 'zh';
  useEffect(() => keepShellForOffline(), []);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  return (
    <BrowserRouter>
      <Routes>
        <Route path="v" element={<VerifyPage />} />
        <Route path="v/:certificateNo" element={<VerifyPage />} />
        <Route path="*" element={<VerifyPage />} />
      </Routes>
    </BrowserRouter>
  );
}
