import type { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../../platform/auth/viewer';
import type { JobSender } from '../../platform/jobs/job-queue';
import type { Logger } from '../../platform/logger';
import { userError, type UserErrorData } from '../../platform/validation';
import type { AttachmentService } from '../attachments/attachment.service';
import { AttachmentEntity } from '../attachments/attachment.entity';
import type { AuditService } from '../audit/audit.service';
import { ClaimEntity } from '../claims/claim.entity';
import type { ClaimService } from '../claims/claim.service';
import { SupplementEntity } from '../claims/supplement.entity';
import { claimPackagePdf } from './claim-package-pdf';
import { CompanyClock, packageFacts, packageTitle } from './claim-package-facts';
import { ClaimPackageEntity } from './claim-package.entity';
import { MAX_PHOTOS, pickPhotos, visiblePhotos } from './picked-photos';
import { photoIds } from './supplement-photo.service';

export const CLAIM_PACKAGE_JOB = 'claim-package';

export interface ClaimPackageRequest {
  claimId: string | null;
  /** Undefined or null: none; a key (NO_MATCH_ID for an ID of nothing). */
  supplementId?: string | null;
  /** Keys (null for an ID of no attachment); undefined or null: the default photos. */
  attachmentIds?: ReadonlyArray<string | null> | null;
}

export interface ClaimPackageResult {
  claimPackage: ClaimPackageEntity | null;
  errors: UserErrorData[];
}

const refused = (errors: UserErrorData[]): ClaimPackageResult => ({ claimPackage: null, errors });

/**
 * Claim packages: asked for by the office (the claim, a supplement, the photos checked then), built by a job into a
 * PDF (claim-package-pdf.ts) that is attached to the claim as a DOCUMENT. Audited; the claim's live event announces
 * the package when it is done (and the attachment's its PDF).
 */
export class ClaimPackageService {
  private readonly clock: CompanyClock;

  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly jobs: JobSender,
    private readonly claims: ClaimService,
    private readonly attachments: AttachmentService,
    private readonly company: { name: string; timeZone: string },
  ) {
    this.clock = new CompanyClock(company.timeZone);
  }

  /** Records the package QUEUED with the photos it will show, and queues its job in the same transaction. */
  async generate(viewer: Viewer, r: ClaimPackageRequest): Promise<ClaimPackageResult> {
    const found = await this.claims.writable(viewer, r.claimId);
    if (!found.claim) return refused(found.errors.map((e) => ({ ...e, field: ['claimId'] })));
    const claim = found.claim;
    const supplement = r.supplementId ? await this.ds.getRepository(SupplementEntity).findOneBy({ id: r.supplementId, claimId: claim.id }) : null;
    if (r.supplementId && !supplement) return refused([userError('supplementId', 'NOT_FOUND', 'No such supplement on this claim.')]);
    const photos = r.attachmentIds ? await pickPhotos(this.ds, viewer, claim, r.attachmentIds, 'attachmentIds') : { photos: await this.defaultPhotos(viewer, claim, supplement), errors: [] };
    if (photos.errors.length) return refused(photos.errors);
    return this.ds.transaction(async (m) => {
      const values = { claimId: claim.id, teamId: claim.teamId, supplementId: supplement?.id ?? null, photoIds: photos.photos.map((p) => p.id), status: 'QUEUED' as const, requestedById: viewer.id };
      const id = (await m.getRepository(ClaimPackageEntity).insert(values)).identifiers[0]!.id as string;
      const row = await m.getRepository(ClaimPackageEntity).findOneByOrFail({ id });
      await this.audit.record(m, viewer, { entityType: 'ClaimPackage', entityId: id, action: 'CREATE', before: null, after: row, teamId: claim.teamId });
      await this.jobs.send(CLAIM_PACKAGE_JOB, { id }, { within: m, singletonKey: id });
      return { claimPackage: row, errors: [] };
    });
  }

  /**
   * The job: builds a QUEUED package's PDF (photos deleted since are left out), stores it as a DOCUMENT of the claim
   * (once, whatever the retries), and marks the package READY — or FAILED with the reason (the claim deleted, the
   * storage or a file missing), which the office sees and may generate again.
   */
  async build(id: string, logger: Logger): Promise<{ status: string }> {
    const row = await this.ds.getRepository(ClaimPackageEntity).findOneBy({ id });
    if (!row || row.status !== 'QUEUED') return { status: row?.status ?? 'GONE' };
    const claim = await this.ds.getRepository(ClaimEntity).findOneBy({ id: row.claimId });
    if (!claim) return this.finish(row, { status: 'FAILED', error: 'The claim was deleted.' });
    try {
      const supplement = row.supplementId ? await this.ds.getRepository(SupplementEntity).findOneBy({ id: row.supplementId }) : null;
      const photos = await this.stillThere(row.photoIds);
      const now = new Date();
      const facts = await packageFacts(this.ds, this.attachments.storage, this.clock, this.company.name, { claim, supplement, photos, now });
      const pdf = await claimPackagePdf(facts, now);
      const document = await this.attachments.addGenerated({
        owner: { kind: 'CLAIM', id: claim.id, teamId: claim.teamId },
        kind: 'DOCUMENT',
        fileName: `${packageTitle(claim).replace(/[\\/:*?"<>|]+/g, '-')} package.pdf`,
        caption: `Claim package${supplement ? `: ${supplement.title}` : ''} (${facts.photos.length} photo${facts.photos.length === 1 ? '' : 's'})`.slice(0, 500),
        uploadedById: row.requestedById,
        key: `claim-package:${row.id}`,
        bytes: Buffer.from(pdf.bytes),
      });
      return this.finish(row, { status: 'READY', documentId: document.id, pageCount: pdf.pageCount });
    } catch (err) {
      logger.error({ err, claimPackage: id }, 'claim package not built');
      return this.finish(row, { status: 'FAILED', error: 'The package could not be built (a photo or the file storage failed); generate it again.' });
    }
  }

  /** Records the job's outcome (as the system, audited) and tells the claim's viewers (its live event). */
  private async finish(row: ClaimPackageEntity, patch: Partial<ClaimPackageEntity>): Promise<{ status: string }> {
    await this.ds.transaction(async (m: EntityManager) => {
      await m.getRepository(ClaimPackageEntity).update(row.id, { ...patch, finishedAt: new Date() });
      const after = await m.getRepository(ClaimPackageEntity).findOneByOrFail({ id: row.id });
      await this.audit.record(m, null, { entityType: 'ClaimPackage', entityId: row.id, action: 'UPDATE', before: row, after, teamId: row.teamId });
      const claim = await m.getRepository(ClaimEntity).findOneBy({ id: row.claimId });
      if (claim) await this.claims.touched(m, claim);
    });
    return { status: patch.status! };
  }

  /** The supplement's picked photos the viewer sees; without a supplement the claim's own photos, oldest taken first. */
  private async defaultPhotos(viewer: Viewer, claim: ClaimEntity, supplement: SupplementEntity | null): Promise<AttachmentEntity[]> {
    if (supplement) return visiblePhotos(this.ds, viewer, await photoIds(this.ds, supplement.id));
    const own = await this.ds
      .getRepository(AttachmentEntity)
      .createQueryBuilder('a')
      .select('a.id', 'id')
      .where(`a.owner_id = :claimId AND a.owner_kind = 'CLAIM' AND a.content_type LIKE 'image/%'`, { claimId: claim.id })
      .orderBy('a.taken_at', 'ASC', 'NULLS LAST')
      .addOrderBy('a.created_at', 'ASC')
      .limit(MAX_PHOTOS)
      .getRawMany<{ id: string }>();
    return visiblePhotos(this.ds, viewer, own.map((a) => a.id));
  }

  /** Of `ids`, the attachments not deleted, in order. */
  private async stillThere(ids: string[]): Promise<AttachmentEntity[]> {
    if (!ids.length) return [];
    const rows = await this.ds.getRepository(AttachmentEntity).createQueryBuilder('a').where('a.id = ANY(:ids)', { ids }).getMany();
    const byId = new Map(rows.map((a) => [a.id, a]));
    return ids.map((id) => byId.get(id)).filter((a): a is AttachmentEntity => a !== undefined);
  }
}
