import type { GraphQLSchema } from 'graphql';
import { resolvers } from './modules';
import { buildSchema } from './platform/graphql/schema';

/** The application's executable schema: the SDL in `schema/` over every feature's resolvers. */
export function buildAppSchema(typeDefs?: string[]): GraphQLSchema {
  return buildSchema(resolvers, typeDefs);
}
