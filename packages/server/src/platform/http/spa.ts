import fs from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';

/** The built web app: `<repo>/packages/web/dist` (same relative place from src/ and dist/), unless WEB_DIST_DIR says otherwise. */
export const WEB_DIST_DIR = process.env.WEB_DIST_DIR ?? path.resolve(__dirname, '../../../../web/dist');

/**
 * Serves the built SPA from the API's origin when it has been built: hashed assets with long caching, and
 * `index.html` for every other GET that asks for HTML (client-side routes). Null when there is no build.
 */
export function spaRoutes(dir = WEB_DIST_DIR): Router | null {
  const index = path.join(dir, 'index.html');
  if (!fs.existsSync(index)) return null;
  const router = Router();
  router.use('/assets', express.static(path.join(dir, 'assets'), { immutable: true, maxAge: '1y', index: false }));
  router.use(express.static(dir, { index: false, maxAge: '1h' }));
  router.get(/^\/(?!graphql|healthz|readyz).*/, (req, res, next) => {
    if (!req.accepts('html')) return next();
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
