import { signedIn } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';
import { runJob, unschedule } from '../../../test/notification-factories';

/** A scheduled job's run is in the audit log: actor the system (no staff member, no API key), the job, and what it did. */
const { t } = useTestApp({ env: { JOBS_WORKERS: 'true' } });

it('records a completed run with the job and its outcome, for admins', async () => {
  await unschedule(t, ['alert-rules']);
  const admin = await signedIn(t, 'ADMIN');
  const run = await runJob(t, 'alert-rules');
  expect(run.state).toBe('completed');
  const r = await t.gql(
    `{ auditLog(first: 5, filter: { entityType: "Job", actions: [RUN] }) { edges { node { actor { id } apiKey { id } action entityType changes { field after } } } } }`,
    {},
    admin.accessToken,
  );
  const entries = r.body.data.auditLog.edges.map((e: { node: unknown }) => e.node);
  expect(entries).toContainEqual({
    actor: null,
    apiKey: null,
    action: 'RUN',
    entityType: 'Job',
    changes: expect.arrayContaining([{ field: 'job', after: 'alert-rules' }, expect.objectContaining({ field: 'PROJECT_OVER_BUDGET' })]),
  });
});
