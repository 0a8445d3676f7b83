import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { GraphQLError } from 'graphql';
import { isApiKey, type ApiCaller } from '../auth/api-caller';
import { appError, ErrorCode } from '../errors';
import type { KeyFailureLimit } from '../http/key-failures';
import { rateLimitHeaders, type BucketState, type TokenBuckets } from '../http/token-buckets';
import { scopeOf } from '../http/request-scope';
import type { RegisteredOperations } from './registered-operations';

export interface ApiKeyGateParams {
  /** The caller a presented key stands for, or null for any key that is not good (malformed, unknown, revoked, expired). */
  authenticate(secret: string, ip: string | null): Promise<ApiCaller | null>;
  buckets: TokenBuckets;
  /** Failed authentications per client address: refused before the lookup once they are used up. */
  failures: KeyFailureLimit;
  operations: RegisteredOperations;
  /** Counts a request refused here (rate limited, unregistered document) in the key's usage. */
  refused(caller: ApiCaller): Promise<void>;
}

const BEARER_KEY = /^Bearer\s+(crmk_\S*)$/i;

/** The API key of a request's `Authorization` header, if it brings one. */
export function apiKeyOf(req: Request): string | null {
  const token = BEARER_KEY.exec(req.header('authorization') ?? '')?.[1];
  return token && isApiKey(token) ? token : null;
}

export const callerOf = (res: Response): ApiCaller | null => (res.locals.apiCaller as ApiCaller | undefined) ?? null;

/** A GraphQL-over-HTTP error answer from before GraphQL runs. */
function answer(res: Response, status: number, error: GraphQLError): void {
  const { http: _http, ...extensions } = error.extensions as Record<string, unknown>;
  res.status(status).json({ errors: [{ message: error.message, extensions: { ...extensions, requestId: scopeOf(res)?.requestId } }] });
}

/** RATE_LIMITED with `retryAfter` (seconds) in the extensions and the Retry-After header. */
export function rateLimited(message: string, state: BucketState): GraphQLError {
  return appError(ErrorCode.RATE_LIMITED, message, {
    retryAfter: state.retryAfterSeconds,
    http: { status: 429, headers: new Map([['retry-after', String(state.retryAfterSeconds)]]) },
  });
}

/**
 * In front of `/graphql` for requests that bring an API key: the client address's failed authentications (none left:
 * 429 before any lookup, whatever the key), the key (one answer for every bad key, with the address's RateLimit
 * headers), the key's request rate (token bucket, RateLimit headers on every answer), and registered operations: a
 * `documentId` becomes its document; a free-form query is refused unless the key allows it. Requests without a key
 * pass untouched.
 */
export function apiKeyGate(p: ApiKeyGateParams): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const secret = apiKeyOf(req);
    if (!secret) return next();
    try {
      const ip = req.ip ?? null;
      const checked = await p.failures.check(ip, () => p.authenticate(secret, ip));
      if (checked.limited || !checked.caller) {
        res.set(rateLimitHeaders(checked.state));
        if (checked.limited) return answer(res, 429, rateLimited('Too many requests with API keys that are not valid from this address.', checked.state));
        return answer(res, 401, appError(ErrorCode.UNAUTHENTICATED, 'The API key is not valid.'));
      }
      const caller = checked.caller;
      const state = await p.buckets.take(`req:${caller.keyId}`, 1, caller.rateLimitPerMinute);
      res.set(rateLimitHeaders(state));
      if (!state.ok) {
        await p.refused(caller);
        return answer(res, 429, rateLimited(`Too many requests for this API key: ${caller.rateLimitPerMinute} a minute.`, state));
      }
      const refusal = resolveDocument(req, caller, p.operations);
      if (refusal) {
        await p.refused(caller);
        return answer(res, 400, refusal);
      }
      res.locals.apiCaller = caller;
      scopeOf(res).apiKeyId = caller.keyId;
      next();
    } catch (err) {
      next(err);
    }
  };
}

const notRegistered = (message: string) => appError(ErrorCode.OPERATION_NOT_REGISTERED, message);

/** Puts a registered document in place of its `documentId`; the refusal when that cannot be done. */
function resolveDocument(req: Request, caller: ApiCaller, operations: RegisteredOperations): GraphQLError | null {
  const body = req.method === 'POST' && req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : null;
  const documentId = body?.documentId ?? req.query.documentId;
  if (documentId !== undefined) {
    if (!body) return notRegistered('Send registered operations with POST.');
    const operation = typeof documentId === 'string' ? operations.get(documentId) : undefined;
    if (!operation) return notRegistered('No registered operation has this documentId. The list: GET /graphql/operations.json.');
    if (body.query !== undefined) return notRegistered('Send either documentId or query, not both.');
    delete body.documentId;
    body.query = operation.body;
    return null;
  }
  if (caller.allowFreeForm) return null;
  return notRegistered('This API key may run registered operations only: send {"documentId": …} (GET /graphql/operations.json lists them).');
}
