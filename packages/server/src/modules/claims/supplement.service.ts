import type { DataSource, EntityManager } from 'typeorm';
import type { SupplementLineInput, SupplementStatus } from '../../generated/graphql';
import type { Viewer } from '../../platform/auth/viewer';
import { MAX_PAGE_SIZE } from '../../platform/db/pagination';
import { userError, Validator, type UserErrorData } from '../../platform/validation';
import type { AuditService } from '../audit/audit.service';
import { toCents } from '../projects/money';
import { fromCents, lineTotalCents, MAX_CENTS, toTenThousandths } from './claim-money';
import type { ClaimEntity } from './claim.entity';
import type { ClaimActor, ClaimResult, ClaimService } from './claim.service';
import { SupplementEntity, SupplementLineEntity } from './supplement.entity';

/** A supplement has at most this many lines. */
export const MAX_LINES = 50;
/** A claim has at most this many supplements: one nested page (`supplements(first: 100)`) reads them all. */
export const MAX_SUPPLEMENTS = MAX_PAGE_SIZE;
const ANSWERS: SupplementStatus[] = ['APPROVED', 'PARTIALLY_APPROVED', 'DENIED'];

export interface SupplementResult {
  supplement: SupplementEntity | null;
  errors: UserErrorData[];
}

/** The answer to a supplement, with keys for the line IDs. */
export interface SupplementAnswer {
  id: string | null;
  status: SupplementStatus;
  lines?: Array<{ lineId: string | null; approvedQuantity: string; approvedUnitPrice: string }> | null;
}

/** Finds the claim of a supplement for whoever writes (staff under their rules, an adjuster's key under its own). */
export type ClaimFinder = (claimId: string) => Promise<ClaimResult>;

const refused = (errors: UserErrorData[]): SupplementResult => ({ supplement: null, errors });
const notFound = () => refused([userError('id', 'NOT_FOUND', 'No such supplement.')]);

/**
 * Supplements of claims: drafted and sent by staff, answered by the adjuster (or recorded by staff). Line totals and
 * the supplement's sums are computed in whole cents and stored with the lines. Every write is audited and moves its
 * claim (`ClaimService.touched`).
 */
export class SupplementService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly claims: ClaimService,
  ) {}

  async create(viewer: Viewer, claimId: string | null, input: { title: string; lineItems: SupplementLineInput[] }): Promise<SupplementResult> {
    const found = await this.claims.writable(viewer, claimId);
    if (!found.claim) return { supplement: null, errors: found.errors.map((e) => ({ ...e, field: ['claimId'] })) };
    const claim = found.claim;
    const v = new Validator();
    const title = v.text('title', input.title, { max: 200, min: 2, required: true });
    const lines = lineValues(v, input.lineItems);
    if (!v.ok) return refused(v.errors);
    return this.ds.transaction(async (m) => {
      // The claim's row locked first: two drafts at once cannot both be its last one allowed.
      await m.query('SELECT 1 FROM insurance_claims WHERE id = $1 FOR UPDATE', [claim.id]);
      const count = await m.getRepository(SupplementEntity).countBy({ claimId: claim.id });
      if (count >= MAX_SUPPLEMENTS) return refused([userError('claimId', 'OUT_OF_RANGE', `A claim has at most ${MAX_SUPPLEMENTS} supplements.`)]);
      const id = (await m.getRepository(SupplementEntity).insert({ claimId: claim.id, title: title!, status: 'DRAFT', requestedTotal: '0', approvedTotal: '0', preparedById: viewer.id })).identifiers[0]!.id as string;
      return { supplement: await this.replaceLines(m, viewer, claim, id, null, lines), errors: [] };
    });
  }

  async update(viewer: Viewer, id: string | null, input: { title?: string | null; lineItems?: SupplementLineInput[] | null }): Promise<SupplementResult> {
    return this.change(id, (claimId) => this.claims.writable(viewer, claimId), async (m, claim, before) => {
      if (before.status !== 'DRAFT') return refused([userError('id', 'INVALID_TRANSITION', 'Only a draft supplement can be changed; this one was sent.')]);
      const v = new Validator();
      const title = input.title != null ? v.text('title', input.title, { max: 200, min: 2, required: true }) : before.title;
      const lines = input.lineItems ? lineValues(v, input.lineItems) : null;
      if (!v.ok) return refused(v.errors);
      if (title !== before.title) await m.getRepository(SupplementEntity).update(before.id, { title: title! });
      return { supplement: await this.replaceLines(m, viewer, claim, before.id, before, lines), errors: [] };
    });
  }

  /** DRAFT → SENT, now. */
  send(viewer: Viewer, id: string | null): Promise<SupplementResult> {
    return this.change(id, (claimId) => this.claims.writable(viewer, claimId), async (m, claim, before) => {
      if (before.status !== 'DRAFT') return refused([userError('id', 'INVALID_TRANSITION', 'This supplement was already sent.')]);
      const lines = await m.getRepository(SupplementLineEntity).countBy({ supplementId: before.id });
      if (!lines) return refused([userError('id', 'INVALID', 'A supplement is sent with at least one line.')]);
      await m.getRepository(SupplementEntity).update(before.id, { status: 'SENT', sentAt: new Date() });
      return { supplement: await this.recorded(m, viewer, claim, before), errors: [] };
    });
  }

  /**
   * The carrier's answer (staff recording it, or the adjuster through its key: `actor` null, `find` under its rule):
   * APPROVED approves lines not given as requested; PARTIALLY_APPROVED keeps (or zeroes) their earlier approval; DENIED
   * approves nothing. Only a SENT or answered supplement can be answered.
   */
  answer(actor: ClaimActor, find: ClaimFinder, input: SupplementAnswer): Promise<SupplementResult> {
    return this.change(input.id, find, async (m, claim, before) => {
      if (!ANSWERS.includes(input.status)) return refused([userError('status', 'INVALID', 'Answer APPROVED, PARTIALLY_APPROVED or DENIED.')]);
      if (before.status === 'DRAFT') return refused([userError('id', 'INVALID_TRANSITION', 'This supplement has not been sent yet.')]);
      if (claim.status === 'CLOSED') return refused([userError('id', 'INVALID_TRANSITION', 'The claim is closed.')]);
      const lines = await this.lines(m, before.id);
      const v = new Validator();
      const given = new Map<string, { quantity: string; price: string }>();
      for (const [i, l] of (input.lines ?? []).entries()) {
        if (!l.lineId || !lines.some((x) => x.id === l.lineId)) v.add(`lines.${i}.lineId`, 'NOT_FOUND', 'No such line on this supplement.');
        if (l.approvedQuantity.startsWith('-')) v.add(`lines.${i}.approvedQuantity`, 'OUT_OF_RANGE', 'Approved quantity must not be negative.');
        v.money(`lines.${i}.approvedUnitPrice`, l.approvedUnitPrice);
        if (l.lineId) given.set(l.lineId, { quantity: l.approvedQuantity, price: l.approvedUnitPrice });
      }
      if (input.status === 'DENIED' && given.size) v.add('lines', 'INVALID', 'A denied supplement approves no line.');
      if (!v.ok) return refused(v.errors);
      let approved = 0n;
      for (const line of lines) {
        const g = given.get(line.id);
        let values: Pick<SupplementLineEntity, 'approvedQuantity' | 'approvedUnitPrice'>;
        if (input.status === 'DENIED') values = { approvedQuantity: '0', approvedUnitPrice: line.unitPrice };
        else if (g) values = { approvedQuantity: g.quantity, approvedUnitPrice: g.price };
        else if (input.status === 'APPROVED') values = { approvedQuantity: line.quantity, approvedUnitPrice: line.unitPrice };
        else values = { approvedQuantity: line.approvedQuantity ?? '0', approvedUnitPrice: line.approvedUnitPrice ?? line.unitPrice };
        const total = lineTotalCents(values.approvedQuantity!, values.approvedUnitPrice!);
        if (total > MAX_CENTS) return refused([userError('lines', 'OUT_OF_RANGE', `The approved total of "${line.description}" is too large.`)]);
        approved += total;
        await m.getRepository(SupplementLineEntity).update(line.id, { ...values, approvedTotal: fromCents(total) });
      }
      await m.getRepository(SupplementEntity).update(before.id, { status: input.status, answeredAt: new Date(), approvedTotal: fromCents(approved) });
      return { supplement: await this.recorded(m, actor, claim, before), errors: [] };
    });
  }

  /** Removes a DRAFT supplement for good (audited); answers its claim. */
  async remove(viewer: Viewer, id: string | null): Promise<ClaimResult> {
    let claimOf: ClaimEntity | null = null;
    const r = await this.change(id, (claimId) => this.claims.writable(viewer, claimId), async (m, claim, before) => {
      if (before.status !== 'DRAFT') return refused([userError('id', 'INVALID_TRANSITION', 'Only a draft supplement can be removed; this one was sent.')]);
      await m.getRepository(SupplementEntity).delete(before.id);
      await this.audit.record(m, viewer, { entityType: 'Supplement', entityId: before.id, action: 'HARD_DELETE', before, after: null, teamId: claim.teamId });
      claimOf = await this.claims.touched(m, claim);
      return { supplement: null, errors: [] };
    });
    return { claim: r.errors.length ? null : claimOf, errors: r.errors };
  }

  /** A supplement's lines, in order. */
  lines(m: EntityManager, supplementId: string): Promise<SupplementLineEntity[]> {
    return m.getRepository(SupplementLineEntity).find({ where: { supplementId }, order: { position: 'ASC' } });
  }

  /** Runs `apply` on the supplement (locked) and its claim, when `find` lets the writer change that claim. */
  private async change(id: string | null, find: ClaimFinder, apply: (m: EntityManager, claim: ClaimEntity, before: SupplementEntity) => Promise<SupplementResult>): Promise<SupplementResult> {
    const supplement = id ? await this.ds.getRepository(SupplementEntity).findOneBy({ id }) : null;
    if (!supplement) return notFound();
    const found = await find(supplement.claimId);
    if (!found.claim) return found.errors[0]?.code === 'FORBIDDEN' ? refused(found.errors) : notFound();
    const claim = found.claim;
    return this.ds.transaction(async (m) => {
      const before = await m.getRepository(SupplementEntity).createQueryBuilder('s').where('s.id = :id', { id: supplement.id }).setLock('pessimistic_write').getOne();
      return before ? apply(m, claim, before) : notFound();
    });
  }

  /** Replaces the lines (null: keeps them), rolls their totals up into the supplement, and records the write. */
  private async replaceLines(m: EntityManager, actor: ClaimActor, claim: ClaimEntity, id: string, before: SupplementEntity | null, lines: LineValues[] | null): Promise<SupplementEntity> {
    if (lines) {
      await m.getRepository(SupplementLineEntity).delete({ supplementId: id });
      if (lines.length) await m.getRepository(SupplementLineEntity).insert(lines.map((l, position) => ({ ...l, supplementId: id, position })));
      const requested = lines.reduce((s, l) => s + toCents(l.requestedTotal), 0n);
      await m.getRepository(SupplementEntity).update(id, { requestedTotal: fromCents(requested) });
    }
    return this.recorded(m, actor, claim, before, id);
  }

  /** Reloads the supplement, writes its audit entry (lines included) and moves its claim. */
  private async recorded(m: EntityManager, actor: ClaimActor, claim: ClaimEntity, before: SupplementEntity | null, id = before!.id): Promise<SupplementEntity> {
    const after = await m.getRepository(SupplementEntity).findOneByOrFail({ id });
    const entry = { entityType: 'Supplement', entityId: id, action: before ? 'UPDATE' : 'CREATE', before, after: { ...after, lineItems: await this.lines(m, id) }, teamId: claim.teamId } as const;
    await this.audit.record(m, actor, entry);
    await this.claims.touched(m, claim);
    return after;
  }
}

type LineValues = Pick<SupplementLineEntity, 'description' | 'code' | 'quantity' | 'unit' | 'unitPrice' | 'requestedTotal' | 'approvedQuantity' | 'approvedUnitPrice' | 'approvedTotal'>;

/** The columns of lines as given: a description, a quantity above 0, a price not negative, a total that fits. */
function lineValues(v: Validator, lines: SupplementLineInput[]): LineValues[] {
  if (lines.length > MAX_LINES) v.add('lineItems', 'OUT_OF_RANGE', `A supplement has at most ${MAX_LINES} lines.`);
  return lines.map((l, i) => {
    const f = `lineItems.${i}`;
    if (toTenThousandths(l.quantity.replace(/^-/, '')) === 0n || l.quantity.startsWith('-')) v.add(`${f}.quantity`, 'OUT_OF_RANGE', 'Quantity must be more than 0.');
    v.money(`${f}.unitPrice`, l.unitPrice);
    const total = l.quantity.startsWith('-') || l.unitPrice.startsWith('-') ? 0n : lineTotalCents(l.quantity, l.unitPrice);
    if (total > MAX_CENTS) v.add(`${f}.quantity`, 'OUT_OF_RANGE', 'The line total is too large.');
    return {
      description: v.text(`${f}.description`, l.description, { max: 300, min: 2, required: true }) ?? '',
      code: v.text(`${f}.code`, l.code, { max: 40 }),
      quantity: l.quantity,
      unit: v.text(`${f}.unit`, l.unit, { max: 20 }),
      unitPrice: l.unitPrice,
      requestedTotal: fromCents(total),
      approvedQuantity: null,
      approvedUnitPrice: null,
      approvedTotal: '0',
    };
  });
}
