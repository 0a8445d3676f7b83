import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { EmptyState, Spinner } from '../ui';
import { RequireAuth } from './auth';
import { Layout } from './Layout';
import { OfficeOnly } from './access';

// Every page is its own chunk: the first load carries only the shell.
const LoginPage = lazy(() => import('../features/auth/LoginPage'));
const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage'));
const CustomersPage = lazy(() => import('../features/customers/CustomersPage'));
const CustomerDetailPage = lazy(() => import('../features/customers/CustomerDetailPage'));
const PartnersPage = lazy(() => import('../features/partners/PartnersPage'));
const PartnerDetailPage = lazy(() => import('../features/partners/PartnerDetailPage'));
const LeadsBoardPage = lazy(() => import('../features/leads/LeadsBoardPage'));
const LeadsTablePage = lazy(() => import('../features/leads/LeadsTablePage'));
const LeadDetailPage = lazy(() => import('../features/leads/LeadDetailPage'));
const ReviewsPage = lazy(() => import('../features/reviews/ReviewsPage'));
const ReviewDetailPage = lazy(() => import('../features/reviews/ReviewDetailPage'));
const ClaimsPage = lazy(() => import('../features/claims/ClaimsPage'));
const ClaimDetailPage = lazy(() => import('../features/claims/ClaimDetailPage'));
const ProjectsPage = lazy(() => import('../features/projects/ProjectsPage'));
const ProjectDetailPage = lazy(() => import('../features/projects/ProjectDetailPage'));
const AppointmentsPage = lazy(() => import('../features/appointments/AppointmentsPage'));
const InteractionsPage = lazy(() => import('../features/interactions/InteractionsPage'));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage'));
const NotificationsPage = lazy(() => import('../features/notifications/NotificationsPage'));
const ImportsPage = lazy(() => import('../features/imports/ImportsPage'));
const ImportPage = lazy(() => import('../features/imports/ImportPage'));
const DuplicatesPage = lazy(() => import('../features/duplicates/DuplicatesPage'));

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
          office('partners', <PartnersPage />),
          office('partners/:id', <PartnerDetailPage />),
          office('leads', <LeadsBoardPage />),
          office('leads/list', <LeadsTablePage />),
          office('leads/:id', <LeadDetailPage />),
          { path: 'projects', element: <ProjectsPage /> },
          { path: 'projects/:id', element: <ProjectDetailPage /> },
          { path: 'appointments', element: <AppointmentsPage /> },
          { path: 'interactions', element: <InteractionsPage /> },
          { path: 'reviews', element: <ReviewsPage /> },
          { path: 'reviews/:id', element: <ReviewDetailPage /> },
          { path: 'claims', element: <ClaimsPage /> },
          { path: 'claims/:id', element: <ClaimDetailPage /> },
          { path: 'settings/*', element: <SettingsPage /> },
          { path: 'notifications', element: <NotificationsPage /> },
          office('imports', <ImportsPage />),
          office('imports/:id', <ImportPage />),
          office('duplicates', <DuplicatesPage />),
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
