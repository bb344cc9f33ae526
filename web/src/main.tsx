// Entry point of the web UI. The public verification page (/v…) is a tree of its own, loaded
// without the signed-in app (antd, ECharts), so a phone that scanned a QR code gets a small page.
import { StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { i18n } from './i18n/index.ts';

const root = document.getElementById('root');
if (!root) throw new Error('missing #root element');

const isPublic = /^\/v(\/|$)/.test(window.location.pathname);
const load: Promise<ComponentType> = isPublic
  ? import('./public/PublicApp.tsx').then((m) => m.PublicApp)
  : import('./App.tsx').then((m) => m.App);

void load.then((Root) =>
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <Root />
      </I18nextProvider>
    </StrictMode>,
  ),
);
