import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { SoftDeletableEntity } from '../../platform/db/soft-deletable.entity';
import type { ReviewPlatform, ReviewStatus } from '../../generated/graphql';

@Entity('reviews')
export class ReviewEntity extends SoftDeletableEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 10 })
  platform: ReviewPlatform;

  /** Stars, 1 to 5. */
  @Column({ type: 'smallint' })
  rating: number;

  @Column({ type: 'text', nullable: true })
  text: string | null;

  @Column({ name: 'author_name', type: 'varchar', length: 200 })
  authorName: string;

  @Column({ name: 'posted_at', type: 'timestamptz', precision: 3 })
  postedAt: Date;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  url: string | null;

  @Column({ name: 'customer_id', type: 'uuid', nullable: true })
  customerId: string | null;

  @Column({ name: 'project_id', type: 'uuid', nullable: true })
  projectId: string | null;

  /** The project's team, else the customer's, else the recorder's (row rules). */
  @Column({ name: 'team_id', type: 'uuid', nullable: true })
  teamId: string | null;

  @Column({ type: 'varchar', length: 10 })
  status: ReviewStatus;

  @Column({ name: 'flag_reason', type: 'varchar', length: 1000, nullable: true })
  flagReason: string | null;

  @Column({ name: 'response_text', type: 'text', nullable: true })
  responseText: string | null;

  @Column({ name: 'responded_by', type: 'uuid', nullable: true })
  respondedById: string | null;

  @Column({ name: 'responded_at', type: 'timestamptz', precision: 3, nullable: true })
  respondedAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdById: string | null;
}
