import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { MessageChannel, MessagePurpose, MessageStatus } from '../../generated/graphql';

/** One outgoing e-mail or SMS: written in the caller's transaction, sent by the `message-send` job. */
@Entity('messages')
export class MessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 10 })
  channel: MessageChannel;

  @Column({ type: 'varchar', length: 20 })
  purpose: MessagePurpose;

  @Column({ type: 'varchar', length: 254 })
  recipient: string;

  @Column({ type: 'varchar', length: 60 })
  template: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  subject: string | null;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'text', nullable: true })
  html: string | null;

  @Column({ type: 'varchar', length: 12 })
  status: MessageStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'varchar', length: 20, nullable: true })
  provider: string | null;

  @Column({ name: 'provider_id', type: 'varchar', length: 200, nullable: true })
  providerId: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  error: string | null;

  @Column({ name: 'customer_id', type: 'uuid', nullable: true })
  customerId: string | null;

  @Column({ name: 'lead_id', type: 'uuid', nullable: true })
  leadId: string | null;

  @Column({ name: 'project_id', type: 'uuid', nullable: true })
  projectId: string | null;

  @Column({ name: 'team_id', type: 'uuid', nullable: true })
  teamId: string | null;

  /** Random, single purpose: `GET /unsubscribe/:token` turns the customer's opt-in for this channel off. */
  @Column({ name: 'unsubscribe_token', type: 'varchar', length: 64, nullable: true })
  unsubscribeToken: string | null;

  @Column({ name: 'send_after', type: 'timestamptz', precision: 3, nullable: true })
  sendAfter: Date | null;

  /** When the last attempt to send it started. */
  @Column({ name: 'attempted_at', type: 'timestamptz', precision: 3, nullable: true })
  attemptedAt: Date | null;

  /** While set and in the future, one `message-send` run holds it (no other sends it meanwhile). */
  @Column({ name: 'lease_until', type: 'timestamptz', precision: 3, nullable: true })
  leaseUntil: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', precision: 3, nullable: true })
  sentAt: Date | null;
}
