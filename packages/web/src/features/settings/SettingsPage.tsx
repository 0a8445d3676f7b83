import { useEffect, useRef, type ReactNode } from 'react';
import { Navigate, NavLink, Route, Routes, useLocation } from 'react-router';
import { rolesLabel, type RedirectState } from '../../app/access';
import { useViewer } from '../../app/auth';
import type { Role } from '../../gql/graphql';
import { cx, PageHeader, Spinner } from '../../ui';
import { AlertsSettings } from './AlertsSettings';
import { DevelopersSettings } from './developers/DevelopersSettings';
import { JobsSettings } from './JobsSettings';
import { MessagesSettings } from './MessagesSettings';
import { PasswordSettings } from './PasswordSettings';
import { ProfileSettings } from './ProfileSettings';
import { ReviewsSettings } from './reviews/ReviewsSettings';
import { ScoringSettings } from './ScoringSettings';
import { TeamsSettings } from './TeamsSettings';
import { UsersSettings } from './UsersSettings';
import styles from './SettingsPage.module.css';

interface SettingsSection {
  path: string;
  label: string;
  roles: readonly Role[];
  element: ReactNode;
}

const EVERYONE: readonly Role[] = ['ADMIN', 'MANAGER', 'SALES', 'FIELD_TECH'];
const LEADS: readonly Role[] = ['ADMIN', 'MANAGER'];

/** The sub-pages, in menu order, with the roles the API lets use them (read the `@auth` of each operation). */
const SECTIONS: readonly SettingsSection[] = [
  { path: 'profile', label: 'Profile', roles: EVERYONE, element: <ProfileSettings /> },
  { path: 'password', label: 'Password', roles: EVERYONE, element: <PasswordSettings /> },
  { path: 'users', label: 'Users', roles: LEADS, element: <UsersSettings /> },
  { path: 'teams', label: 'Teams', roles: LEADS, element: <TeamsSettings /> },
  { path: 'scoring', label: 'Lead scoring', roles: LEADS, element: <ScoringSettings /> },
  { path: 'alerts', label: 'Alerts', roles: LEADS, element: <AlertsSettings /> },
  { path: 'messages', label: 'Messages', roles: LEADS, element: <MessagesSettings /> },
  { path: 'reviews', label: 'Reviews', roles: LEADS, element: <ReviewsSettings /> },
  { path: 'jobs', label: 'Jobs', roles: ['ADMIN'], element: <JobsSettings /> },
  { path: 'developers', label: 'Developers', roles: ['ADMIN'], element: <DevelopersSettings /> },
];

export const settingsSectionsFor = (role: Role) => SECTIONS.filter((s) => s.roles.includes(role));

/** Why a section the role may not use (`pathname` under /settings) led to the profile; nothing for unknown paths. */
export function deniedSection(pathname: string, role: Role): RedirectState | null {
  const section = SECTIONS.find((s) => pathname.split('/')[2] === s.path);
  if (!section || section.roles.includes(role)) return null;
  return { notice: `${section.label} settings are open to ${rolesLabel(section.roles)} only, so you were taken to your profile.` };
}

/**
 * `/settings/*`: a sub-navigation of the sections the viewer's role may use and the section itself. Sections the
 * role may not use (and unknown paths) lead to the profile.
 */
export default function SettingsPage() {
  const { viewer } = useViewer();
  const { pathname } = useLocation();
  const navRef = useRef<HTMLElement>(null);
  // On phones the tabs scroll sideways: keep the current one in view.
  useEffect(() => {
    navRef.current?.querySelector('[aria-current="page"]')?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [pathname]);
  if (!viewer) return <Spinner />;
  const sections = settingsSectionsFor(viewer.role);
  return (
    <>
      <PageHeader title="Settings" />
      <div className={styles.layout}>
        <nav ref={navRef} className={styles.subnav} aria-label="Settings">
          {sections.map((s) => (
            <NavLink
              key={s.path}
              to={`/settings/${s.path}`}
              className={({ isActive }) => cx(styles.subnavLink, isActive && styles.subnavActive)}
            >
              {s.label}
            </NavLink>
          ))}
        </nav>
        <div className={styles.content}>
          <Routes>
            {sections.map((s) => (
              <Route key={s.path} path={s.path} element={s.element} />
            ))}
            {/* The API keys' old address (issue 13) is part of Developers now. */}
            <Route path="api-keys" element={<Navigate to="/settings/developers" replace />} />
            <Route path="*" element={<Navigate to="/settings/profile" replace state={deniedSection(pathname, viewer.role)} />} />
          </Routes>
        </div>
      </div>
    </>
  );
}
