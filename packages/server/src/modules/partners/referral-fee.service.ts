import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { ReferralFeeStatus } from '../../generated/graphql';
import { applyScope } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';
import { EntityWriter, type AuditRecorder } from '../../platform/db/entity-writer';
import { fetchOne } from '../../platform/db/hydrate';
import { paginate, type Connection, type PageArgs } from '../../platform/db/pagination';
import { userError, Validator, type UserErrorData } from '../../platform/validation';
import { writeEffects, type EventSink } from '../realtime/event-definition';
import { referralFeeWrites } from './partner.events';
import { referralFeeScope, seesReferralFees } from './partner.policy';
import { ReferralFeeEntity } from './referral-fee.entity';

export type ReferralFeeConnection = Connection<ReferralFeeEntity>;

/** Keys instead of global IDs (NO_MATCH_ID when an ID named nothing of its type). */
export interface ReferralFeeListFilter {
  partnerId?: string | null;
  teamId?: string | null;
  statuses?: ReferralFeeStatus[] | null;
}

export interface ReferralFeeResult {
  referralFee: ReferralFeeEntity | null;
  errors: UserErrorData[];
}

/** What a converted referral is owed for: the lead (its partner and team) and the project it became. */
export interface ConvertedReferral {
  lead: { id: string; referredPartnerId: string | null; teamId: string | null };
  /** The project's contract value (its budget, which conversion takes from the lead's estimate when not given). */
  project: { id: string; budget: string | null };
}

/** The only moves a fee makes: who and when are recorded in the columns of the step. VOID and PAID are final. */
const STEPS = {
  approve: { from: ['ACCRUED'], to: 'APPROVED', at: 'approvedAt', by: 'approvedById' },
  pay: { from: ['APPROVED'], to: 'PAID', at: 'paidAt', by: 'paidById' },
  void: { from: ['ACCRUED', 'APPROVED'], to: 'VOID', at: 'voidedAt', by: 'voidedById' },
} as const satisfies Record<string, { from: readonly ReferralFeeStatus[]; to: ReferralFeeStatus; at: keyof ReferralFeeEntity; by: keyof ReferralFeeEntity }>;

/** The longest void reason (`referral_fees.void_reason`). */
export const VOID_REASON_MAX = 500;

/**
 * The fee from the terms of partner `p`, in SQL (exact decimals): `PERCENT` of the contract value `value` (0 when the
 * project has none), rounded to cents; `FLAT`; either at most the cap. Partners on `NONE` accrue no record.
 */
export const feeAmountSql = (value: string) =>
  `least(CASE p.fee_kind WHEN 'PERCENT' THEN round(coalesce(${value}::numeric, 0) * p.fee_percent / 100, 2) ELSE p.fee_flat END, p.fee_cap)`;

/** Inserted at most once per project: a concurrent second accrual waits for the first on the unique key, then does nothing. */
const ACCRUE_SQL = `
  INSERT INTO referral_fees (partner_id, project_id, lead_id, team_id, amount, status, accrued_at)
  SELECT p.id, $2, $3, $4, ${feeAmountSql('$5')}, 'ACCRUED', now()
    FROM partners p
   WHERE p.id = $1 AND p.fee_kind <> 'NONE'
  ON CONFLICT (project_id) DO NOTHING
  RETURNING id`;

/** Fee records: written in the caller's transaction with their audit entry and live event. */
export class ReferralFeeWriter {
  readonly writer: EntityWriter<ReferralFeeEntity>;

  constructor(audit: AuditRecorder, events: EventSink) {
    this.writer = new EntityWriter(ReferralFeeEntity, 'ReferralFee', audit, writeEffects(events, referralFeeWrites));
  }

  /**
   * Accrues the fee of a converted referral in the converting transaction; null when the lead was not referred, the
   * partner takes no fee, or the project already has its fee.
   */
  async accrue(m: EntityManager, viewer: Viewer | null, { lead, project }: ConvertedReferral): Promise<ReferralFeeEntity | null> {
    if (!lead.referredPartnerId) return null;
    const [inserted]: Array<{ id: string }> = await m.query(ACCRUE_SQL, [lead.referredPartnerId, project.id, lead.id, lead.teamId, project.budget]);
    return inserted ? this.writer.created(m, viewer, inserted.id) : null;
  }
}

/** Referral fees: lists, approval, payment and voiding under the fee rule (admins; managers of the fee's team), every step audited. */
export class ReferralFeeService {
  readonly fees: ReferralFeeWriter;

  constructor(
    private readonly ds: DataSource,
    audit: AuditRecorder,
    events: EventSink,
  ) {
    this.fees = new ReferralFeeWriter(audit, events);
  }

  /** One fee the viewer may see, or null. */
  get(viewer: Viewer, id: string | null): Promise<ReferralFeeEntity | null> {
    return id ? fetchOne(this.visible(viewer).andWhere('f.id = :id', { id })) : Promise.resolve(null);
  }

  /** Fees the viewer may see, filtered, newest accrual first, keyset-paginated. */
  list(viewer: Viewer, args: PageArgs & { filter?: ReferralFeeListFilter | null }): Promise<ReferralFeeConnection> {
    const qb = this.visible(viewer);
    const f = args.filter;
    if (f?.partnerId) qb.andWhere('f.partner_id = :partnerId', { partnerId: f.partnerId });
    if (f?.teamId) qb.andWhere('f.team_id = :teamId', { teamId: f.teamId });
    if (f?.statuses?.length) qb.andWhere('f.status = ANY(:statuses)', { statuses: f.statuses });
    return paginate(qb, args, [
      { sql: 'f.accrued_at', direction: 'DESC', value: (x) => x.accruedAt },
      { sql: 'f.id', direction: 'DESC', value: (x) => x.id },
    ]);
  }

  /** A partner's fees (the partner is visible: its parent field checked it); null for viewers who see no fees. */
  ofPartner(viewer: Viewer, partnerId: string, args: PageArgs & { statuses?: ReferralFeeStatus[] | null }): Promise<ReferralFeeConnection> | null {
    if (!seesReferralFees(viewer)) return null;
    return this.list(viewer, { ...args, filter: { partnerId, statuses: args.statuses } });
  }

  /** ACCRUED → APPROVED, recording who and when. */
  approve(viewer: Viewer, id: string | null): Promise<ReferralFeeResult> {
    return this.step(viewer, id, STEPS.approve);
  }

  /** APPROVED → PAID, recording who and when. */
  markPaid(viewer: Viewer, id: string | null): Promise<ReferralFeeResult> {
    return this.step(viewer, id, STEPS.pay);
  }

  /** ACCRUED or APPROVED → VOID (not owed after all: never paid), recording who, when and why (1–500 characters). */
  voidFee(viewer: Viewer, id: string | null, reason: string): Promise<ReferralFeeResult> {
    const v = new Validator();
    const voidReason = v.text('reason', reason, { max: VOID_REASON_MAX, required: true });
    if (!v.ok) return Promise.resolve({ referralFee: null, errors: v.errors });
    return this.step(viewer, id, STEPS.void, { voidReason });
  }

  /** The fee locked and checked in one transaction, so two concurrent steps (say, void and pay) cannot both pass. */
  private async step(viewer: Viewer, id: string | null, step: (typeof STEPS)[keyof typeof STEPS], extra: Partial<ReferralFeeEntity> = {}): Promise<ReferralFeeResult> {
    if (!id || !seesReferralFees(viewer)) return { referralFee: null, errors: [userError('id', 'NOT_FOUND', 'No such referral fee.')] };
    return this.ds.transaction(async (m) => {
      const fee = await fetchOne(this.visible(viewer, m).andWhere('f.id = :id', { id }).setLock('pessimistic_write'));
      if (!fee) return { referralFee: null, errors: [userError('id', 'NOT_FOUND', 'No such referral fee.')] };
      if (!(step.from as readonly ReferralFeeStatus[]).includes(fee.status)) {
        const message = `Only an ${step.from.join(' or ')} fee can become ${step.to}; this one is ${fee.status}.`;
        return { referralFee: null, errors: [userError('id', 'INVALID_TRANSITION', message)] };
      }
      const patch: Partial<ReferralFeeEntity> = { ...extra, status: step.to, [step.at]: new Date(), [step.by]: viewer.id };
      return { referralFee: await this.fees.writer.update(m, viewer, fee, patch), errors: [] };
    });
  }

  private visible(viewer: Viewer, m: EntityManager = this.ds.manager): SelectQueryBuilder<ReferralFeeEntity> {
    return applyScope(m.getRepository(ReferralFeeEntity).createQueryBuilder('f'), referralFeeScope(viewer, 'f'));
  }
}
