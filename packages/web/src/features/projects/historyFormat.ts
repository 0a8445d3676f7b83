import { calendarDateLabel, enumLabel, money } from '../../lib/format';

/** `completionPercentage` → `Completion percentage`. */
export const fieldLabel = (field: string) => {
  const words = field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const MONEY_FIELDS = new Set(['budget', 'actualCost']);
const DATE_FIELDS = new Set(['startDate', 'endDate']);
const ACTIONS: Record<string, string> = {
  CREATE: 'created the project',
  UPDATE: 'changed',
  DELETE: 'moved it to the trash',
  RESTORE: 'restored it',
  HARD_DELETE: 'removed it',
};

/** What an audit action did to the project, as the rest of a sentence starting with who did it. */
export const actionLabel = (action: string) => ACTIONS[action] ?? enumLabel(action).toLowerCase();

/** A before or after value of a changed field, formatted for the field. */
export const valueLabel = (field: string, v: unknown): string => {
  if (v === null || v === undefined || v === '') return '—';
  if (MONEY_FIELDS.has(field) && (typeof v === 'string' || typeof v === 'number')) return money(String(v));
  if (DATE_FIELDS.has(field) && typeof v === 'string') return calendarDateLabel(v.slice(0, 10));
  if (field === 'completionPercentage' && typeof v === 'number') return `${v}%`;
  if (typeof v === 'string') return /^[A-Z_]+$/.test(v) ? enumLabel(v) : v;
  if (Array.isArray(v)) return `${v.length} ${v.length === 1 ? 'item' : 'items'}`;
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
};
