import { signedIn, type Session } from '../../../test/factories';
import { outboxPublished, useTestApp } from '../../../test/harness';

/** `viewerUpdated` goes through the outbox like every live event, so a client that was away catches up on it. */
const { t, w: me } = useTestApp((app): Promise<Session> => signedIn(app, 'SALES'));

it('is in missedEvents for the user whose account changed, and for nobody else', async () => {
  const other = await signedIn(t, 'SALES');
  const since = (await t.gql('{ latestEventId }', {}, me.accessToken)).body.data.latestEventId;
  const r = await t.gql('mutation { updateProfile(input: { name: "Renamed Rep" }) { user { name } errors { code } } }', {}, me.accessToken);
  expect(r.body.data.updateProfile.errors).toEqual([]);
  await outboxPublished(t);
  const MISSED = `query($since: String!) { missedEvents(since: $since) { events { __typename ... on ViewerEvent { eventId user { name } } } } }`;
  const mine = await t.gql(MISSED, { since }, me.accessToken);
  expect(mine.body.data.missedEvents.events).toEqual([{ __typename: 'ViewerEvent', eventId: expect.any(String), user: { name: 'Renamed Rep' } }]);
  const theirs = await t.gql(MISSED, { since }, other.accessToken);
  expect(theirs.body.data.missedEvents.events).toEqual([]);
});
