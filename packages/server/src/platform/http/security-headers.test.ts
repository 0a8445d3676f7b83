import { createHash } from 'node:crypto';
import { startTestApp, useTestApp } from '../../../test/harness';
import { rawGet, useWebDist, type RawResponse } from '../../../test/web-dist';
import { HSTS } from './security-headers';

const web = useWebDist();
const { t } = useTestApp(); // NODE_ENV=test: the IDE is on, as in development

/** The directives of a Content-Security-Policy header, by name. */
function directives(res: RawResponse): Map<string, string[]> {
  const header = String(res.headers['content-security-policy'] ?? '');
  return new Map(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

function expectUsualHeaders(res: RawResponse) {
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
  expect(res.headers['referrer-policy']).toBeDefined();
  expect(res.headers['strict-transport-security']).toBeUndefined(); // plain HTTP, no trusted proxy
  expect(directives(res).get('frame-ancestors')).toEqual(["'none'"]);
  expect(directives(res).get('object-src')).toEqual(["'none'"]);
}

/** The app's strict policy: this origin only, nothing inline, the WebSocket to this exact origin. */
function expectAppPolicy(res: RawResponse, origin = t.url) {
  const csp = directives(res);
  const port = new URL(origin).port;
  expect(csp.get('default-src')).toEqual(["'self'"]);
  expect(csp.get('script-src')).toEqual(["'self'"]);
  expect(csp.get('style-src')).toEqual(["'self'"]);
  expect(csp.get('connect-src')).toEqual(["'self'", `ws://127.0.0.1:${port}`]);
  expect(csp.get('base-uri')).toEqual(["'self'"]);
  expect(csp.get('form-action')).toEqual(["'self'"]);
  expect(String(res.headers['content-security-policy'])).not.toMatch(/unsafe|\*|data:|https?:/);
  expect(res.headers['referrer-policy']).toBe('no-referrer');
  expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
}

const POST_TYPENAME = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) };

describe('security headers', () => {
  it('on the web app, its assets, health and 404s', async () => {
    for (const [path, accept] of [
      ['/', 'text/html'],
      ['/customers/123', 'text/html'],
      [web.script.path, '*/*'],
      ['/healthz', '*/*'],
      ['/assets/gone-123.js', '*/*'],
    ] as const) {
      const res = await rawGet(`${t.url}${path}`, { accept, 'accept-encoding': 'br' });
      expectUsualHeaders(res);
      expectAppPolicy(res);
    }
  });

  it('on GraphQL responses (success, GraphQL error, malformed body)', async () => {
    for (const body of [POST_TYPENAME.body, JSON.stringify({ query: '{ nope }' }), '{"query":']) {
      const res = await fetch(`${t.url}/graphql`, { ...POST_TYPENAME, body });
      const raw = { status: res.status, headers: Object.fromEntries(res.headers), body: Buffer.alloc(0) };
      expect(res.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
      expectUsualHeaders(raw);
      expectAppPolicy(raw);
    }
  });

  it('on the IDE page: exactly what Apollo Sandbox needs, its inline blocks by hash, nothing inline otherwise', async () => {
    const res = await rawGet(`${t.url}/graphql`, { accept: 'text/html' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expectUsualHeaders(res);
    const csp = directives(res);
    const page = res.body.toString();
    const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    const inline = (tag: string) =>
      [...page.matchAll(new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)</${tag}>`, 'g'))].filter((m) => !m[1]!.includes('src=')).map((m) => sha256(m[2]!));
    expect(inline('script').length).toBeGreaterThan(0);
    expect(csp.get('script-src')?.sort()).toEqual(['https://embeddable-sandbox.cdn.apollographql.com', ...inline('script')].sort());
    expect(csp.get('style-src')?.sort()).toEqual(['https://fonts.googleapis.com', ...inline('style')].sort());
    const external = [...page.matchAll(/<script[^>]*\ssrc="(https:\/\/[^/"]+)\//g)].map((m) => m[1]);
    expect(external).toEqual(['https://embeddable-sandbox.cdn.apollographql.com']);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('frame-src')).toEqual(['https://sandbox.embed.apollographql.com']);
    expect(csp.get('connect-src')).toEqual(["'self'", `ws://127.0.0.1:${new URL(t.url).port}`]);
    expect(String(res.headers['content-security-policy'])).not.toMatch(/unsafe|\*/);
  });

  it('gives /graphql the app policy when the IDE is off', async () => {
    const off = await startTestApp({ GRAPHQL_IDE: 'false' }, { shareDatabaseOf: t });
    try {
      const res = await rawGet(`${off.url}/graphql`, { accept: 'text/html' });
      expectUsualHeaders(res);
      expectAppPolicy(res, off.url);
    } finally {
      await off.close();
    }
  });
});

describe('HSTS', () => {
  it('only when a trusted proxy says TLS ended upstream, never on the claim of an untrusted client', async () => {
    const claimed = await rawGet(`${t.url}/`, { accept: 'text/html', 'x-forwarded-proto': 'https' });
    expect(claimed.headers['strict-transport-security']).toBeUndefined();

    const behindProxy = await startTestApp({ TRUST_PROXY: 'loopback' }, { shareDatabaseOf: t });
    try {
      const secure = await rawGet(`${behindProxy.url}/`, {
        accept: 'text/html',
        'x-forwarded-proto': 'https',
        'x-forwarded-host': 'crm.example.com',
      });
      expect(secure.headers['strict-transport-security']).toBe(HSTS);
      expect(directives(secure).get('connect-src')).toEqual(["'self'", 'wss://crm.example.com']);
      const api = await fetch(`${behindProxy.url}/graphql`, {
        ...POST_TYPENAME,
        headers: { ...POST_TYPENAME.headers, 'x-forwarded-proto': 'https' },
      });
      expect(api.headers.get('strict-transport-security')).toBe(HSTS);

      const plain = await rawGet(`${behindProxy.url}/`, { accept: 'text/html' });
      expect(plain.headers['strict-transport-security']).toBeUndefined();
      // A forwarded host that could smuggle directives is not echoed.
      const odd = await rawGet(`${behindProxy.url}/`, { accept: 'text/html', 'x-forwarded-host': "evil; script-src 'unsafe-inline'" });
      expect(directives(odd).get('connect-src')).toEqual(["'self'"]);
      expect(directives(odd).get('script-src')).toEqual(["'self'"]);
    } finally {
      await behindProxy.close();
    }
  });
});
