import DataLoader from 'dataloader';
import type { GraphQLContext } from '../../graphql-context';
import type { TerritoryEntity } from './territory.entity';

/** One loader per request (keyed by its context), so the territories of a whole team list come in one statement. */
const perRequest = new WeakMap<GraphQLContext, DataLoader<string, TerritoryEntity[]>>();

export function territoriesLoader(ctx: GraphQLContext): DataLoader<string, TerritoryEntity[]> {
  let loader = perRequest.get(ctx);
  if (!loader) {
    loader = new DataLoader((teamIds: readonly string[]) => ctx.services.assignment.territoriesOf(teamIds));
    perRequest.set(ctx, loader);
  }
  return loader;
}
