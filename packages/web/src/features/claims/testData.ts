/** Shared fixtures for the claims tests (responses as the server sends them, with `__typename`). */
import type { ClaimStatus } from '../../gql/graphql';
import { toDateInput } from '../../lib/dateInputs';

export const CLAIM_ID = 'SW5zdXJhbmNlQ2xhaW06MQ';
/** The project `claimDetail`'s claim is on. */
export const PROJECT_ID = 'UHJvamVjdDox';
export const CUSTOMER = { __typename: 'Customer', id: 'Q3VzdG9tZXI6MQ', name: 'Dana Hansen' } as const;
export const SAM = { __typename: 'User', id: 'VXNlcjox', name: 'Sam Carter' } as const;

/** `allowedMoves` as the server sends them: `['DENIED', true]` is a move that asks a reason. */
export const claimMoves = (...moves: [ClaimStatus, boolean][]) =>
  moves.map(([status, reasonRequired]) => ({ __typename: 'ClaimMove' as const, status, reasonRequired }));

/** A claim's money as the server computes it (decimal strings). */
export function claimMoney(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'ClaimMoney' as const,
    rcv: '18450.75' as string | null,
    recoverableDepreciation: '4210.30',
    nonRecoverableDepreciation: '615.00',
    overheadAndProfit: '3075.12' as string | null,
    deductible: '1000.00',
    approvedTotal: '18450.75' as string | null,
    approvedRcv: '18450.75' as string | null,
    acv: '13625.45' as string | null,
    homeownerOwes: '1000.00',
    depreciationReleased: false,
    supplementsApproved: '0.00',
    supplementsRequested: '0.00',
    paymentsReceived: '12625.45',
    carrierOwes: '0.00' as string | null,
    depreciationToCollect: '4210.30',
    ...overrides,
  };
}

let n = 0;

/** A claim as the list row selects it. */
export function claimRow(claimNumber: string | null, overrides: Record<string, unknown> = {}) {
  n += 1;
  return {
    __typename: 'InsuranceClaim' as const,
    id: `SW5zdXJhbmNlQ2xhaW06OT${n}`,
    carrier: 'State Farm',
    claimNumber,
    status: 'APPROVED' as ClaimStatus,
    dateOfLoss: '2026-06-14',
    depreciationDeadline: '2026-12-11' as string | null,
    customer: CUSTOMER as typeof CUSTOMER | null,
    money: { __typename: 'ClaimMoney' as const, approvedTotal: '18450.75' as string | null, carrierOwes: '4210.30' as string | null, depreciationToCollect: '4210.30' },
    ...overrides,
  };
}

/** A `claims` connection page. */
export function claimPage(rows: ReadonlyArray<{ id: string }>, opts = { totalCount: rows.length, hasNextPage: false }) {
  return {
    __typename: 'InsuranceClaimConnection' as const,
    totalCount: opts.totalCount,
    edges: rows.map((node) => ({ __typename: 'InsuranceClaimEdge' as const, cursor: `cursor-${node.id}`, node })),
    pageInfo: { __typename: 'PageInfo' as const, hasNextPage: opts.hasNextPage, endCursor: rows.length ? `cursor-${rows[rows.length - 1]!.id}` : null },
  };
}

/** A supplement line as the server answers it. */
export function line(id: string, description: string, quantity: string, unitPrice: string, requestedTotal: string, overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'SupplementLineItem' as const,
    id,
    description,
    code: 'RFG DRIP' as string | null,
    quantity,
    unit: 'LF' as string | null,
    unitPrice,
    requestedTotal,
    approvedQuantity: null as string | null,
    approvedUnitPrice: null as string | null,
    approvedTotal: '0.00',
    ...overrides,
  };
}

/** A supplement as the claim page selects it (a draft with two lines by default). */
export function supplement(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Supplement' as const,
    id: 'U3VwcGxlbWVudDox',
    title: 'Drip edge and ice shield',
    status: 'DRAFT' as const,
    requestedTotal: '1004.09',
    approvedTotal: '0.00',
    preparedBy: SAM as typeof SAM | null,
    sentAt: null as string | null,
    answeredAt: null as string | null,
    createdAt: '2026-11-20T15:00:00.000Z',
    updatedAt: '2026-11-20T15:00:00.000Z',
    photos: [] as object[],
    lineItems: [
      line('U3VwcGxlbWVudExpbmU6MQ', 'Drip edge - aluminum', '212.5', '3.17', '673.63'),
      line('U3VwcGxlbWVudExpbmU6Mg', 'Ice and water shield', '3.3333', '99.14', '330.46', { code: 'RFG IWS', unit: 'SQ' }),
    ],
    ...overrides,
  };
}

/** A claim as the detail page (and every claim mutation) selects it. */
export function claimDetail(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'InsuranceClaim' as const,
    id: CLAIM_ID,
    carrier: 'State Farm',
    claimNumber: '13-4471-Z92' as string | null,
    policyNumber: 'HO-88213' as string | null,
    dateOfLoss: '2026-06-14',
    causeOfLoss: 'HAIL' as const,
    status: 'INSPECTED' as ClaimStatus,
    allowedMoves: claimMoves(['APPROVED', false], ['PARTIALLY_APPROVED', false], ['DENIED', true], ['INSPECTION_SCHEDULED', true], ['CLOSED', true]),
    inspectionAt: '2026-06-20T15:00:00.000Z' as string | null,
    depreciationDeadline: '2026-12-11' as string | null,
    notes: null as string | null,
    adjuster: {
      __typename: 'ClaimAdjuster' as const,
      partner: null as null | { __typename: 'Partner'; id: string; name: string },
      contact: null as null | { __typename: 'PartnerContact'; id: string; name: string },
      name: 'Kim Ode' as string | null,
      phone: '+16125550199' as string | null,
    } as object | null,
    money: claimMoney(),
    lead: null as null | { __typename: 'Lead'; id: string; contactName: string },
    project: { __typename: 'Project' as const, id: PROJECT_ID, name: 'Hansen – full replacement', status: 'IN_PROGRESS' as const } as object | null,
    customer: CUSTOMER,
    owner: SAM,
    owningTeam: { __typename: 'Team' as const, id: 'VGVhbTox', name: 'North Metro' },
    /** As many as the supplements given unless told (the page shows the first 10 of them). */
    supplementCount: (overrides.supplements as object[] | undefined)?.length ?? 0,
    supplements: [] as object[],
    packages: [] as object[],
    payments: [
      { __typename: 'CarrierPayment' as const, id: 'Q2FycmllclBheW1lbnQ6MQ', kind: 'ACV' as const, amount: '12625.45', receivedOn: '2026-07-02', reference: 'CHK 20931', createdAt: '2026-07-03T14:00:00.000Z' },
    ] as object[],
    statusHistory: [
      { __typename: 'ClaimStatusChange' as const, from: null, to: 'FILED' as ClaimStatus, reason: null, changedBy: SAM, changedAt: '2026-06-15T14:00:00.000Z' },
      { __typename: 'ClaimStatusChange' as const, from: 'FILED' as ClaimStatus, to: 'INSPECTION_SCHEDULED' as ClaimStatus, reason: null, changedBy: null, changedAt: '2026-06-16T14:00:00.000Z' },
      { __typename: 'ClaimStatusChange' as const, from: 'INSPECTION_SCHEDULED' as ClaimStatus, to: 'INSPECTED' as ClaimStatus, reason: null, changedBy: SAM, changedAt: '2026-06-20T18:00:00.000Z' },
    ] as object[],
    createdBy: SAM,
    createdAt: '2026-06-15T14:00:00.000Z',
    updatedAt: '2026-11-20T15:00:00.000Z',
    deletedAt: null as string | null,
    ...overrides,
  };
}

/** The company's day `days` from today, as a `Date` scalar (deadlines relative to the real clock). */
export function dayFromToday(days: number): string {
  const [y, m, d] = toDateInput(new Date()).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** A claim package as the claim page lists it: queued, for the supplement, by default. */
export function claimPackage(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'ClaimPackage' as const,
    id: 'Q2xhaW1QYWNrYWdlOjE',
    status: 'QUEUED' as 'QUEUED' | 'READY' | 'FAILED',
    photoCount: 2,
    pageCount: null as number | null,
    error: null as string | null,
    supplement: { __typename: 'Supplement' as const, id: 'U3VwcGxlbWVudDox', title: 'Drip edge and ice shield' } as object | null,
    requestedBy: SAM as typeof SAM | null,
    createdAt: '2026-11-21T15:30:00.000Z',
    finishedAt: null as string | null,
    document: null as null | { __typename: 'Attachment'; id: string; fileName: string; url: string; urlExpiresAt: string },
    ...overrides,
  };
}
