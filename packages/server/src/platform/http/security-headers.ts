import type { Request, RequestHandler } from 'express';

/** One year; sent only on requests that arrived over TLS (directly, or per a trusted proxy's X-Forwarded-Proto). */
export const HSTS = 'max-age=31536000; includeSubDomains';

/** A Host (or trusted X-Forwarded-Host) safe to echo into a header: name or [IPv6], optional port. */
const HOST = /^(?:[a-z0-9.-]{1,253}|\[[0-9a-f:.]{2,45}\])(?::\d{1,5})?$/i;

/** This origin, and its WebSocket origin spelled out for browsers where 'self' does not cover ws:/wss:. */
export function connectSources(req: Request): string {
  const host = req.host;
  return host && HOST.test(host) ? `'self' ${req.secure ? 'wss' : 'ws'}://${host}` : "'self'";
}

/**
 * The policy of the web app and of every API response: only this origin's scripts, styles, images and fonts, no
 * inline script or style, requests and the GraphQL WebSocket to this origin only, never framed.
 */
export function appPolicy(req: Request): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    `connect-src ${connectSources(req)}`,
    "manifest-src 'self'",
    "worker-src 'none'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export interface SecurityHeadersOptions {
  /**
   * The GraphQL IDE (platform/graphql/ide.ts): its page (GET `path`, for browsers) and its files (under `assets`) get
   * its own policy, still this origin only. Null when the IDE is off: then /graphql gets the app's policy like the rest.
   */
  ide: { path: string; assets: string; policy: (req: Request) => string } | null;
}

/**
 * Headers for every response (pages, assets, the API, health, errors): nosniff, no referrer, no framing, a
 * Content-Security-Policy, cross-origin isolation of windows and resources, and HSTS on secure requests.
 */
export function securityHeaders({ ide }: SecurityHeadersOptions): RequestHandler {
  return (req, res, next) => {
    const idePage =
      ide !== null && (req.method === 'GET' || req.method === 'HEAD') && (req.path === ide.path || req.path.startsWith(`${ide.assets}/`));
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('x-frame-options', 'DENY');
    res.setHeader('content-security-policy', idePage ? ide.policy(req) : appPolicy(req));
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('cross-origin-opener-policy', 'same-origin');
    res.setHeader('cross-origin-resource-policy', 'same-origin');
    res.setHeader('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
    if (req.secure) res.setHeader('strict-transport-security', HSTS);
    next();
  };
}
