import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { AddressedEntity } from '../../platform/db/addressed.entity';
import type { CustomerType } from '../../generated/graphql';

@Entity('customers')
export class CustomerEntity extends AddressedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  /** E.164. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  @Column({ name: 'customer_type', type: 'varchar', length: 20 })
  customerType: CustomerType;

  @Column({ type: 'varchar', length: 50, nullable: true })
  segment: string | null;

  @Column({ name: 'team_id', type: 'uuid', nullable: true })
  teamId: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdById: string | null;

  /** Agreed to marketing and review-request e-mail (transactional e-mail needs no opt-in). */
  @Column({ name: 'email_opt_in', type: 'boolean', default: false })
  emailOptIn: boolean;

  /** Agreed to marketing and review-request SMS; a STOP reply turns it off. */
  @Column({ name: 'sms_opt_in', type: 'boolean', default: false })
  smsOptIn: boolean;

  /** The customer this one was merged into (`mergeCustomers`); it is deleted (soft) then. */
  @Column({ name: 'merged_into_id', type: 'uuid', nullable: true })
  mergedIntoId: string | null;
}
