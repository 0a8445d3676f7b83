import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { SupplementStatus } from '../../generated/graphql';

/** A supplement of a claim. `requestedTotal` and `approvedTotal` are its lines' sums, written with them (exact cents). */
@Entity('supplements')
export class SupplementEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'claim_id', type: 'uuid' })
  claimId: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 20 })
  status: SupplementStatus;

  @Column({ name: 'requested_total', type: 'numeric', precision: 14, scale: 2 })
  requestedTotal: string;

  @Column({ name: 'approved_total', type: 'numeric', precision: 14, scale: 2 })
  approvedTotal: string;

  @Column({ name: 'prepared_by', type: 'uuid', nullable: true })
  preparedById: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', precision: 3, nullable: true })
  sentAt: Date | null;

  @Column({ name: 'answered_at', type: 'timestamptz', precision: 3, nullable: true })
  answeredAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

/** One line of a supplement: asked (quantity × unit price) and approved, totals rounded half up to the cent. */
@Entity('supplement_line_items')
export class SupplementLineEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'supplement_id', type: 'uuid' })
  supplementId: string;

  @Column({ type: 'smallint' })
  position: number;

  @Column({ type: 'varchar', length: 300 })
  description: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  code: string | null;

  /** Decimal string, up to four decimals. */
  @Column({ type: 'numeric', precision: 12, scale: 4 })
  quantity: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  unit: string | null;

  @Column({ name: 'unit_price', type: 'numeric', precision: 12, scale: 2 })
  unitPrice: string;

  @Column({ name: 'requested_total', type: 'numeric', precision: 12, scale: 2 })
  requestedTotal: string;

  @Column({ name: 'approved_quantity', type: 'numeric', precision: 12, scale: 4, nullable: true })
  approvedQuantity: string | null;

  @Column({ name: 'approved_unit_price', type: 'numeric', precision: 12, scale: 2, nullable: true })
  approvedUnitPrice: string | null;

  @Column({ name: 'approved_total', type: 'numeric', precision: 12, scale: 2 })
  approvedTotal: string;
}
