import type { DataSource } from 'typeorm';
import type { PartnerReferralFilter, ReferralStage, SubmitReferralInput } from '../../generated/graphql';
import type { ApiCaller } from '../../platform/auth/api-caller';
import { applyScope } from '../../platform/auth/scope';
import { violates } from '../../platform/db/errors';
import { fetchOne } from '../../platform/db/hydrate';
import { paginate, type Connection, type PageArgs } from '../../platform/db/pagination';
import { Validator, userError, type UserErrorData } from '../../platform/validation';
import { checkContact, leadDetails } from '../leads/lead-input';
import { LeadEntity } from '../leads/lead.entity';
import type { LeadService } from '../leads/lead.service';
import { PartnerContactEntity } from '../partners/partner-contact.entity';
import { PartnerEntity } from '../partners/partner.entity';
import { referralScope } from './partner-portal.policy';

export type PartnerReferralConnection = Connection<LeadEntity>;

/** `submitReferral`'s input with the contact's key (NO_MATCH_ID when the ID named no contact). */
export type NewReferral = SubmitReferralInput;

export interface SubmitReferralResult {
  referral: LeadEntity | null;
  errors: UserErrorData[];
}

/** The stage a partner sees for a lead's status. */
export const STAGE_OF_STATUS: Record<LeadEntity['status'], ReferralStage> = {
  NEW: 'RECEIVED',
  CONTACTED: 'CONTACTED',
  INSPECTION_SCHEDULED: 'INSPECTION_SCHEDULED',
  ESTIMATE_SENT: 'ESTIMATE_SENT',
  WON: 'WON',
  LOST: 'LOST',
};
const STATUS_OF_STAGE = Object.fromEntries(Object.entries(STAGE_OF_STATUS).map(([status, stage]) => [stage, status]));

const refused = (errors: UserErrorData[]): SubmitReferralResult => ({ referral: null, errors });

/**
 * What a partner does through its API key: reads its partnership and the referrals it sent, and sends new ones. Every
 * read is under `referralScope`: its own referrals only. GraphQL-free; takes the key's caller.
 */
export class PartnerPortalService {
  constructor(
    private readonly ds: DataSource,
    private readonly leads: LeadService,
  ) {}

  /** The caller's partnership (null for a company key, or a deleted partner). */
  myPartner(caller: ApiCaller): Promise<PartnerEntity | null> {
    if (!caller.partnerId) return Promise.resolve(null);
    return fetchOne(this.ds.getRepository(PartnerEntity).createQueryBuilder('p').where('p.id = :id', { id: caller.partnerId }));
  }

  /** The caller's referrals, newest first, keyset-paginated. */
  myReferrals(caller: ApiCaller, args: PageArgs & { filter?: PartnerReferralFilter | null }): Promise<PartnerReferralConnection> {
    const qb = this.visible(caller);
    const f = args.filter;
    if (f?.stages?.length) qb.andWhere('l.status = ANY(:statuses)', { statuses: f.stages.map((s) => STATUS_OF_STAGE[s]) });
    if (f?.submittedAt?.from) qb.andWhere('l.created_at >= :from', { from: f.submittedAt.from });
    if (f?.submittedAt?.to) qb.andWhere('l.created_at <= :to', { to: f.submittedAt.to });
    return paginate(qb, args, [
      { sql: 'l.created_at', direction: 'DESC', value: (l) => l.createdAt },
      { sql: 'l.id', direction: 'DESC', value: (l) => l.id },
    ]);
  }

  /** One of the caller's referrals, or null. */
  myReferral(caller: ApiCaller, id: string | null): Promise<LeadEntity | null> {
    if (!id) return Promise.resolve(null);
    return fetchOne(this.visible(caller).andWhere('l.id = :id', { id }));
  }

  /**
   * A referral becomes a lead of the partner's team (see `LeadService.receiveReferral`). Refused, creating nothing,
   * with a `UserError` naming the field: no name, no way to reach them, a bad phone, a contact not of this partner, or
   * a partnership that has ended. The same `externalReference` again answers the referral already made.
   */
  async submitReferral(caller: ApiCaller, input: NewReferral): Promise<SubmitReferralResult> {
    const partner = await this.myPartner(caller);
    if (!partner) return refused([userError(null, 'FORBIDDEN', 'Only a partner key can send referrals.')]);
    if (partner.status === 'ENDED') return refused([userError(null, 'FORBIDDEN', 'This partnership has ended; referrals are no longer accepted.')]);
    const v = new Validator();
    const reference = v.text('externalReference', input.externalReference, { max: 100 });
    if (reference) {
      const earlier = await this.byReference(caller, reference);
      if (earlier) return { referral: earlier, errors: [] };
    }
    const values: Partial<LeadEntity> = {
      ...leadDetails(v, {
        contactName: input.contactName,
        contactPhone: input.contactPhone,
        propertyAddress: input.propertyAddress,
        projectType: input.projectType,
        notes: input.message,
      }),
      contactEmail: v.email('contactEmail', input.contactEmail),
      partnerReference: reference,
    };
    if (values.contactName && values.contactName.length < 2) v.add('contactName', 'INVALID', 'Contact name must be at least 2 characters.');
    if (input.message && input.message.length > 2000) v.add('message', 'TOO_LONG', 'Message must be at most 2000 characters.');
    checkContact(v, { customerId: null, contactName: values.contactName ?? null, contactEmail: values.contactEmail ?? null, contactPhone: values.contactPhone ?? null });
    if (input.referredByContactId) {
      const contact = await this.ds.getRepository(PartnerContactEntity).findOneBy({ id: input.referredByContactId, partnerId: partner.id });
      if (!contact) v.add('referredByContactId', 'NOT_FOUND', 'No such person at your organisation.');
      values.referredContactId = contact?.id ?? null;
    }
    if (!v.ok) return refused(v.errors);
    try {
      return { referral: await this.leads.receiveReferral({ kind: 'partner', id: partner.id, name: partner.name, teamId: partner.teamId }, values), errors: [] };
    } catch (err) {
      // The same reference sent twice at once: the unique index lets one through; the other answers it.
      const earlier = reference && violates(err, 'leads_partner_reference_idx') ? await this.byReference(caller, reference) : null;
      if (earlier) return { referral: earlier, errors: [] };
      throw err;
    }
  }

  private byReference(caller: ApiCaller, reference: string): Promise<LeadEntity | null> {
    return fetchOne(this.visible(caller).andWhere('l.partner_reference = :reference', { reference }));
  }

  private visible(caller: ApiCaller) {
    return applyScope(this.ds.getRepository(LeadEntity).createQueryBuilder('l'), referralScope(caller, 'l'));
  }
}
