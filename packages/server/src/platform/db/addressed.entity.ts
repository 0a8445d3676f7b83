import { Column } from 'typeorm';
import type { AddressColumns } from './address';
import { SoftDeletableEntity } from './soft-deletable.entity';

/** A soft-deletable record with a postal address stored in four `address_*` columns (customers, leads). */
export abstract class AddressedEntity extends SoftDeletableEntity implements AddressColumns {
  @Column({ name: 'address_street', type: 'varchar', length: 200, nullable: true })
  addressStreet: string | null;

  @Column({ name: 'address_city', type: 'varchar', length: 100, nullable: true })
  addressCity: string | null;

  @Column({ name: 'address_state', type: 'varchar', length: 2, nullable: true })
  addressState: string | null;

  @Column({ name: 'address_zip', type: 'varchar', length: 10, nullable: true })
  addressZip: string | null;
}
