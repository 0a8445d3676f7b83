import path from 'node:path';
import zlib from 'node:zlib';
import { useTestApp } from '../../../test/harness';
import { rawGet, useWebDist } from '../../../test/web-dist';
import { spaRoutes } from './spa';

const web = useWebDist();
const { t } = useTestApp();

const IMMUTABLE = 'public, max-age=31536000, immutable';

describe('hashed assets, precompressed at build', () => {
  it('sends the brotli twin to clients that accept br, decoding to the same bytes', async () => {
    const res = await rawGet(`${t.url}${web.script.path}`, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(web.script.bytes.length / 5);
    expect(zlib.brotliDecompressSync(res.body).equals(web.script.bytes)).toBe(true);
  });

  it('sends the gzip twin to clients that accept gzip but not br', async () => {
    for (const accept of ['gzip', 'gzip, deflate', 'br;q=0, gzip']) {
      const res = await rawGet(`${t.url}${web.script.path}`, { 'accept-encoding': accept });
      expect(res.headers['content-encoding']).toBe('gzip');
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(res.headers['cache-control']).toBe(IMMUTABLE);
      expect(zlib.gunzipSync(res.body).equals(web.script.bytes)).toBe(true);
    }
  });

  it('sends the file as is without Accept-Encoding (or with only identity), still varying on it', async () => {
    for (const headers of [{}, { 'accept-encoding': 'identity' }, { 'accept-encoding': 'deflate' }] as Array<Record<string, string>>) {
      const res = await rawGet(`${t.url}${web.script.path}`, headers);
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(res.headers['cache-control']).toBe(IMMUTABLE);
      expect(res.body.equals(web.script.bytes)).toBe(true);
    }
  });

  it('sends small files the build did not compress as they are, and a missing asset is a 404, not the app', async () => {
    const small = await rawGet(`${t.url}${web.small.path}`, { 'accept-encoding': 'br, gzip' });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.headers['cache-control']).toBe(IMMUTABLE);
    expect(small.body.equals(web.small.bytes)).toBe(true);

    const missing = await rawGet(`${t.url}/assets/index-Old999.js`, { accept: '*/*', 'accept-encoding': 'br' });
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).not.toContain('<!doctype html>');
  });

  it('revalidates a conditional request per encoding (the variants have different ETags)', async () => {
    const br = await rawGet(`${t.url}${web.script.path}`, { 'accept-encoding': 'br' });
    const gz = await rawGet(`${t.url}${web.script.path}`, { 'accept-encoding': 'gzip' });
    expect(br.headers.etag).not.toBe(gz.headers.etag);
    const again = await rawGet(`${t.url}${web.script.path}`, { 'accept-encoding': 'br', 'if-none-match': br.headers.etag! });
    expect(again.status).toBe(304);
  });
});

describe('index.html', () => {
  it('answers client-side routes, never cached stale, and leaves the API alone', async () => {
    for (const route of ['/', '/leads/board', '/index.html']) {
      const page = await rawGet(`${t.url}${route}`, { accept: 'text/html' });
      expect(page.status).toBe(200);
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.body.toString()).toContain('<title>CRM</title>');
    }
    expect((await t.gql('{ __typename }')).body).toEqual({ data: { __typename: 'Query' } });
    expect((await rawGet(`${t.url}/missing.json`, { accept: 'application/json' })).status).toBe(404);
  });

  it('is off when the web app has not been built', () => {
    expect(spaRoutes(path.join(web.dir, 'nope'))).toBeNull();
  });
});
