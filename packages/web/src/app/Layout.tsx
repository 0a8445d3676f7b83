import { useQuery } from '@apollo/client/react';
import { Suspense, useEffect, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useMatches } from 'react-router';
import { graphql } from '../gql';
import type { Role } from '../gql/graphql';
import { preloadPages } from '../lib/lazyLoad';
import { companyTimeZone, setCompanyTimeZone, zoneDiffers, zoneName } from '../lib/timeZone';
import { cx, ErrorState, Icon, SkipLink, Spinner } from '../ui';
import { RedirectNotice } from './access';
import { useViewer } from './auth';
import { useLiveEvents } from './live/useLiveEvents';
import { navFor } from './nav';
import { NotificationsBell } from '../features/notifications/NotificationsBell';
import { GlobalSearch } from '../features/search/GlobalSearch';
import { UserMenu } from './UserMenu';
import popover from '../ui/popover.module.css';
import styles from './Layout.module.css';

function LiveUpdates({ role }: { role: Role }) {
  useLiveEvents(role);
  return null;
}

export const CompanyQuery = graphql(`
  query Company {
    company {
      name
      timeZone
    }
  }
`);

/** Says which zone the app's dates and times are in, when the browser's clock reads otherwise. */
function CompanyTime() {
  if (!zoneDiffers()) return null;
  return (
    <span className={styles.zoneNote} title={`Dates and times are shown in the company's time zone, ${companyTimeZone()}.`}>
      Company time ({zoneName()})
    </span>
  );
}

/**
 * The signed-in shell: top bar (menu, brand, bell, account), role-aware navigation and the page. Pages render once
 * the account and the company's time zone are known, so every date and time is shown in that zone from the start.
 */
export function Layout() {
  const { viewer, loading, error, refetch } = useViewer();
  const company = useQuery(CompanyQuery);
  const [menuOpen, setMenuOpen] = useState(false);
  const { pathname } = useLocation();
  useEffect(() => setMenuOpen(false), [pathname]);
  // The page's code downloads while the account loads, not after (pages render once it has).
  const matches = useMatches();
  useEffect(() => preloadPages(matches), [matches]);

  if (!viewer || !company.data) {
    if (loading || company.loading) return <Spinner label="Loading your workspace…" />;
    const retry = () => void (viewer ? company.refetch() : refetch());
    return <ErrorState title="Your account could not be loaded" error={error ?? company.error} onRetry={retry} />;
  }
  // Before any page renders (idempotent): the formatters in lib/format.ts read it.
  setCompanyTimeZone(company.data.company.timeZone);

  return (
    <div className={styles.shell}>
      <SkipLink target="main-content" />
      <LiveUpdates role={viewer.role} />
      <header className={styles.topbar}>
        <button
          type="button"
          className={cx(popover.iconButton, styles.menuButton)}
          aria-label={menuOpen ? 'Close menu' : 'Open menu'}
          aria-expanded={menuOpen}
          aria-controls="app-nav"
          onClick={() => setMenuOpen((o) => !o)}
        >
          <Icon name={menuOpen ? 'close' : 'menu'} />
        </button>
        <Link to="/" className={styles.brand}>
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>iSwitch Roofs</span>
          <span className={styles.brandTag}>CRM</span>
        </Link>
        <div className={styles.topActions}>
          <GlobalSearch role={viewer.role} />
          <CompanyTime />
          <NotificationsBell />
          <UserMenu viewer={viewer} />
        </div>
      </header>
      <nav id="app-nav" className={cx(styles.nav, menuOpen && styles.navOpen)} aria-label="Main">
        {navFor(viewer.role).map((item) => (
          <NavLink
            key={item.to}
            to={item.to}
            end={item.to === '/'}
            className={({ isActive }) => cx(styles.navLink, isActive && styles.navActive)}
          >
            <Icon name={item.icon} />
            {item.label}
          </NavLink>
        ))}
      </nav>
      {menuOpen && <div className={styles.scrim} aria-hidden="true" onClick={() => setMenuOpen(false)} />}
      <main id="main-content" tabIndex={-1} className={styles.main}>
        <RedirectNotice />
        <Suspense fallback={<Spinner />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
