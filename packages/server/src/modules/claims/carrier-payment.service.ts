import type { DataSource } from 'typeorm';
import type { CarrierPaymentKind } from '../../generated/graphql';
import type { Viewer } from '../../platform/auth/viewer';
import { dateIn } from '../../platform/time-zone';
import { userError, Validator } from '../../platform/validation';
import type { AuditService } from '../audit/audit.service';
import { toCents } from '../projects/money';
import { CarrierPaymentEntity } from './carrier-payment.entity';
import type { ClaimResult, ClaimService } from './claim.service';

export interface NewCarrierPayment {
  claimId: string | null;
  kind: CarrierPaymentKind;
  amount: string;
  receivedOn: string;
  reference?: string | null;
}

/** Payments received from carriers: recorded and removed by the office, audited; each moves its claim's balance. */
export class CarrierPaymentService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly claims: ClaimService,
    private readonly timeZone: string,
  ) {}

  async record(viewer: Viewer, input: NewCarrierPayment): Promise<ClaimResult> {
    const found = await this.claims.writable(viewer, input.claimId);
    if (!found.claim) return { claim: null, errors: found.errors.map((e) => ({ ...e, field: ['claimId'] })) };
    const claim = found.claim;
    const v = new Validator();
    if (toCents(input.amount) <= 0n) v.add('amount', 'OUT_OF_RANGE', 'The amount must be more than 0.');
    if (input.receivedOn > dateIn(new Date(), this.timeZone)) v.add('receivedOn', 'OUT_OF_RANGE', 'Received on cannot be in the future.');
    const reference = v.text('reference', input.reference, { max: 100 });
    if (!v.ok) return { claim: null, errors: v.errors };
    return this.ds.transaction(async (m) => {
      const repo = m.getRepository(CarrierPaymentEntity);
      const id = (await repo.insert({ claimId: claim.id, kind: input.kind, amount: input.amount, receivedOn: input.receivedOn, reference, createdById: viewer.id })).identifiers[0]!.id as string;
      const after = await repo.findOneByOrFail({ id });
      await this.audit.record(m, viewer, { entityType: 'CarrierPayment', entityId: id, action: 'CREATE', before: null, after, teamId: claim.teamId });
      return { claim: await this.claims.touched(m, claim), errors: [] };
    });
  }

  /** Removes a payment recorded by mistake (admins and managers of its claim). */
  async remove(viewer: Viewer, id: string | null): Promise<ClaimResult> {
    const payment = id ? await this.ds.getRepository(CarrierPaymentEntity).findOneBy({ id }) : null;
    const found = payment ? await this.claims.writable(viewer, payment.claimId) : null;
    if (!payment || !found?.claim) return { claim: null, errors: [userError('id', 'NOT_FOUND', 'No such payment.')] };
    if (viewer.role !== 'ADMIN' && viewer.role !== 'MANAGER') return { claim: null, errors: [userError('id', 'FORBIDDEN', 'Only admins and managers remove payments.')] };
    const claim = found.claim;
    return this.ds.transaction(async (m) => {
      await m.getRepository(CarrierPaymentEntity).delete(payment.id);
      await this.audit.record(m, viewer, { entityType: 'CarrierPayment', entityId: payment.id, action: 'HARD_DELETE', before: payment, after: null, teamId: claim.teamId });
      return { claim: await this.claims.touched(m, claim), errors: [] };
    });
  }
}
