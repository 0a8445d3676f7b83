import type { MigrationInterface, QueryRunner } from 'typeorm';

/** LEAST_OPEN_LEADS counts each sales member's open leads on every create: index exactly those rows. */
export class AssignmentIndexes1764150000000 implements MigrationInterface {
  name = 'AssignmentIndexes1764150000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX leads_open_assignee_idx ON leads (assignee_id) WHERE deleted_at IS NULL AND status NOT IN ('WON', 'LOST')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX leads_open_assignee_idx`);
  }
}
