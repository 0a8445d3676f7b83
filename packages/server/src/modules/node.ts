import type { Resolvers } from '../generated/graphql';
import { fromGlobalId } from '../platform/graphql/global-id';
import type { NodeType } from './feature';

/** `node(id:)` and `Node.__resolveType` over the node types the features declare. */
export function nodeResolvers(types: NodeType[]): Resolvers {
  const byName = new Map(types.map((t) => [t.typeName, t]));
  return {
    Query: {
      node: async (_, { id }, ctx) => {
        const parsed = fromGlobalId(id);
        const type = parsed && byName.get(parsed.type);
        if (!parsed || !type || !ctx.viewer) return null;
        return (await type.load(parsed.id, id, { ...ctx, viewer: ctx.viewer })) as never;
      },
    },
    Node: {
      __resolveType: (obj) => (types.find((t) => obj instanceof t.entity)?.typeName ?? null) as never,
    },
  };
}
