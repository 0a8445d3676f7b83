import { createLead, signedIn, type Session } from '../../../test/factories';
import { subscribed, useTestApp } from '../../../test/harness';
import { toGlobalId } from '../../platform/graphql/global-id';

/**
 * A score is live news however it changes: the nightly rescore (and a weight change's rescore) emits `lead.updated`
 * for every lead whose score or reasons moved, through the outbox like every other event — and none for the others.
 */
const { t, w: admin } = useTestApp((app): Promise<Session> => signedIn(app, 'ADMIN'));

it('emits leadUpdated for the leads a batch rescore changed, and only for those', async () => {
  const stale = await createLead(t.ds, { contactName: 'Aged Out', score: 50 });
  await createLead(t.ds, { contactName: 'Steady' }); // rescored to the same score: no event
  // Score both first, so the batch below changes nothing about the steady one.
  await t.app.services.scoring.rescoreOpenLeads();
  // `stale` has waited for weeks: aging takes points, so its score moves.
  await t.ds.query(`UPDATE leads SET created_at = now() - interval '90 days', score = 99 WHERE id = $1`, [stale.id]);
  const [{ last }] = await t.ds.query('SELECT coalesce(max(id), 0) AS last FROM outbox_events');
  const sub = await subscribed(t, t.wsClient(admin.accessToken), 'subscription { leadUpdated { type lead { id score } } }');
  await t.app.services.scoring.rescoreOpenLeads();
  await sub.waitFor(1);
  expect(sub.results[0]!.data.leadUpdated).toEqual({ type: 'UPDATED', lead: { id: toGlobalId('Lead', stale.id), score: expect.any(Number) } });
  expect(sub.results[0]!.data.leadUpdated.lead.score).not.toBe(99);
  const events: Array<{ entity_id: string }> = await t.ds.query(`SELECT entity_id FROM outbox_events WHERE type = 'lead.updated' AND id > $1`, [last]);
  expect(events.map((e) => e.entity_id)).toEqual([stale.id]);
});
