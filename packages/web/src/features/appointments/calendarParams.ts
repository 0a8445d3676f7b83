import type { AppointmentFilter, AppointmentStatus, Role } from '../../gql/graphql';
import { toDateInput } from '../../lib/dateInputs';
import { addDays, parseDateInput, startOfDay, startOfWeek } from './time';

export type CalendarView = 'week' | 'day';

/** Whose appointments: everyone the viewer may see, the unassigned ones, or one person's (a user id). */
export type Who = 'all' | 'unassigned' | { userId: string };

/**
 * What the calendar shows, kept in the URL (`?view=day&date=2026-11-23&who=<user id>&team=<team id>&cancelled=1`,
 * `&id=<appointment id>` while one is open) so reload, back/forward and shared links (a notification's) show the same
 * calendar. Absent parameters take the role's defaults.
 */
export interface CalendarState {
  view: CalendarView | null;
  /** Any day of the week shown (the day shown in the day view). */
  date: Date;
  who: Who | null;
  teamId: string | null;
  showCancelled: boolean;
  /** The appointment whose details are open. */
  openId: string | null;
}

export function readCalendarState(params: URLSearchParams, today = new Date()): CalendarState {
  const view = params.get('view');
  const who = params.get('who');
  return {
    view: view === 'week' || view === 'day' ? view : null,
    date: parseDateInput(params.get('date')) ?? startOfDay(today),
    who: who === 'all' || who === 'unassigned' ? who : who ? { userId: who } : null,
    teamId: params.get('team') || null,
    showCancelled: params.get('cancelled') === '1',
    openId: params.get('id') || null,
  };
}

export function writeCalendarState(state: CalendarState, today = new Date()): URLSearchParams {
  const p = new URLSearchParams();
  if (state.view) p.set('view', state.view);
  if (toDateInput(state.date) !== toDateInput(today)) p.set('date', toDateInput(state.date));
  if (state.who) p.set('who', typeof state.who === 'string' ? state.who : state.who.userId);
  if (state.teamId) p.set('team', state.teamId);
  if (state.showCancelled) p.set('cancelled', '1');
  if (state.openId) p.set('id', state.openId);
  return p;
}

/** Who may choose whose calendar to see: admins and managers anyone of their teams, sales themselves or the open slots. */
export const picksPeople = (role: Role) => role === 'ADMIN' || role === 'MANAGER';
export const picksTeams = picksPeople;

/**
 * Whose appointments a role sees when the URL does not say: sales their own, admins and managers everything they
 * may see, field techs whatever the server gives them (their own and those of their projects).
 */
export function effectiveWho(state: CalendarState, viewer: { id: string; role: Role }): Who {
  if (viewer.role === 'FIELD_TECH') return 'all';
  return state.who ?? (viewer.role === 'SALES' ? { userId: viewer.id } : 'all');
}

/** The days shown: Monday to Sunday of the date's week, or the date alone. */
export function daysOf(view: CalendarView, date: Date): Date[] {
  if (view === 'day') return [startOfDay(date)];
  const monday = startOfWeek(date);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** The date one step back or forward (a week or a day). */
export const stepDate = (view: CalendarView, date: Date, direction: -1 | 1): Date =>
  addDays(date, direction * (view === 'week' ? 7 : 1));

/** The `appointments` filter for the days shown (appointments overlapping them) and the chosen people. */
export function filterOf(days: readonly Date[], who: Who, teamId: string | null, role: Role): AppointmentFilter {
  const filter: AppointmentFilter = {
    range: { from: days[0]!.toISOString(), to: addDays(days[days.length - 1]!, 1).toISOString() },
  };
  if (who === 'unassigned') filter.unassigned = true;
  else if (who !== 'all') filter.assigneeId = who.userId;
  if (teamId && picksTeams(role)) filter.teamId = teamId;
  return filter;
}

/** The calendar's order (its query's): soonest first. */
export const CALENDAR_ORDER = { field: 'STARTS_AT', direction: 'ASC' } as const;

const NOT_CANCELLED: AppointmentStatus[] = ['SCHEDULED', 'CONFIRMED', 'COMPLETED', 'NO_SHOW'];

/** What "Export CSV" sends: the calendar's filter, and no cancelled appointments unless the calendar shows them. */
export const exportFilterOf = (filter: AppointmentFilter, showCancelled: boolean): AppointmentFilter =>
  showCancelled ? filter : { ...filter, statuses: NOT_CANCELLED };
