import type { DataSource } from 'typeorm';
import { applyScope } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';
import { fetchMany } from '../../platform/db/hydrate';
import { userError, type UserErrorData } from '../../platform/validation';
import { AttachmentEntity } from '../attachments/attachment.entity';
import { attachmentScope } from '../attachments/attachment.policy';
import type { ClaimEntity } from '../claims/claim.entity';

/** At most this many photos go with a supplement, or into a package. */
export const MAX_PHOTOS = 30;

export interface PickedPhotos {
  /** The attachments, in the order given (when there are no errors). */
  photos: AttachmentEntity[];
  errors: UserErrorData[];
}

/**
 * Checks photos picked for a claim's supplement or package (`field`: the input's list, e.g. `attachmentIds`; ids
 * decoded, null for an ID of no attachment): each an active image the viewer may see, of the claim itself, one of its
 * supplements, its project or its lead; none twice; at most MAX_PHOTOS. One UserError per refused entry.
 */
export async function pickPhotos(ds: DataSource, viewer: Viewer, claim: ClaimEntity, ids: ReadonlyArray<string | null>, field: string): Promise<PickedPhotos> {
  if (ids.length > MAX_PHOTOS) return { photos: [], errors: [userError(field, 'OUT_OF_RANGE', `Pick at most ${MAX_PHOTOS} photos.`)] };
  const found = await visible(ds, viewer, ids.filter((id): id is string => id !== null));
  const supplements: Array<{ id: string }> = await ds.query('SELECT id FROM supplements WHERE claim_id = $1', [claim.id]);
  const owners = new Set([claim.id, claim.projectId, claim.leadId, ...supplements.map((s) => s.id)].filter(Boolean));
  const errors: UserErrorData[] = [];
  const seen = new Set<string>();
  const photos = ids.map((id, i) => {
    const a = id ? found.get(id) : undefined;
    const at = `${field}.${i}`;
    if (!a) errors.push(userError(at, 'NOT_FOUND', 'No such photo (or you may not see it).'));
    else if (seen.has(a.id)) errors.push(userError(at, 'INVALID', `"${a.fileName}" is picked twice.`));
    else if (!a.contentType.startsWith('image/')) errors.push(userError(at, 'INVALID', `"${a.fileName}" is not a photo: only images can be picked.`));
    else if (!owners.has(a.ownerId)) errors.push(userError(at, 'INVALID', `"${a.fileName}" belongs to another record: pick photos of this claim, its supplements, its project or its lead.`));
    if (a) seen.add(a.id);
    return a!;
  });
  return errors.length ? { photos: [], errors } : { photos, errors };
}

/** Of `ids`, the active attachments the viewer may see, by id. */
async function visible(ds: DataSource, viewer: Viewer, ids: readonly string[]): Promise<Map<string, AttachmentEntity>> {
  if (!ids.length) return new Map();
  const qb = ds.getRepository(AttachmentEntity).createQueryBuilder('a').where('a.id = ANY(:ids)', { ids: [...new Set(ids)] });
  return new Map((await fetchMany(applyScope(qb, attachmentScope(viewer, 'a')))).map((a) => [a.id, a]));
}

/** Of `ids`, the photos (active images) the viewer may see, in order: what was picked earlier, as it stands now. */
export async function visiblePhotos(ds: DataSource, viewer: Viewer, ids: readonly string[]): Promise<AttachmentEntity[]> {
  const found = await visible(ds, viewer, ids);
  return ids.map((id) => found.get(id)).filter((a): a is AttachmentEntity => a !== undefined && a.contentType.startsWith('image/'));
}
