import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { EmptyState, Spinner } from '../ui';
import { RequireAuth, useViewer } from './auth';
import { Layout } from './Layout';
import { isOffice } from './nav';

// Every page is its own chunk: the first load carries only the shell.
const LoginPage = lazy(() => import('../features/auth/LoginPage'));
const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage'));
const CustomersPage = lazy(() => import('../features/customers/CustomersPage'));
const CustomerDetailPage = lazy(() => import('../features/customers/CustomerDetailPage'));
const LeadsBoardPage = lazy(() => import('../features/leads/LeadsBoardPage'));
const LeadsTablePage = lazy(() => import('../features/leads/LeadsTablePage'));
const LeadDetailPage = lazy(() => import('../features/leads/LeadDetailPage'));
const ProjectsPage = lazy(() => import('../features/projects/ProjectsPage'));
const ProjectDetailPage = lazy(() => import('../features/projects/ProjectDetailPage'));
const AppointmentsPage = lazy(() => import('../features/appointments/AppointmentsPage'));
const InteractionsPage = lazy(() => import('../features/interactions/InteractionsPage'));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage'));
const NotificationsPage = lazy(() => import('../features/notifications/NotificationsPage'));

/** Pages for office roles only; field techs land on their projects instead. */
function OfficeOnly({ children }: { children: ReactNode }) {
  const { viewer } = useViewer();
  if (!viewer) return null;
  return isOffice(viewer.role) ? children : <Navigate to="/projects" replace />;
}

const office = (path: string, page: ReactNode) => ({ path, element: <OfficeOnly>{page}</OfficeOnly> });

export const router = createBrowserRouter([
  {
    path: '/login',
    element: (
      <Suspense fallback={<Spinner />}>
        <LoginPage />
      </Suspense>
    ),
  },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <Layout />,
        children: [
          { index: true, element: <OfficeOnly>{<DashboardPage />}</OfficeOnly> },
          office('customers', <CustomersPage />),
          office('customers/:id', <CustomerDetailPage />),
          office('leads', <LeadsBoardPage />),
          office('leads/list', <LeadsTablePage />),
          office('leads/:id', <LeadDetailPage />),
          { path: 'projects', element: <ProjectsPage /> },
          { path: 'projects/:id', element: <ProjectDetailPage /> },
          { path: 'appointments', element: <AppointmentsPage /> },
          { path: 'interactions', element: <InteractionsPage /> },
          { path: 'settings/*', element: <SettingsPage /> },
          { path: 'notifications', element: <NotificationsPage /> },
          {
            path: '*',
            element: (
              <EmptyState icon="search" title="Page not found" description="Check the address or use the menu." />
            ),
          },
        ],
      },
    ],
  },
]);
