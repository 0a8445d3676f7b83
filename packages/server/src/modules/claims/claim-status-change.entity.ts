import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ClaimStatus } from '../../generated/graphql';

/** One move of a claim between stages, in the order made (`id`). Written with the move, in its transaction. */
@Entity('insurance_claim_status_changes')
export class ClaimStatusChangeEntity {
  /** bigserial, as a string. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ name: 'claim_id', type: 'uuid' })
  claimId: string;

  @Column({ name: 'from_status', type: 'varchar', length: 30, nullable: true })
  fromStatus: ClaimStatus | null;

  @Column({ name: 'to_status', type: 'varchar', length: 30 })
  toStatus: ClaimStatus;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  /** The staff member; null when an adjuster's key moved it (or the user was removed). */
  @Column({ name: 'changed_by', type: 'uuid', nullable: true })
  changedById: string | null;

  @Column({ name: 'changed_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  changedAt: Date;
}
