import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ApiScope } from '../../generated/graphql';

/** An API key: only the SHA-256 of its secret is stored (and of the previous one, during a rotation's grace). */
@Entity('api_keys')
export class ApiKeyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** `crmk_` and 8 characters: the visible start of the key, unique, how a presented key is found. */
  @Column({ type: 'varchar', length: 13 })
  prefix: string;

  @Column({ name: 'secret_hash', type: 'bytea' })
  secretHash: Buffer;

  @Column({ name: 'previous_hash', type: 'bytea', nullable: true })
  previousHash: Buffer | null;

  @Column({ name: 'previous_valid_until', type: 'timestamptz', precision: 3, nullable: true })
  previousValidUntil: Date | null;

  /** Null for a company integration key. */
  @Column({ name: 'partner_id', type: 'uuid', nullable: true })
  partnerId: string | null;

  @Column({ type: 'text', array: true })
  scopes: ApiScope[];

  @Column({ name: 'allow_free_form', type: 'boolean' })
  allowFreeForm: boolean;

  @Column({ name: 'rate_limit_per_minute', type: 'integer' })
  rateLimitPerMinute: number;

  @Column({ name: 'cost_per_minute', type: 'integer' })
  costPerMinute: number;

  @Column({ name: 'expires_at', type: 'timestamptz', precision: 3, nullable: true })
  expiresAt: Date | null;

  @Column({ name: 'last_used_at', type: 'timestamptz', precision: 3, nullable: true })
  lastUsedAt: Date | null;

  @Column({ name: 'last_used_ip', type: 'varchar', length: 64, nullable: true })
  lastUsedIp: string | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', precision: 3, nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoked_by', type: 'uuid', nullable: true })
  revokedById: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

/** Where a key stands at `now`. */
export function keyStatus(key: Pick<ApiKeyEntity, 'revokedAt' | 'expiresAt'>, now = new Date()): 'ACTIVE' | 'EXPIRED' | 'REVOKED' {
  if (key.revokedAt) return 'REVOKED';
  if (key.expiresAt && key.expiresAt <= now) return 'EXPIRED';
  return 'ACTIVE';
}
