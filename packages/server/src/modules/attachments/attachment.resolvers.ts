import type { Resolvers } from '../../generated/graphql';
import { primeFrom } from '../../platform/db/loaders';
import { nestedPageSize } from '../../platform/db/pagination';
import { fromGlobalId, idOf, toGlobalId } from '../../platform/graphql/global-id';
import type { GraphQLContext } from '../../graphql-context';
import type { Loaders } from '../loaders';
import { eventFields, liveStream } from '../realtime/live-stream';
import { attachmentOwners } from './attachment-owners';
import { fileUrls, type UrlSubject } from './attachment-urls';
import type { AttachmentEntity } from './attachment.entity';
import { attachmentEvents } from './attachment.events';
import type { AttachmentResult } from './attachment.service';

/** Keeps the request's loaders in step with a write, so later fields in the same response see it. */
const primed = (loaders: Loaders) => primeFrom(loaders.attachmentById, (r: AttachmentResult) => r.attachment);

/** An owner's global ID as the owner kind's type and key (null: not an ID of a type that owns attachments). */
export function ownerOf(globalId: string): { typeName: string; id: string } | null {
  const decoded = fromGlobalId(globalId);
  return decoded && attachmentOwners.ofType(decoded.type) ? { typeName: decoded.type, id: decoded.id } : null;
}

/** Attachment IDs as the API shows them, both ways (the file routes). */
export const attachmentIds = { toGlobal: (id: string) => toGlobalId('Attachment', id), fromGlobal: (globalId: string) => idOf('Attachment', globalId) };

/** Who the signed URLs of this request are for: the staff session, or the API key. */
function subjectOf(ctx: GraphQLContext): UrlSubject {
  if (ctx.viewer) return { viewer: ctx.viewer };
  if (ctx.apiCaller) return { keyId: ctx.apiCaller.keyId };
  throw new Error('Attachment URLs need a viewer or an API key');
}

const urls = (a: AttachmentEntity, ctx: GraphQLContext) => fileUrls(ctx.services.attachments.files.urls, a, toGlobalId('Attachment', a.id), subjectOf(ctx));

/** The fields of a file for whoever reads it (`Attachment`, `AdjusterPhoto`): its place, and URLs signed for the caller. */
export const fileFields = {
  id: (a: AttachmentEntity) => toGlobalId('Attachment', a.id),
  location: (a: AttachmentEntity) => (a.latitude !== null && a.longitude !== null ? { latitude: a.latitude, longitude: a.longitude } : null),
  url: (a: AttachmentEntity, _: unknown, ctx: GraphQLContext) => urls(a, ctx).url,
  thumbnailUrl: (a: AttachmentEntity, _: unknown, ctx: GraphQLContext) => urls(a, ctx).thumbnailUrl,
  urlExpiresAt: (a: AttachmentEntity, _: unknown, ctx: GraphQLContext) => urls(a, ctx).expiresAt,
};

const gallery = (ownerId: string, args: { kinds?: readonly import('../../generated/graphql').AttachmentKind[] | null; first?: number | null }, loaders: Loaders) =>
  loaders.attachmentsByOwnerId(args.kinds).load({ key: ownerId, first: nestedPageSize(args.first ?? 50) });

export const attachmentResolvers: Resolvers = {
  Query: {
    attachment: (_, { id }, { services, viewer }) => services.attachments.get(viewer, idOf('Attachment', id)),
    attachments: (_, { ownerId, kinds, deleted, ...page }, { services, viewer }) => services.attachments.list(viewer, { ...page, ownerId: ownerOf(ownerId)?.id ?? null, kinds, deleted }),
  },
  Mutation: {
    updateAttachment: (_, { input }, { services, viewer, loaders }) =>
      services.attachments.update(viewer, { ...input, id: idOf('Attachment', input.id) }).then(primed(loaders)),
    deleteAttachment: (_, { id }, { services, viewer, loaders }) => services.attachments.softDelete(viewer, idOf('Attachment', id)).then(primed(loaders)),
    restoreAttachment: (_, { id }, { services, viewer, loaders }) => services.attachments.restore(viewer, idOf('Attachment', id)).then(primed(loaders)),
  },
  Subscription: {
    attachmentUpdated: liveStream(attachmentEvents, (args) => {
      const owner = args.ownerId ? ownerOf(String(args.ownerId)) : undefined;
      return (e) => owner === undefined || (owner !== null && e.data.ownerId === owner.id);
    }),
  },
  Attachment: {
    ...fileFields,
    // The owner's row as its feature's loader reads it (an `AttachmentOwner` member; null when hidden from the viewer).
    owner: (a, _, { loaders }) => (attachmentOwners.of(a.ownerKind)?.load(loaders, a.ownerId) ?? null) as Promise<never> | null,
    uploadedBy: (a, _, { loaders }) => (a.uploadedById ? loaders.userById.load(a.uploadedById) : null),
  },
  AttachmentOwner: {
    __resolveType: (owner) => attachmentOwners.typeOf(owner) as never,
  },
  AttachmentConnection: {
    totalCount: (c) => c.totalCount(),
  },
  Lead: {
    attachments: (l, args, { loaders }) => gallery(l.id, args, loaders),
  },
  Project: {
    attachments: (p, args, { loaders }) => gallery(p.id, args, loaders),
  },
  InsuranceClaim: {
    attachments: (c, args, { loaders }) => gallery(c.id, args, loaders),
  },
  Supplement: {
    attachments: (s, args, { loaders }) => gallery(s.id, args, loaders),
  },
  AttachmentEvent: {
    ...eventFields,
    change: (e) => e.data.change as 'ADDED' | 'UPDATED' | 'DELETED' | 'RESTORED',
    ownerKind: (e) => e.data.ownerKind as 'LEAD' | 'PROJECT' | 'CLAIM' | 'SUPPLEMENT',
    ownerId: (e) => toGlobalId(attachmentOwners.of(e.data.ownerKind as 'LEAD')?.typeName ?? 'Unknown', String(e.data.ownerId)),
    attachment: (e, _, { loaders }) => (e.data.change === 'DELETED' || !e.entityId ? null : loaders.attachmentById.load(e.entityId)),
  },
};
