import type { ProjectStatus, ProjectType } from '../../gql/graphql';
import { calendarDateLabel } from '../../lib/format';
import type { BadgeTone } from '../../ui';

/** The kinds of work, in the API's order. */
export const PROJECT_TYPES: readonly ProjectType[] = [
  'FULL_REPLACEMENT',
  'REPAIR',
  'GUTTERS',
  'SIDING',
  'INSPECTION',
  'STORM_DAMAGE',
  'OTHER',
];

/** Every status in pipeline order. */
export const PROJECT_STATUSES: readonly ProjectStatus[] = ['PLANNING', 'SCHEDULED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'];

/** The stages where work is still to do. */
export const OPEN_STATUSES: readonly ProjectStatus[] = ['PLANNING', 'SCHEDULED', 'IN_PROGRESS'];

const LABELS: Record<ProjectStatus, string> = {
  PLANNING: 'Planning',
  SCHEDULED: 'Scheduled',
  IN_PROGRESS: 'In progress',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
};

const TONES: Record<ProjectStatus, BadgeTone> = {
  PLANNING: 'neutral',
  SCHEDULED: 'info',
  IN_PROGRESS: 'warning',
  COMPLETED: 'success',
  CANCELLED: 'danger',
};

/**
 * The moves the server allows (`ProjectStatus` in the SDL, `project-transitions.ts` on the server): forward one stage,
 * one step back from SCHEDULED or IN_PROGRESS, CANCELLED from any open stage; COMPLETED and CANCELLED are final.
 */
const MOVES: Record<ProjectStatus, readonly ProjectStatus[]> = {
  PLANNING: ['SCHEDULED', 'CANCELLED'],
  SCHEDULED: ['IN_PROGRESS', 'PLANNING', 'CANCELLED'],
  IN_PROGRESS: ['COMPLETED', 'SCHEDULED', 'CANCELLED'],
  COMPLETED: [],
  CANCELLED: [],
};

/** What a move is called on its button. */
const MOVE_LABELS: Partial<Record<`${ProjectStatus}>${ProjectStatus}`, string>> = {
  'PLANNING>SCHEDULED': 'Mark scheduled',
  'SCHEDULED>IN_PROGRESS': 'Start work',
  'SCHEDULED>PLANNING': 'Back to planning',
  'IN_PROGRESS>COMPLETED': 'Mark completed',
  'IN_PROGRESS>SCHEDULED': 'Back to scheduled',
};

export const statusLabel = (s: ProjectStatus): string => LABELS[s];
export const statusTone = (s: ProjectStatus): BadgeTone => TONES[s];
export const nextStatuses = (s: ProjectStatus): readonly ProjectStatus[] => MOVES[s];
export const moveLabel = (from: ProjectStatus, to: ProjectStatus): string =>
  to === 'CANCELLED' ? 'Cancel project' : (MOVE_LABELS[`${from}>${to}`] ?? `Move to ${LABELS[to]}`);
export const isProjectStatus = (v: string): v is ProjectStatus => (PROJECT_STATUSES as readonly string[]).includes(v);

/** `Dec 10 – Dec 15, 2026`, `From Dec 10, 2026`, `No dates yet`. */
export function dateRange(start: string | null | undefined, end: string | null | undefined): string {
  if (start && end) return `${calendarDateLabel(start, start.slice(0, 4) === end.slice(0, 4))} – ${calendarDateLabel(end)}`;
  if (start) return `From ${calendarDateLabel(start)}`;
  if (end) return `Until ${calendarDateLabel(end)}`;
  return 'No dates yet';
}

function ratioOf(cost: number, budget: number | null): number | null {
  if (budget === null) return null;
  if (budget === 0) return cost > 0 ? Infinity : 0;
  return cost / budget;
}

export interface CostFigures {
  budget: number | null;
  cost: number;
  /** Cost over budget, 0 when within (or without a budget). */
  over: number;
  /** Cost as a share of the budget (null without a budget). */
  ratio: number | null;
}

/**
 * Budget against cost, computed here from the two amounts (not the server's `onBudget`): live `projectUpdated`
 * events carry the new cost but not `onBudget`, so a derived flag would go stale in the cache.
 */
export function costFigures(budget: string | null | undefined, actualCost: string): CostFigures {
  const b = budget == null || budget === '' ? null : Number(budget);
  const cost = Number(actualCost) || 0;
  const validBudget = b !== null && !Number.isNaN(b) ? b : null;
  return {
    budget: validBudget,
    cost,
    over: validBudget !== null && cost > validBudget ? cost - validBudget : 0,
    ratio: ratioOf(cost, validBudget),
  };
}
