import { Column, CreateDateColumn, Entity } from 'typeorm';
import type { NotificationKind } from '../../generated/graphql';
import { NoticeEntity } from './notice.entity';

@Entity('notifications')
export class NotificationEntity extends NoticeEntity {
  @Column({ name: 'recipient_id', type: 'uuid' })
  recipientId: string;

  @Column({ type: 'varchar', length: 30 })
  kind: NotificationKind;

  /** Makes creation idempotent (e.g. one 24-hour reminder per appointment). */
  @Column({ name: 'dedupe_key', type: 'varchar', length: 200, nullable: true })
  dedupeKey: string | null;

  @Column({ name: 'read_at', type: 'timestamptz', precision: 3, nullable: true })
  readAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
