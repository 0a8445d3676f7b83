import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CarrierPaymentKind } from '../../generated/graphql';

/** A payment received from the carrier for a claim. Removed for good (audited) when recorded by mistake. */
@Entity('carrier_payments')
export class CarrierPaymentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'claim_id', type: 'uuid' })
  claimId: string;

  @Column({ type: 'varchar', length: 15 })
  kind: CarrierPaymentKind;

  @Column({ type: 'numeric', precision: 12, scale: 2 })
  amount: string;

  /** `YYYY-MM-DD`. */
  @Column({ name: 'received_on', type: 'date' })
  receivedOn: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  reference: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
