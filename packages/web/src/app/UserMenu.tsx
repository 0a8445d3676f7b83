import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { enumLabel, initials } from '../lib/format';
import { cx, useDismiss } from '../ui';
import { useSignOut, type Viewer } from './auth';
import popover from '../ui/popover.module.css';
import styles from './Layout.module.css';

/** Avatar button with the user's name, role and team, a link to their settings and sign-out. */
export function UserMenu({ viewer }: { viewer: Viewer }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const signOut = useSignOut();
  useDismiss(ref, open, () => setOpen(false));

  return (
    <div ref={ref} className={popover.popoverAnchor}>
      <button
        type="button"
        className={styles.userButton}
        aria-expanded={open}
        aria-controls="user-menu"
        aria-label={`Account: ${viewer.name}`}
        onClick={() => setOpen((o) => !o)}
      >
        <span className={styles.avatar} aria-hidden="true">
          {initials(viewer.name)}
        </span>
        <span className={styles.userName}>{viewer.name}</span>
      </button>
      {open && (
        <div id="user-menu" className={cx(popover.popover, styles.userMenu)}>
          <div className={styles.userSummary}>
            <strong>{viewer.name}</strong>
            <span>{viewer.email}</span>
            <span>
              {enumLabel(viewer.role)}
              {viewer.team && ` · ${viewer.team.name}`}
            </span>
          </div>
          <Link className={styles.menuItem} to="/settings" onClick={() => setOpen(false)}>
            Profile & password
          </Link>
          <button type="button" className={styles.menuItem} onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      )}
    </div>
  );
}
