import type { ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import type { Role } from '../gql/graphql';
import { Notice } from '../ui';
import { useViewer } from './auth';
import { isOffice } from './nav';
import styles from './Layout.module.css';

/** What a redirect tells the page it lands on: why the user is there instead of where they were going. */
export interface RedirectState {
  notice?: string;
}

const ROLE_NAMES: Record<Role, string> = { ADMIN: 'admins', MANAGER: 'managers', SALES: 'salespeople', FIELD_TECH: 'field techs' };

/** `admins`, `admins and managers`, `admins, managers and salespeople`. */
export function rolesLabel(roles: readonly Role[]): string {
  const names = roles.map((r) => ROLE_NAMES[r]);
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** The office pages by their first path segment, as a sentence names them. */
const OFFICE_PAGES: Record<string, string> = {
  '': 'The dashboard',
  customers: 'The customer list',
  partners: 'The partner list',
  leads: 'The sales pipeline',
  imports: 'CSV import',
  duplicates: 'The duplicates queue',
};

/** Why a field tech who opened an office page (`pathname`) is on their projects instead. */
export function officeOnlyNotice(pathname: string): string {
  const page = OFFICE_PAGES[pathname.split('/')[1] ?? ''] ?? 'That page';
  return `${page} is open to ${rolesLabel(['ADMIN', 'MANAGER', 'SALES'])} only, so you were taken to your projects.`;
}

/** Pages for office roles only; field techs land on their projects instead, told why. */
export function OfficeOnly({ children }: { children: ReactNode }) {
  const { viewer } = useViewer();
  const { pathname } = useLocation();
  if (!viewer) return null;
  if (isOffice(viewer.role)) return children;
  const state: RedirectState = { notice: officeOnlyNotice(pathname) };
  return <Navigate to="/projects" replace state={state} />;
}

/** The reason a redirect gave (`RedirectState.notice`), on the page it led to, until dismissed or the user moves on. */
export function RedirectNotice() {
  const location = useLocation();
  const navigate = useNavigate();
  const notice = (location.state as RedirectState | null)?.notice;
  if (!notice) return null;
  return (
    <Notice className={styles.redirectNotice} onDismiss={() => void navigate(location.pathname + location.search, { replace: true, state: null })}>
      {notice}
    </Notice>
  );
}
