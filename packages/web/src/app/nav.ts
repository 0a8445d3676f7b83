import type { Role } from '../gql/graphql';
import type { IconName } from '../ui';

export interface NavItem {
  to: string;
  label: string;
  icon: IconName;
}

const OFFICE: readonly Role[] = ['ADMIN', 'MANAGER', 'SALES'];

/** Whether the role works in the office (sees the pipeline and dashboard) rather than on roofs. */
export const isOffice = (role: Role) => OFFICE.includes(role);

/**
 * The main navigation for a role: field techs get their projects, appointments, the log and their projects' reviews
 * and insurance claims (no partners).
 */
export function navFor(role: Role): NavItem[] {
  if (!isOffice(role)) {
    return [
      { to: '/projects', label: 'My projects', icon: 'projects' },
      { to: '/appointments', label: 'Appointments', icon: 'appointments' },
      { to: '/interactions', label: 'Interactions', icon: 'interactions' },
      { to: '/reviews', label: 'Reviews', icon: 'reviews' },
      { to: '/claims', label: 'Claims', icon: 'claims' },
      { to: '/settings', label: 'Settings', icon: 'settings' },
    ];
  }
  return [
    { to: '/', label: 'Dashboard', icon: 'dashboard' },
    { to: '/customers', label: 'Customers', icon: 'customers' },
    { to: '/leads', label: 'Leads', icon: 'leads' },
    { to: '/partners', label: 'Partners', icon: 'partners' },
    { to: '/projects', label: 'Projects', icon: 'projects' },
    { to: '/claims', label: 'Claims', icon: 'claims' },
    { to: '/appointments', label: 'Appointments', icon: 'appointments' },
    { to: '/interactions', label: 'Interactions', icon: 'interactions' },
    { to: '/reviews', label: 'Reviews', icon: 'reviews' },
    { to: '/imports', label: 'Import', icon: 'upload' },
    ...(role === 'ADMIN' || role === 'MANAGER' ? [{ to: '/duplicates', label: 'Duplicates', icon: 'merge' as const }] : []),
    { to: '/settings', label: 'Settings', icon: 'settings' },
  ];
}
