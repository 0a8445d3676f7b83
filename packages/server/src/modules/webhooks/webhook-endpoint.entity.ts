import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * Where events are POSTed. The signing secret is kept as given to the receiver (HMAC needs it); it is never logged
 * and shown only when created or rotated. During a rotation's grace both secrets sign.
 */
@Entity('webhook_endpoints')
export class WebhookEndpointEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  url: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  description: string | null;

  @Column({ name: 'event_types', type: 'text', array: true })
  /** Event names (`lead.created`, …; webhook.payloads.ts). */
  eventTypes: string[];

  @Column({ type: 'boolean' })
  active: boolean;

  @Column({ name: 'disabled_reason', type: 'varchar', length: 200, nullable: true })
  disabledReason: string | null;

  /** Null for a company endpoint. */
  @Column({ name: 'partner_id', type: 'uuid', nullable: true })
  partnerId: string | null;

  @Column({ type: 'varchar', length: 64 })
  secret: string;

  @Column({ name: 'previous_secret', type: 'varchar', length: 64, nullable: true })
  previousSecret: string | null;

  @Column({ name: 'previous_valid_until', type: 'timestamptz', precision: 3, nullable: true })
  previousValidUntil: Date | null;

  @Column({ name: 'consecutive_failures', type: 'integer' })
  consecutiveFailures: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
