import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The keyset index of `apiUsageRows`: newest day first, then key and operation (`(day, key_id, operation) < (…)`
 * starts the scan at the cursor). It replaces the index on the day alone, which it leads with, so each counted request
 * still updates two indexes.
 */
export class ApiUsagePages1764740000000 implements MigrationInterface {
  name = 'ApiUsagePages1764740000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX api_usage_page_idx ON api_usage (day DESC, key_id DESC, operation DESC)`);
    await q.query(`DROP INDEX api_usage_day_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX api_usage_day_idx ON api_usage (day DESC)`);
    await q.query(`DROP INDEX api_usage_page_idx`);
  }
}
