import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { SoftDeletableEntity } from '../../platform/db/soft-deletable.entity';
import type { PartnerKind, PartnerStatus, ReferralFeeKind } from '../../generated/graphql';

@Entity('partners')
export class PartnerEntity extends SoftDeletableEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 30 })
  kind: PartnerKind;

  @Column({ type: 'varchar', length: 10 })
  status: PartnerStatus;

  /** The staff member who owns the relationship. */
  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  ownerId: string | null;

  @Column({ name: 'team_id', type: 'uuid', nullable: true })
  teamId: string | null;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ name: 'fee_kind', type: 'varchar', length: 10 })
  feeKind: ReferralFeeKind;

  /** Percent of the won contract value (`PERCENT`), e.g. "2.50". */
  @Column({ name: 'fee_percent', type: 'numeric', precision: 5, scale: 2, nullable: true })
  feePercent: string | null;

  /** Amount per won job (`FLAT`). */
  @Column({ name: 'fee_flat', type: 'numeric', precision: 12, scale: 2, nullable: true })
  feeFlat: string | null;

  @Column({ name: 'fee_cap', type: 'numeric', precision: 12, scale: 2, nullable: true })
  feeCap: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdById: string | null;
}
