import type { MigrationInterface, QueryRunner } from 'typeorm';

/** API keys (partner and company), their daily usage, and partners' own references on referrals (issue 13). */
export class ApiKeys1764460000000 implements MigrationInterface {
  name = 'ApiKeys1764460000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(100) NOT NULL,
        prefix varchar(13) NOT NULL UNIQUE,
        secret_hash bytea NOT NULL,
        previous_hash bytea,
        previous_valid_until timestamptz(3),
        partner_id uuid REFERENCES partners(id) ON DELETE CASCADE,
        scopes text[] NOT NULL CHECK (cardinality(scopes) > 0),
        allow_free_form boolean NOT NULL DEFAULT false,
        rate_limit_per_minute integer NOT NULL CHECK (rate_limit_per_minute BETWEEN 1 AND 6000),
        cost_per_minute integer NOT NULL CHECK (cost_per_minute BETWEEN 100 AND 1000000),
        expires_at timestamptz(3),
        last_used_at timestamptz(3),
        last_used_ip varchar(64),
        revoked_at timestamptz(3),
        revoked_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX api_keys_created_idx ON api_keys (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX api_keys_partner_idx ON api_keys (partner_id)`);
    await q.query(`
      CREATE TABLE api_usage (
        key_id uuid NOT NULL REFERENCES api_keys(id) ON DELETE CASCADE,
        day date NOT NULL,
        operation varchar(100) NOT NULL,
        count integer NOT NULL DEFAULT 0,
        errors integer NOT NULL DEFAULT 0,
        cost bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (key_id, day, operation)
      )`);
    await q.query(`CREATE INDEX api_usage_day_idx ON api_usage (day DESC)`);
    await q.query(`ALTER TABLE leads ADD COLUMN partner_reference varchar(100)`);
    await q.query(`CREATE UNIQUE INDEX leads_partner_reference_idx ON leads (referred_partner_id, partner_reference) WHERE partner_reference IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX leads_partner_reference_idx');
    await q.query('ALTER TABLE leads DROP COLUMN partner_reference');
    await q.query('DROP TABLE api_usage');
    await q.query('DROP TABLE api_keys');
  }
}
