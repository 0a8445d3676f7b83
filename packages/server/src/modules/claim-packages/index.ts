import type { Feature } from '../feature';
import { ClaimPackageEntity } from './claim-package.entity';
import { claimPackageJobs } from './claim-packages.jobs';
import { createClaimPackageLoaders } from './claim-packages.loaders';
import { claimPackageResolvers } from './claim-packages.resolvers';
import { SupplementPhotoEntity } from './supplement-photo.entity';

/**
 * What goes to the carrier (issue 18, item 2): photos already uploaded, picked into a supplement in order
 * (`setSupplementPhotos`, `Supplement.photos`), and the claim package PDF a job builds from the claim, a supplement
 * and the chosen photos, attached to the claim (`generateClaimPackage`, `InsuranceClaim.packages`). Builds on the
 * claims and attachments features.
 */
export const claimPackages: Feature = {
  name: 'claim-packages',
  entities: [SupplementPhotoEntity, ClaimPackageEntity],
  resolvers: claimPackageResolvers,
  loaders: createClaimPackageLoaders,
  jobs: (services) => claimPackageJobs(services.claimPackages),
  nodeTypes: [{ typeName: 'ClaimPackage', entity: ClaimPackageEntity, load: (id, _g, { loaders }) => loaders.claimPackageById.load(id) }],
};

declare module '../loaders' {
  interface Loaders extends ReturnType<typeof createClaimPackageLoaders> {}
}
