import type { DataSource, EntityManager } from 'typeorm';
import type { ConvertLeadInput, ProjectType } from '../../generated/graphql';
import type { Viewer } from '../../platform/auth/viewer';
import { EntityWriter, type WriteHook } from '../../platform/db/entity-writer';
import { violates } from '../../platform/db/errors';
import { Validator, userError, type UserErrorData } from '../../platform/validation';
import type { AuditService } from '../audit/audit.service';
import { CustomerEntity } from '../customers/customer.entity';
import { ProjectMemberEntity } from '../projects/project-member.entity';
import { ProjectEntity } from '../projects/project.entity';
import type { LeadWorkflow } from './lead-workflow';
import { LEAD_STAGE_NAMES } from './lead-transitions';
import { LeadEntity } from './lead.entity';
import { writeEffects, type EventSink } from '../realtime/event-definition';
import { customerWrites } from '../customers/customer.events';
import { projectWrites } from '../projects/project.events';
import { ReferralFeeWriter } from '../partners/referral-fee.service';

export interface ConvertResult {
  lead: LeadEntity | null;
  customer: CustomerEntity | null;
  project: ProjectEntity | null;
  errors: UserErrorData[];
}

export const refusedConversion = (errors: UserErrorData[]): ConvertResult => ({ lead: null, customer: null, project: null, errors });

/** `FULL_REPLACEMENT` → `full replacement`. */
const inWords = (type: ProjectType) => type.toLowerCase().replace(/_/g, ' ');

/** `<customer> – <project type>`, within the 200 characters a project name may have. */
export const defaultProjectName = (customerName: string, type: ProjectType) => `${customerName} – ${inWords(type)}`.slice(0, 200);

/** Why `lead` cannot be converted (already converted, or not WON); null when it can. */
export function conversionRefusal(lead: LeadEntity): UserErrorData | null {
  if (lead.convertedProjectId) return userError('id', 'CONFLICT', 'The lead was already converted into a project.');
  if (lead.status !== 'WON') return userError('id', 'INVALID_TRANSITION', `Only a won lead can be converted; this one is at ${LEAD_STAGE_NAMES[lead.status]}.`);
  return null;
}

/**
 * Turns a WON lead into a project in one transaction: links or creates the customer, creates the project (with the
 * lead's assignee as crew), marks the lead converted (and rescores it) and, for a lead a partner referred, accrues the
 * partner's referral fee (at most one per project), each write with its audit entry. Any failure rolls back all.
 */
export class LeadConverter {
  private readonly customers: EntityWriter<CustomerEntity>;
  private readonly projects: EntityWriter<ProjectEntity>;
  private readonly projectWritten: WriteHook<ProjectEntity>;
  private readonly fees: ReferralFeeWriter;

  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly leads: EntityWriter<LeadEntity>,
    private readonly flow: LeadWorkflow,
    events: EventSink,
  ) {
    this.customers = new EntityWriter(CustomerEntity, 'Customer', audit, writeEffects(events, customerWrites));
    this.projectWritten = writeEffects(events, projectWrites);
    this.projects = new EntityWriter(ProjectEntity, 'Project', audit, this.projectWritten);
    this.fees = new ReferralFeeWriter(audit, events);
  }

  /** Converts `lead` (visible to and writable by the viewer). */
  async convert(viewer: Viewer, lead: LeadEntity, input: Omit<ConvertLeadInput, 'id'>): Promise<ConvertResult> {
    const v = new Validator();
    const refusal = conversionRefusal(lead);
    if (refusal) v.errors.push(refusal);
    const projectName = v.text('projectName', input.projectName, { max: 200 });
    const budget = v.money('budget', input.budget);
    if (!v.ok) return refusedConversion(v.errors);
    try {
      return await this.ds.transaction(async (m) => {
        // Locked and checked again, so two concurrent conversions cannot both pass.
        const current = await m
          .getRepository(LeadEntity)
          .createQueryBuilder('l')
          .setLock('pessimistic_write')
          .where('l.id = :id', { id: lead.id })
          .getOne();
        if (!current) return refusedConversion([userError('id', 'NOT_FOUND', 'No such lead.')]);
        const stale = conversionRefusal(current);
        if (stale) return refusedConversion([stale]);
        const customer = await this.customerFor(m, viewer, current);
        if (!(customer instanceof CustomerEntity)) return refusedConversion([customer]);
        const projectType = current.projectType ?? 'OTHER';
        const project = await this.projects.create(m, viewer, {
          customerId: customer.id,
          leadId: current.id,
          name: projectName ?? defaultProjectName(customer.name, projectType),
          projectType,
          status: 'PLANNING',
          budget: budget ?? current.estimatedValue,
          actualCost: '0',
          startDate: input.startDate ?? null,
          completionPercentage: 0,
          teamId: current.teamId,
          createdById: viewer.id,
        });
        if (current.assigneeId) await this.addCrew(m, viewer, project, current.assigneeId);
        const patch = { customerId: customer.id, convertedProjectId: project.id, convertedAt: new Date() };
        const converted = await this.flow.rescored(m, await this.leads.update(m, viewer, current, patch));
        await this.fees.accrue(m, viewer, { lead: current, project });
        return { lead: converted, customer, project, errors: [] };
      });
    } catch (err) {
      // Another request created a customer with the lead's e-mail meanwhile.
      if (!violates(err, 'customers_email_key')) throw err;
      return refusedConversion([userError('id', 'CONFLICT', "A customer with the lead's e-mail address was just created; try again.")]);
    }
  }

  /** The lead's customer; else the customer with the lead's e-mail (any team); else a new one from the contact data. */
  private async customerFor(m: EntityManager, viewer: Viewer, lead: LeadEntity): Promise<CustomerEntity | UserErrorData> {
    const repo = m.getRepository(CustomerEntity);
    if (lead.customerId) {
      const linked = await repo.findOneBy({ id: lead.customerId });
      return linked ?? userError('id', 'CONFLICT', "The lead's customer is deleted; restore the customer first.");
    }
    if (lead.contactEmail) {
      const byEmail = await repo.createQueryBuilder('c').withDeleted().where('lower(c.email) = lower(:email)', { email: lead.contactEmail }).getOne();
      if (byEmail?.deletedAt) return userError('id', 'CONFLICT', "A deleted customer has the lead's e-mail address; restore that customer first.");
      if (byEmail) return byEmail;
    }
    if (!lead.contactName) return userError('id', 'INVALID', 'The lead has no contact name to create a customer from.');
    return this.customers.create(m, viewer, {
      name: lead.contactName,
      email: lead.contactEmail,
      phone: lead.contactPhone,
      addressStreet: lead.addressStreet,
      addressCity: lead.addressCity,
      addressState: lead.addressState,
      addressZip: lead.addressZip,
      customerType: 'RESIDENTIAL',
      teamId: lead.teamId,
      createdById: viewer.id,
    });
  }

  /** Puts the lead's assignee on the new project's crew, recorded like any crew change. */
  private async addCrew(m: EntityManager, viewer: Viewer, project: ProjectEntity, userId: string): Promise<void> {
    await m.getRepository(ProjectMemberEntity).insert({ projectId: project.id, userId });
    const crew = { entityType: 'Project', entityId: project.id, action: 'UPDATE', before: { crew: [] }, after: { crew: [userId] }, teamId: project.teamId } as const;
    if (await this.audit.record(m, viewer, crew)) await this.projectWritten(m, { action: 'UPDATE', before: project, after: project });
  }
}
