import type { ApiCaller } from '../auth/api-caller';
import type { Viewer } from '../auth/viewer';
import type { Logger } from '../logger';
import type { ExecutionBudget } from './budget';

/**
 * What the platform needs of every resolver context (built per HTTP request or per WebSocket operation). The
 * application's context (`src/graphql-context.ts`) extends it with the features' services and loaders.
 */
export interface PlatformContext {
  requestId: string;
  /** The signed-in staff member; null for anonymous calls and API keys. */
  viewer: Viewer | null;
  /** The API key the request came with; null for staff and anonymous calls. At most one of the two is set. */
  apiCaller: ApiCaller | null;
  logger: Logger;
  /** The time and response-size allowance of this execution (see budget.ts). */
  budget: ExecutionBudget;
  /** The operation's cost (from `@listSize`), once the operation guard has computed it. */
  cost?: number;
}
