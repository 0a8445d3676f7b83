/**
 * The workloads of the GraphQL bench: for each, our operation and PostGraphile's equivalent (same rows, same order,
 * rows in the trash excluded the same way), and a function per side that turns the response into one canonical form,
 * so the bench can check both return the same data before it measures.
 */
import type { Client as PgClient } from 'pg';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface Operation {
  query: string;
  variables?: Record<string, unknown>;
}

export interface Side {
  operation: Operation;
  /** The response's `data` in the canonical form both sides share. */
  canonical: (data: Json) => unknown;
}

export interface Workload {
  name: string;
  title: string;
  /** Concurrency for this workload instead of the run's (e.g. 1 for a latency-only row). */
  concurrency?: number;
  ours: Side;
  /** PostGraphile's equivalent; none when it has nothing comparable (the dashboard). */
  peer?: Side;
  /** Rows the answer must equal, read with plain SQL (an independent check of ordering and depth). */
  expected?: unknown;
}

/** What workloads are built from: the database, read once before measuring (never written). */
export interface Prepared {
  interactions: number;
  customers: number;
  keysetDepth: number;
  customersDepth: number;
  /** Our cursors (base64url JSON of the sort key values, as `platform/db/pagination.ts` writes them). */
  oursInteractionCursor: string;
  oursCustomerCursor: string;
  /** The row at each depth, to ask PostGraphile for its cursor. */
  interactionAt: { id: string; occurredAt: string };
  customerAt: { id: string; createdAt: string };
  keysetRows: unknown[];
  customersDeepRows: unknown[];
}

/** Our global IDs are base64url("Type:uuid"); the canonical form keeps the uuid. */
const uuidOf = (globalId: string) => Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1]!;
const iso = (t: string | null) => (t == null ? null : new Date(t).toISOString());
const oursCursor = (values: Array<string | number>) => Buffer.from(JSON.stringify(values)).toString('base64url');
const byNameThenId = (a: { name: string; id: string }, b: { name: string; id: string }) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/* Canonical shapes. `o` maps our objects, `p` PostGraphile's. */
const contact = {
  o: (c: Json) => ({ id: uuidOf(c.id), name: c.name, email: c.email, phone: c.phone }),
  p: (c: Json) => ({ id: c.rowId, name: c.name, email: c.email, phone: c.phone }),
};
const user = {
  o: (u: Json) => (u ? { id: uuidOf(u.id), name: u.name } : null),
  p: (u: Json) => (u ? { id: u.rowId, name: u.name } : null),
};
const interaction = {
  o: (i: Json) => ({ id: uuidOf(i.id), type: i.type, subject: i.subject, occurredAt: iso(i.occurredAt), ...(i.user !== undefined && { user: user.o(i.user) }) }),
  p: (i: Json) => ({
    id: i.rowId,
    type: i.type,
    subject: i.subject,
    occurredAt: iso(i.occurredAt),
    ...(i.userByUserId !== undefined && { user: user.p(i.userByUserId) }),
  }),
};
/** The crew as we answer it: by name, then id, at most 20. PostGraphile cannot order by a related column: sorted here. */
const crew = {
  o: (team: Json[]) => team.map(user.o).sort(byNameThenId as never).slice(0, 20),
  p: (members: Json) => members.nodes.map((m: Json) => user.p(m.userByUserId)).sort(byNameThenId).slice(0, 20),
};

const INTERACTION_FIELDS = { ours: 'id type subject occurredAt', peer: 'rowId type subject occurredAt' };
const ACTIVE_NEWEST = 'condition: { active: true }, orderBy: [CREATED_AT_DESC, ROW_ID_DESC]';
const INTERACTIONS_NEWEST = 'condition: { active: true }, orderBy: [OCCURRED_AT_DESC, ROW_ID_DESC]';

const DASHBOARD = `query Dashboard {
  dashboard(range: LAST_12_MONTHS) {
    range from to
    pipeline { status count value }
    funnel { status count rate }
    winRate
    averageDealSize
    revenueByMonth { month revenue projects }
    sourceRoi { source leads wins revenue conversionRate }
    leaderboard { user { id name } leads wins revenue avgResponseHours }
    projectStatus { status count }
    onBudgetRatio
    upcomingAppointments { id title }
    timeSeries { metric points { date value } }
  }
}`;

/** The dashboard without its time bounds (now, when it was asked): what ours and a baseline must agree on. */
const dashboardNumbers = (d: Json) => {
  const { from: _from, to: _to, ...numbers } = d.dashboard;
  return numbers;
};

export function workloads(p: Prepared): Workload[] {
  return [
    {
      name: 'simple',
      title: 'simple: 20 customers (name, email, phone)',
      ours: {
        operation: { query: 'query Simple { customers(first: 20) { edges { node { id name email phone } } } }' },
        canonical: (d) => d.customers.edges.map((e: Json) => contact.o(e.node)),
      },
      peer: {
        operation: { query: `query Simple { allCustomers(first: 20, ${ACTIVE_NEWEST}) { nodes { rowId name email phone } } }` },
        canonical: (d) => d.allCustomers.nodes.map(contact.p),
      },
    },
    {
      name: 'mid',
      title: 'mid: 20 customers × projects × interactions(5) × user',
      ours: {
        operation: {
          query: `query Mid { customers(first: 20) { edges { node { id name projects { id name
            interactions(first: 5) { ${INTERACTION_FIELDS.ours} user { id name } } } } } } }`,
        },
        canonical: (d) =>
          d.customers.edges.map(({ node: c }: Json) => ({
            id: uuidOf(c.id),
            name: c.name,
            projects: c.projects.map((pr: Json) => ({ id: uuidOf(pr.id), name: pr.name, interactions: pr.interactions.map(interaction.o) })),
          })),
      },
      peer: {
        operation: {
          query: `query Mid { allCustomers(first: 20, ${ACTIVE_NEWEST}) { nodes { rowId name
            projectsByCustomerId(first: 25, ${ACTIVE_NEWEST}) { nodes { rowId name
              interactionsByProjectId(first: 5, ${INTERACTIONS_NEWEST}) { nodes { ${INTERACTION_FIELDS.peer} userByUserId { rowId name } } } } } } } }`,
        },
        canonical: (d) =>
          d.allCustomers.nodes.map((c: Json) => ({
            id: c.rowId,
            name: c.name,
            projects: c.projectsByCustomerId.nodes.map((pr: Json) => ({
              id: pr.rowId,
              name: pr.name,
              interactions: pr.interactionsByProjectId.nodes.map(interaction.p),
            })),
          })),
      },
    },
    {
      name: 'heavy',
      title: 'heavy: 50 customers × projects × crew × interactions(10) × user',
      ours: {
        operation: {
          query: `query Heavy { customers(first: 50) { edges { node { id name email phone projects { id name status
            team { id name } interactions(first: 10) { ${INTERACTION_FIELDS.ours} user { id name } } } } } } }`,
        },
        canonical: (d) =>
          d.customers.edges.map(({ node: c }: Json) => ({
            ...contact.o(c),
            projects: c.projects.map((pr: Json) => ({
              id: uuidOf(pr.id),
              name: pr.name,
              status: pr.status,
              crew: crew.o(pr.team),
              interactions: pr.interactions.map(interaction.o),
            })),
          })),
      },
      peer: {
        operation: {
          query: `query Heavy { allCustomers(first: 50, ${ACTIVE_NEWEST}) { nodes { rowId name email phone
            projectsByCustomerId(first: 25, ${ACTIVE_NEWEST}) { nodes { rowId name status
              projectMembersByProjectId { nodes { userByUserId { rowId name } } }
              interactionsByProjectId(first: 10, ${INTERACTIONS_NEWEST}) { nodes { ${INTERACTION_FIELDS.peer} userByUserId { rowId name } } } } } } } }`,
        },
        canonical: (d) =>
          d.allCustomers.nodes.map((c: Json) => ({
            ...contact.p(c),
            projects: c.projectsByCustomerId.nodes.map((pr: Json) => ({
              id: pr.rowId,
              name: pr.name,
              status: pr.status,
              crew: crew.p(pr.projectMembersByProjectId),
              interactions: pr.interactionsByProjectId.nodes.map(interaction.p),
            })),
          })),
      },
    },
    {
      name: 'keyset',
      title: `keyset: interactions(first: 20, after:) ${p.keysetDepth.toLocaleString('en-US')} rows deep`,
      expected: p.keysetRows,
      ours: {
        operation: {
          query: `query Keyset($after: String) { interactions(first: 20, after: $after) { edges { node { ${INTERACTION_FIELDS.ours} } } } }`,
          variables: { after: p.oursInteractionCursor },
        },
        canonical: (d) => d.interactions.edges.map((e: Json) => interaction.o(e.node)),
      },
      peer: {
        operation: {
          query: `query Keyset($after: Cursor) { allInteractions(first: 20, after: $after, ${INTERACTIONS_NEWEST}) { nodes { ${INTERACTION_FIELDS.peer} } } }`,
          variables: { after: '(set by the bench)' },
        },
        canonical: (d) => d.allInteractions.nodes.map(interaction.p),
      },
    },
    {
      name: 'customers-deep',
      title: `list: customers(first: 20, after:) ${p.customersDepth.toLocaleString('en-US')} rows deep`,
      expected: p.customersDeepRows,
      ours: {
        operation: {
          query: 'query CustomersDeep($after: String) { customers(first: 20, after: $after) { edges { node { id name email phone } } } }',
          variables: { after: p.oursCustomerCursor },
        },
        canonical: (d) => d.customers.edges.map((e: Json) => contact.o(e.node)),
      },
      peer: {
        operation: {
          query: `query CustomersDeep($after: Cursor) { allCustomers(first: 20, after: $after, ${ACTIVE_NEWEST}) { nodes { rowId name email phone } } }`,
          variables: { after: '(set by the bench)' },
        },
        canonical: (d) => d.allCustomers.nodes.map(contact.p),
      },
    },
    {
      name: 'search',
      title: 'search: customers(filter: {search: "anders"}) with totalCount',
      ours: {
        operation: { query: 'query Search { customers(first: 20, filter: { search: "anders" }) { totalCount edges { node { id name email phone } } } }' },
        canonical: (d) => ({ totalCount: d.customers.totalCount, nodes: d.customers.edges.map((e: Json) => contact.o(e.node)) }),
      },
      peer: {
        operation: {
          query: `query Search { allCustomers(first: 20, condition: { active: true, search: "anders" }, orderBy: [CREATED_AT_DESC, ROW_ID_DESC]) {
            totalCount nodes { rowId name email phone } } }`,
        },
        canonical: (d) => ({ totalCount: d.allCustomers.totalCount, nodes: d.allCustomers.nodes.map(contact.p) }),
      },
    },
    {
      name: 'dashboard',
      title: 'dashboard, cold cache, all widgets, 12 months',
      ours: { operation: { query: DASHBOARD }, canonical: dashboardNumbers },
    },
    {
      name: 'dashboard-c1',
      title: 'dashboard, cold cache, all widgets, 12 months, concurrency 1',
      concurrency: 1,
      ours: { operation: { query: DASHBOARD }, canonical: dashboardNumbers },
    },
  ];
}

/** The workloads of the per-scale table (item 6 of issue 12): the first page and deep pages. */
export const SCALE_WORKLOADS = ['simple', 'keyset', 'customers-deep'];

/**
 * Reads what the workloads need: row counts, the rows at the keyset depths (half of each list, at most 500,000 deep)
 * and, as an independent check, the 20 rows after each, in each list's order (newest first, ties by id).
 */
export async function prepare(db: PgClient, maxDepth = 500_000): Promise<Prepared> {
  const count = async (table: string) =>
    Number((await db.query(`SELECT count(*)::int AS n FROM ${table} WHERE deleted_at IS NULL`)).rows[0].n);
  const [interactions, customers] = [await count('interactions'), await count('customers')];
  const keysetDepth = Math.min(maxDepth, Math.floor(interactions / 2));
  const customersDepth = Math.min(maxDepth, Math.floor(customers / 2));
  const page = async (sql: string, depth: number) => (await db.query(sql, [depth])).rows;
  const interactionRows = await page(
    `SELECT id, type, subject, occurred_at FROM interactions WHERE deleted_at IS NULL
     ORDER BY occurred_at DESC, id DESC OFFSET $1 - 1 LIMIT 21`,
    keysetDepth,
  );
  const customerRows = await page(
    `SELECT id, name, email, phone, created_at FROM customers WHERE deleted_at IS NULL
     ORDER BY created_at DESC, id DESC OFFSET $1 - 1 LIMIT 21`,
    customersDepth,
  );
  const [iAt, ...iPage] = interactionRows;
  const [cAt, ...cPage] = customerRows;
  return {
    interactions,
    customers,
    keysetDepth,
    customersDepth,
    oursInteractionCursor: oursCursor([iAt.occurred_at.toISOString(), iAt.id]),
    oursCustomerCursor: oursCursor([cAt.created_at.toISOString(), cAt.id]),
    interactionAt: { id: iAt.id, occurredAt: iAt.occurred_at.toISOString() },
    customerAt: { id: cAt.id, createdAt: cAt.created_at.toISOString() },
    keysetRows: iPage.map((r) => ({ id: r.id, type: r.type, subject: r.subject, occurredAt: r.occurred_at.toISOString() })),
    customersDeepRows: cPage.map((r) => ({ id: r.id, name: r.name, email: r.email, phone: r.phone })),
  };
}

/** PostGraphile's cursor for a row in a list's order: asked for with a condition that selects just that row. */
export const PEER_CURSOR_QUERIES = {
  keyset: (id: string) => ({
    query: `query($id: UUID!) { allInteractions(condition: { rowId: $id }, orderBy: [OCCURRED_AT_DESC, ROW_ID_DESC]) { edges { cursor } } }`,
    variables: { id },
    pick: (d: Json) => d.allInteractions.edges[0].cursor as string,
  }),
  'customers-deep': (id: string) => ({
    query: `query($id: UUID!) { allCustomers(condition: { rowId: $id }, orderBy: [CREATED_AT_DESC, ROW_ID_DESC]) { edges { cursor } } }`,
    variables: { id },
    pick: (d: Json) => d.allCustomers.edges[0].cursor as string,
  }),
};
