import { Suspense, type ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { lazyLoad, type LazyComponent, type PageHandle } from '../lib/lazyLoad';
import { EmptyState, Spinner } from '../ui';
import { RequireAuth } from './auth';
import { Layout } from './Layout';
import { OfficeOnly } from './access';
import { RouteError } from './RouteError';

// Every page is its own chunk: the first load carries only the shell. A page whose chunk fails to load (a new version
// deployed since the app loaded) shows RouteError, which offers a reload.
const LoginPage = lazyLoad(() => import('../features/auth/LoginPage'));
const DashboardPage = lazyLoad(() => import('../features/dashboard/DashboardPage'));
const CustomersPage = lazyLoad(() => import('../features/customers/CustomersPage'));
const CustomerDetailPage = lazyLoad(() => import('../features/customers/CustomerDetailPage'));
const PartnersPage = lazyLoad(() => import('../features/partners/PartnersPage'));
const PartnerDetailPage = lazyLoad(() => import('../features/partners/PartnerDetailPage'));
const LeadsBoardPage = lazyLoad(() => import('../features/leads/LeadsBoardPage'));
const LeadsTablePage = lazyLoad(() => import('../features/leads/LeadsTablePage'));
const LeadDetailPage = lazyLoad(() => import('../features/leads/LeadDetailPage'));
const ReviewsPage = lazyLoad(() => import('../features/reviews/ReviewsPage'));
const ReviewDetailPage = lazyLoad(() => import('../features/reviews/ReviewDetailPage'));
const ClaimsPage = lazyLoad(() => import('../features/claims/ClaimsPage'));
const ClaimDetailPage = lazyLoad(() => import('../features/claims/ClaimDetailPage'));
const ProjectsPage = lazyLoad(() => import('../features/projects/ProjectsPage'));
const ProjectDetailPage = lazyLoad(() => import('../features/projects/ProjectDetailPage'));
const AppointmentsPage = lazyLoad(() => import('../features/appointments/AppointmentsPage'));
const InteractionsPage = lazyLoad(() => import('../features/interactions/InteractionsPage'));
const SettingsPage = lazyLoad(() => import('../features/settings/SettingsPage'));
const NotificationsPage = lazyLoad(() => import('../features/notifications/NotificationsPage'));
const ImportsPage = lazyLoad(() => import('../features/imports/ImportsPage'));
const ImportPage = lazyLoad(() => import('../features/imports/ImportPage'));
const DuplicatesPage = lazyLoad(() => import('../features/duplicates/DuplicatesPage'));

const OFFICE = true;

/** A page's element, its component in `handle` so the layout can fetch its code while the account loads. */
function page(Page: LazyComponent<ComponentType>, officeOnly = false) {
  const handle: PageHandle = { page: Page };
  return { handle, element: officeOnly ? <OfficeOnly><Page /></OfficeOnly> : <Page /> };
}

const pages = [
  { index: true, ...page(DashboardPage, OFFICE) },
  { path: 'customers', ...page(CustomersPage, OFFICE) },
  { path: 'customers/:id', ...page(CustomerDetailPage, OFFICE) },
  { path: 'partners', ...page(PartnersPage, OFFICE) },
  { path: 'partners/:id', ...page(PartnerDetailPage, OFFICE) },
  { path: 'leads', ...page(LeadsBoardPage, OFFICE) },
  { path: 'leads/list', ...page(LeadsTablePage, OFFICE) },
  { path: 'leads/:id', ...page(LeadDetailPage, OFFICE) },
  { path: 'projects', ...page(ProjectsPage) },
  { path: 'projects/:id', ...page(ProjectDetailPage) },
  { path: 'appointments', ...page(AppointmentsPage) },
  { path: 'interactions', ...page(InteractionsPage) },
  { path: 'reviews', ...page(ReviewsPage) },
  { path: 'reviews/:id', ...page(ReviewDetailPage) },
  { path: 'claims', ...page(ClaimsPage) },
  { path: 'claims/:id', ...page(ClaimDetailPage) },
  { path: 'settings/*', ...page(SettingsPage) },
  { path: 'notifications', ...page(NotificationsPage) },
  { path: 'imports', ...page(ImportsPage, OFFICE) },
  { path: 'imports/:id', ...page(ImportPage, OFFICE) },
  { path: 'duplicates', ...page(DuplicatesPage, OFFICE) },
  {
    path: '*',
    element: <EmptyState icon="search" title="Page not found" description="Check the address or use the menu." />,
  },
];

export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    children: [
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
            // Inside the layout: a failed page leaves the navigation in place.
            children: [{ errorElement: <RouteError />, children: pages }],
          },
        ],
      },
    ],
  },
]);
