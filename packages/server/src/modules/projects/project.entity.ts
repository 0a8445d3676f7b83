import { Column, Entity } from 'typeorm';
import { CustomerRecordEntity } from '../customers/customer-record.entity';
import type { ProjectStatus, ProjectType } from '../../generated/graphql';

@Entity('projects')
export class ProjectEntity extends CustomerRecordEntity {
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'project_type', type: 'varchar', length: 30 })
  projectType: ProjectType;

  @Column({ type: 'varchar', length: 20 })
  status: ProjectStatus;

  /** Decimal string. */
  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true })
  budget: string | null;

  /** Decimal string. */
  @Column({ name: 'actual_cost', type: 'numeric', precision: 12, scale: 2 })
  actualCost: string;

  /** `YYYY-MM-DD`. */
  @Column({ name: 'start_date', type: 'date', nullable: true })
  startDate: string | null;

  /** `YYYY-MM-DD`. */
  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate: string | null;

  @Column({ name: 'completion_percentage', type: 'smallint' })
  completionPercentage: number;

  @Column({ name: 'team_id', type: 'uuid', nullable: true })
  teamId: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdById: string | null;
}
