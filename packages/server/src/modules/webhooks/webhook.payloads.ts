import type { EntityManager } from 'typeorm';
import { toGlobalId } from '../../platform/graphql/global-id';
import { applyScope } from '../../platform/auth/scope';
import { fetchOne } from '../../platform/db/hydrate';
import { AppointmentEntity } from '../appointments/appointment.entity';
import { attachmentOwners } from '../attachments/attachment-owners';
import { AttachmentEntity } from '../attachments/attachment.entity';
import { readerScope } from '../attachments/attachment.policy';
import { adjustedClaimOf } from '../claims/claim.attachments';
import { ClaimEntity } from '../claims/claim.entity';
import { LeadEntity } from '../leads/lead.entity';
import { STAGE_OF_STATUS } from '../partner-portal/partner-portal.service';
import { ReferralFeeEntity } from '../partners/referral-fee.entity';
import { PartnerEntity } from '../partners/partner.entity';
import { ProjectEntity } from '../projects/project.entity';
import { ReviewEntity } from '../reviews/review.entity';

/** The webhook event catalogue: each type's name (as payloads write it), what it tells, and who may take it. */
export const EVENT_TYPES = [
  { name: 'lead.created', audience: 'COMPANY', description: 'A lead came in.' },
  { name: 'lead.updated', audience: 'COMPANY', description: 'A lead changed: details, stage, assignee, score, or it was restored.' },
  { name: 'lead.deleted', audience: 'COMPANY', description: 'A lead was moved to the trash or removed.' },
  { name: 'project.updated', audience: 'COMPANY', description: 'A project was created or changed.' },
  { name: 'appointment.updated', audience: 'COMPANY', description: 'An appointment was booked, moved or changed.' },
  { name: 'partner.updated', audience: 'COMPANY', description: 'A referral partner was created or changed.' },
  { name: 'review.updated', audience: 'COMPANY', description: 'A review was recorded (by staff or on the rating page), changed, responded to, flagged, deleted or restored.' },
  { name: 'claim.updated', audience: 'COMPANY', description: 'An insurance claim was recorded, changed (details, money, stage, supplements, payments), deleted or restored.' },
  { name: 'attachment.added', audience: 'COMPANY', description: 'A photo or document was uploaded to a lead, project, claim or supplement.' },
  { name: 'attachment.updated', audience: 'COMPANY', description: "An attachment's details or sharing changed, its thumbnail is ready, or it was deleted or restored." },
  { name: 'referral.created', audience: 'PARTNER', description: 'One of your referrals was received.' },
  { name: 'referral.updated', audience: 'PARTNER', description: 'One of your referrals moved on: stage, booking or fee; or it was restored.' },
  { name: 'referral.deleted', audience: 'PARTNER', description: 'The contractor withdrew one of your referrals (moved it to the trash): it is no longer in myReferrals.' },
  { name: 'claim.photo.added', audience: 'PARTNER', description: 'A photo or document was uploaded shared with you on a claim you adjust (or on its supplement).' },
  { name: 'claim.photo.updated', audience: 'PARTNER', description: 'A photo or document of a claim you adjust was shared with you after its upload, or its caption, kind or thumbnail changed.' },
] as const;

export type WebhookEventName = (typeof EVENT_TYPES)[number]['name'];
export const namesFor = (audience: 'COMPANY' | 'PARTNER'): string[] => EVENT_TYPES.filter((t) => t.audience === audience).map((t) => t.name);

type Data = Record<string, unknown>;
const gid = (type: string, id: string | null) => (id ? toGlobalId(type, id) : null);
const iso = (d: Date | null) => d?.toISOString() ?? null;

async function lead(m: EntityManager, id: string): Promise<Data | null> {
  const l = await m.getRepository(LeadEntity).createQueryBuilder('l').withDeleted().where('l.id = :id', { id }).getOne();
  if (!l) return null;
  return {
    id: gid('Lead', l.id), status: l.status, source: l.source, priority: l.priority, score: l.score,
    contactName: l.contactName, contactEmail: l.contactEmail, contactPhone: l.contactPhone,
    projectType: l.projectType, estimatedValue: l.estimatedValue, propertyZip: l.addressZip,
    assigneeId: gid('User', l.assigneeId), teamId: gid('Team', l.teamId), customerId: gid('Customer', l.customerId),
    referredByPartnerId: gid('Partner', l.referredPartnerId), convertedProjectId: gid('Project', l.convertedProjectId),
    createdAt: iso(l.createdAt), updatedAt: iso(l.updatedAt), deletedAt: iso(l.deletedAt),
  };
}

async function project(m: EntityManager, id: string): Promise<Data | null> {
  const p = await m.getRepository(ProjectEntity).createQueryBuilder('p').withDeleted().where('p.id = :id', { id }).getOne();
  if (!p) return null;
  return {
    id: gid('Project', p.id), name: p.name, status: p.status, projectType: p.projectType, budget: p.budget, actualCost: p.actualCost,
    startDate: p.startDate, endDate: p.endDate, completionPercentage: p.completionPercentage, customerId: gid('Customer', p.customerId),
    teamId: gid('Team', p.teamId), createdAt: iso(p.createdAt), updatedAt: iso(p.updatedAt), deletedAt: iso(p.deletedAt),
  };
}

async function appointment(m: EntityManager, id: string): Promise<Data | null> {
  const a = await m.getRepository(AppointmentEntity).createQueryBuilder('a').withDeleted().where('a.id = :id', { id }).getOne();
  if (!a) return null;
  return {
    id: gid('Appointment', a.id), title: a.title, kind: a.kind, status: a.status, startsAt: iso(a.startsAt), endsAt: iso(a.endsAt),
    location: a.location, customerId: gid('Customer', a.customerId), projectId: gid('Project', a.projectId), assigneeId: gid('User', a.assigneeId),
    teamId: gid('Team', a.teamId), updatedAt: iso(a.updatedAt), deletedAt: iso(a.deletedAt),
  };
}

async function partner(m: EntityManager, id: string): Promise<Data | null> {
  const p = await m.getRepository(PartnerEntity).createQueryBuilder('p').withDeleted().where('p.id = :id', { id }).getOne();
  if (!p) return null;
  return { id: gid('Partner', p.id), name: p.name, kind: p.kind, status: p.status, teamId: gid('Team', p.teamId), updatedAt: iso(p.updatedAt), deletedAt: iso(p.deletedAt) };
}

async function review(m: EntityManager, id: string): Promise<Data | null> {
  const r = await m.getRepository(ReviewEntity).createQueryBuilder('r').withDeleted().where('r.id = :id', { id }).getOne();
  if (!r) return null;
  return {
    id: gid('Review', r.id), platform: r.platform, rating: r.rating, text: r.text, authorName: r.authorName, postedAt: iso(r.postedAt), url: r.url,
    status: r.status, response: r.responseText, customerId: gid('Customer', r.customerId), projectId: gid('Project', r.projectId),
    teamId: gid('Team', r.teamId), updatedAt: iso(r.updatedAt), deletedAt: iso(r.deletedAt),
  };
}

async function claim(m: EntityManager, id: string): Promise<Data | null> {
  const c = await m.getRepository(ClaimEntity).createQueryBuilder('c').withDeleted().where('c.id = :id', { id }).getOne();
  if (!c) return null;
  return {
    id: gid('InsuranceClaim', c.id), carrier: c.carrier, claimNumber: c.claimNumber, policyNumber: c.policyNumber, dateOfLoss: c.dateOfLoss,
    causeOfLoss: c.causeOfLoss, status: c.status, inspectionAt: iso(c.inspectionAt), rcv: c.rcv, recoverableDepreciation: c.recoverableDepreciation,
    nonRecoverableDepreciation: c.nonRecoverableDepreciation, deductible: c.deductible, approvedTotal: c.approvedTotal, depreciationDeadline: c.depreciationDeadline,
    leadId: gid('Lead', c.leadId), projectId: gid('Project', c.projectId), adjusterPartnerId: gid('Partner', c.adjusterPartnerId),
    teamId: gid('Team', c.teamId), updatedAt: iso(c.updatedAt), deletedAt: iso(c.deletedAt),
  };
}

async function attachment(m: EntityManager, id: string): Promise<Data | null> {
  const a = await m.getRepository(AttachmentEntity).createQueryBuilder('a').withDeleted().where('a.id = :id', { id }).getOne();
  if (!a) return null;
  return {
    id: gid('Attachment', a.id), ownerKind: a.ownerKind, ownerId: gid(attachmentOwners.of(a.ownerKind)?.typeName ?? 'Unknown', a.ownerId), ...fileData(a),
    sharedWithAdjuster: a.sharedWithAdjuster, thumbnailStatus: a.thumbnailStatus, uploadedById: gid('User', a.uploadedById), teamId: gid('Team', a.teamId),
    deletedAt: iso(a.deletedAt),
  };
}

/** What receivers learn of a file alike (no URL: URLs are signed for one reader; ask the API for them). */
const fileData = (a: AttachmentEntity): Data => ({
  kind: a.kind, caption: a.caption, fileName: a.fileName, contentType: a.contentType, sizeBytes: a.sizeBytes, width: a.width, height: a.height,
  takenAt: iso(a.takenAt), location: a.latitude !== null && a.longitude !== null ? { latitude: a.latitude, longitude: a.longitude } : null,
  createdAt: iso(a.createdAt), updatedAt: iso(a.updatedAt),
});

/**
 * A photo or document as the adjuster partner of its claim sees it (the `AdjusterPhoto` type of the partner API): null
 * unless that partner's key may read it now — shared with the adjuster, active, on a claim (or a claim's supplement)
 * the partner adjusts: the attachments' own partner rule.
 */
async function sharedPhoto(m: EntityManager, id: string): Promise<{ partnerId: string; data: Data } | null> {
  const row = await m.getRepository(AttachmentEntity).findOneBy({ id });
  const claim = row ? await adjustedClaimOf(m, row) : null;
  if (!claim) return null;
  const qb = m.getRepository(AttachmentEntity).createQueryBuilder('a').where('a.id = :id', { id });
  const a = await fetchOne(applyScope(qb, readerScope({ partnerId: claim.partnerId }, 'a')));
  if (!a) return null;
  return { partnerId: claim.partnerId, data: { id: gid('Attachment', a.id), claimId: gid('InsuranceClaim', claim.claimId), supplementId: gid('Supplement', claim.supplementId), ...fileData(a) } };
}

/**
 * A referral as its partner sees it (the `PartnerReferral` type of the partner API): null unless the lead exists,
 * is not deleted and was referred by that partner.
 */
export async function referralFor(m: EntityManager, leadId: string): Promise<{ partnerId: string; data: Data } | null> {
  const l = await m.getRepository(LeadEntity).findOneBy({ id: leadId });
  if (!l?.referredPartnerId) return null;
  const fee = await m.getRepository(ReferralFeeEntity).findOneBy({ leadId: l.id });
  return {
    partnerId: l.referredPartnerId,
    data: {
      id: gid('Lead', l.id), contactName: l.contactName, propertyZip: l.addressZip, projectType: l.projectType, stage: STAGE_OF_STATUS[l.status],
      externalReference: l.partnerReference, referredByContactId: gid('PartnerContact', l.referredContactId),
      submittedAt: iso(l.createdAt), updatedAt: iso(l.updatedAt), bookedAt: iso(l.convertedAt),
      fee: fee && { amount: fee.amount, status: fee.status, accruedAt: iso(fee.accruedAt), approvedAt: iso(fee.approvedAt), paidAt: iso(fee.paidAt) },
    },
  };
}

/** An outbox event as the dispatcher reads it. */
export interface DomainEvent {
  seq: string;
  type: string;
  entityId: string | null;
  occurredAt: Date;
}

/** What one domain event is for webhook receivers: the company's event and its data, the partner's, or neither. */
export interface Routed {
  company?: { type: WebhookEventName; data: Data };
  partner?: { type: WebhookEventName; partnerId: string; data: Data };
}

const companyData: Record<string, [WebhookEventName, (m: EntityManager, id: string) => Promise<Data | null>]> = {
  'lead.created': ['lead.created', lead],
  'lead.updated': ['lead.updated', lead],
  'lead.restored': ['lead.updated', lead],
  'lead.deleted': ['lead.deleted', async (_m, id) => ({ id: gid('Lead', id) })],
  'project.updated': ['project.updated', project],
  'appointment.updated': ['appointment.updated', appointment],
  'partner.updated': ['partner.updated', partner],
  'review.updated': ['review.updated', review],
  'claim.updated': ['claim.updated', claim],
  'attachment.added': ['attachment.added', attachment],
  'attachment.updated': ['attachment.updated', attachment],
};

/** A partner receiver's event and data for a domain event about `id`, if the record is one of that partner's. */
type PartnerRoute = (m: EntityManager, id: string) => Promise<Routed['partner'] | null>;

/** The referred lead an event is about (`leadOf`), as its partner's `type` event. */
const referral = (type: WebhookEventName, leadOf: (m: EntityManager, id: string) => Promise<string | null>): PartnerRoute => async (m, id) => {
  const leadId = await leadOf(m, id);
  const found = leadId ? await referralFor(m, leadId) : null;
  return found && { type, ...found };
};

/** A referral moved to the trash: its partner hears which one (and its own reference), nothing more. */
const withdrawn: PartnerRoute = async (m, id) => {
  const l = await m.getRepository(LeadEntity).findOne({ where: { id }, withDeleted: true });
  if (!l?.referredPartnerId || !l.deletedAt) return null;
  return { type: 'referral.deleted', partnerId: l.referredPartnerId, data: { id: gid('Lead', l.id), externalReference: l.partnerReference, deletedAt: iso(l.deletedAt) } };
};

/** A file shared with the adjuster of its claim, as that partner's `type` event. */
const photo = (type: WebhookEventName): PartnerRoute => async (m, id) => {
  const found = await sharedPhoto(m, id);
  return found && { type, ...found };
};

/** Partner receivers' events: their referrals, and the files shared with them on the claims they adjust. */
const partnerData: Record<string, PartnerRoute> = {
  'lead.created': referral('referral.created', async (_m, id) => id),
  'lead.updated': referral('referral.updated', async (_m, id) => id),
  'lead.restored': referral('referral.updated', async (_m, id) => id),
  'lead.deleted': withdrawn,
  'referralFee.updated': referral('referral.updated', async (m, id) => (await m.getRepository(ReferralFeeEntity).findOneBy({ id }))?.leadId ?? null),
  'attachment.added': photo('claim.photo.added'),
  'attachment.updated': photo('claim.photo.updated'),
};

/** The event types a webhook can carry for this domain event, with their data as of now (read in `m`). */
export async function route(m: EntityManager, event: DomainEvent): Promise<Routed> {
  const routed: Routed = {};
  if (!event.entityId) return routed;
  const company = companyData[event.type];
  if (company) {
    const data = await company[1](m, event.entityId);
    if (data) routed.company = { type: company[0], data };
  }
  const partner = await partnerData[event.type]?.(m, event.entityId);
  if (partner) routed.partner = partner;
  return routed;
}

/** The exact body of a delivery (Standard Webhooks' recommended shape). */
export const webhookBody = (type: string, occurredAt: Date, data: Data) => JSON.stringify({ type, timestamp: occurredAt.toISOString(), data });
