import type { AttachmentKind, Resolvers } from '../../generated/graphql';
import { nestedPageSize } from '../../platform/db/pagination';
import type { GraphQLContext } from '../../graphql-context';
import { fileFields } from './attachment.resolvers';

/**
 * What an adjuster partner's key reads of attachments (`AdjusterPhoto`, schema/attachments/adjuster.graphql): those
 * shared with the adjuster on the claims (and their supplements) its partner adjusts — the registry's partner rule,
 * applied in the loader whatever the parent — with file URLs signed for the key.
 */
const shared = (ownerId: string, args: { kinds?: readonly AttachmentKind[] | null; first?: number | null }, fallback: number, ctx: GraphQLContext) =>
  ctx.loaders.sharedAttachmentsByOwnerId(ctx.apiCaller?.partnerId ?? null, args.kinds).load({ key: ownerId, first: nestedPageSize(args.first ?? fallback) });

export const attachmentAdjusterResolvers: Resolvers = {
  AdjusterClaim: {
    photos: (c, args, ctx) => shared(c.id, args, 50, ctx),
  },
  AdjusterSupplement: {
    photos: (s, args, ctx) => shared(s.id, args, 20, ctx),
  },
  AdjusterPhoto: fileFields,
};
