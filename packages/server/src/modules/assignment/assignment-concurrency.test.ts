import { signedIn } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';
import { giveOpenLeads, openLoads, salesTeam } from '../../../test/workflow-factories';
import { toGlobalId } from '../../platform/graphql/global-id';

/* 50 leads created at once by parallel HTTP requests are distributed exactly as the strategy says. */

const { t, w: admin } = useTestApp((t) => signedIn(t, 'ADMIN'));

const CREATE = `mutation($i: CreateLeadInput!) { createLead(input: $i) { lead { id assignee { id } } errors { code } } }`;

async function createInParallel(teamId: string, n: number): Promise<void> {
  const results = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      t.gql(CREATE, { i: { teamId: toGlobalId('Team', teamId), contactName: `Parallel ${i}`, contactEmail: `p${i}@example.com`, source: 'ADS' } }, admin.accessToken),
    ),
  );
  for (const r of results) {
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.createLead.errors).toEqual([]);
    expect(r.body.data.createLead.lead.assignee).not.toBeNull();
  }
}

it('ROUND_ROBIN: 50 parallel creates for 5 active sales members give exactly 10 each', async () => {
  const { teamId, reps } = await salesTeam(t, 5);
  await createInParallel(teamId, 50);
  const loads = await openLoads(t, teamId);
  expect(reps.map((r) => loads.get(r.id))).toEqual([10, 10, 10, 10, 10]);
});

it('LEAST_OPEN_LEADS: 50 parallel creates over uneven loads (0, 2, 4, 6, 8) end at 14 each', async () => {
  const { teamId, reps } = await salesTeam(t, 5, 'LEAST_OPEN_LEADS');
  for (const [i, rep] of reps.entries()) await giveOpenLeads(t, teamId, rep.id, 2 * i);
  await createInParallel(teamId, 50);
  const loads = await openLoads(t, teamId);
  expect(reps.map((r) => loads.get(r.id))).toEqual([14, 14, 14, 14, 14]);
});
