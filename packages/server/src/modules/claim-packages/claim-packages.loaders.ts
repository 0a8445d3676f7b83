import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { applyScope, NONE } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';
import { byIdLoader, cappedGroupLoader } from '../../platform/db/loaders';
import type { AttachmentEntity } from '../attachments/attachment.entity';
import { ClaimEntity } from '../claims/claim.entity';
import { claimScope } from '../claims/claim.policy';
import { ClaimPackageEntity } from './claim-package.entity';
import { MAX_PHOTOS } from './picked-photos';

/** The documented bound of `InsuranceClaim.packages`. */
const PACKAGES_MAX = 10;

/** The request's loaders these read through (the attachments feature's, under its row rule). */
interface Uses {
  attachmentById: DataLoader<string, AttachmentEntity | null>;
}

export function createClaimPackageLoaders(ds: DataSource, viewer: Viewer | null, loaders: Uses) {
  return {
    /** Each supplement's picked photos, in order, that the viewer may see and are not deleted (the attachments' own rule). */
    photosBySupplementId: new DataLoader<string, AttachmentEntity[]>(async (ids) => {
      const links: Array<{ supplement_id: string; attachment_id: string }> = await ds.query(
        `SELECT supplement_id, attachment_id FROM supplement_photos WHERE supplement_id = ANY($1::uuid[]) ORDER BY supplement_id, position`,
        [ids],
      );
      const attachments = new Map<string, AttachmentEntity | null>();
      const loaded = await loaders.attachmentById.loadMany([...new Set(links.map((l) => l.attachment_id))]);
      for (const a of loaded) if (a && !(a instanceof Error) && !a.deletedAt) attachments.set(a.id, a);
      return ids.map((id) =>
        links
          .filter((l) => l.supplement_id === id)
          .map((l) => attachments.get(l.attachment_id))
          .filter((a): a is AttachmentEntity => !!a)
          .slice(0, MAX_PHOTOS),
      );
    }),
    /** Each claim's packages, newest first (the parent field checked the claim). */
    packagesByClaimId: cappedGroupLoader(ds, ClaimPackageEntity, 'claim_id', (p) => p.claimId, { sql: 'e.created_at', direction: 'DESC' }, PACKAGES_MAX),
    /** Packages of claims the viewer may see (`node(id:)`). */
    claimPackageById: byIdLoader(ds, ClaimPackageEntity, (qb) =>
      applyScope(qb.innerJoin(ClaimEntity, 'pc', 'pc.id = e.claim_id AND pc.deleted_at IS NULL'), viewer ? claimScope(viewer, 'pc') : NONE),
    ),
  };
}
