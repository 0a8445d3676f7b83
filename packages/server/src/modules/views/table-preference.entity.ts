import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { TableDensity } from '../../generated/graphql';

/** A user's set-up of one list table (`table_preferences`): the columns shown in order, and the density. */
@Entity('table_preferences')
export class TablePreferenceEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @PrimaryColumn({ name: 'table_key', type: 'varchar', length: 40 })
  tableKey: string;

  /** Column keys shown, in order; empty: the table's own. */
  @Column({ type: 'jsonb' })
  columns: string[];

  @Column({ type: 'varchar', length: 12 })
  density: TableDensity;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
