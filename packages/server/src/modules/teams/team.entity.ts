import type { AssignmentStrategy } from '../../generated/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('teams')
export class TeamEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 80 })
  name: string;

  @Column({ name: 'manager_id', type: 'uuid', nullable: true })
  managerId: string | null;

  @Column({ name: 'assignment_strategy', type: 'varchar', length: 20, default: 'ROUND_ROBIN' })
  assignmentStrategy: AssignmentStrategy;

  /** The member who got the team's previous round-robin lead. */
  @Column({ name: 'round_robin_last_user_id', type: 'uuid', nullable: true })
  roundRobinLastUserId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
