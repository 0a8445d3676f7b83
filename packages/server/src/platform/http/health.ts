import { Router } from 'express';
import type { DataSource } from 'typeorm';

const READY_TIMEOUT_MS = 2_000;

/**
 * `/healthz`: the process is up. `/readyz`: the database answers within 2 s, and the process is not shutting down
 * (from the shutdown signal on it answers 503, so load balancers stop sending before the listener closes).
 * A WebSocket upgrade that reaches the HTTP routes while shutting down (the WebSocket server has closed; it came on
 * a connection kept alive, typically a proxy's) is answered 503 too, which a proxy retries on another process.
 */
export function healthRoutes(ds: DataSource, shuttingDown: () => boolean = () => false): Router {
  const router = Router();
  router.use((req, res, next) => {
    if (!req.headers.upgrade || !shuttingDown()) return next();
    res.status(503).json({ status: 'unavailable', reason: 'shutting down' });
  });
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    if (shuttingDown()) {
      res.status(503).json({ status: 'unavailable', reason: 'shutting down' });
      return;
    }
    const started = Date.now();
    try {
      await Promise.race([
        ds.query('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), READY_TIMEOUT_MS).unref()),
      ]);
      res.json({ status: 'ready', checks: { database: { status: 'up', ms: Date.now() - started } } });
    } catch {
      res.status(503).json({ status: 'unavailable', checks: { database: { status: 'down', ms: Date.now() - started } } });
    }
  });
  return router;
}
