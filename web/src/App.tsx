// Providers (antd locale and theme, react-query, router, session) and the route table: the sign-in
// page, and the signed-in area whose pages each need a permission.
import { App as AntApp, ConfigProvider } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { ApiError } from './api/client.ts';
import { AuthProvider } from './auth/AuthProvider.tsx';
import { RequirePermission, RequireSession } from './auth/RequireSession.tsx';
import { AppLayout } from './components/AppLayout.tsx';
import { antdLocale } from './i18n/antdLocale.ts';
import { useLang } from './lib/useLang.ts';
import { AuditPage } from './pages/admin/AuditPage.tsx';
import { TokensPage } from './pages/admin/TokensPage.tsx';
import { UsersPage } from './pages/admin/UsersPage.tsx';
import { ConformancePage } from './pages/ConformancePage.tsx';
import { DuePage } from './pages/DuePage.tsx';
import { GrrPage } from './pages/GrrPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { ImportPage } from './pages/ImportPage.tsx';
import { InstrumentDetailPage } from './pages/InstrumentDetailPage.tsx';
import { InstrumentListPage } from './pages/InstrumentListPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { OrganizationDetailPage } from './pages/OrganizationDetailPage.tsx';
import { OrganizationListPage } from './pages/OrganizationListPage.tsx';
import { SpcPage } from './pages/SpcPage.tsx';
import { UncertaintyPage } from './pages/UncertaintyPage.tsx';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      // client errors will not fix themselves; retry only server and network failures
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    },
  },
});

const theme = {
  token: { colorPrimary: '#1677ff', borderRadius: 6 },
  components: { Layout: { siderBg: '#001529', headerHeight: 56 } },
} as const;

/** /v… is the public verification page, a tree of its own (main.tsx): leave the app for it. */
function PublicPage() {
  useEffect(() => window.location.reload(), []);
  return null;
}

function Routed() {
  return (
    <BrowserRouter>
      <AuthProvider>
        <Routes>
          <Route path="login" element={<LoginPage />} />
          <Route path="v/*" element={<PublicPage />} />
          <Route element={<RequireSession />}>
            <Route element={<AppLayout />}>
              <Route index element={<HomePage />} />
              <Route element={<RequirePermission permission="registry:read" />}>
                <Route path="instruments" element={<InstrumentListPage />} />
                <Route path="instruments/:id" element={<InstrumentDetailPage />} />
                <Route path="organizations" element={<OrganizationListPage />} />
                <Route path="organizations/:id" element={<OrganizationDetailPage />} />
              </Route>
              <Route element={<RequirePermission permission="supervision:read" />}>
                <Route path="due" element={<DuePage />} />
              </Route>
              <Route element={<RequirePermission permission="registry:import" />}>
                <Route path="import" element={<ImportPage />} />
              </Route>
              <Route element={<RequirePermission permission="metrology:use" />}>
                <Route path="metrology/uncertainty" element={<UncertaintyPage />} />
                <Route path="metrology/conformance" element={<ConformancePage />} />
                <Route path="metrology/grr" element={<GrrPage />} />
                <Route path="metrology/spc" element={<SpcPage />} />
              </Route>
              <Route element={<RequirePermission permission="users:manage" />}>
                <Route path="admin/users" element={<UsersPage />} />
              </Route>
              <Route element={<RequirePermission permission="tokens:manage" />}>
                <Route path="admin/tokens" element={<TokensPage />} />
              </Route>
              <Route element={<RequirePermission permission="audit:read" />}>
                <Route path="admin/audit" element={<AuditPage />} />
              </Route>
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Route>
        </Routes>
      </AuthProvider>
    </BrowserRouter>
  );
}

export function App() {
  const lang = useLang();
  useEffect(() => {
    dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  return (
    <ConfigProvider locale={antdLocale(lang)} theme={theme}>
      <AntApp notification={{ top: 72 }} message={{ top: 64 }}>
        <QueryClientProvider client={queryClient}>
          <Routed />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
