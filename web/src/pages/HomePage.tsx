// "/": the dashboard for those who may read supervision data; everyone else starts on the first
// page their roles open.
import { Navigate } from 'react-router-dom';
import { Forbidden } from '../auth/RequireSession.tsx';
import { useCan } from '../auth/session.ts';
import { firstAllowedPath } from '../components/navItems.tsx';
import { DashboardPage } from './DashboardPage.tsx';

export function HomePage() {
  const can = useCan();
  if (can('supervision:read')) return <DashboardPage />;
  const first = firstAllowedPath(can);
  return first ? <Navigate to={first} replace /> : <Forbidden />;
}
