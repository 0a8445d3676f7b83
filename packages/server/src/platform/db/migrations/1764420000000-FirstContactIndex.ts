import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A lead's first contact (`leads_refresh_first_contact`, run by the interactions triggers) is the earliest active
 * interaction of the lead: one index probe on this index. With only `interactions_lead_idx`, a plan made on stale
 * statistics (e.g. a large insert into a young table) combined it with `interactions_created_idx` for its
 * `deleted_at IS NULL` predicate and read that whole index once per lead: `seed --scale 100000` spent 6 minutes in
 * its first batch.
 */
export class FirstContactIndex1764420000000 implements MigrationInterface {
  name = 'FirstContactIndex1764420000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX interactions_lead_first_idx ON interactions (lead_id, occurred_at) WHERE deleted_at IS NULL AND lead_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX interactions_lead_first_idx`);
  }
}
