import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which API key made a change: a partner's referral, an adjuster's claim answer, a partner's webhook endpoint. Until
 * now those entries had no author at all, like a background job's. A change has a staff author or a key, never both.
 * Keys are revoked, not deleted; should one go (its partner removed by hand: `api_keys` cascade), the entry stays,
 * keyless, as entries of a removed user stay actorless. The index serves the log's `apiKeyId` filter.
 */
export class AuditApiKeys1764720000000 implements MigrationInterface {
  name = 'AuditApiKeys1764720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE audit_log
        ADD COLUMN api_key_id uuid REFERENCES api_keys (id) ON DELETE SET NULL,
        ADD CONSTRAINT audit_log_one_author CHECK (actor_id IS NULL OR api_key_id IS NULL)`);
    await q.query(`CREATE INDEX audit_log_api_key_idx ON audit_log (api_key_id, occurred_at DESC) WHERE api_key_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_log_api_key_idx`);
    await q.query(`ALTER TABLE audit_log DROP COLUMN api_key_id`);
  }
}
