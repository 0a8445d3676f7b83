import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { SoftDeletableEntity } from '../../platform/db/soft-deletable.entity';
import type { CustomerType } from '../../generated/graphql';

@Entity('customers')
export class CustomerEntity extends SoftDeletableEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  /** E.164. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  @Column({ name: 'address_street', type: 'varchar', length: 200, nullable: true })
  addressStreet: string | null;

  @Column({ name: 'address_city', type: 'varchar', length: 100, nullable: true })
  addressCity: string | null;

  @Column({ name: 'address_state', type: 'varchar', length: 2, nullable: true })
  addressState: string | null;

  @Column({ name: 'address_zip', type: 'varchar', length: 10, nullable: true })
  addressZip: string | null;

  @Column({ name: 'customer_type', type: 'varchar', length: 20 })
  customerType: CustomerType;

  @Column({ type: 'varchar', length: 50, nullable: true })
  segment: string | null;

  @Column({ name: 'team_id', type: 'uuid', nullable: true })
  teamId: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdById: string | null;
}
