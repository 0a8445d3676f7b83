import { useTestApp } from '../../../test/harness';
import { openLead } from './open-lead';

/** The partial indexes on open leads are built on `openLead()` itself, so every query written with it can use them. */
const { t } = useTestApp();

const predicateOf = async (index: string): Promise<string> => {
  const [row] = await t.ds.query(`SELECT pg_get_expr(i.indpred, i.indrelid) AS predicate FROM pg_index i WHERE i.indexrelid = $1::regclass`, [index]);
  return row.predicate;
};

it.each(['leads_open_scored_idx', 'leads_open_assignee_idx'])('%s is partial on exactly openLead()', async (index) => {
  await t.ds.query(`CREATE INDEX open_lead_probe_idx ON leads (id) WHERE ${openLead()}`);
  try {
    expect(await predicateOf(index)).toBe(await predicateOf('open_lead_probe_idx'));
  } finally {
    await t.ds.query('DROP INDEX open_lead_probe_idx');
  }
});

it('lets the planner use the partial index for a query written with it', async () => {
  // One connection for both statements; without sequential scans an index the predicate matches must be chosen.
  const plan: Array<{ 'QUERY PLAN': string }> = await t.ds.transaction(async (m) => {
    await m.query('SET LOCAL enable_seqscan = off');
    return m.query(`EXPLAIN SELECT count(*) FROM leads l WHERE l.assignee_id = '00000000-0000-0000-0000-000000000000' AND ${openLead('l')}`);
  });
  expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toContain('leads_open_assignee_idx');
});
