import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { SortDirection } from '../../generated/graphql';

/** One condition of a saved view's filter (`saved_views.filter`, jsonb). */
export interface SavedViewCondition {
  key: string;
  value: string;
}

/**
 * A named filter and order of a list table (`saved_views`), personal or shared with its owner's team (`team_id` is
 * that team while shared, null while personal). Deleted for good (no trash); `deletedAt` is always null (the entity
 * writer's record shape).
 */
@Entity('saved_views')
export class SavedViewEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'table_key', type: 'varchar', length: 40 })
  tableKey: string;

  @Column({ type: 'varchar', length: 80 })
  name: string;

  @Column({ type: 'jsonb' })
  filter: SavedViewCondition[];

  @Column({ name: 'sort_field', type: 'varchar', length: 40, nullable: true })
  sortField: string | null;

  @Column({ name: 'sort_direction', type: 'varchar', length: 4, nullable: true })
  sortDirection: SortDirection | null;

  @Column({ type: 'boolean' })
  shared: boolean;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId: string;

  /** The team it is shared with (the owner's team when shared); null while personal. */
  @Column({ name: 'team_id', type: 'uuid', nullable: true })
  teamId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  /** Views are deleted for good; kept for the entity writer's record shape. */
  readonly deletedAt: null = null;
}
