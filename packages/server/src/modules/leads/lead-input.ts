import type { EntityManager } from 'typeorm';
import type { Role, UpdateLeadInput } from '../../generated/graphql';
import { applyScope } from '../../platform/auth/scope';
import { viewerTeamIds, type Viewer } from '../../platform/auth/viewer';
import { addressColumns } from '../../platform/db/address';
import type { Validator } from '../../platform/validation';
import { CustomerEntity } from '../customers/customer.entity';
import { customerScope } from '../customers/customer.policy';
import { UserEntity } from '../users/user.entity';
import type { LeadEntity } from './lead.entity';

type DetailsInput = Omit<UpdateLeadInput, 'id' | 'customerId'>;

/**
 * Validates the detail fields shared by create and update. Only fields present in `input` are returned; null clears
 * an optional field (source and priority cannot be cleared and ignore null).
 */
export function leadDetails(v: Validator, input: Partial<DetailsInput>): Partial<LeadEntity> {
  const p: Partial<LeadEntity> = {};
  if (input.contactName !== undefined) p.contactName = v.text('contactName', input.contactName, { max: 200 });
  if (input.contactEmail !== undefined) p.contactEmail = v.email('contactEmail', input.contactEmail);
  if (input.contactPhone !== undefined) p.contactPhone = v.phone('contactPhone', input.contactPhone);
  if (input.propertyAddress !== undefined) Object.assign(p, addressColumns(v, 'propertyAddress', input.propertyAddress));
  if (input.source != null) p.source = input.source;
  if (input.projectType !== undefined) p.projectType = input.projectType ?? null;
  if (input.estimatedValue !== undefined) p.estimatedValue = v.money('estimatedValue', input.estimatedValue);
  if (input.priority != null) p.priority = input.priority;
  if (input.notes !== undefined) p.notes = v.text('notes', input.notes, { max: 5000 });
  if (input.nextFollowUpAt !== undefined) p.nextFollowUpAt = input.nextFollowUpAt ?? null;
  return p;
}

/** The columns of a new lead from its details (createLead and imports): stage NEW, MEDIUM unless given, not scored yet. */
export function newLeadDetails(v: Validator, input: Partial<DetailsInput>): Partial<LeadEntity> {
  return { ...leadDetails(v, input), priority: input.priority ?? 'MEDIUM', status: 'NEW', score: 0 };
}

/** A new lead without a customer must name a reachable contact (createLead and imports). */
export function checkNewContact(v: Validator, values: Partial<LeadEntity>): void {
  checkContact(v, { contactName: null, contactEmail: null, contactPhone: null, ...values, customerId: null });
}

type Contact = Pick<LeadEntity, 'customerId' | 'contactName' | 'contactEmail' | 'contactPhone'>;

/** A lead is about a customer, or about a named contact with a phone or an e-mail. */
export function checkContact(v: Validator, lead: Contact): void {
  if (lead.customerId) return;
  const reported = (field: string) => v.errors.some((e) => e.field?.[0] === field);
  if (!lead.contactName && !reported('contactName')) v.add('contactName', 'REQUIRED', 'Give a contact name or an existing customer.');
  if (!lead.contactPhone && !lead.contactEmail && !reported('contactPhone') && !reported('contactEmail')) {
    v.add('contactPhone', 'REQUIRED', 'Give a contact phone or e-mail address.');
  }
}

/** The customer with key `id` if the viewer may see it (not deleted); reports NOT_FOUND on `customerId` otherwise. */
export async function visibleCustomer(m: EntityManager, v: Validator, viewer: Viewer, id: string): Promise<CustomerEntity | null> {
  const customer = await applyScope(m.getRepository(CustomerEntity).createQueryBuilder('c'), customerScope(viewer, 'c'))
    .andWhere('c.id = :id', { id })
    .getOne();
  if (!customer) v.add('customerId', 'NOT_FOUND', 'No such customer.');
  return customer;
}

const ASSIGNABLE_ROLES: readonly Role[] = ['SALES', 'MANAGER', 'ADMIN'];

/** Admins may name anyone; managers the members of their teams (and themselves); sales only themselves. */
function mayAssignTo(viewer: Viewer, user: UserEntity): boolean {
  if (viewer.role === 'ADMIN' || user.id === viewer.id) return true;
  return viewer.role === 'MANAGER' && user.teamId !== null && viewerTeamIds(viewer).includes(user.teamId);
}

/**
 * The user with key `id` if the viewer may make them a lead's assignee and they can work leads (an active sales user,
 * manager or admin); reports the problem on `assigneeId` otherwise.
 */
export async function checkAssignee(m: EntityManager, v: Validator, viewer: Viewer, id: string): Promise<string | null> {
  const user = await m.getRepository(UserEntity).findOneBy({ id });
  if (!user) {
    v.add('assigneeId', 'NOT_FOUND', 'No such user.');
  } else if (!mayAssignTo(viewer, user)) {
    const why = viewer.role === 'SALES' ? 'Sales may only assign leads to themselves.' : 'You may only assign leads to members of your teams.';
    v.add('assigneeId', 'FORBIDDEN', why);
  } else if (!user.active || !ASSIGNABLE_ROLES.includes(user.role)) {
    v.add('assigneeId', 'INVALID', 'Leads can only go to active sales users, managers or admins.');
  } else {
    return user.id;
  }
  return null;
}
