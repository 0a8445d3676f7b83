import DataLoader from 'dataloader';
import type { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { applyScope, NONE, scoped } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';
import type { AddressModel } from '../../platform/db/address';
import { byIdLoader, cappedGroupLoader, limitedGroupLoader } from '../../platform/db/loaders';
import { CarrierPaymentEntity } from './carrier-payment.entity';
import type { ClaimMoneyInputs } from './claim-money';
import { ClaimStatusChangeEntity } from './claim-status-change.entity';
import { ClaimEntity } from './claim.entity';
import { claimScope } from './claim.policy';
import { SupplementEntity, SupplementLineEntity } from './supplement.entity';
import { MAX_LINES } from './supplement.service';

/** The documented bound of `Lead.claims` and `Project.claims`. */
export const NESTED_CLAIMS_MAX = 5;
/** How many supplements a claim lists when not told (`supplements(first:)`; a claim has at most MAX_SUPPLEMENTS). */
export const SUPPLEMENTS_FIRST = 10;
/** The documented bounds of a claim's payments (20) and history (30). */
const PARTS_MAX = 20;
const HISTORY_MAX = 30;

/** Who the claim is for, and where: the project's customer, else the lead's customer, else the lead's contact. */
export interface ClaimProperty {
  insuredName: string | null;
  address: AddressModel | null;
}

/** Rows of `entity` by `column` (an id of a record the parent field already checked), in `order`, at most `max` each. */
function childrenOf<T extends ObjectLiteral & { id: string }>(ds: DataSource, entity: EntityTarget<T>, column: string, key: (row: T) => string, order: string, max: number) {
  return cappedGroupLoader(ds, entity, column, key, { sql: `e.${order}`, direction: 'ASC' }, max);
}

/** How many supplements a claim has: all of them (staff), and those sent to the carrier (its adjuster). */
export interface SupplementCounts {
  all: number;
  sent: number;
}

const OLDEST = { sql: 'e.created_at', direction: 'ASC' } as const;
const sentOnly = (qb: SelectQueryBuilder<SupplementEntity>) => qb.andWhere(`e.status <> 'DRAFT'`);

/** Rows of a claim's part by id, when the viewer may see their claim (`node(id:)`). */
function partById<T extends ObjectLiteral & { id: string; claimId: string }>(ds: DataSource, entity: EntityTarget<T>, viewer: Viewer | null) {
  return byIdLoader(ds, entity, (qb) => applyScope(qb.innerJoin(ClaimEntity, 'pc', 'pc.id = e.claim_id AND pc.deleted_at IS NULL'), viewer ? claimScope(viewer, 'pc') : NONE));
}

export function createClaimLoaders(ds: DataSource, viewer: Viewer | null) {
  const scope = scoped<ClaimEntity>(viewer, claimScope);
  return {
    /** Supplements of claims the viewer may see. */
    supplementById: partById(ds, SupplementEntity, viewer),
    /** Carrier payments of claims the viewer may see. */
    carrierPaymentById: partById(ds, CarrierPaymentEntity, viewer),
    /** Claims the viewer may see (null otherwise). */
    claimById: byIdLoader(ds, ClaimEntity, scope),
    /** Each lead's claims that the viewer may see, oldest first. */
    claimsByLeadId: cappedGroupLoader(ds, ClaimEntity, 'lead_id', (c) => c.leadId!, { sql: 'e.created_at', direction: 'ASC' }, NESTED_CLAIMS_MAX, scope),
    /** Each project's claims that the viewer may see, oldest first. */
    claimsByProjectId: cappedGroupLoader(ds, ClaimEntity, 'project_id', (c) => c.projectId!, { sql: 'e.created_at', direction: 'ASC' }, NESTED_CLAIMS_MAX, scope),
    /* The parts of a claim the parent field already checked (staff rules, or an adjuster's own claim). */
    /** Each claim's first `first` supplements, oldest first (`{ key: claimId, first }`). */
    supplementsByClaimId: limitedGroupLoader(ds, SupplementEntity, 'claim_id', (s) => s.claimId, OLDEST),
    /** Each claim's first `first` supplements sent to the carrier (never drafts): what its adjuster reads. */
    sentSupplementsByClaimId: limitedGroupLoader(ds, SupplementEntity, 'claim_id', (s) => s.claimId, OLDEST, sentOnly),
    /** How many supplements each claim has, and how many of them were sent. */
    supplementCountsByClaimId: new DataLoader<string, SupplementCounts>(async (ids) => {
      const rows: Array<SupplementCounts & { id: string }> = await ds.query(
        `SELECT claim_id AS id, count(*)::int AS "all", (count(*) FILTER (WHERE status <> 'DRAFT'))::int AS sent
           FROM supplements WHERE claim_id = ANY($1::uuid[]) GROUP BY claim_id`,
        [ids],
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? { all: 0, sent: 0 });
    }),
    supplementLinesBySupplementId: childrenOf(ds, SupplementLineEntity, 'supplement_id', (l) => l.supplementId, 'position', MAX_LINES),
    paymentsByClaimId: childrenOf(ds, CarrierPaymentEntity, 'claim_id', (p) => p.claimId, 'received_on', PARTS_MAX),
    statusHistoryByClaimId: childrenOf(ds, ClaimStatusChangeEntity, 'claim_id', (h) => h.claimId, 'id', HISTORY_MAX),
    /** What each claim's money is computed from besides its own columns: supplement and payment sums, completion. */
    claimMoneyInputsById: new DataLoader<string, ClaimMoneyInputs>(async (ids) => {
      const rows: Array<ClaimMoneyInputs & { id: string }> = await ds.query(
        `SELECT c.id,
                coalesce((SELECT sum(s.requested_total) FROM supplements s WHERE s.claim_id = c.id AND s.status <> 'DRAFT'), 0)::text AS "supplementsRequested",
                coalesce((SELECT sum(s.approved_total) FROM supplements s WHERE s.claim_id = c.id AND s.status IN ('APPROVED', 'PARTIALLY_APPROVED')), 0)::text AS "supplementsApproved",
                coalesce((SELECT sum(p.amount) FROM carrier_payments p WHERE p.claim_id = c.id), 0)::text AS "paymentsReceived",
                coalesce((SELECT sum(p.amount) FROM carrier_payments p WHERE p.claim_id = c.id AND p.kind = 'DEPRECIATION'), 0)::text AS "depreciationPaid",
                coalesce((SELECT pr.status = 'COMPLETED' FROM projects pr WHERE pr.id = c.project_id), false) AS "workCompleted"
           FROM insurance_claims c WHERE c.id = ANY($1::uuid[])`,
        [ids],
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? { supplementsRequested: '0', supplementsApproved: '0', paymentsReceived: '0', depreciationPaid: '0', workCompleted: false });
    }),
    /** Each claim's insured and property (for the adjuster, who may not read leads, projects or customers). */
    claimPropertyById: new DataLoader<string, ClaimProperty>(async (ids) => {
      const rows: Array<{ id: string; name: string | null; street: string | null; city: string | null; state: string | null; zip: string | null }> = await ds.query(
        `SELECT c.id, coalesce(cu.name, l.contact_name) AS name,
                CASE WHEN cu.id IS NOT NULL THEN cu.address_street ELSE l.address_street END AS street,
                CASE WHEN cu.id IS NOT NULL THEN cu.address_city ELSE l.address_city END AS city,
                CASE WHEN cu.id IS NOT NULL THEN cu.address_state ELSE l.address_state END AS state,
                CASE WHEN cu.id IS NOT NULL THEN cu.address_zip ELSE l.address_zip END AS zip
           FROM insurance_claims c
           LEFT JOIN projects p ON p.id = c.project_id
           LEFT JOIN leads l ON l.id = c.lead_id
           LEFT JOIN customers cu ON cu.id = coalesce(p.customer_id, l.customer_id)
          WHERE c.id = ANY($1::uuid[])`,
        [ids],
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => {
        const r = byId.get(id);
        const address = r && (r.street || r.city || r.state || r.zip) ? { street: r.street, city: r.city, state: r.state, zip: r.zip } : null;
        return { insuredName: r?.name ?? null, address };
      });
    }),
  };
}
