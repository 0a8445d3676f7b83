import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'crm-server' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['password', '*.password', 'refreshToken', '*.refreshToken', 'authorization', '*.authorization'], censor: '[redacted]' },
  });
}

/** Per-request state carried through async calls, so any log line can name its request. */
export interface RequestScope {
  requestId: string;
  logger: Logger;
  /** The API key the request came with, once the key is accepted (see api-key-gate.ts): its changes are audited as the key's. */
  apiKeyId?: string;
}

export const requestScope = new AsyncLocalStorage<RequestScope>();
