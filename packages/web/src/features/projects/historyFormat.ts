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

/** Who made an audit entry, as far as the viewer may see: a staff member, an API key (admins see keys), or neither. */
export interface HistoryAuthor {
  actor?: { name: string } | null;
  apiKey?: { name: string; partner?: { name: string } | null } | null;
  /** Done with a key, whether or not the viewer may see which. */
  byApiKey?: boolean;
}

/**
 * The name a history line starts with: the staff member, `API key <name> (<partner>)` (admins), `An API key` (a key
 * the viewer may not see), else `System`.
 */
export function authorLabel({ actor, apiKey, byApiKey }: HistoryAuthor): string {
  if (actor) return actor.name;
  if (apiKey) return `API key ${apiKey.name}${apiKey.partner ? ` (${apiKey.partner.name})` : ''}`;
  if (byApiKey) return 'An API key';
  return 'System';
}

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

/** A change as the history shows it. */
export interface HistoryChange {
  field: string;
  before?: unknown;
  after?: unknown;
}

/** Who joined and left a list of people (a project's crew), as far as the viewer may see them. */
export interface PeopleChange {
  added: ReadonlyArray<{ name: string }>;
  removed: ReadonlyArray<{ name: string }>;
}

/** `Ann Berg`, `Ann Berg and Bob Ek`, `Ann Berg, Bob Ek and Dee Fox`. */
const andList = (names: string[]) => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

/** `named` by name, and as a number the rest of `count` (people the viewer may not see). */
function people(named: ReadonlyArray<{ name: string }>, count: number): string {
  const others = count - named.length;
  const names = named.map((u) => u.name);
  if (others > 0) names.push(`${others} ${named.length ? 'other ' : ''}${others === 1 ? 'person' : 'people'}`);
  return andList(names);
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** What changed, after the field's label: `Dee Fox joined; Ann Berg left` for a list of people, else `before → after`. */
export function changeLabel(c: HistoryChange, named?: PeopleChange): string {
  if (named) {
    const [was, now] = [list(c.before), list(c.after)];
    const joined = now.filter((id) => !was.includes(id)).length;
    const left = was.filter((id) => !now.includes(id)).length;
    const parts = [joined && `${people(named.added, joined)} joined`, left && `${people(named.removed, left)} left`].filter(Boolean);
    return parts.length ? parts.join('; ') : 'no change';
  }
  return `${valueLabel(c.field, c.before)} → ${valueLabel(c.field, c.after)}`;
}
