import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { postOutbound, refusedAddress, targetProblem, urlProblem, type OutboundPolicy } from './outbound';

/** The outbound guard for caller-given URLs (webhooks): addresses, form, redirects, time and size. */
const policy = (over: Partial<OutboundPolicy> = {}): OutboundPolicy => ({ allow: new Set(), httpsOnly: false, timeoutMs: 2_000, maxResponseBytes: 1_000, ...over });

it.each([
  ['127.0.0.1', 'loopback address'],
  ['::1', 'loopback address'],
  ['::ffff:127.0.0.1', 'loopback address'],
  ['10.1.2.3', 'private address'],
  ['172.20.0.1', 'private address'],
  ['192.168.1.1', 'private address'],
  ['100.64.0.1', 'private address'],
  ['fd00::1', 'private address'],
  ['169.254.169.254', 'link-local address'],
  ['fe80::1', 'link-local address'],
  ['0.0.0.0', 'reserved address'],
  ['224.0.0.1', 'reserved address'],
  ['93.184.216.34', null],
  ['2606:2800:220:1::1', null],
])('classifies %s', (address, refused) => {
  expect(refusedAddress(address, policy())).toBe(refused);
});

it('lets a setting allow a range', () => {
  expect(refusedAddress('127.0.0.1', policy({ allow: new Set(['loopback']) }))).toBeNull();
  expect(refusedAddress('10.0.0.1', policy({ allow: new Set(['loopback']) }))).toBe('private address');
});

it.each([
  ['http://example.com/x', false, null],
  ['http://example.com/x', true, 'must use https'],
  ['https://u:p@example.com/x', false, 'must not contain a user name or password'],
  ['ftp://example.com', false, 'must use https or http'],
  ['example.com/hooks', false, 'is not a valid URL'],
])('checks the form of %s (https only: %s)', (url, httpsOnly, problem) => {
  expect(urlProblem(url, { httpsOnly })).toBe(problem);
});

it('refuses a name that resolves to a guarded address, at registration and at connection', async () => {
  expect(await targetProblem('http://localhost:9/hooks', policy())).toMatch(/loopback address/);
  const result = await postOutbound('http://localhost:9/hooks', '{}', {}, policy());
  expect(result).toMatchObject({ ok: false, statusCode: null, error: 'target refused: loopback address' });
});

describe('against a receiver on loopback (allowed)', () => {
  let server: http.Server;
  let base: string;
  const allowed = (over: Partial<OutboundPolicy> = {}) => policy({ allow: new Set(['loopback']), ...over });
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/redirect') res.writeHead(302, { location: 'http://169.254.169.254/' }).end();
      else if (req.url === '/big') res.writeHead(200).end('x'.repeat(50_000));
      else if (req.url === '/slow') setTimeout(() => res.writeHead(200).end('late'), 1_500);
      else req.on('data', () => undefined).on('end', () => res.writeHead(201).end('thanks'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('posts and reads the answer', async () => {
    expect(await postOutbound(`${base}/ok`, '{"a":1}', { 'webhook-id': 'evt_1' }, allowed())).toMatchObject({ ok: true, statusCode: 201, body: 'thanks' });
  });

  it('does not follow a redirect', async () => {
    expect(await postOutbound(`${base}/redirect`, '{}', {}, allowed())).toMatchObject({ ok: false, statusCode: 302, error: 'redirect not followed' });
  });

  it('reads at most the size cap of an answer', async () => {
    const r = await postOutbound(`${base}/big`, '{}', {}, allowed());
    expect(r.body!.length).toBeLessThanOrEqual(1_000);
  });

  it('gives up after the timeout', async () => {
    expect(await postOutbound(`${base}/slow`, '{}', {}, allowed({ timeoutMs: 300 }))).toMatchObject({ ok: false, statusCode: null, error: 'timeout after 0.3 s' });
  });

  it('refuses the loopback receiver when loopback is not allowed', async () => {
    expect(await postOutbound(`${base}/ok`, '{}', {}, policy())).toMatchObject({ ok: false, error: 'target refused: loopback address' });
  });
});
