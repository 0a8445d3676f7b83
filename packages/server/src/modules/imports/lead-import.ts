import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { CreateLeadInput, ImportField, LeadPriority, LeadSource, ProjectType } from '../../generated/graphql';
import { fetchManyWith } from '../../platform/db/hydrate';
import type { Validator } from '../../platform/validation';
import type { AuditService } from '../audit/audit.service';
import { checkContact, checkNewContact, leadDetails, newLeadDetails } from '../leads/lead-input';
import { LeadEntity } from '../leads/lead.entity';
import { leadWrites } from '../leads/lead.events';
import { canWriteLead, leadScope } from '../leads/lead.policy';
import { openLead } from '../leads/open-lead';
import type { LeadScoringService } from '../scoring/scoring.service';
import { dateTimeCell, emailCell, enumCell, moneyCell } from './import-values';
import { allOf, changing, contactKeys, creating, readContacts, reject, rowErrors, writeRecords, type ImportContext, type ImportRowInput, type ImportTarget, type Planned, type RecordColumns, type RecordWrite } from './import-target';

const SOURCES = allOf<LeadSource>()(['DOOR_KNOCK', 'REFERRAL', 'WEBSITE', 'STORM_CANVASS', 'PARTNER', 'ADS', 'PHONE', 'OTHER']);
const PROJECT_TYPES = allOf<ProjectType>()(['FULL_REPLACEMENT', 'REPAIR', 'GUTTERS', 'SIDING', 'INSPECTION', 'STORM_DAMAGE', 'OTHER']);
const PRIORITIES = allOf<LeadPriority>()(['LOW', 'MEDIUM', 'HIGH', 'URGENT']);

const FIELD_OF: Record<string, ImportField> = {
  contactName: 'CONTACT_NAME',
  contactEmail: 'CONTACT_EMAIL',
  contactPhone: 'CONTACT_PHONE',
  'propertyAddress.street': 'STREET',
  'propertyAddress.city': 'CITY',
  'propertyAddress.state': 'STATE',
  'propertyAddress.zip': 'ZIP',
  source: 'SOURCE',
  projectType: 'PROJECT_TYPE',
  estimatedValue: 'ESTIMATED_VALUE',
  priority: 'PRIORITY',
  notes: 'NOTES',
  nextFollowUpAt: 'NEXT_FOLLOW_UP_AT',
};

const WRITTEN = [
  'contactName',
  'contactEmail',
  'contactPhone',
  'addressStreet',
  'addressCity',
  'addressState',
  'addressZip',
  'source',
  'projectType',
  'estimatedValue',
  'priority',
  'notes',
  'nextFollowUpAt',
] as const;

const COLUMNS: RecordColumns<LeadEntity> = { entity: LeadEntity, typeName: 'Lead', created: ['id', ...WRITTEN, 'customerId', 'status', 'score', 'assigneeId', 'teamId', 'createdById'], updated: WRITTEN };

type Write = RecordWrite<LeadEntity>;
type LeadInput = Partial<Omit<CreateLeadInput, 'customerId' | 'assigneeId' | 'teamId' | 'referredBy'>>;

const hasAddress = (x: ImportRowInput['values']) => [x.STREET, x.CITY, x.STATE, x.ZIP].some((c) => c !== undefined);

/** The row as createLead's input (scalar checks on `v`): only what its cells give. */
function inputOf(v: Validator, x: ImportRowInput['values'], timeZone: string): LeadInput {
  const input: LeadInput = {};
  if (x.CONTACT_NAME !== undefined) input.contactName = x.CONTACT_NAME;
  const email = emailCell(v, 'contactEmail', x.CONTACT_EMAIL);
  if (email !== undefined) input.contactEmail = email;
  if (x.CONTACT_PHONE !== undefined) input.contactPhone = x.CONTACT_PHONE;
  if (hasAddress(x)) input.propertyAddress = { street: x.STREET ?? null, city: x.CITY ?? null, state: x.STATE ?? null, zip: x.ZIP ?? null };
  const source = enumCell(v, 'source', x.SOURCE, SOURCES);
  if (source) input.source = source;
  const projectType = enumCell(v, 'projectType', x.PROJECT_TYPE, PROJECT_TYPES);
  if (projectType) input.projectType = projectType;
  const value = moneyCell(v, 'estimatedValue', x.ESTIMATED_VALUE);
  if (value !== undefined) input.estimatedValue = value;
  const priority = enumCell(v, 'priority', x.PRIORITY, PRIORITIES);
  if (priority) input.priority = priority;
  if (x.NOTES !== undefined) input.notes = x.NOTES;
  const followUp = dateTimeCell(v, 'nextFollowUpAt', x.NEXT_FOLLOW_UP_AT, timeZone);
  if (followUp) input.nextFollowUpAt = followUp;
  return input;
}


/**
 * Leads about a contact: a row updates the newest open lead you may change with its contact e-mail, else with its
 * contact phone (when one of the two has no e-mail); otherwise it is a new lead (stage NEW, source OTHER unless
 * given) in the import's team, unassigned (the team's queue: no notification per imported lead), scored with the
 * current weights. createLead's and updateLead's own rules (lead-input.ts); blank cells change nothing.
 */
export function leadImport(audit: AuditService, scoring: LeadScoringService): ImportTarget<Write> {
  return {
    kind: 'LEAD',
    staleViews: leadWrites.staleViews ?? [],
    typeName: 'Lead',
    table: 'leads',

    keys: (row) => contactKeys(row, 'CONTACT_EMAIL', 'CONTACT_PHONE', 'contact '),

    async plan(m, ctx, rows) {
      const { parsed, emails, phones } = readContacts(rows, (v, x) => inputOf(v, x, ctx.timeZone), (i) => i.contactEmail, 'CONTACT_PHONE');
      const matches = (emails.length || phones.length ? await matching(m, ctx, emails, phones) : []).filter((l) => canWriteLead(ctx.viewer, l));
      return parsed.map(({ row, v, input, email, phone }): Planned<Write> => {
        const existing =
          (email ? matches.find((l) => l.contactEmail?.toLowerCase() === email) : undefined) ??
          (phone ? matches.find((l) => l.contactPhone === phone && !(email && l.contactEmail)) : undefined) ??
          null;
        if (existing && !ctx.updateExisting) v.add(email && existing.contactEmail ? 'contactEmail' : 'contactPhone', 'CONFLICT', 'An open lead matches this row, and this import does not update existing records.');
        if (!existing) {
          const values = newLeadDetails(v, { ...input, source: input.source ?? 'OTHER' });
          checkNewContact(v, values);
          if (!v.ok) return reject(row.rowNumber, rowErrors(v.errors, FIELD_OF));
          return creating(row.rowNumber, { ...values, id: randomUUID(), customerId: null, assigneeId: null, teamId: ctx.teamId, createdById: ctx.viewer.id });
        }
        const details: LeadInput = { ...input };
        if (input.propertyAddress) {
          details.propertyAddress = {
            street: row.values.STREET ?? existing.addressStreet,
            city: row.values.CITY ?? existing.addressCity,
            state: row.values.STATE ?? existing.addressState,
            zip: row.values.ZIP ?? existing.addressZip,
          };
        }
        const patch = leadDetails(v, details);
        checkContact(v, { ...existing, ...patch });
        if (!v.ok) return reject(row.rowNumber, rowErrors(v.errors, FIELD_OF));
        return changing(row.rowNumber, existing, patch);
      });
    },

    async write(m, ctx, items) {
      const teams = await writeRecords(m, audit, ctx, COLUMNS, items);
      // Scored as createLead and updateLead score: with the current weights, in the same transaction.
      await scoring.scoreMany(m, items.map((i) => ('create' in i ? i.create.id : i.after.id)));
      return teams;
    },
  };
}

/** Open leads the viewer may see with one of the contact e-mails or phones, newest first; locked while the run writes. */
async function matching(m: EntityManager, ctx: ImportContext, emails: string[], phones: string[]): Promise<LeadEntity[]> {
  const qb = m
    .getRepository(LeadEntity)
    .createQueryBuilder('l')
    .where(openLead('l'))
    .andWhere('(lower(l.contact_email) = ANY(:emails) OR l.contact_phone = ANY(:phones))', { emails, phones })
    .orderBy('l.created_at', 'DESC')
    .addOrderBy('l.id', 'DESC');
  const scope = leadScope(ctx.viewer, 'l');
  if (scope) qb.andWhere(scope.sql, scope.params);
  if (ctx.writing) qb.setLock('pessimistic_write');
  return (await fetchManyWith(qb, () => null)).map(([l]) => l);
}
