import type { ErrorRequestHandler, RequestHandler } from 'express';
import { isPoolWaitTimeout } from '../db/pool-wait';
import { BUSY_MESSAGE, ErrorCode, INTERNAL_MESSAGE } from '../errors';
import { scopeOf } from './request-scope';

/** What body-parser's error types mean to a client (its own messages may name internals). */
const BODY_ERRORS: Record<string, { status: number; code: ErrorCode; message: string }> = {
  'entity.parse.failed': { status: 400, code: ErrorCode.BAD_REQUEST, message: 'The request body is not valid JSON.' },
  'entity.too.large': { status: 413, code: ErrorCode.PAYLOAD_TOO_LARGE, message: 'The request body is larger than 1 MB.' },
  'encoding.unsupported': {
    status: 415,
    code: ErrorCode.BAD_REQUEST,
    message: 'Unsupported Content-Encoding: send the body as identity, gzip, deflate or br.',
  },
  'charset.unsupported': { status: 415, code: ErrorCode.BAD_REQUEST, message: 'Unsupported charset: send UTF-8 JSON.' },
  'request.size.invalid': { status: 400, code: ErrorCode.BAD_REQUEST, message: 'The request body does not match its Content-Length.' },
  'request.aborted': { status: 400, code: ErrorCode.BAD_REQUEST, message: 'The request body was not received completely.' },
};

interface HttpishError {
  type?: string;
  status?: number;
  statusCode?: number;
}

/**
 * The last error handler for `/graphql`: whatever failed before GraphQL ran (malformed JSON, a body over the limit,
 * an unknown or corrupt Content-Encoding, …) answers a GraphQL-over-HTTP JSON body with a catalogue code, in every
 * mode — never Express's HTML page, a stack or a file path. A saturated database pool is SERVICE_UNAVAILABLE (503,
 * retry in a second); anything unexpected is INTERNAL with the request id.
 */
export const graphqlErrorHandler: ErrorRequestHandler = (err: HttpishError, _req, res, next) => {
  if (res.headersSent) return next(err);
  const scope = scopeOf(res);
  const status = err.status ?? err.statusCode ?? 500;
  let answer = err.type ? BODY_ERRORS[err.type] : undefined;
  if (!answer && status >= 400 && status < 500) {
    answer = { status, code: status === 413 ? ErrorCode.PAYLOAD_TOO_LARGE : ErrorCode.BAD_REQUEST, message: 'The request body could not be read.' };
  }
  if (isPoolWaitTimeout(err)) {
    scope?.logger.warn('no database connection free in time');
    res.status(503).set('retry-after', '1').json({ errors: [{ message: BUSY_MESSAGE, extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, retryAfter: 1 } }] });
    return;
  }
  if (answer) {
    scope?.logger.info({ type: err.type, status: answer.status }, 'bad request body');
    res.status(answer.status).json({ errors: [{ message: answer.message, extensions: { code: answer.code } }] });
    return;
  }
  scope?.logger.error({ err }, 'internal error before GraphQL');
  res.status(500).json({ errors: [{ message: INTERNAL_MESSAGE, extensions: { code: ErrorCode.INTERNAL, requestId: scope?.requestId } }] });
};

/** The app's last handlers: a JSON 404 and a plain 500 without detail for routes outside `/graphql`. */
export const notFound: RequestHandler = (_req, res) => {
  res.status(404).json({ error: 'Not found' });
};

export const lastErrorHandler: ErrorRequestHandler = (err: HttpishError, _req, res, next) => {
  if (res.headersSent) return next(err);
  const scope = scopeOf(res);
  if (isPoolWaitTimeout(err)) {
    scope?.logger.warn('no database connection free in time');
    res.status(503).set('retry-after', '1').json({ error: BUSY_MESSAGE, requestId: scope?.requestId });
    return;
  }
  const status = err.status ?? err.statusCode ?? 500;
  if (status >= 500) scope?.logger.error({ err }, 'internal error');
  res.status(status >= 400 && status < 600 ? status : 500).json({ error: status >= 500 ? 'Internal error' : 'Bad request', requestId: scope?.requestId });
};
