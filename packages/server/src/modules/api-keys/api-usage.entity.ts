import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One key's use on one day (UTC) for one operation; written by an upsert that adds to the counters. */
@Entity('api_usage')
export class ApiUsageEntity {
  @PrimaryColumn({ name: 'key_id', type: 'uuid' })
  keyId: string;

  @PrimaryColumn({ type: 'date' })
  day: string;

  @PrimaryColumn({ type: 'varchar', length: 100 })
  operation: string;

  @Column({ type: 'integer' })
  count: number;

  @Column({ type: 'integer' })
  errors: number;

  /** bigint, as a string. */
  @Column({ type: 'bigint' })
  cost: string;
}
