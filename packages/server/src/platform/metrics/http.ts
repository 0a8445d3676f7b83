import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from '../logger';
import { DURATION_BUCKETS, type Metrics } from './metrics';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * The route a request matched, as its pattern: `/review/:token`, `/graphql` (a mounted router without a route of its
 * own), `/*` for a pattern given as a regular expression (the SPA's client-side routes); `unmatched` for a 404 that
 * matched nothing, `other` for the rest (static files). Never the raw path. A handler outside Express's routing names
 * its route in `res.locals.route`.
 */
export function routeOf(req: Request, res: Response): string {
  if (typeof res.locals.route === 'string') return res.locals.route;
  const path = req.route?.path as unknown;
  if (typeof path === 'string') return `${req.baseUrl}${path}` || '/';
  if (path instanceof RegExp || Array.isArray(path)) return `${req.baseUrl}/*`;
  if (req.baseUrl) return req.baseUrl;
  return res.statusCode === 404 ? 'unmatched' : 'other';
}

/**
 * Counts every HTTP request by method, route pattern and status, and times it (from arrival to the last byte handed to
 * the socket). A client that hangs up before its answer is counted with status 499. WebSocket upgrades are not HTTP
 * requests here (see platform/graphql/ws.ts).
 */
export function httpMetrics(metrics: Metrics): RequestHandler {
  const requests = metrics.counter({
    name: 'crm_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'],
  });
  const duration = metrics.histogram({
    name: 'crm_http_request_duration_seconds',
    help: 'Time from a request to its answer, by method and route pattern.',
    labelNames: ['method', 'route'],
    buckets: DURATION_BUCKETS,
  });
  return (req, res, next) => {
    const started = performance.now();
    res.once('close', () => {
      const method = METHODS.has(req.method) ? req.method : 'OTHER';
      const route = routeOf(req, res);
      requests.inc({ method, route, status: res.writableFinished ? String(res.statusCode) : '499' });
      duration.observe({ method, route }, (performance.now() - started) / 1000);
    });
    next();
  };
}

const BEARER = /^Bearer\s+(\S+)$/i;
const digest = (s: string) => createHash('sha256').update(s).digest();

/** Whether the request's `Authorization: Bearer` matches `token`; constant time whatever was sent. */
function authorized(header: string | undefined, token: string): boolean {
  const presented = BEARER.exec(header ?? '')?.[1] ?? '';
  return timingSafeEqual(digest(presented), digest(token)) && presented.length > 0;
}

/** Answers a scrape: the exposition, 401 without the token when one is set. */
async function answer(metrics: Metrics, token: string | undefined, header: string | undefined, res: http.ServerResponse, logger: Logger) {
  res.setHeader('cache-control', 'no-store');
  if (token && !authorized(header, token)) {
    res.writeHead(401, { 'www-authenticate': 'Bearer realm="metrics"', 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'Unauthorized' }));
    return;
  }
  try {
    const body = await metrics.scrape();
    res.writeHead(200, { 'content-type': metrics.contentType });
    res.end(body);
  } catch (err) {
    logger.error({ err }, 'metrics scrape failed');
    res.writeHead(500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'Internal error' }));
  }
}

/**
 * `GET /metrics` on the main port: with `METRICS_TOKEN`, for `Authorization: Bearer <token>` only; without it, a 404
 * like any unknown path (the metrics are then on `METRICS_PORT` or nowhere).
 */
export function metricsRoute(metrics: Metrics, token: string | undefined, logger: Logger): RequestHandler {
  return (req, res, next) => {
    if (req.path !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    res.locals.route = '/metrics';
    if (!token) {
      res.status(404).json({ error: 'Not found' });
      return;
    }
    void answer(metrics, token, req.header('authorization'), res, logger);
  };
}

/**
 * The separate metrics listener (`METRICS_PORT` on `METRICS_HOST`, loopback by default): `GET /metrics` only, behind
 * `METRICS_TOKEN` too when it is set.
 */
export class MetricsListener {
  private readonly server: http.Server;

  constructor(metrics: Metrics, token: string | undefined, logger: Logger) {
    this.server = http.createServer((req, res) => {
      const path = (req.url ?? '').split('?')[0];
      if (path !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'Not found' }));
        return;
      }
      void answer(metrics, token, req.headers.authorization, res, logger);
    });
  }

  listen(port: number, host: string): Promise<AddressInfo> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve(this.server.address() as AddressInfo));
    });
  }

  address(): AddressInfo | null {
    return (this.server.address() as AddressInfo | null) ?? null;
  }

  close(): Promise<void> {
    if (!this.server.listening) return Promise.resolve();
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}
