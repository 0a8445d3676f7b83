import { Column, PrimaryGeneratedColumn } from 'typeorm';
import { SoftDeletableEntity } from '../../platform/db/soft-deletable.entity';

/** The columns of every record kept about a customer (projects, appointments, interactions): its customer and lead. */
export abstract class CustomerRecordEntity extends SoftDeletableEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Column({ name: 'lead_id', type: 'uuid', nullable: true })
  leadId: string | null;
}
