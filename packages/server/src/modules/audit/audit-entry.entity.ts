import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AuditAction } from '../../generated/graphql';

export type AuditChanges = Record<string, { before: unknown; after: unknown }>;

/** One recorded mutation. Written in the same transaction as the change it describes. */
@Entity('audit_log')
export class AuditEntryEntity {
  /** bigserial, as a string. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ name: 'occurred_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  occurredAt: Date;

  /** The staff member who made the change; null for the system and for API keys. */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  /** The API key the change was made with (a partner's or an integration's); null for staff and the system. */
  @Column({ name: 'api_key_id', type: 'uuid', nullable: true })
  apiKeyId: string | null;

  @Column({ name: 'entity_type', type: 'varchar', length: 40 })
  entityType: string;

  @Column({ name: 'entity_id', type: 'uuid' })
  entityId: string;

  @Column({ type: 'varchar', length: 20 })
  action: AuditAction;

  @Column({ type: 'jsonb' })
  changes: AuditChanges;

  @Column({ name: 'team_id', type: 'uuid', nullable: true })
  teamId: string | null;

  @Column({ name: 'request_id', type: 'varchar', length: 100, nullable: true })
  requestId: string | null;
}
