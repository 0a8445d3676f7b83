import type { ExportColumn } from '../platform/http/list-export';
import { wallClock } from '../platform/time-zone';
import type { ExportContext } from './feature';

/**
 * Columns several list exports share (modules/<feature>/<x>.export.ts). Values are what the API shows, for people
 * reading the file in a spreadsheet: names of linked records instead of their IDs, US phone numbers as `(612) 555-0142`
 * (others in E.164), times on the company's clock as `2026-12-06 14:30` (a spreadsheet reads that as a date and time;
 * the heading names the zone, as the app shows every time in it), money as its decimal string.
 */
type Column<T> = ExportColumn<T, ExportContext>;

/** `+16125550142` → `(612) 555-0142`; other numbers as stored (the web's `phoneLabel`). */
export function phoneText(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const us = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(phone);
  return us ? `(${us[1]}) ${us[2]}-${us[3]}` : phone;
}

export const idColumn = <T extends { id: string }>(type: string): Column<T> => ({ header: 'ID', value: (r) => r.id, globalId: type });

interface Addressed {
  addressStreet: string | null;
  addressCity: string | null;
  addressState: string | null;
  addressZip: string | null;
}

export const addressColumns = <T extends Addressed>(): Array<Column<T>> => [
  { header: 'Street', value: (r) => r.addressStreet },
  { header: 'City', value: (r) => r.addressCity },
  { header: 'State', value: (r) => r.addressState },
  { header: 'ZIP', value: (r) => r.addressZip },
];

/** The owning team's name. */
export const teamColumn = <T extends { teamId: string | null }>(): Column<T> => ({
  header: 'Team',
  value: async (r, { loaders }) => (r.teamId ? (await loaders.teamById.load(r.teamId))?.name : null),
});

/** A staff member's name (assignee, owner). */
export const userColumn = <T>(header: string, id: (row: T) => string | null): Column<T> => ({
  header,
  value: async (r, { loaders }) => {
    const userId = id(r);
    return userId ? (await loaders.userById.load(userId))?.name : null;
  },
});

/** A linked customer's name, when the viewer may see the customer (as the API's `customer` field). */
export const customerNameColumn = <T extends { customerId: string | null }>(header = 'Customer'): Column<T> => ({
  header,
  value: async (r, { loaders }) => (r.customerId ? (await loaders.customerById.load(r.customerId))?.name : null),
});

/** A linked project's name, when the viewer may see the project (as the API's `project` field). */
export const projectNameColumn = <T extends { projectId: string | null }>(): Column<T> => ({
  header: 'Project',
  value: async (r, { loaders }) => (r.projectId ? (await loaders.projectById.load(r.projectId))?.name : null),
});

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-12-06 14:30` on `timeZone`'s clock; null stays null. */
export function clockTime(at: Date | null, timeZone: string): string | null {
  if (!at) return null;
  const c = wallClock(at, timeZone);
  return `${c.year}-${pad(c.month)}-${pad(c.day)} ${pad(c.hour)}:${pad(c.minute)}`;
}

/** A point in time, on the company's clock; the heading names the zone (`Created (America/Chicago)`). */
export const timeColumn = <T>(label: string, at: (row: T) => Date | null): Column<T> => ({
  header: ({ timeZone }) => `${label} (${timeZone})`,
  value: (r, { timeZone }) => clockTime(at(r), timeZone),
});

export const timestampColumns = <T extends { createdAt: Date; updatedAt: Date }>(): Array<Column<T>> => [
  timeColumn<T>('Created', (r) => r.createdAt),
  timeColumn<T>('Updated', (r) => r.updatedAt),
];
