import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AttachmentKind, AttachmentOwnerKind, ThumbnailStatus } from '../../generated/graphql';
import { SoftDeletableEntity } from '../../platform/db/soft-deletable.entity';

/** A photo or document on a lead, project, claim or supplement; its bytes live in the object storage. */
@Entity('attachments')
export class AttachmentEntity extends SoftDeletableEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'owner_kind', type: 'varchar', length: 12 })
  ownerKind: AttachmentOwnerKind;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId: string;

  /** The owner's team when it was uploaded (audit entries, event rows); who may see it follows the owner, not this. */
  @Column({ name: 'team_id', type: 'uuid', nullable: true })
  teamId: string | null;

  @Column({ type: 'varchar', length: 20 })
  kind: AttachmentKind;

  @Column({ type: 'varchar', length: 500, nullable: true })
  caption: string | null;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName: string;

  /** Sniffed from the bytes. */
  @Column({ name: 'content_type', type: 'varchar', length: 100 })
  contentType: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  /** Where the file is in the object storage. */
  @Column({ name: 'storage_key', type: 'varchar', length: 300 })
  storageKey: string;

  @Column({ name: 'thumbnail_key', type: 'varchar', length: 300, nullable: true })
  thumbnailKey: string | null;

  @Column({ name: 'thumbnail_status', type: 'varchar', length: 10 })
  thumbnailStatus: ThumbnailStatus;

  @Column({ type: 'integer', nullable: true })
  width: number | null;

  @Column({ type: 'integer', nullable: true })
  height: number | null;

  @Column({ name: 'taken_at', type: 'timestamptz', precision: 3, nullable: true })
  takenAt: Date | null;

  @Column({ type: 'double precision', nullable: true })
  latitude: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude: number | null;

  @Column({ name: 'shared_with_adjuster', type: 'boolean', default: false })
  sharedWithAdjuster: boolean;

  @Column({ name: 'uploaded_by', type: 'uuid', nullable: true })
  uploadedById: string | null;

  /** The uploader's idempotency key: a retried upload with the same key answers with this row instead of a new one. */
  @Column({ name: 'upload_key', type: 'varchar', length: 100 })
  uploadKey: string;
}
