import fs from 'node:fs';
import path from 'node:path';
import express, { Router, type RequestHandler } from 'express';

/** The built web app: `<repo>/packages/web/dist` (same relative place from src/ and dist/), unless WEB_DIST_DIR says otherwise. */
export const webDistDir = () => process.env.WEB_DIST_DIR ?? path.resolve(__dirname, '../../../../web/dist');

/** Hashed file names never change content: cached for a year, never revalidated. */
const IMMUTABLE = { immutable: true, maxAge: '1y', index: false } as const;

/** Encodings the web build writes next to each compressible asset (packages/web/build/precompress.ts), best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** Plain file names only (Vite's `name-hash.ext`): anything else is left to express.static. */
const ASSET_NAME = /^\/[\w.-]+$/;

/**
 * Serves an asset's precompressed twin (`x.js.br`, `x.js.gz`) with `Content-Encoding` when the client accepts it,
 * the file as is otherwise; `Vary: Accept-Encoding` either way, so caches keep the variants apart.
 */
function precompressed(dir: string): RequestHandler {
  const variants = new Map<string, string[]>(); // asset → encodings on disk (the build never changes under a running server)
  const encodingsOf = (name: string): string[] | undefined => {
    let found = variants.get(name);
    if (!found) {
      if (!fs.existsSync(path.join(dir, name))) return undefined;
      found = ENCODINGS.filter((e) => fs.existsSync(path.join(dir, name + e.suffix))).map((e) => e.name);
      variants.set(name, found);
    }
    return found;
  };
  return (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !ASSET_NAME.test(req.path)) return next();
    const name = req.path.slice(1);
    const available = encodingsOf(name);
    if (!available?.length) return next();
    res.vary('Accept-Encoding');
    const encoding = ENCODINGS.find((e) => available.includes(e.name) && req.acceptsEncodings(e.name) === e.name);
    if (!encoding) return next();
    res.type(path.extname(req.path)); // the original's type, not the .br/.gz file's
    res.setHeader('content-encoding', encoding.name);
    res.sendFile(name + encoding.suffix, { immutable: true, maxAge: IMMUTABLE.maxAge, root: dir }, (err) => {
      if (!err || res.headersSent) return;
      variants.delete(name); // gone since we looked: serve the file as is
      res.removeHeader('content-encoding');
      next();
    });
  };
}

/** A build's hashed files: precompressed twins when accepted, cached for good; a missing one is a 404. */
export function hashedAssets(dir: string): RequestHandler[] {
  return [
    precompressed(dir),
    express.static(dir, IMMUTABLE),
    (_req, res) => {
      res.status(404).end();
    },
  ];
}

/**
 * Serves the built SPA from the API's origin when it has been built: hashed assets precompressed and cached for good
 * (a missing one is a 404, never the app's HTML), and `index.html`, revalidated on every load, for every other GET
 * that asks for HTML (client-side routes). Null when there is no build.
 */
export function spaRoutes(dir = webDistDir()): Router | null {
  const index = path.join(dir, 'index.html');
  if (!fs.existsSync(index)) return null;
  const assets = path.join(dir, 'assets');
  const router = Router();
  router.use('/assets', ...hashedAssets(assets));
  router.use(
    express.static(dir, {
      index: false,
      maxAge: '1h',
      setHeaders: (res, file) => file === index && res.setHeader('cache-control', 'no-cache'),
    }),
  );
  router.get(/^\/(?!graphql|healthz|readyz).*/, (req, res, next) => {
    if (!req.accepts('html')) return next();
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
