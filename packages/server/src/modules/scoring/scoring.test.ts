import { createLead, createTeam, signedIn, type Session } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';
import { jobOutcome } from '../../../test/workflow-factories';
import { toGlobalId } from '../../platform/graphql/global-id';
import { settingEntityId } from '../settings/setting-store';
import { DEFAULT_WEIGHTS, SCORING_WEIGHTS_KEY } from './scoring-weights';

const { t } = useTestApp({ env: { JOBS_WORKERS: 'true' } });
let admin: Session;
let manager: Session;
let sales: Session;
beforeAll(async () => {
  const team = await createTeam(t.ds);
  admin = await signedIn(t, 'ADMIN');
  manager = await signedIn(t, 'MANAGER', team.id);
  sales = await signedIn(t, 'SALES', team.id);
});

const WEIGHTS = `sourceQuality projectValue urgency responsiveness completeness agingPenalty updatedAt updatedBy { id }`;
const READ = `{ leadScoringWeights { ${WEIGHTS} } }`;
const UPDATE = `mutation($i: LeadScoringWeightsInput!) {
  updateLeadScoringWeights(input: $i) { weights { ${WEIGHTS} } rescoreJobId errors { field code message } }
}`;
const onlySource = { sourceQuality: 100, projectValue: 0, urgency: 0, responsiveness: 0, completeness: 0, agingPenalty: 0 };

describe('leadScoringWeights', () => {
  it('shows the defaults to admins and managers until changed; refuses sales', async () => {
    for (const who of [admin, manager]) {
      const r = await t.gql(READ, {}, who.accessToken);
      expect(r.body.data.leadScoringWeights).toEqual({ ...DEFAULT_WEIGHTS, updatedAt: null, updatedBy: null });
    }
    const refused = await t.gql(READ, {}, sales.accessToken);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('updateLeadScoringWeights', () => {
  it('reports every weight outside 0–100 and changes nothing', async () => {
    const r = await t.gql(UPDATE, { i: { ...DEFAULT_WEIGHTS, urgency: -1, agingPenalty: 101 } }, admin.accessToken);
    expect(r.body.data.updateLeadScoringWeights).toEqual({
      weights: null,
      rescoreJobId: null,
      errors: [
        { field: ['urgency'], code: 'OUT_OF_RANGE', message: 'Urgency must be between 0 and 100.' },
        { field: ['agingPenalty'], code: 'OUT_OF_RANGE', message: 'Aging penalty must be between 0 and 100.' },
      ],
    });
    expect(await t.ds.query('SELECT * FROM settings WHERE key = $1', [SCORING_WEIGHTS_KEY])).toEqual([]);
  });

  it('is for admins only', async () => {
    for (const who of [manager, sales]) {
      const r = await t.gql(UPDATE, { i: onlySource }, who.accessToken);
      expect(r.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await t.ds.query('SELECT * FROM settings WHERE key = $1', [SCORING_WEIGHTS_KEY])).toEqual([]);
  });

  it('saves the weights (audited) and rescores every open lead in a background job', async () => {
    const open = await createLead(t.ds, { source: 'REFERRAL', status: 'CONTACTED' });
    const ads = await createLead(t.ds, { source: 'ADS' });
    const won = await createLead(t.ds, { source: 'REFERRAL', status: 'WON' });
    const deleted = await createLead(t.ds, { source: 'REFERRAL', deletedAt: new Date() });

    const r = await t.gql(UPDATE, { i: onlySource }, admin.accessToken);
    const payload = r.body.data.updateLeadScoringWeights;
    expect(payload.errors).toEqual([]);
    expect(payload.weights).toMatchObject({ ...onlySource, updatedBy: { id: admin.id } });
    expect(payload.rescoreJobId).toEqual(expect.any(String));
    expect((await t.gql(READ, {}, manager.accessToken)).body.data.leadScoringWeights).toEqual(payload.weights);

    const audit = await t.ds.query(`SELECT actor_id, action, changes FROM audit_log WHERE entity_type = 'Setting' AND entity_id = $1`, [
      settingEntityId(SCORING_WEIGHTS_KEY),
    ]);
    expect(audit).toEqual([
      expect.objectContaining({ actor_id: admin.user.id, action: 'UPDATE', changes: expect.objectContaining({ sourceQuality: { before: 25, after: 100 } }) }),
    ]);

    expect(await jobOutcome(t, payload.rescoreJobId)).toBe('completed');
    const scores = await t.ds.query('SELECT id, score, scored_at FROM leads WHERE id = ANY($1)', [[open.id, ads.id, won.id, deleted.id]]);
    const byId = new Map(scores.map((s: { id: string; score: number; scored_at: Date | null }) => [s.id, s]));
    expect(byId.get(open.id)).toMatchObject({ score: 100 });
    expect(byId.get(ads.id)).toMatchObject({ score: 20 });
    expect(byId.get(won.id)).toMatchObject({ score: 0, scored_at: null });
    expect(byId.get(deleted.id)).toMatchObject({ score: 0, scored_at: null });
  });

  it('rescores when the job is queued directly, and running it again changes nothing', async () => {
    await t.ds.query(
      `INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
      [SCORING_WEIGHTS_KEY, JSON.stringify(onlySource)],
    );
    const lead = await createLead(t.ds, { source: 'WEBSITE' });
    const first = await t.queue.send('rescore-leads', {});
    expect(await jobOutcome(t, first!)).toBe('completed');
    const [once] = await t.ds.query('SELECT score, score_factors FROM leads WHERE id = $1', [lead.id]);
    expect(once.score).toBe(70);
    const second = await t.queue.send('rescore-leads', {});
    expect(await jobOutcome(t, second!)).toBe('completed');
    expect(await t.ds.query('SELECT score, score_factors FROM leads WHERE id = $1', [lead.id])).toEqual([once]);
    const lookup = await t.gql(`query($id: ID!) { lead(id: $id) { score scoreFactors { factor points } } }`, { id: toGlobalId('Lead', lead.id) }, admin.accessToken);
    expect(lookup.body.data.lead.scoreFactors).toContainEqual({ factor: 'source_quality', points: 70 });
  });
});
