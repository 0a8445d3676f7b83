import { createHash } from 'node:crypto';
import type { ApolloServerPlugin, GraphQLServerContext } from '@apollo/server';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { Request } from 'express';
import { connectSources } from '../http/security-headers';

/** The GraphQL IDE on GET /graphql: Apollo Sandbox, embedded from Apollo's CDN. */
export function idePlugin(): ApolloServerPlugin {
  return ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false });
}

/** What Apollo's landing page loads from elsewhere (see @apollo/server's plugin/landingPage/default). */
const SANDBOX_SCRIPT = 'https://embeddable-sandbox.cdn.apollographql.com';
const SANDBOX_FRAME = 'https://sandbox.embed.apollographql.com';
const LANDING_PAGE_CDN = 'https://apollo-server-landing-page.cdn.apollographql.com'; // favicon and manifest
const FONT_CSS = 'https://fonts.googleapis.com';
const FONT_FILES = 'https://fonts.gstatic.com';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The page Apollo serves, rendered once (its inline blocks are the same on every request; only their nonce changes). */
async function renderLandingPage(): Promise<string> {
  const hooks = await idePlugin().serverWillStart?.({} as GraphQLServerContext);
  const page = await hooks?.renderLandingPage?.();
  if (!page) throw new Error('The IDE plugin rendered no landing page');
  return typeof page.html === 'string' ? page.html : page.html();
}

/** Hashes of the page's inline `<script>` and `<style>` blocks (those without `src`). */
function inlineHashes(html: string, tag: 'script' | 'style'): string[] {
  const blocks = html.matchAll(new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)</${tag}>`, 'g'));
  return [...blocks].filter(([, attrs]) => !/\bsrc=/.test(attrs ?? '')).map(([, , body]) => sha256(body ?? ''));
}

/**
 * The IDE page's Content-Security-Policy: exactly what Apollo Sandbox's landing page needs (its CDN script, its
 * inline blocks by hash, its iframe, fonts, favicon and manifest; requests and the WebSocket to this origin, which the
 * page makes on the iframe's behalf), nothing else. The page's own `<meta>` policy (nonces) applies on top.
 */
export async function ideContentSecurityPolicy(): Promise<(req: Request) => string> {
  const html = await renderLandingPage();
  const scripts = inlineHashes(html, 'script').join(' ');
  const styles = inlineHashes(html, 'style').join(' ');
  return (req) => {
    return [
      "default-src 'none'",
      `script-src ${SANDBOX_SCRIPT} ${scripts}`,
      `style-src ${FONT_CSS} ${styles}`,
      `font-src ${FONT_FILES}`,
      `img-src ${LANDING_PAGE_CDN}`,
      `manifest-src ${LANDING_PAGE_CDN}`,
      `frame-src ${SANDBOX_FRAME}`,
      `connect-src ${connectSources(req)}`,
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ].join('; ');
  };
}
