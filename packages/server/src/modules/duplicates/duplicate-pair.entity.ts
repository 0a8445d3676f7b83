import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DuplicateReason } from '../../generated/graphql';

/** Two customers that look like one (customer_a < customer_b), found by the scan, until merged or dismissed. */
@Entity('customer_duplicates')
export class DuplicatePairEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'customer_a', type: 'uuid' })
  customerA: string;

  @Column({ name: 'customer_b', type: 'uuid' })
  customerB: string;

  @Column({ type: 'real' })
  score: number;

  @Column({ type: 'text', array: true })
  reasons: DuplicateReason[];

  @Column({ name: 'found_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  foundAt: Date;

  @Column({ name: 'dismissed_at', type: 'timestamptz', precision: 3, nullable: true })
  dismissedAt: Date | null;

  @Column({ name: 'dismissed_by', type: 'uuid', nullable: true })
  dismissedById: string | null;
}
