import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import ComingSoonPage from '../features/placeholder/ComingSoonPage';
import { EmptyState, Spinner } from '../ui';
import { RequireAuth, useViewer } from './auth';
import { Layout } from './Layout';
import { isOffice } from './nav';

// Every page is its own chunk: the first load carries only the shell.
const LoginPage = lazy(() => import('../features/auth/LoginPage'));
const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage'));
const LeadsBoardPage = lazy(() => import('../features/leads/LeadsBoardPage'));

/** Pages for office roles only; field techs land on their projects instead. */
function OfficeOnly({ children }: { children: ReactNode }) {
  const { viewer } = useViewer();
  if (!viewer) return null;
  return isOffice(viewer.role) ? children : <Navigate to="/projects" replace />;
}

function ProjectsPlaceholder() {
  const { viewer } = useViewer();
  const mine = viewer?.role === 'FIELD_TECH';
  return (
    <ComingSoonPage
      title={mine ? 'My projects' : 'Projects'}
      description={
        mine
          ? 'The projects you are on, with progress updates and a quick interaction log.'
          : 'Project list and detail: status, budget against actual cost, crew, customer and activity.'
      }
    />
  );
}

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
          {
            index: true,
            element: (
              <OfficeOnly>
                <DashboardPage />
              </OfficeOnly>
            ),
          },
          {
            path: 'leads',
            element: (
              <OfficeOnly>
                <LeadsBoardPage />
              </OfficeOnly>
            ),
          },
          {
            path: 'customers',
            element: (
              <OfficeOnly>
                <ComingSoonPage
                  title="Customers"
                  description="Searchable customer table, detail pages with the interaction timeline, and create/edit forms."
                />
              </OfficeOnly>
            ),
          },
          { path: 'projects', element: <ProjectsPlaceholder /> },
          {
            path: 'appointments',
            element: (
              <ComingSoonPage
                title="Appointments"
                description="A week and day calendar per person or team: book, move and cancel."
              />
            ),
          },
          {
            path: 'interactions',
            element: (
              <ComingSoonPage
                title="Interactions"
                description="The communication log with filters and a quick “log a call, visit or note”."
              />
            ),
          },
          {
            path: 'settings',
            element: (
              <ComingSoonPage
                title="Settings"
                description="Profile and password; for admins: users, teams, lead scoring weights, assignment and jobs."
              />
            ),
          },
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
