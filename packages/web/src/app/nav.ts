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

/** The main navigation for a role: field techs get their projects, appointments and the log only. */
export function navFor(role: Role): NavItem[] {
  if (!isOffice(role)) {
    return [
      { to: '/projects', label: 'My projects', icon: 'projects' },
      { to: '/appointments', label: 'Appointments', icon: 'appointments' },
      { to: '/interactions', label: 'Interactions', icon: 'interactions' },
      { to: '/settings', label: 'Settings', icon: 'settings' },
    ];
  }
  return [
    { to: '/', label: 'Dashboard', icon: 'dashboard' },
    { to: '/customers', label: 'Customers', icon: 'customers' },
    { to: '/leads', label: 'Leads', icon: 'leads' },
    { to: '/projects', label: 'Projects', icon: 'projects' },
    { to: '/appointments', label: 'Appointments', icon: 'appointments' },
    { to: '/interactions', label: 'Interactions', icon: 'interactions' },
    { to: '/settings', label: 'Settings', icon: 'settings' },
  ];
}
