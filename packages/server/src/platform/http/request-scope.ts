import { randomUUID } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import { requestScope, type Logger, type RequestScope } from '../logger';

const VALID_ID = /^[\w.:-]{1,100}$/;

export const scopeOf = (res: Response): RequestScope => res.locals.scope as RequestScope;

/** Gives every request an id (the caller's `x-request-id` when sane), a child logger, and one access-log line. */
export function requestScopeMiddleware(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const incoming = req.header('x-request-id');
    const requestId = incoming && VALID_ID.test(incoming) ? incoming : randomUUID();
    let child: Logger | undefined;
    // The child logger is made when something logs (most requests log one line, at info, often below the level).
    const scope: RequestScope = {
      requestId,
      get logger() {
        return (child ??= logger.child({ requestId }));
      },
    };
    res.locals.scope = scope;
    res.setHeader('x-request-id', requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      if (req.path === '/healthz' || req.path === '/readyz' || req.path === '/metrics') return;
      if (!logger.isLevelEnabled('info')) return;
      const ms = Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
      scope.logger.info({ method: req.method, path: req.originalUrl.split('?')[0], status: res.statusCode, ms }, 'request');
    });
    requestScope.run(scope, next);
  };
}

/** Body parsing runs callbacks outside the request's async context; this re-enters it. */
export const reenterScope: RequestHandler = (_req, res, next) => requestScope.run(scopeOf(res), next);
