import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ClaimPackageStatus } from '../../generated/graphql';

/** A claim package PDF asked for: what goes in (supplement, photos in order), and what the job made of it. */
@Entity('claim_packages')
export class ClaimPackageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'claim_id', type: 'uuid' })
  claimId: string;

  /** The claim's team when asked (audit entries). */
  @Column({ name: 'team_id', type: 'uuid', nullable: true })
  teamId: string | null;

  @Column({ name: 'supplement_id', type: 'uuid', nullable: true })
  supplementId: string | null;

  /** The attachments to show, in order (checked when asked for; those deleted since are left out). */
  @Column({ name: 'photo_ids', type: 'uuid', array: true })
  photoIds: string[];

  @Column({ type: 'varchar', length: 10 })
  status: ClaimPackageStatus;

  /** The PDF attachment, once READY. */
  @Column({ name: 'document_id', type: 'uuid', nullable: true })
  documentId: string | null;

  @Column({ name: 'page_count', type: 'integer', nullable: true })
  pageCount: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  error: string | null;

  @Column({ name: 'requested_by', type: 'uuid', nullable: true })
  requestedById: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', precision: 3, nullable: true })
  finishedAt: Date | null;
}
