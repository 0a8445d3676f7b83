import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import type { LogInteractionInput, UpdateInteractionInput } from '../../generated/graphql';
import { applyScope, type Scope } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';
import type { Validator } from '../../platform/validation';
import { CustomerEntity } from '../customers/customer.entity';
import { customerScope } from '../customers/customer.policy';
import { LeadEntity } from '../leads/lead.entity';
import { leadScope } from '../leads/lead.policy';
import { ProjectEntity } from '../projects/project.entity';
import { projectScope } from '../projects/project.policy';
import type { InteractionEntity } from './interaction.entity';

/**
 * `logInteraction`'s input as the service takes it: keys for IDs. `customerId` is null when it named no customer;
 * `leadId` and `projectId` are NO_MATCH_ID then, so they are reported NOT_FOUND like a missing record.
 */
export interface NewInteraction extends Omit<LogInteractionInput, 'customerId' | 'leadId' | 'projectId'> {
  customerId: string | null;
  leadId?: string | null;
  projectId?: string | null;
}

/** `updateInteraction`'s input as the service takes it: `id` is the key, null when it named no interaction. */
export interface InteractionChanges extends Omit<UpdateInteractionInput, 'id'> {
  id: string | null;
}

/** The fields of an interaction that logging and editing set. */
export type InteractionContent = Pick<InteractionEntity, 'type' | 'direction' | 'channel' | 'subject' | 'notes' | 'outcome' | 'occurredAt'>;
type ContentInput = Omit<UpdateInteractionInput, 'id'>;

/** How far ahead of the server clock `occurredAt` may be (clock skew of the client). */
const FUTURE_SLACK_MS = 5 * 60_000;

/**
 * Validates `input` over `base` (the stored interaction, or the defaults of a new one): lengths, subject or notes,
 * not in the future. Notes are always INTERNAL; a note turned into another kind becomes OUTBOUND unless told.
 */
export function interactionContent(v: Validator, input: ContentInput, base: InteractionContent): InteractionContent {
  const type = input.type ?? base.type;
  const direction = type === 'NOTE' ? 'INTERNAL' : (input.direction ?? (base.type === 'NOTE' ? 'OUTBOUND' : base.direction));
  const text = (field: 'channel' | 'subject' | 'notes' | 'outcome', max: number) =>
    input[field] === undefined ? base[field] : v.text(field, input[field], { max });
  const content: InteractionContent = {
    type,
    direction,
    channel: text('channel', 50),
    subject: text('subject', 200),
    notes: text('notes', 10_000),
    outcome: text('outcome', 100),
    occurredAt: input.occurredAt ?? base.occurredAt,
  };
  const given = (field: 'subject' | 'notes') => Boolean(input[field] === undefined ? base[field] : input[field]?.trim());
  if (!given('subject') && !given('notes')) v.add('notes', 'REQUIRED', 'Give a subject or notes.');
  if (input.occurredAt && input.occurredAt.getTime() > Date.now() + FUTURE_SLACK_MS) {
    v.add('occurredAt', 'OUT_OF_RANGE', 'Occurred at must not be in the future.');
  }
  return content;
}

/** The defaults of a new interaction of `type`. */
export const newContent = (type: InteractionContent['type']): InteractionContent => ({
  type,
  direction: 'OUTBOUND',
  channel: null,
  subject: null,
  notes: null,
  outcome: null,
  occurredAt: new Date(),
});

async function visibleRow<T extends ObjectLiteral>(ds: DataSource, entity: EntityTarget<T>, scope: Scope, id: string | null): Promise<T | null> {
  if (!id) return null;
  return applyScope(ds.getRepository(entity).createQueryBuilder('r'), scope).andWhere('r.id = :id', { id }).getOne();
}

export interface InteractionReferences {
  customer: CustomerEntity | null;
  leadId: string | null;
  projectId: string | null;
}

/**
 * The customer, lead and project a new interaction refers to, each visible to the viewer, the lead and project of
 * that customer. Field techs must name a project they are on.
 */
export async function interactionReferences(ds: DataSource, v: Validator, viewer: Viewer, input: NewInteraction): Promise<InteractionReferences> {
  const customer = await visibleRow(ds, CustomerEntity, customerScope(viewer, 'r'), input.customerId);
  if (!customer) v.add('customerId', 'NOT_FOUND', 'No such customer.');
  const ofCustomer = (row: { customerId: string | null } | null) => row !== null && (!customer || row.customerId === customer.id);

  let leadId: string | null = null;
  if (input.leadId) {
    const lead = await visibleRow(ds, LeadEntity, leadScope(viewer, 'r'), input.leadId);
    if (ofCustomer(lead)) leadId = lead!.id;
    else v.add('leadId', 'NOT_FOUND', 'No such lead of this customer.');
  }

  let projectId: string | null = null;
  const fieldTech = viewer.role === 'FIELD_TECH';
  if (input.projectId) {
    // Field techs see exactly the projects they are on, so "not visible" means "not yours" (existing or not).
    const project = await visibleRow(ds, ProjectEntity, projectScope(viewer, 'r'), input.projectId);
    if (ofCustomer(project)) projectId = project!.id;
    else if (!project && fieldTech) v.add('projectId', 'FORBIDDEN', 'You can only log interactions on projects you are on.');
    else v.add('projectId', 'NOT_FOUND', 'No such project of this customer.');
  } else if (fieldTech) {
    v.add('projectId', 'FORBIDDEN', 'Field techs log interactions on one of their projects: choose it.');
  }
  return { customer, leadId, projectId };
}
