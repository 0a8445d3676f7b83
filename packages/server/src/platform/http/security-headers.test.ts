import { startTestApp, useTestApp } from '../../../test/harness';
import { rawGet, useWebDist, type RawResponse } from '../../../test/web-dist';
import { HSTS } from './security-headers';

const web = useWebDist();
const { t } = useTestApp(); // the IDE is on by default, in every mode

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

  it('on the IDE page and its files: this origin only, scripts by origin (no eval, nothing inline), Monaco workers', async () => {
    // Built or not (503), the page answers under the IDE's policy; the files under /graphql/ide/ too.
    for (const path of ['/graphql', '/graphql/ide/assets/any-1.js']) {
      const res = await rawGet(`${t.url}${path}`, { accept: 'text/html' });
      expectUsualHeaders(res);
      const csp = directives(res);
      expect(csp.get('default-src')).toEqual(["'none'"]);
      expect(csp.get('script-src')).toEqual(["'self'"]);
      // Monaco writes <style> elements and style attributes at run time: styles may be inline, scripts never.
      expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
      expect(csp.get('worker-src')).toEqual(["'self'"]);
      expect(csp.get('font-src')).toEqual(["'self'", 'data:']);
      expect(csp.get('img-src')).toEqual(["'self'", 'data:']);
      expect(csp.get('connect-src')).toEqual(["'self'", `ws://127.0.0.1:${new URL(t.url).port}`]);
      expect(csp.get('frame-src')).toEqual(["'none'"]);
      expect(String(res.headers['content-security-policy'])).not.toMatch(/https?:|unsafe-eval|\*/);
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    }
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
