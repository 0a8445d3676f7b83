import type { Viewer } from '../auth/viewer';
import type { Logger } from '../logger';
import type { ExecutionBudget } from './budget';

/**
 * What the platform needs of every resolver context (built per HTTP request or per WebSocket operation). The
 * application's context (`src/graphql-context.ts`) extends it with the features' services and loaders.
 */
export interface PlatformContext {
  requestId: string;
  viewer: Viewer | null;
  logger: Logger;
  /** The time and response-size allowance of this execution (see budget.ts). */
  budget: ExecutionBudget;
}
