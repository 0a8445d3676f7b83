import type { Resolvers } from '../../generated/graphql';
import { idOf, keyOf, toGlobalId } from '../../platform/graphql/global-id';
import type { Loaders } from '../loaders';
import type { SupplementResult } from '../claims/supplement.service';

/** Keeps the request's loaders in step with a new pick, so `photos` in the same response shows it. */
const primedPhotos = (loaders: Loaders) => (r: SupplementResult) => {
  if (r.supplement) loaders.photosBySupplementId.clear(r.supplement.id);
  return r;
};
const attachmentKeys = (ids: readonly string[] | null | undefined) => ids?.map((id) => idOf('Attachment', id));

export const claimPackageResolvers: Resolvers = {
  Mutation: {
    setSupplementPhotos: (_, { input }, { services, viewer, loaders }) =>
      services.supplementPhotos.set(viewer, idOf('Supplement', input.supplementId), attachmentKeys(input.attachmentIds)!).then(primedPhotos(loaders)),
    generateClaimPackage: (_, { input }, { services, viewer, loaders }) =>
      services.claimPackages
        .generate(viewer, { claimId: idOf('InsuranceClaim', input.claimId), supplementId: keyOf('Supplement', input.supplementId), attachmentIds: attachmentKeys(input.attachmentIds) })
        .then((r) => {
          if (r.claimPackage) loaders.packagesByClaimId.clear(r.claimPackage.claimId);
          return r;
        }),
  },
  Supplement: {
    photos: (s, _, { loaders }) => loaders.photosBySupplementId.load(s.id),
  },
  InsuranceClaim: {
    packages: (c, _, { loaders }) => loaders.packagesByClaimId.load(c.id),
  },
  ClaimPackage: {
    id: (p) => toGlobalId('ClaimPackage', p.id),
    claim: (p, _, { loaders }) => loaders.claimById.load(p.claimId),
    supplement: (p, _, { loaders }) => (p.supplementId ? loaders.supplementById.load(p.supplementId) : null),
    photoCount: (p) => p.photoIds.length,
    document: (p, _, { loaders }) => (p.documentId ? loaders.attachmentById.load(p.documentId) : null),
    requestedBy: (p, _, { loaders }) => (p.requestedById ? loaders.userById.load(p.requestedById) : null),
  },
};
