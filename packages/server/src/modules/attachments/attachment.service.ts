import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import type { AttachmentKind, AttachmentOwnerKind } from '../../generated/graphql';
import { applyScope } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';
import { forbidden, notFound } from '../../platform/errors';
import { fetchOne } from '../../platform/db/hydrate';
import type { Connection, PageArgs } from '../../platform/db/pagination';
import { RecordStore, type RecordResult } from '../../platform/db/record-store';
import type { JobSender } from '../../platform/jobs/job-queue';
import type { ObjectStorage } from '../../platform/storage/object-storage';
import type { UrlSigner } from '../../platform/storage/signed-urls';
import { UploadRefused } from '../../platform/storage/upload-stream';
import { Validator, type UserErrorData } from '../../platform/validation';
import type { AuditService } from '../audit/audit.service';
import { writeEffects, type EventSink } from '../realtime/event-definition';
import { attachmentOwners, type AttachmentOwnerAccess, type AttachmentReader, type OwnerRow } from './attachment-owners';
import { receiveFile, THUMBNAIL_TYPES, type ReceivedFile } from './attachment-upload';
import { AttachmentEntity } from './attachment.entity';
import { attachmentWrites } from './attachment.events';
import { attachmentScope, canChangeAttachment, readerScope } from './attachment.policy';
import { photoMetadata } from './exif';

export type AttachmentConnection = Connection<AttachmentEntity>;

export const THUMBNAIL_JOB = 'attachment-thumbnail';
/** Longest caption. */
export const MAX_CAPTION = 500;
const KINDS: readonly AttachmentKind[] = ['BEFORE', 'DAMAGE', 'DURING', 'AFTER', 'DOCUMENT', 'SIGNED_CONTRACT', 'INSURANCE_SCOPE'];
/** A client's idempotency key: 8 to 100 of letters, digits, `-`, `_`, `.`, `:` (a UUID fits). */
export const UPLOAD_KEY = /^[A-Za-z0-9._:-]{8,100}$/;

/** An upload as the route received it (the owner by GraphQL type and key, decoded at the edge). */
export interface NewUpload {
  ownerType: string | null;
  ownerId: string | null;
  kind: string;
  caption: string | null;
  fileName: string;
  declaredType: string | undefined;
  uploadKey: string;
  sharedWithAdjuster: boolean;
}

export interface AttachmentChanges {
  id: string | null;
  caption?: string | null;
  kind?: AttachmentKind | null;
  sharedWithAdjuster?: boolean | null;
}

export interface AttachmentResult {
  attachment: AttachmentEntity | null;
  errors: UserErrorData[];
}

interface Owner {
  access: AttachmentOwnerAccess;
  row: OwnerRow;
}

/** The record an attachment is written for: its kind, key and team. */
export interface AttachmentOwnerRef {
  kind: AttachmentOwnerKind;
  id: string;
  teamId: string | null;
}

/** A file the server made, for `addGenerated`. */
export interface GeneratedFile {
  owner: AttachmentOwnerRef;
  kind: AttachmentKind;
  fileName: string;
  caption: string | null;
  /** Whom it is made for: shown as its uploader. */
  uploadedById: string | null;
  /** Makes it at most once per key (with `uploadedById`). */
  key: string;
  bytes: Buffer;
}

const asResult = (r: RecordResult<AttachmentEntity>): AttachmentResult => ({ attachment: r.row, errors: r.errors });

/**
 * Photos and documents on the records of other features (leads, projects, claims…; see attachment-owners.ts): the
 * streaming upload into the object storage, the gallery lists under the owners' row rules, details and the trash
 * audited and live, and the thumbnails (a job).
 */
export class AttachmentService {
  private readonly store: RecordStore<AttachmentEntity>;

  constructor(
    private readonly ds: DataSource,
    audit: AuditService,
    events: EventSink,
    private readonly jobs: JobSender,
    readonly storage: ObjectStorage,
    /** The signer of file URLs, and the largest file accepted. */
    readonly files: { urls: UrlSigner; maxBytes: number },
  ) {
    const kind = { entity: AttachmentEntity, typeName: 'Attachment', noun: 'attachment', alias: 'a', scope: attachmentScope };
    this.store = new RecordStore(ds, { ...kind, onWrite: writeEffects(events, attachmentWrites) }, audit);
  }

  get(viewer: Viewer, id: string | null): Promise<AttachmentEntity | null> {
    return this.store.get(viewer, id);
  }

  /** An owner's attachments the viewer may see, newest first, keyset-paginated (`deleted`: the trash, admins and managers). */
  list(viewer: Viewer, args: PageArgs & { ownerId: string | null; kinds?: readonly AttachmentKind[] | null; deleted?: boolean | null }): Promise<AttachmentConnection> {
    const order = { sql: 'a.created_at', value: (a: AttachmentEntity) => a.createdAt.toISOString() };
    return this.store.page(viewer, { ...args, filter: { deleted: args.deleted } }, order, 'DESC', (qb) => {
      qb.andWhere('a.owner_id = :ownerId', { ownerId: args.ownerId ?? '00000000-0000-0000-0000-000000000000' });
      if (args.kinds?.length) qb.andWhere('a.kind = ANY(:kinds)', { kinds: [...args.kinds] });
    });
  }

  /** An attachment a reader (staff, or an adjuster's key) may read the file of now, or null. */
  readable(reader: AttachmentReader, id: string): Promise<AttachmentEntity | null> {
    if ('viewer' in reader) return this.get(reader.viewer, id);
    const qb = this.ds.getRepository(AttachmentEntity).createQueryBuilder('a').where('a.id = :id', { id });
    return fetchOne(applyScope(qb, readerScope(reader, 'a')));
  }

  /** The partner of an active API key (an adjuster's, named by a signed URL), or null: revoked, expired, no partner, partner deleted. */
  async partnerOfKey(keyId: string): Promise<string | null> {
    const rows: Array<{ partner_id: string }> = await this.ds.query(
      `SELECT k.partner_id FROM api_keys k JOIN partners p ON p.id = k.partner_id AND p.deleted_at IS NULL
        WHERE k.id = $1 AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())`,
      [keyId],
    );
    return rows[0]?.partner_id ?? null;
  }

  /** The attachment this viewer uploaded with `uploadKey`, if any (a retried upload checks before sending again). */
  previousUpload(viewer: Viewer, uploadKey: string): Promise<AttachmentEntity | null> {
    return this.byUploadKey(viewer.id, uploadKey);
  }

  private byUploadKey(uploadedById: string | null, uploadKey: string): Promise<AttachmentEntity | null> {
    if (!uploadedById) return Promise.resolve(null);
    return this.ds.getRepository(AttachmentEntity).createQueryBuilder('a').withDeleted().where('a.uploaded_by = :by AND a.upload_key = :key', { by: uploadedById, key: uploadKey }).getOne();
  }

  /**
   * Receives one file for an owner the viewer may add files to (NOT_FOUND / FORBIDDEN otherwise): sniffs and checks
   * it (UploadRefused: 400, 413, 415, 409), streams it to the storage, reads its metadata, and records the attachment
   * with its audit entry and live event, the thumbnail job queued in the same transaction. The same `uploadKey` again
   * answers with the first upload's attachment (`replayed`), storing nothing more.
   */
  async upload(viewer: Viewer, u: NewUpload, source: Readable): Promise<{ attachment: AttachmentEntity; replayed: boolean }> {
    const kind = u.kind.toUpperCase() as AttachmentKind;
    if (!KINDS.includes(kind)) throw new UploadRefused(400, `Say what the file is: ?kind=${KINDS.join(', ')}.`);
    if (!UPLOAD_KEY.test(u.uploadKey)) throw new UploadRefused(400, 'Send an Idempotency-Key header: 8 to 100 letters, digits, "-", "_", ".", ":" (e.g. a UUID made once per file).');
    const caption = u.caption?.trim() || null;
    if (caption && caption.length > MAX_CAPTION) throw new UploadRefused(400, `The caption is longer than ${MAX_CAPTION} characters.`);
    const owner = await this.ownerFor(viewer, u.ownerType, u.ownerId);
    const before = await this.previousUpload(viewer, u.uploadKey);
    if (before) return this.replay(before, owner, source);
    const file = await receiveFile(source, { fileName: u.fileName, declaredType: u.declaredType, maxBytes: this.files.maxBytes });
    return this.save(viewer, viewer.id, { kind: owner.access.kind, id: owner.row.id, teamId: owner.row.teamId ?? null }, { ...u, kind, caption }, file);
  }

  /**
   * Records a file the server made (a claim package PDF) as an attachment of an owner the caller checked, as the
   * system (audit actor none), shown as uploaded by `uploadedById`; sniffed like an upload. Once per `key`: the same
   * key again (a retried job) answers with the first one.
   */
  async addGenerated(f: GeneratedFile): Promise<AttachmentEntity> {
    const before = await this.byUploadKey(f.uploadedById, f.key);
    if (before) return before;
    const file = await receiveFile(Readable.from([f.bytes]), { fileName: f.fileName, declaredType: undefined, maxBytes: Math.max(this.files.maxBytes, f.bytes.length) });
    const details = { kind: f.kind, caption: f.caption, fileName: f.fileName, uploadKey: f.key, sharedWithAdjuster: false };
    return (await this.save(null, f.uploadedById, f.owner, details, file)).attachment;
  }

  /**
   * Streams a received file to the storage and records it (audited, live), its thumbnail job queued in the same
   * transaction; a concurrent twin with the same uploader and key stands instead (the file stored twice is dropped).
   */
  private async save(
    actor: Viewer | null,
    uploadedById: string | null,
    owner: AttachmentOwnerRef,
    u: Pick<NewUpload, 'fileName' | 'uploadKey' | 'sharedWithAdjuster'> & { kind: AttachmentKind; caption: string | null },
    file: ReceivedFile,
  ): Promise<{ attachment: AttachmentEntity; replayed: boolean }> {
    const id = randomUUID();
    const storageKey = `attachments/${id}/original`;
    await this.storage.put(storageKey, file.body, { contentType: file.type });
    try {
      const { size, sha256 } = file.result();
      const meta = file.type.startsWith('image/') ? await photoMetadata(file.head) : { takenAt: null, latitude: null, longitude: null };
      const thumbnail = THUMBNAIL_TYPES.includes(file.type);
      const inserted = await this.ds.transaction(async (m) => {
        const rows: Array<{ id: string }> = await m.query(
          `INSERT INTO attachments (id, owner_kind, owner_id, team_id, kind, caption, file_name, content_type, size_bytes, sha256, storage_key,
                                    thumbnail_status, taken_at, latitude, longitude, shared_with_adjuster, uploaded_by, upload_key)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
           ON CONFLICT (uploaded_by, upload_key) DO NOTHING RETURNING id`,
          [id, owner.kind, owner.id, owner.teamId, u.kind, u.caption, u.fileName.slice(0, 255), file.type, size, sha256, storageKey,
            thumbnail ? 'PENDING' : 'NONE', meta.takenAt, meta.latitude, meta.longitude, u.sharedWithAdjuster, uploadedById, u.uploadKey],
        );
        if (!rows.length) return null;
        if (thumbnail) await this.jobs.send(THUMBNAIL_JOB, { id }, { within: m, singletonKey: id });
        return this.store.writer.created(m, actor, id);
      });
      if (inserted) return { attachment: inserted, replayed: false };
      // The same upload, retried while the first was still running: the first one stands.
      await this.storage.delete(storageKey);
      const first = await this.byUploadKey(uploadedById, u.uploadKey);
      if (!first || first.sha256 !== sha256) throw new UploadRefused(409, 'This Idempotency-Key was used for another file: make a new key for each file.');
      return { attachment: first, replayed: true };
    } catch (err) {
      await this.storage.delete(storageKey).catch(() => {});
      throw err;
    }
  }

  async update(viewer: Viewer, input: AttachmentChanges): Promise<AttachmentResult> {
    const existing = await this.changeable(viewer, input.id);
    if (!existing.attachment) return existing;
    const v = new Validator();
    const patch: Partial<AttachmentEntity> = {};
    if (input.caption !== undefined) patch.caption = v.text('caption', input.caption, { max: MAX_CAPTION });
    if (input.kind != null) patch.kind = input.kind;
    if (input.sharedWithAdjuster != null) patch.sharedWithAdjuster = input.sharedWithAdjuster;
    if (!v.ok) return { attachment: null, errors: v.errors };
    return this.ds.transaction(async (m) => ({ attachment: await this.store.writer.update(m, viewer, existing.attachment!, patch), errors: [] }));
  }

  async softDelete(viewer: Viewer, id: string | null): Promise<AttachmentResult> {
    const existing = await this.changeable(viewer, id);
    if (!existing.attachment) return existing;
    return asResult(await this.store.softDelete(viewer, id));
  }

  restore(viewer: Viewer, id: string | null): Promise<AttachmentResult> {
    return this.store.restore(viewer, id).then(asResult);
  }

  /** Records what the thumbnail job made of an attachment (as the system: audited, live). */
  async thumbnailDone(id: string, patch: Pick<AttachmentEntity, 'thumbnailStatus'> & Partial<AttachmentEntity>): Promise<void> {
    await this.ds.transaction(async (m) => {
      const row = await m.getRepository(AttachmentEntity).createQueryBuilder('a').withDeleted().setLock('pessimistic_write').where('a.id = :id', { id }).getOne();
      if (row?.thumbnailStatus === 'PENDING') await this.store.writer.update(m, null, row, patch);
    });
  }

  /** The attachment as stored, whoever may see it (the thumbnail job). */
  stored(id: string): Promise<AttachmentEntity | null> {
    return this.ds.getRepository(AttachmentEntity).createQueryBuilder('a').withDeleted().where('a.id = :id', { id }).getOne();
  }

  /** The owner behind an upload's owner ID, if the viewer may add files to it. */
  private async ownerFor(viewer: Viewer, typeName: string | null, id: string | null): Promise<Owner> {
    const access = typeName ? attachmentOwners.ofType(typeName) : null;
    const row = access && id ? await this.ownerRow(viewer, access, id) : null;
    if (!access || !row) throw notFound('No such lead, project or claim: send ?ownerId=<its ID>.', 'ownerId');
    if (!access.canAttach(viewer, row)) throw forbidden('You may not add files to this record.');
    return { access, row };
  }

  private ownerRow(viewer: Viewer, access: AttachmentOwnerAccess, id: string): Promise<OwnerRow | null> {
    const qb: SelectQueryBuilder<OwnerRow> = this.ds.getRepository(access.entity).createQueryBuilder('o').where('o.id = :ownerId', { ownerId: id });
    return fetchOne(applyScope(qb, access.scope(viewer, 'o')));
  }

  /** Answers a retried upload with the first one, after reading (and dropping) what the client sent again. */
  private async replay(first: AttachmentEntity, owner: Owner, source: Readable): Promise<{ attachment: AttachmentEntity; replayed: boolean }> {
    if (first.ownerId !== owner.row.id) throw new UploadRefused(409, 'This Idempotency-Key was used for a file of another record: make a new key for each file.');
    source.resume();
    await finished(source).catch(() => {});
    return { attachment: first, replayed: true };
  }

  /** The attachment behind an id, if the viewer may change it (NOT_FOUND or FORBIDDEN otherwise). */
  private async changeable(viewer: Viewer, id: string | null): Promise<AttachmentResult> {
    const attachment = await this.store.find(viewer, id, false);
    if (!attachment) return asResult(this.store.notFound());
    const access = attachmentOwners.of(attachment.ownerKind);
    const row = access ? await this.ownerRow(viewer, access, attachment.ownerId) : null;
    if (!access || !row || !canChangeAttachment(viewer, attachment, { access, row })) return asResult(this.store.forbidden('You may not change this attachment.'));
    return { attachment, errors: [] };
  }
}
