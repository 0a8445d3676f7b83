/** The demo company's insurance claims: storm-damage projects and open storm leads, with supplements and payments. */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { fromCents, lineTotalCents } from '../modules/claims/claim-money';
import { CLAIM_TRANSITIONS } from '../modules/claims/claim-transitions';
import type { ClaimStatus } from '../generated/graphql';
import { insertRows } from './insert';
import { addDays, localDate } from './random';

const CARRIERS = ['State Farm', 'Allstate', 'Travelers', 'American Family', 'Farmers', 'Liberty Mutual'];
const CAUSES = ['HAIL', 'WIND', 'HAIL', 'TREE', 'HAIL', 'WIND'] as const;
/** Where each demo claim on a project got to; the lead claims stay FILED or INSPECTION_SCHEDULED. */
const ROADS: ClaimStatus[][] = [
  ['FILED', 'INSPECTION_SCHEDULED', 'INSPECTED', 'APPROVED', 'SUPPLEMENT_REQUESTED', 'SUPPLEMENT_APPROVED', 'PAID'],
  ['FILED', 'INSPECTION_SCHEDULED', 'INSPECTED', 'PARTIALLY_APPROVED', 'SUPPLEMENT_REQUESTED'],
  ['FILED', 'INSPECTION_SCHEDULED', 'INSPECTED', 'APPROVED', 'PAID', 'CLOSED'],
  ['FILED', 'INSPECTION_SCHEDULED', 'INSPECTED', 'DENIED', 'SUPPLEMENT_REQUESTED'],
  ['FILED', 'INSPECTION_SCHEDULED', 'INSPECTED', 'APPROVED'],
  ['FILED', 'INSPECTION_SCHEDULED'],
];
const REASONS: Partial<Record<ClaimStatus, string>> = { DENIED: 'Carrier says wear and tear, not hail', CLOSED: 'All payments received' };
/** Supplement lines as Xactimate writes them: [description, code, quantity, unit, unit price]. */
const LINES: Array<[string, string, string, string, string]> = [
  ['Ice & water barrier', 'RFG IWS', '6.33', 'SQ', '168.42'],
  ['Drip edge - aluminum', 'RFG DRIP', '184.5', 'LF', '3.21'],
  ['Roof vent - turtle type', 'RFG VENTT', '4', 'EA', '64.86'],
  ['Step flashing', 'RFG STEP', '42', 'LF', '11.37'],
];

/** The carriers' staff adjusters (name, phone) of claims whose team has no adjuster partner. */
const STAFF_ADJUSTERS: Array<[string, string]> = [
  ['Renee Lindqvist', '+16125553101'],
  ['Marcus Oyelaran', '+16125553102'],
];

/**
 * Inserts a handful of claims (reproducibly, by the records' order): one per storm-damage project (at most six) on the
 * road of `ROADS`, and two on open storm leads; adjusted by a demo adjuster partner of the claim's team (or
 * a carrier's staff adjuster by name when the team has none); with a sent or answered
 * supplement and the carrier's payments where the stage says so. Stages are checked against CLAIM_TRANSITIONS.
 */
export async function seedClaims(m: EntityManager, now: Date): Promise<number> {
  const projects: Array<{ id: string; lead_id: string | null; team_id: string | null; created_at: Date }> = await m.query(
    `SELECT id, lead_id, team_id, created_at FROM projects WHERE project_type = 'STORM_DAMAGE' AND deleted_at IS NULL ORDER BY created_at, id LIMIT ${ROADS.length}`,
  );
  const leads: Array<{ id: string; team_id: string | null; created_at: Date; assignee_id: string | null }> = await m.query(
    `SELECT id, team_id, created_at, assignee_id FROM leads WHERE project_type = 'STORM_DAMAGE' AND status IN ('CONTACTED', 'INSPECTION_SCHEDULED') AND deleted_at IS NULL ORDER BY created_at, id LIMIT 2`,
  );
  const adjusters: Array<{ id: string; team_id: string | null; contact_id: string | null }> = await m.query(
    `SELECT p.id, p.team_id, (SELECT c.id FROM partner_contacts c WHERE c.partner_id = p.id ORDER BY c.name, c.id LIMIT 1) AS contact_id
       FROM partners p WHERE p.kind = 'INSURANCE_ADJUSTER' AND p.deleted_at IS NULL ORDER BY p.name, p.id`,
  );
  const owners: Array<{ id: string; team_id: string }> = await m.query(`SELECT id, team_id FROM users WHERE role = 'SALES' ORDER BY email`);
  const ownerIn = (teamId: string | null) => owners.find((o) => o.team_id === teamId)?.id ?? null;
  const claims: object[] = [];
  const history: object[] = [];
  const supplements: object[] = [];
  const lines: object[] = [];
  const payments: object[] = [];
  const parents = [
    ...projects.map((p, i) => ({ leadId: p.lead_id, projectId: p.id, teamId: p.team_id, since: p.created_at, road: ROADS[i]!, owner: ownerIn(p.team_id) })),
    ...leads.map((l, i) => ({ leadId: l.id, projectId: null, teamId: l.team_id, since: l.created_at, road: ROADS[ROADS.length - 1 - i]!.slice(0, 2 - i), owner: l.assignee_id })),
  ];
  parents.forEach((p, i) => {
    const id = randomUUID();
    const status = p.road.at(-1)!;
    p.road.slice(1).forEach((to, k) => {
      if (!CLAIM_TRANSITIONS[p.road[k]!].includes(to)) throw new Error(`demo claim road ${p.road.join(' > ')} is not allowed`);
    });
    const dateOfLoss = addDays(localDate(p.since), -10 - i * 3);
    const rcv = 14_000_00n + BigInt(i) * 2_375_45n;
    const recoverable = (rcv * 18n) / 100n;
    const nonRecoverable = (rcv * 4n) / 100n;
    const decided = p.road.includes('APPROVED') || p.road.includes('PARTIALLY_APPROVED');
    const approvedRcv = p.road.includes('PARTIALLY_APPROVED') ? (rcv * 85n) / 100n : rcv;
    const deductible = 1_000_00n + BigInt(i % 3) * 500_00n;
    // An adjuster partner of the claim's own team, so its staff see who adjusts it; else the carrier's staff adjuster by name.
    const ofTeam = adjusters.filter((a) => a.team_id === p.teamId);
    const adjuster = ofTeam.length ? ofTeam[i % ofTeam.length]! : null;
    claims.push({
      id, lead_id: p.leadId, project_id: p.projectId, team_id: p.teamId, owner_id: p.owner,
      carrier: CARRIERS[i % CARRIERS.length], claim_number: `${CARRIERS[i % CARRIERS.length]!.slice(0, 2).toUpperCase()}-${26_0410 + i * 37}`,
      policy_number: `POL-${81_220 + i * 113}`, date_of_loss: dateOfLoss, cause_of_loss: CAUSES[i % CAUSES.length], status,
      inspection_at: p.road.includes('INSPECTION_SCHEDULED') ? new Date(p.since.getTime() + (2 + i) * 86_400_000) : null,
      adjuster_partner_id: adjuster?.id ?? null, adjuster_contact_id: adjuster?.contact_id ?? null,
      adjuster_name: adjuster ? null : STAFF_ADJUSTERS[i % STAFF_ADJUSTERS.length]![0], adjuster_phone: adjuster ? null : STAFF_ADJUSTERS[i % STAFF_ADJUSTERS.length]![1],
      rcv: fromCents(rcv), recoverable_depreciation: fromCents(recoverable), non_recoverable_depreciation: fromCents(nonRecoverable),
      overhead_and_profit: fromCents((rcv * 20n) / 120n), deductible: fromCents(deductible),
      approved_total: decided ? fromCents(approvedRcv) : null,
      depreciation_deadline: addDays(i === 0 ? localDate(now) : dateOfLoss, i === 0 ? 12 : 180),
      created_at: p.since, updated_at: p.since,
    });
    p.road.forEach((to, k) => history.push({ claim_id: id, from_status: k ? p.road[k - 1] : null, to_status: to, reason: REASONS[to] ?? (to === 'SUPPLEMENT_REQUESTED' && p.road[k - 1] === 'DENIED' ? 'Appeal with photos of the hail hits' : null), changed_by: p.owner, changed_at: new Date(p.since.getTime() + k * 86_400_000) }));
    let approved = 0n;
    if (p.road.includes('SUPPLEMENT_REQUESTED')) approved = supplementOf(id, p.since, p.owner, i, p.road.includes('SUPPLEMENT_APPROVED'), supplements, lines);
    if (p.road.includes('PAID')) {
      const acvLessDeductible = approvedRcv - recoverable - nonRecoverable - deductible;
      payments.push({ claim_id: id, kind: 'ACV', amount: fromCents(acvLessDeductible), received_on: addDays(localDate(p.since), 14), reference: `CHK ${40_112 + i}` });
      if (approved > 0n) payments.push({ claim_id: id, kind: 'SUPPLEMENT', amount: fromCents(approved), received_on: addDays(localDate(p.since), 21), reference: `CHK ${40_212 + i}` });
    }
  });
  await insertRows(m, 'insurance_claims', Object.keys(claims[0] ?? {}), claims);
  await insertRows(m, 'insurance_claim_status_changes', ['claim_id', 'from_status', 'to_status', 'reason', 'changed_by', 'changed_at'], history);
  if (supplements.length) await insertRows(m, 'supplements', Object.keys(supplements[0]!), supplements);
  if (lines.length) await insertRows(m, 'supplement_line_items', Object.keys(lines[0]!), lines);
  if (payments.length) await insertRows(m, 'carrier_payments', Object.keys(payments[0]!), payments);
  return claims.length;
}

/** A supplement of the claim (sent; answered partly when `answered`: all but its second line) and its lines; returns the approved cents. */
function supplementOf(claimId: string, since: Date, owner: string | null, i: number, answered: boolean, supplements: object[], lines: object[]): bigint {
  const id = randomUUID();
  let requested = 0n;
  let approved = 0n;
  LINES.slice(0, 2 + (i % 3)).forEach(([description, code, quantity, unit, unitPrice], position) => {
    const total = lineTotalCents(quantity, unitPrice);
    const approvedTotal = answered && position !== 1 ? total : 0n;
    requested += total;
    approved += approvedTotal;
    lines.push({
      supplement_id: id, position, description, code, quantity, unit, unit_price: unitPrice, requested_total: fromCents(total),
      approved_quantity: answered ? (position !== 1 ? quantity : '0') : null, approved_unit_price: answered ? unitPrice : null, approved_total: fromCents(approvedTotal),
    });
  });
  const sentAt = new Date(since.getTime() + 5 * 86_400_000);
  supplements.push({
    id, claim_id: claimId, title: 'Code upgrades and missed items', status: answered ? 'PARTIALLY_APPROVED' : 'SENT', requested_total: fromCents(requested),
    approved_total: fromCents(approved), prepared_by: owner, sent_at: sentAt, answered_at: answered ? new Date(sentAt.getTime() + 6 * 86_400_000) : null,
    created_at: since, updated_at: sentAt,
  });
  return approved;
}
