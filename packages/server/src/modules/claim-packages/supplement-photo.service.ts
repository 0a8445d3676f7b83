import type { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../../platform/auth/viewer';
import { userError } from '../../platform/validation';
import type { AuditService } from '../audit/audit.service';
import type { ClaimService } from '../claims/claim.service';
import { SupplementEntity } from '../claims/supplement.entity';
import type { SupplementResult } from '../claims/supplement.service';
import { pickPhotos } from './picked-photos';
import { SupplementPhotoEntity } from './supplement-photo.entity';

const notFound = (): SupplementResult => ({ supplement: null, errors: [userError('supplementId', 'NOT_FOUND', 'No such supplement.')] });

/**
 * The photos that go with a supplement: picked among those already uploaded to its claim, the claim's supplements,
 * project or lead (pickPhotos), in order. Audited on the supplement; the claim's live event tells who sees it.
 */
export class SupplementPhotoService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly claims: ClaimService,
  ) {}

  /** Replaces the supplement's photos with `attachmentIds` (keys; null for an ID that named no attachment), in that order. */
  async set(viewer: Viewer, supplementId: string | null, attachmentIds: ReadonlyArray<string | null>): Promise<SupplementResult> {
    const supplement = supplementId ? await this.ds.getRepository(SupplementEntity).findOneBy({ id: supplementId }) : null;
    if (!supplement) return notFound();
    const found = await this.claims.writable(viewer, supplement.claimId);
    if (!found.claim) return found.errors[0]?.code === 'FORBIDDEN' ? { supplement: null, errors: found.errors.map((e) => ({ ...e, field: ['supplementId'] })) } : notFound();
    const claim = found.claim;
    const picked = await pickPhotos(this.ds, viewer, claim, attachmentIds, 'attachmentIds');
    if (picked.errors.length) return { supplement: null, errors: picked.errors };
    return this.ds.transaction(async (m) => {
      const locked = await m.getRepository(SupplementEntity).createQueryBuilder('s').where('s.id = :id', { id: supplement.id }).setLock('pessimistic_write').getOne();
      if (!locked) return notFound();
      const before = await photoIds(m, supplement.id);
      const after = picked.photos.map((p) => p.id);
      await m.getRepository(SupplementPhotoEntity).delete({ supplementId: supplement.id });
      if (after.length) await m.getRepository(SupplementPhotoEntity).insert(after.map((attachmentId, position) => ({ supplementId: supplement.id, attachmentId, position, addedById: viewer.id })));
      const entry = { entityType: 'Supplement', entityId: supplement.id, action: 'UPDATE', before: { photoIds: before }, after: { photoIds: after }, teamId: claim.teamId } as const;
      if (await this.audit.record(m, viewer, entry)) await this.claims.touched(m, claim);
      return { supplement: locked, errors: [] };
    });
  }
}

/** A supplement's picked attachment ids, in order. */
export async function photoIds(m: EntityManager | DataSource, supplementId: string): Promise<string[]> {
  const rows = await m.getRepository(SupplementPhotoEntity).find({ where: { supplementId }, order: { position: 'ASC' } });
  return rows.map((r) => r.attachmentId);
}
