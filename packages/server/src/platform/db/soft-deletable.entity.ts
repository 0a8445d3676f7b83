import { CreateDateColumn, DeleteDateColumn, UpdateDateColumn } from 'typeorm';

/** Timestamps every soft-deletable domain record has (millisecond precision, so keyset cursors round-trip). */
export abstract class SoftDeletableEntity {
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  @DeleteDateColumn({ name: 'deleted_at', type: 'timestamptz', precision: 3 })
  deletedAt: Date | null;
}
