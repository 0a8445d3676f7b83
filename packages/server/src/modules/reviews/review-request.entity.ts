import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { MessageChannel, ReviewRequestCancelReason } from '../../generated/graphql';

/** What the table stores; the API's status adds SCHEDULED, SENT and EXPIRED from the messages and the clock. */
export type StoredRequestStatus = 'PENDING' | 'ANSWERED' | 'NOT_SENT' | 'CANCELLED';

/**
 * A request to a customer to rate a completed project (one per project). Its messages (the request and its
 * reminders) are queued together when it is made; the customer answers through a token of which only the SHA-256
 * is kept here.
 */
@Entity('review_requests')
export class ReviewRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ name: 'customer_id', type: 'uuid', nullable: true })
  customerId: string | null;

  @Column({ name: 'team_id', type: 'uuid', nullable: true })
  teamId: string | null;

  @Column({ name: 'token_hash', type: 'bytea', nullable: true, select: false })
  tokenHash: Buffer | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  channel: MessageChannel | null;

  @Column({ type: 'varchar', length: 12 })
  status: StoredRequestStatus;

  @Column({ name: 'not_sent_reason', type: 'varchar', length: 300, nullable: true })
  notSentReason: string | null;

  /** With CANCELLED: why it was withdrawn before its first message went out. */
  @Column({ name: 'cancel_reason', type: 'varchar', length: 20, nullable: true })
  cancelReason: ReviewRequestCancelReason | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', precision: 3, nullable: true })
  cancelledAt: Date | null;

  /** The request's message first, then its reminders. */
  @Column({ name: 'message_ids', type: 'uuid', array: true, default: () => "'{}'" })
  messageIds: string[];

  @Column({ name: 'send_at', type: 'timestamptz', precision: 3 })
  sendAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz', precision: 3 })
  expiresAt: Date;

  @Column({ name: 'answered_at', type: 'timestamptz', precision: 3, nullable: true })
  answeredAt: Date | null;

  @Column({ type: 'smallint', nullable: true })
  rating: number | null;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ name: 'review_id', type: 'uuid', nullable: true })
  reviewId: string | null;

  /** Leads created from the rating page's referral form. */
  @Column({ type: 'smallint', default: 0 })
  referrals: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdById: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  updatedAt: Date;
}
