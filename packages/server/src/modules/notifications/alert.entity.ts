import { Column, CreateDateColumn, Entity } from 'typeorm';
import type { AlertKind, AlertSeverity } from '../../generated/graphql';
import { NoticeEntity } from './notice.entity';

@Entity('alerts')
export class AlertEntity extends NoticeEntity {
  @Column({ type: 'varchar', length: 40 })
  kind: AlertKind;

  @Column({ type: 'varchar', length: 10 })
  severity: AlertSeverity;

  @Column({ name: 'team_id', type: 'uuid', nullable: true })
  teamId: string | null;

  /** One open alert per condition, e.g. `PROJECT_OVER_BUDGET:<project id>`. */
  @Column({ name: 'dedupe_key', type: 'varchar', length: 200 })
  dedupeKey: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', precision: 3, nullable: true })
  resolvedAt: Date | null;

  @Column({ name: 'resolved_by', type: 'uuid', nullable: true })
  resolvedById: string | null;
}
