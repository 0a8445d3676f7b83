import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Router, type Request } from 'express';
import type { Logger } from '../logger';
import { hashedAssets } from '../http/spa';
import { connectSources } from '../http/security-headers';

/**
 * The GraphQL IDE: GraphiQL, built by packages/ide (Monaco and its workers included) and served from this origin —
 * the page on GET /graphql for browsers, its files under /graphql/ide/. No CDN, fonts or images from elsewhere.
 */
export const IDE_PATH = '/graphql';
export const IDE_ASSETS_PATH = '/graphql/ide';

/** `<repo>/packages/ide/dist` (same relative place from src/ and dist/), unless IDE_DIST_DIR says otherwise. */
export const ideDistDir = () => process.env.IDE_DIST_DIR ?? path.resolve(__dirname, '../../../../ide/dist');

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Hashes of a page's inline `<script>` and `<style>` blocks (those without `src`); the IDE's build has none today. */
export function inlineHashes(html: string, tag: 'script' | 'style'): string[] {
  const blocks = html.matchAll(new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)</${tag}>`, 'g'));
  return [...blocks].filter(([, attrs]) => !/\bsrc=/.test(attrs ?? '')).map(([, , body]) => sha256(body ?? ''));
}

/**
 * The IDE's Content-Security-Policy (its page and files): this origin only. Beyond the app's policy it allows Monaco's
 * workers from this origin, the fonts and icons GraphiQL's CSS embeds as `data:` URLs, and Monaco's own `<style>`
 * elements (it writes its theme and decorations at run time, without a nonce).
 */
export function idePolicy(html: string): (req: Request) => string {
  const scripts = ["'self'", ...inlineHashes(html, 'script')].join(' ');
  return (req) =>
    [
      "default-src 'none'",
      `script-src ${scripts}`,
      "style-src 'self' 'unsafe-inline'",
      "font-src 'self' data:",
      "img-src 'self' data:",
      `connect-src ${connectSources(req)}`,
      "worker-src 'self'",
      "manifest-src 'none'",
      "frame-src 'none'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ].join('; ');
}

/** A browser opening /graphql (HTML preferred over JSON), not a GraphQL GET request. */
function wantsPage(req: Request): boolean {
  if (req.query.query !== undefined || req.query.documentId !== undefined || req.query.extensions !== undefined) return false;
  return req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
}

export interface Ide {
  router: Router;
  /** The policy of the page and its files, for securityHeaders(). */
  policy: (req: Request) => string;
}

/**
 * The IDE's routes. Without a build (packages/ide not built) the server still starts: a warning, and the page answers
 * 503 saying how to build it.
 */
export function ideRoutes(logger: Logger, dir = ideDistDir()): Ide {
  const index = path.join(dir, 'index.html');
  const html = fs.existsSync(index) ? fs.readFileSync(index, 'utf8') : null;
  if (html === null) logger.warn({ dir }, 'no GraphQL IDE build: GET /graphql answers 503 to browsers (run `pnpm build`)');
  const router = Router();
  router.use(`${IDE_ASSETS_PATH}/assets`, ...hashedAssets(path.join(dir, 'assets')));
  router.use(IDE_ASSETS_PATH, (_req, res) => {
    res.status(404).end();
  });
  router.get(IDE_PATH, (req, res, next) => {
    if (!wantsPage(req)) return next();
    res.vary('Accept');
    res.setHeader('cache-control', 'no-cache');
    if (html === null) {
      res.status(503).type('text/plain').send('The GraphQL IDE is not built: run `pnpm build` (packages/ide).\n');
      return;
    }
    res.sendFile(index);
  });
  return { router, policy: idePolicy(html ?? '') };
}
