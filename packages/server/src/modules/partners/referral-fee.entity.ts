import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ReferralFeeStatus } from '../../generated/graphql';

/**
 * The fee owed to a partner for one won job (`referral_fees`): accrued when a lead it referred is converted into a
 * project, then approved, then paid; or voided (from accrued or approved) when not owed after all. One per project at most (`project_id` is unique). Not soft-deletable: a fee is
 * history; `deletedAt` is always null (the entity writer's record shape).
 */
@Entity('referral_fees')
export class ReferralFeeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'partner_id', type: 'uuid' })
  partnerId: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ name: 'lead_id', type: 'uuid', nullable: true })
  leadId: string | null;

  @Column({ name: 'team_id', type: 'uuid', nullable: true })
  teamId: string | null;

  /** Decimal string. */
  @Column({ type: 'numeric', precision: 12, scale: 2 })
  amount: string;

  @Column({ type: 'varchar', length: 10 })
  status: ReferralFeeStatus;

  @Column({ name: 'accrued_at', type: 'timestamptz', precision: 3 })
  accruedAt: Date;

  @Column({ name: 'approved_at', type: 'timestamptz', precision: 3, nullable: true })
  approvedAt: Date | null;

  @Column({ name: 'approved_by_id', type: 'uuid', nullable: true })
  approvedById: string | null;

  @Column({ name: 'paid_at', type: 'timestamptz', precision: 3, nullable: true })
  paidAt: Date | null;

  @Column({ name: 'paid_by_id', type: 'uuid', nullable: true })
  paidById: string | null;

  @Column({ name: 'voided_at', type: 'timestamptz', precision: 3, nullable: true })
  voidedAt: Date | null;

  @Column({ name: 'voided_by_id', type: 'uuid', nullable: true })
  voidedById: string | null;

  @Column({ name: 'void_reason', type: 'varchar', length: 500, nullable: true })
  voidReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  /** Fees are never deleted; kept for the entity writer's record shape. */
  readonly deletedAt: null = null;
}
