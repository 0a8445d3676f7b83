import path from 'node:path';
import { createKey } from '../../../test/api-keys';
import { twoTeamCast } from '../../../test/factories';
import { makeIdeDist, useDistDirs, type IdeDist } from '../../../test/ide-dist';
import { startTestApp, useTestApp } from '../../../test/harness';
import { rawGet } from '../../../test/web-dist';

/** The GraphQL IDE on GET /graphql (a stand-in build), without a built web app, and the SDL download. */
let ide: IdeDist;
beforeAll(() => {
  ide = makeIdeDist();
});
afterAll(() => ide.remove());
useDistDirs(() => ({ ide: ide.dir, web: path.join(ide.dir, 'no-web-build') }));
const { t, w } = useTestApp(twoTeamCast);

const csp = (header: unknown) => String(header ?? '');

describe('GET /graphql', () => {
  it('is the IDE page for browsers (HTML preferred), under a policy naming no other origin, without a web build', async () => {
    const res = await rawGet(`${t.url}/graphql`, { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body.toString()).toContain(ide.script);
    const policy = csp(res.headers['content-security-policy']);
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("worker-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/https?:|unsafe-eval|\*/);
    expect(policy).toContain(`connect-src 'self' ws://127.0.0.1:${new URL(t.url).port}`);
  });

  it("serves the IDE's files from this origin, cached for good, under the same policy; a missing one is a 404", async () => {
    const res = await rawGet(`${t.url}${ide.script}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(csp(res.headers['content-security-policy'])).toContain("worker-src 'self'");
    expect((await rawGet(`${t.url}/graphql/ide/assets/gone-1.js`)).status).toBe(404);
    expect((await rawGet(`${t.url}/graphql/ide/other`)).status).toBe(404);
  });

  it('still answers GraphQL GET queries and POSTs as before', async () => {
    const query = `${t.url}/graphql?query=${encodeURIComponent('{ __typename }')}`;
    const get = await fetch(query, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(await get.json()).toEqual({ data: { __typename: 'Query' } });
    // A browser-like Accept with a query in the URL is still the query, not the page.
    const browserGet = await fetch(query, { headers: { accept: 'text/html', 'apollo-require-preflight': 'true' } });
    expect(browserGet.headers.get('content-type')).not.toMatch(/html/);
    const post = await t.gql('{ __typename }');
    expect(post.body).toEqual({ data: { __typename: 'Query' } });
    // No Accept at all (curl, API clients): not the page.
    const plain = await rawGet(`${t.url}/graphql`, { accept: '*/*' });
    expect(plain.headers['content-type']).not.toMatch(/html/);
  });

  it('answers 503 to browsers when the IDE is not built, and nothing when GRAPHQL_IDE=false; the server starts either way', async () => {
    process.env.IDE_DIST_DIR = path.join(ide.dir, 'missing');
    const unbuilt = await startTestApp({}, { shareDatabaseOf: t });
    process.env.IDE_DIST_DIR = ide.dir;
    const off = await startTestApp({ GRAPHQL_IDE: 'false' }, { shareDatabaseOf: t });
    try {
      const res = await rawGet(`${unbuilt.url}/graphql`, { accept: 'text/html' });
      expect(res.status).toBe(503);
      expect(res.body.toString()).toMatch(/not built/);
      expect((await unbuilt.gql('{ __typename }')).body.data).toEqual({ __typename: 'Query' });
      const none = await rawGet(`${off.url}/graphql`, { accept: 'text/html' });
      expect(none.body.toString()).not.toContain(ide.script);
      const file = await rawGet(`${off.url}${ide.script}`);
      expect(file.status).toBeGreaterThanOrEqual(400);
      expect(file.body.toString()).not.toContain('export const ide');
    } finally {
      await Promise.all([unbuilt.close(), off.close()]);
    }
  });
});

describe('GET /graphql/schema.graphql', () => {
  it('is the staff SDL with its descriptions (public introspection, as in development and tests)', async () => {
    const res = await fetch(`${t.url}/graphql/schema.graphql`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const sdl = await res.text();
    expect(sdl).toContain('"""\nA sales opportunity moving through the pipeline, from first contact to a signed job.\n"""\ntype Lead implements Node');
    expect(sdl).toMatch(/type Customer /);
  });

  it('?audience=partner: the schema API keys see (their root fields and types, no staff types)', async () => {
    const sdl = await (await fetch(`${t.url}/graphql/schema.graphql?audience=partner`)).text();
    expect(sdl).toContain('submitReferral(');
    expect(sdl).toContain('myReferrals(');
    expect(sdl).not.toMatch(/type Customer /);
    expect((await fetch(`${t.url}/graphql/schema.graphql?audience=everyone`)).status).toBe(400);
  });

  it('follows GRAPHQL_INTROSPECTION: signed-in wants a staff token or, for the partner schema, an API key; off is a 404', async () => {
    const signedIn = await startTestApp({ GRAPHQL_INTROSPECTION: 'signed-in' }, { shareDatabaseOf: t });
    const off = await startTestApp({ GRAPHQL_INTROSPECTION: 'off' }, { shareDatabaseOf: t });
    try {
      const created = await t.gql('mutation($i: CreatePartnerInput!) { createPartner(input: $i) { partner { id } } }', { i: { name: 'SDL Realty', kind: 'REALTOR' } }, w.as.admin.accessToken);
      const partnerId = created.body.data.createPartner.partner.id as string;
      const key = (await createKey(t, w.as.admin.accessToken, { name: 'SDL', partnerId, scopes: ['REFERRALS_WRITE'] })).secret;
      const get = (app: { url: string }, query: string, token?: string) =>
        fetch(`${app.url}/graphql/schema.graphql${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      expect((await get(signedIn, '')).status).toBe(401);
      expect((await get(signedIn, '', 'not-a-token')).status).toBe(401);
      expect((await get(signedIn, '', w.as.sales.accessToken)).status).toBe(200);
      expect((await get(signedIn, '?audience=partner', w.as.sales.accessToken)).status).toBe(200);
      expect((await get(signedIn, '?audience=partner', key)).status).toBe(200);
      expect((await get(signedIn, '', key)).status).toBe(401);
      expect((await get(signedIn, '?audience=partner', `${key}x`)).status).toBe(401);
      expect((await get(off, '', w.as.admin.accessToken)).status).toBe(404);
    } finally {
      await Promise.all([signedIn.close(), off.close()]);
    }
  });
});
