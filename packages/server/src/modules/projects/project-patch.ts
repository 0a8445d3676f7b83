import type { UpdateProjectInput } from '../../generated/graphql';
import type { Validator } from '../../platform/validation';
import { FIELD_TECH_PROJECT_FIELDS } from './project.policy';
import type { ProjectEntity } from './project.entity';
import { canMoveProject } from './project-transitions';
import { enumLabel } from '../notifications/notification-text';

type Changes = Omit<UpdateProjectInput, 'id'>;

/** `updateProject`'s input as the service takes it: `id` is the project's key, null when it named no project. */
export interface ProjectChanges extends Changes {
  id: string | null;
}

/** Reports `value` missing: null cannot clear a required field. */
function required<T>(v: Validator, field: string, value: T | null): T | null {
  if (value === null) v.add(field, 'REQUIRED', 'This field cannot be cleared.');
  return value;
}

/** Reports `field` when the end date lies before the start date (`YYYY-MM-DD` strings compare in order). */
export function checkDates(v: Validator, field: string, start: string | null, end: string | null): void {
  if (start && end && end < start) v.add(field, 'OUT_OF_RANGE', 'The end date must not be before the start date.');
}

/**
 * The changes a field tech asked for outside progress reporting are refused (FORBIDDEN on each such field); returns
 * the part of the input they may apply.
 */
export function fieldTechChanges(v: Validator, input: ProjectChanges): Changes {
  const allowed: Changes = {};
  for (const [key, value] of Object.entries(input) as Array<[keyof ProjectChanges, unknown]>) {
    if (key === 'id' || value === undefined) continue;
    if ((FIELD_TECH_PROJECT_FIELDS as readonly string[]).includes(key)) Object.assign(allowed, { [key]: value });
    else v.add(key, 'FORBIDDEN', 'Field techs may only report status, progress and cost.');
  }
  return allowed;
}

/** Validates `input` against project `p` and returns the columns to change. Moving to COMPLETED sets progress to 100. */
export function projectPatch(v: Validator, p: ProjectEntity, input: Changes): Partial<ProjectEntity> {
  const patch: Partial<ProjectEntity> = {};
  if (input.name !== undefined) patch.name = v.text('name', input.name, { max: 200, min: 2, required: true }) ?? p.name;
  if (input.projectType !== undefined) patch.projectType = required(v, 'projectType', input.projectType) ?? p.projectType;
  if (input.budget !== undefined) patch.budget = v.money('budget', input.budget);
  if (input.actualCost !== undefined) patch.actualCost = v.money('actualCost', required(v, 'actualCost', input.actualCost)) ?? p.actualCost;
  if (input.startDate !== undefined) patch.startDate = input.startDate;
  if (input.endDate !== undefined) patch.endDate = input.endDate;
  if (input.completionPercentage !== undefined) {
    patch.completionPercentage = v.intRange('completionPercentage', required(v, 'completionPercentage', input.completionPercentage), 0, 100) ?? p.completionPercentage;
  }
  const status = input.status === undefined ? null : required(v, 'status', input.status);
  if (status && !canMoveProject(p.status, status)) {
    v.add('status', 'INVALID_TRANSITION', `A project cannot move from ${enumLabel(p.status)} to ${enumLabel(status)}.`);
  } else if (status) {
    patch.status = status;
    if (status === 'COMPLETED') patch.completionPercentage = 100;
  }
  checkDates(
    v,
    input.endDate !== undefined ? 'endDate' : 'startDate',
    patch.startDate !== undefined ? patch.startDate : p.startDate,
    patch.endDate !== undefined ? patch.endDate : p.endDate,
  );
  return patch;
}
