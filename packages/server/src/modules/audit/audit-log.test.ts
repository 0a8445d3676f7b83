import { toGlobalId } from '../../platform/graphql/global-id';
import { signedIn } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';

const { t, w: admin } = useTestApp((t) => signedIn(t, 'ADMIN'));
let teamId: string;
beforeAll(async () => {
  const r = await t.gql(`mutation($i: CreateTeamInput!) { createTeam(input: $i) { team { id } errors { code } } }`, { i: { name: `Audited ${Date.now()}` } }, admin.accessToken);
  teamId = r.body.data.createTeam.team.id;
});

const LOG = `query($f: AuditLogFilter) { auditLog(first: 10, filter: $f) { edges { node { id entityType entityId action actor { id } apiKey { id } } } } }`;
const entries = async (f: Record<string, unknown>, token = admin.accessToken) => {
  const r = await t.gql(LOG, { f }, token);
  return r.body.data ? r.body.data.auditLog.edges.map((e: { node: unknown }) => e.node) : r.body.errors;
};

it('filters by the record and the actor given as global IDs', async () => {
  const byRecord = await entries({ entityId: teamId });
  expect(byRecord).toEqual([{ id: expect.any(String), entityType: 'Team', entityId: teamId, action: 'CREATE', actor: { id: admin.id }, apiKey: null }]);
  expect(await entries({ entityId: teamId, actorId: admin.id })).toEqual(byRecord);
});

it('matches nothing for an ID that is malformed or names another kind of record', async () => {
  expect(await entries({ entityId: 'garbage' })).toEqual([]);
  expect(await entries({ entityId: teamId, actorId: teamId })).toEqual([]);
  expect(await entries({ entityId: teamId, actorId: 'garbage' })).toEqual([]);
  expect(await entries({ entityId: teamId, apiKeyId: teamId })).toEqual([]);
  expect(await entries({ entityId: teamId, apiKeyId: 'garbage' })).toEqual([]);
});

it('fetches an entry by its global ID through node(id:)', async () => {
  const [entry] = await entries({ entityId: teamId });
  const r = await t.gql(`query($id: ID!) { node(id: $id) { ... on AuditEntry { entityId action } } }`, { id: entry.id }, admin.accessToken);
  expect(r.body.data.node).toEqual({ entityId: teamId, action: 'CREATE' });
  const other = await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: toGlobalId('AuditEntry', '999999999') }, admin.accessToken);
  expect(other.body.data.node).toBeNull();
});

it('refuses the log to sales with FORBIDDEN', async () => {
  const sales = await signedIn(t, 'SALES');
  const r = await t.gql(LOG, { f: {} }, sales.accessToken);
  expect(r.body.errors).toEqual([expect.objectContaining({ message: 'You are not allowed to do this.', extensions: { code: 'FORBIDDEN' } })]);
});
