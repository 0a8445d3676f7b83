import type { MigrationInterface, QueryRunner } from 'typeorm';

const ts = 'timestamptz(3)';

/**
 * CSV imports (issue 17): the import (its file in 1 MB chunks, the column mapping, progress and counts), each row's
 * outcome for the dry run and the run, and the mapping each user last used per kind. Duplicates: the queue of
 * possible duplicate customers, the customer a merged one went into, and the indexes the matching reads (phone,
 * address, a lead's contact e-mail and phone, a partner's name).
 */
export class ImportsAndDuplicates1764520000000 implements MigrationInterface {
  name = 'ImportsAndDuplicates1764520000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(10) NOT NULL CHECK (kind IN ('CUSTOMER', 'LEAD', 'PARTNER')),
        status varchar(12) NOT NULL CHECK (status IN ('UPLOADING', 'UPLOADED', 'CHECKING', 'CHECKED', 'RUNNING', 'COMPLETED', 'FAILED')),
        file_name varchar(255) NOT NULL,
        size_bytes bigint NOT NULL DEFAULT 0,
        row_count integer NOT NULL DEFAULT 0,
        delimiter varchar(1) NOT NULL DEFAULT ',',
        headers jsonb NOT NULL DEFAULT '[]',
        samples jsonb NOT NULL DEFAULT '[]',
        mapping jsonb NOT NULL DEFAULT '[]',
        update_existing boolean NOT NULL DEFAULT true,
        team_id uuid REFERENCES teams (id) ON DELETE SET NULL,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        checked jsonb,
        processed_rows integer NOT NULL DEFAULT 0,
        created_count integer NOT NULL DEFAULT 0,
        updated_count integer NOT NULL DEFAULT 0,
        unchanged_count integer NOT NULL DEFAULT 0,
        rejected_count integer NOT NULL DEFAULT 0,
        failure varchar(500),
        started_at ${ts},
        finished_at ${ts},
        created_at ${ts} NOT NULL DEFAULT now(),
        updated_at ${ts} NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX imports_created_idx ON imports (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX imports_creator_idx ON imports (created_by, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX imports_team_idx ON imports (team_id)`);
    await q.query(`
      CREATE TABLE import_chunks (
        import_id uuid NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
        seq integer NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (import_id, seq)
      )`);
    await q.query(`
      CREATE TABLE import_rows (
        import_id uuid NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
        phase varchar(5) NOT NULL CHECK (phase IN ('CHECK', 'RUN')),
        row_number integer NOT NULL,
        outcome varchar(10) NOT NULL CHECK (outcome IN ('CREATE', 'UPDATE', 'UNCHANGED', 'REJECT')),
        record_id uuid,
        errors jsonb NOT NULL DEFAULT '[]',
        cells jsonb,
        PRIMARY KEY (import_id, phase, row_number)
      )`);
    await q.query(`CREATE INDEX import_rows_outcome_idx ON import_rows (import_id, phase, outcome, row_number)`);
    await q.query(`
      CREATE TABLE import_mappings (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        kind varchar(10) NOT NULL,
        columns jsonb NOT NULL,
        updated_at ${ts} NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, kind)
      )`);

    await q.query(`ALTER TABLE customers ADD COLUMN merged_into_id uuid REFERENCES customers (id) ON DELETE SET NULL`);
    await q.query(`CREATE INDEX customers_merged_into_idx ON customers (merged_into_id) WHERE merged_into_id IS NOT NULL`);
    await q.query(`CREATE INDEX customers_phone_idx ON customers (phone) WHERE phone IS NOT NULL`);
    await q.query(`CREATE INDEX customers_address_idx ON customers (lower(address_street), address_zip) WHERE address_street IS NOT NULL`);
    await q.query(`CREATE INDEX leads_contact_email_idx ON leads (lower(contact_email)) WHERE contact_email IS NOT NULL`);
    await q.query(`CREATE INDEX leads_contact_phone_idx ON leads (contact_phone) WHERE contact_phone IS NOT NULL`);
    await q.query(`CREATE INDEX leads_address_idx ON leads (lower(address_street), address_zip) WHERE address_street IS NOT NULL`);
    await q.query(`CREATE INDEX partners_lower_name_idx ON partners (lower(name))`);
    await q.query(`
      CREATE TABLE customer_duplicates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_a uuid NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
        customer_b uuid NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
        score real NOT NULL CHECK (score > 0 AND score <= 1),
        reasons text[] NOT NULL,
        found_at ${ts} NOT NULL DEFAULT now(),
        dismissed_at ${ts},
        dismissed_by uuid REFERENCES users (id) ON DELETE SET NULL,
        CHECK (customer_a < customer_b),
        UNIQUE (customer_a, customer_b)
      )`);
    await q.query(`CREATE INDEX customer_duplicates_queue_idx ON customer_duplicates (score DESC, id DESC) WHERE dismissed_at IS NULL`);
    await q.query(`CREATE INDEX customer_duplicates_b_idx ON customer_duplicates (customer_b)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE customer_duplicates');
    for (const index of ['partners_lower_name_idx', 'leads_address_idx', 'leads_contact_phone_idx', 'leads_contact_email_idx', 'customers_address_idx', 'customers_phone_idx']) {
      await q.query(`DROP INDEX ${index}`);
    }
    await q.query('ALTER TABLE customers DROP COLUMN merged_into_id');
    for (const t of ['import_mappings', 'import_rows', 'import_chunks', 'imports']) await q.query(`DROP TABLE ${t}`);
  }
}
