import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { isPoolWaitTimeout } from '../db/pool-wait';
import { BUSY_MESSAGE, domainErrorOf, ErrorCode, INTERNAL_MESSAGE, isPublicCode, toGraphQLError } from '../errors';
import { requestScope } from '../logger';
import { isTokenLimitError, LIMITS } from './limits';

const SUGGESTION = /\s*Did you mean .*\?$/;

/** Apollo's own request-level codes, answered as the catalogue's BAD_REQUEST. */
const APOLLO_BAD_REQUEST = new Set(['OPERATION_RESOLUTION_FAILURE', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED']);

/** Apollo re-codes validation and parse errors; limit violations get their own code back here. */
function codeOf(formatted: GraphQLFormattedError): unknown {
  const ext = formatted.extensions ?? {};
  if (ext.limit || isTokenLimitError(formatted.message)) return ErrorCode.QUERY_TOO_COMPLEX;
  if (APOLLO_BAD_REQUEST.has(ext.code as string)) return ErrorCode.BAD_REQUEST;
  return ext.code;
}

/**
 * Shapes every error sent to clients (HTTP and WebSocket): errors with a catalogue code pass, without stack traces
 * or suggestions that reveal the schema; anything else becomes INTERNAL and is logged with the request id.
 */
export function formatError(received: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const formatted = catalogued(received, error);
  const code = codeOf(formatted);
  const scope = requestScope.getStore();
  if (isPublicCode(code)) {
    const { http: _http, stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    const message = isTokenLimitError(formatted.message)
      ? `Query exceeds the limit of ${LIMITS.maxTokens} tokens.`
      : formatted.message.replace(SUGGESTION, '');
    return { ...formatted, message, extensions: { ...extensions, code, ...(isTokenLimitError(formatted.message) ? { limit: 'tokens' } : {}) } };
  }
  const original = unwrapResolverError(error);
  if (isPoolWaitTimeout(original)) {
    // Saturated, not broken: a retry later succeeds. The status stays 200 (other fields, a mutation's, may have data).
    scope?.logger.warn({ path: formatted.path }, 'no database connection free in time');
    return { message: BUSY_MESSAGE, locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, requestId: scope?.requestId } };
  }
  scope?.logger.error({ err: original, path: formatted.path }, 'internal error');
  return {
    message: INTERNAL_MESSAGE,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL, requestId: scope?.requestId },
  };
}

/** A domain error a service or resolver threw, as the catalogue's one mapping shapes it (where and path kept). */
function catalogued(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const domain = domainErrorOf(unwrapResolverError(error));
  if (!domain) return formatted;
  const { message, extensions } = toGraphQLError(domain).toJSON();
  return { ...formatted, message, extensions };
}
