import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A photo (an attachment of the claim, its supplements, project or lead) picked to go with a supplement, in order. */
@Entity('supplement_photos')
export class SupplementPhotoEntity {
  @PrimaryColumn({ name: 'supplement_id', type: 'uuid' })
  supplementId: string;

  @PrimaryColumn({ name: 'attachment_id', type: 'uuid' })
  attachmentId: string;

  @Column({ type: 'smallint' })
  position: number;

  @Column({ name: 'added_by', type: 'uuid', nullable: true })
  addedById: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
