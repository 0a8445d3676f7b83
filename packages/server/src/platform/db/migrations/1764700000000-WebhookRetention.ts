import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Finished webhook deliveries by age, for the `webhook-cleanup` job (WEBHOOK_RETENTION_DAYS). */
export class WebhookRetention1764700000000 implements MigrationInterface {
  name = 'WebhookRetention1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX webhook_deliveries_finished_idx ON webhook_deliveries (created_at) WHERE status <> 'PENDING'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX webhook_deliveries_finished_idx`);
  }
}
