import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

/** A built web app as packages/web's build leaves it: index.html, hashed assets, and their .br/.gz twins. */
export interface WebDist {
  dir: string;
  /** A hashed script with precompressed twins. */
  script: { path: string; bytes: Buffer };
  /** A hashed file too small to have been compressed. */
  small: { path: string; bytes: Buffer };
  remove(): void;
}

/**
 * A web build for the apps this file starts to serve (as WEB_DIST_DIR): made in `beforeAll`, removed in `afterAll`
 * (WEB_DIST_DIR restored). Filled in place, like `useTestApp`'s objects; call it before `useTestApp`.
 */
export function useWebDist(): WebDist {
  const web = {} as WebDist;
  const previous = process.env.WEB_DIST_DIR;
  beforeAll(() => {
    Object.assign(web, makeWebDist());
    process.env.WEB_DIST_DIR = web.dir;
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.WEB_DIST_DIR;
    else process.env.WEB_DIST_DIR = previous;
    web.remove();
  });
  return web;
}

export function makeWebDist(): WebDist {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-web-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><html><head><title>CRM</title><script type="module" crossorigin src="/assets/index-Ab12_cd.js"></script></head><body><div id="root"></div></body></html>',
  );
  const script = Buffer.from(
    Array.from({ length: 400 }, (_, i) => `export const widget${i} = () => render("widget-${i}", { size: ${i % 7} });\n`).join(''),
  );
  fs.writeFileSync(path.join(dir, 'assets', 'index-Ab12_cd.js'), script);
  fs.writeFileSync(path.join(dir, 'assets', 'index-Ab12_cd.js.br'), zlib.brotliCompressSync(script));
  fs.writeFileSync(path.join(dir, 'assets', 'index-Ab12_cd.js.gz'), zlib.gzipSync(script, { level: 9 }));
  const small = Buffer.from('export const x = 1;\n');
  fs.writeFileSync(path.join(dir, 'assets', 'tiny-Zz9.js'), small);
  return {
    dir,
    script: { path: '/assets/index-Ab12_cd.js', bytes: script },
    small: { path: '/assets/tiny-Zz9.js', bytes: small },
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The bytes on the wire (not decoded). */
  body: Buffer;
}

/** A GET that sends only the given headers (fetch would add Accept-Encoding and decode the body). */
export function rawGet(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}
