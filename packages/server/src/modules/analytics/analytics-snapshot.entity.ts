import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One metric's value for one day (company total plus per-team and per-sales-member breakdowns in `metricValue`). */
@Entity('analytics_snapshots')
export class AnalyticsSnapshotEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** `YYYY-MM-DD`. */
  @Column({ name: 'snapshot_date', type: 'date' })
  snapshotDate: string;

  @Column({ name: 'metric_type', type: 'varchar', length: 100 })
  metricType: string;

  @Column({ name: 'metric_value', type: 'jsonb' })
  metricValue: { total: number; teams?: Record<string, number>; users?: Record<string, number> };

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
