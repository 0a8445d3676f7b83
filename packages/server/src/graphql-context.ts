import type { ClientMeta } from './modules/auth/auth.service';
import type { Viewer } from './platform/auth/viewer';
import type { Loaders } from './modules/loaders';
import type { PlatformContext } from './platform/graphql/context';
import type { Services } from './services';

/** What every resolver receives: the platform's part (viewer, request id, logger, budget) and the features'. */
export interface GraphQLContext extends PlatformContext {
  client: ClientMeta;
  services: Services;
  loaders: Loaders;
}

/** The context of a root field under `@auth`: the directive has checked the viewer before the resolver runs. */
export type SignedIn<TContext> = TContext & { viewer: Viewer };
