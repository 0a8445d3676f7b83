import { Suspense, useEffect, useState } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import type { Role } from '../gql/graphql';
import { cx, ErrorState, Icon, Spinner } from '../ui';
import { useViewer } from './auth';
import { useLiveEvents } from './live/useLiveEvents';
import { navFor } from './nav';
import { NotificationsBell } from '../features/notifications/NotificationsBell';
import { UserMenu } from './UserMenu';
import popover from '../ui/popover.module.css';
import styles from './Layout.module.css';

function LiveUpdates({ role }: { role: Role }) {
  useLiveEvents(role);
  return null;
}

/** The signed-in shell: top bar (menu, brand, bell, account), role-aware navigation and the page. */
export function Layout() {
  const { viewer, loading, error, refetch } = useViewer();
  const [menuOpen, setMenuOpen] = useState(false);
  const { pathname } = useLocation();
  useEffect(() => setMenuOpen(false), [pathname]);

  if (!viewer) {
    if (loading) return <Spinner label="Loading your workspace…" />;
    return <ErrorState title="Your account could not be loaded" error={error} onRetry={() => void refetch()} />;
  }

  return (
    <div className={styles.shell}>
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
      <main className={styles.main}>
        <Suspense fallback={<Spinner />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
