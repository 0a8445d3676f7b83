import { GraphQLError } from 'graphql';
import { isPoolWaitTimeout } from './db/pool-wait';

/**
 * The one catalogue of GraphQL error codes clients can see. Anything else is masked as INTERNAL.
 * Expected domain failures are not errors: they are `UserError`s in mutation payloads.
 */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  RATE_LIMITED: 'RATE_LIMITED',
  OPERATION_NOT_REGISTERED: 'OPERATION_NOT_REGISTERED',
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  BAD_REQUEST: 'BAD_REQUEST',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL: 'INTERNAL',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const publicCodes = new Set<string>(Object.values(ErrorCode));

export function isPublicCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && publicCodes.has(code) && code !== ErrorCode.INTERNAL;
}

/** The catalogue codes a domain failure (a service refusing, or input it cannot use) may carry. */
export type DomainErrorCode = typeof ErrorCode.UNAUTHENTICATED | typeof ErrorCode.FORBIDDEN | typeof ErrorCode.NOT_FOUND
  | typeof ErrorCode.BAD_USER_INPUT | typeof ErrorCode.RATE_LIMITED;

/**
 * What services (and their helpers) throw when they refuse a call: a catalogue code, the message clients see, and for
 * bad input the dotted path of the offending input field (`filter.minScore`). It knows nothing about GraphQL:
 * `toGraphQLError` below is the one mapping to what clients receive, applied by the GraphQL layer (format-error.ts).
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const unauthenticated = (message = 'Sign in to continue.') => new DomainError(ErrorCode.UNAUTHENTICATED, message);
export const forbidden = (message = 'You are not allowed to do this.') => new DomainError(ErrorCode.FORBIDDEN, message);
export const notFound = (message: string, field?: string) => new DomainError(ErrorCode.NOT_FOUND, message, field);
export const badUserInput = (message: string, field?: string) => new DomainError(ErrorCode.BAD_USER_INPUT, message, field);

const httpStatus: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  RATE_LIMITED: 429,
};

/** A catalogue error as GraphQL carries it: `code`, the given extensions, and the HTTP status the code implies. */
export function appError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  const status = httpStatus[code];
  return new GraphQLError(message, {
    extensions: { code, ...extensions, ...(status ? { http: { status } } : {}) },
  });
}

/**
 * The one mapping from a domain error to the catalogue error clients see: its code and message, its `field` in the
 * extensions, and the HTTP status of the code (401, 429). format-error.ts applies it to every error a resolver or
 * service threw (HTTP and WebSocket); code that fails before execution (the request's context, the `@auth` check)
 * throws its result so the HTTP status applies.
 */
export const toGraphQLError = (err: DomainError): GraphQLError =>
  appError(err.code, err.message, err.field ? { field: err.field } : {});

/** The domain error behind a thrown value: itself, or the original of the GraphQLError graphql-js wrapped it in. */
export function domainErrorOf(error: unknown): DomainError | null {
  if (error instanceof DomainError) return error;
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  return original instanceof DomainError ? original : null;
}

/** What a request refused for want of a free database connection says (SERVICE_UNAVAILABLE). */
export const BUSY_MESSAGE = 'The server is busy. Retry in a moment.';

/**
 * For code that fails before execution: a domain error as its catalogue GraphQLError (so its HTTP status applies), and
 * a saturated database pool as SERVICE_UNAVAILABLE (503, retry after a second): nothing ran, so a retry is safe.
 */
export const asGraphQLError = (error: unknown): unknown => {
  const domain = domainErrorOf(error);
  if (domain) return toGraphQLError(domain);
  if (isPoolWaitTimeout(error)) {
    return new GraphQLError(BUSY_MESSAGE, {
      extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, retryAfter: 1, http: { status: 503, headers: new Map([['retry-after', '1']]) } },
    });
  }
  return error;
};

export const queryTooComplex = (message: string, limit: string) => appError(ErrorCode.QUERY_TOO_COMPLEX, message, { limit });

export const INTERNAL_MESSAGE = 'Something went wrong on our side. Quote the request id when reporting it.';
