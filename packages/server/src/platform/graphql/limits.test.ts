import WebSocket from 'ws';
import { signedIn } from '../../../test/factories';
import { startTestApp, useTestApp, subscribe } from '../../../test/harness';

const { t, w: s } = useTestApp((t) => signedIn(t, 'ADMIN'), { env: { WS_INIT_TIMEOUT_MS: '300' } });

// `members { team { members { ... } } }` from the outside in; `depth` must be odd to start with `members`.
const nest = (depth: number, leaf = 'id') => {
  let q = leaf;
  for (let i = 0; i < depth; i++) q = i % 2 ? `team { ${q} }` : `members { ${q} }`;
  return q;
};
const bombs: Record<string, { query: string; limit: string }> = {
  depth: { query: `{ me { team { ${nest(15)} } } }`, limit: 'depth' },
  aliases: { query: `{ me { ${Array.from({ length: 20 }, (_, i) => `a${i}: id`).join(' ')} } }`, limit: 'aliases' },
  // A literal page size multiplies the cost of everything below it (and each level deeper costs 1.5× more).
  cost: { query: `{ users(first: 100) { edges { node { team { members { team { members { ${'id name email '.repeat(60)} } } } } } } } }`, limit: 'cost' },
  directives: { query: `{ me { ${'id @include(if: true) '.repeat(25)} } }`, limit: 'directives' },
  tokens: { query: `{ me { ${'id '.repeat(3100)} } }`, limit: 'tokens' },
};

describe('hostile queries over HTTP', () => {
  it.each(Object.keys(bombs))('rejects a %s bomb with QUERY_TOO_COMPLEX before executing', async (name) => {
    const { query, limit } = bombs[name]!;
    const before = t.queries.length;
    const r = await t.gql(query, {}, s.accessToken);
    expect(r.status).toBe(400);
    expect(r.body.data).toBeUndefined();
    expect(r.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ extensions: expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', limit }) })]));
    expect(r.body.errors?.every((e) => e.extensions?.code === 'QUERY_TOO_COMPLEX')).toBe(true);
    expect(t.queries.length - before).toBeLessThanOrEqual(1); // only the viewer lookup ran
  });

  it('lets an ordinary nested query through', async () => {
    const r = await t.gql(`{ me { id team { members { id team { name } } } } users(first: 50) { edges { node { team { members { name } } } } } }`, {}, s.accessToken);
    expect(r.body.errors).toBeUndefined();
  });

  it('hides field suggestions', async () => {
    const r = await t.gql('{ me { nmae } }', {}, s.accessToken);
    expect(r.body.errors?.[0]?.message).toBe('Cannot query field "nmae" on type "User".');
    expect(r.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses batched requests', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(res.status).toBe(400);
  });

  it('prevents CSRF: simple requests without a preflight-triggering header are refused', async () => {
    const get = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(get.status).toBe(400);
    const form = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(form.status).toBe(400);
    const ok = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(ok.status).toBe(200);
  });

  it('serves introspection to developers by default', async () => {
    const r = await t.gql('{ __schema { queryType { name } } }');
    expect(r.body.data.__schema.queryType.name).toBe('Query');
  });
});

describe('WebSocket', () => {
  const rawSocket = () => new WebSocket(t.wsUrl, 'graphql-transport-ws');
  const closed = (ws: WebSocket) => new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));

  it('closes with 4408 when connection_init never comes', async () => {
    const ws = rawSocket();
    expect((await closed(ws)).code).toBe(4408);
  });

  it('closes with 4403 for a missing or bad token', async () => {
    for (const payload of [{}, { authorization: 'Bearer nope' }, { authorization: `Bearer ${s.refreshToken}` }]) {
      const ws = rawSocket();
      ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload })));
      expect((await closed(ws)).code).toBe(4403);
    }
  });

  it('accepts only subscriptions', async () => {
    for (const query of ['{ me { id } }', 'mutation { logout { loggedOut } }']) {
      const sub = subscribe(t.wsClient(s.accessToken), query);
      await sub.waitFor(1).catch(() => undefined);
      expect(sub.error).toEqual([expect.objectContaining({ extensions: { code: 'BAD_REQUEST' } })]);
    }
  });

  const wsBombs: Record<string, string> = {
    ...Object.fromEntries(Object.entries(bombs).map(([k, b]) => [k, `subscription ${b.query.replace('{ me {', '{ viewerUpdated {')}`])),
    cost: `subscription { leadCreated { lead { customer { interactions(first: 100) { user { team { members { ${'id name email '.repeat(60)} } } } } } } } }`,
  };

  it.each(['depth', 'aliases', 'cost', 'directives', 'tokens'])('rejects a %s bomb sent as a subscription', async (name) => {
    const { limit } = bombs[name]!;
    const sub = subscribe(t.wsClient(s.accessToken), wsBombs[name]!);
    await sub.waitFor(1).catch(() => undefined);
    expect(sub.error).toEqual(expect.arrayContaining([expect.objectContaining({ extensions: expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', limit }) })]));
    expect((sub.error as Array<{ extensions: { code: string } }>).every((e) => e.extensions.code === 'QUERY_TOO_COMPLEX')).toBe(true);
  });

  it('masks validation detail the same way as HTTP', async () => {
    const sub = subscribe(t.wsClient(s.accessToken), 'subscription { viewerUpdatd { id } }');
    await sub.waitFor(1).catch(() => undefined);
    expect(sub.error).toEqual([
      expect.objectContaining({ message: 'Cannot query field "viewerUpdatd" on type "Subscription".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
    ]);
  });
});

describe('introspection switched off', () => {
  // Introspection fields live on Query only, so over WebSocket (subscriptions only) they cannot be reached at all.
  it('refuses introspection', async () => {
    const prod = await startTestApp({ GRAPHQL_INTROSPECTION: 'false' });
    try {
      const r = await prod.gql('{ __schema { queryType { name } } }');
      expect(r.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      const typeQuery = await prod.gql('{ __type(name: "User") { name } }');
      expect(typeQuery.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    } finally {
      await prod.close();
    }
  });
});
