import type { ProjectStatus } from '../../generated/graphql';

/**
 * Allowed status moves (see `ProjectStatus` in the SDL): forward one stage, one step back from SCHEDULED or
 * IN_PROGRESS, CANCELLED from any open stage. COMPLETED and CANCELLED are final.
 */
const MOVES: Record<ProjectStatus, readonly ProjectStatus[]> = {
  PLANNING: ['SCHEDULED', 'CANCELLED'],
  SCHEDULED: ['IN_PROGRESS', 'PLANNING', 'CANCELLED'],
  IN_PROGRESS: ['COMPLETED', 'SCHEDULED', 'CANCELLED'],
  COMPLETED: [],
  CANCELLED: [],
};

/** Whether a project may move from `from` to `to` (staying put is not a move and always allowed). */
export function canMoveProject(from: ProjectStatus, to: ProjectStatus): boolean {
  return from === to || MOVES[from].includes(to);
}
