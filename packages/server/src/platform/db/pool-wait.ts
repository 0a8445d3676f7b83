/**
 * pg-pool's refusal when no connection frees up within `connectionTimeoutMillis` (DATABASE_POOL_WAIT_MS): the server
 * is saturated, nothing is broken. The GraphQL layer answers it as SERVICE_UNAVAILABLE (retry in a moment), not as an
 * internal failure.
 */
export function isPoolWaitTimeout(error: unknown): boolean {
  return error instanceof Error && error.message === 'timeout exceeded when trying to connect';
}
