import { Entity, PrimaryColumn, Column } from 'typeorm';

/** A ZIP prefix of a team that goes to one sales member (TERRITORY strategy). */
@Entity('territories')
export class TerritoryEntity {
  @PrimaryColumn({ name: 'team_id', type: 'uuid' })
  teamId: string;

  @PrimaryColumn({ name: 'zip_prefix', type: 'varchar', length: 5 })
  zipPrefix: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;
}
