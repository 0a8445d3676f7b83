import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A user assigned to a project's crew. */
@Entity('project_members')
export class ProjectMemberEntity {
  @PrimaryColumn({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'assigned_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  assignedAt: Date;
}
