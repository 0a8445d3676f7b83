import type { Services } from '../../services';
import type { ClientMeta } from '../../modules/auth/auth.service';
import type { Viewer } from '../auth/viewer';
import type { Logger } from '../logger';
import type { ExecutionBudget } from './budget';
import type { Loaders } from './loaders';

/** What every resolver receives. Built per HTTP request or per WebSocket operation. */
export interface GraphQLContext {
  requestId: string;
  viewer: Viewer | null;
  client: ClientMeta;
  services: Services;
  loaders: Loaders;
  logger: Logger;
  /** The time and response-size allowance of this execution (see budget.ts). */
  budget: ExecutionBudget;
}
