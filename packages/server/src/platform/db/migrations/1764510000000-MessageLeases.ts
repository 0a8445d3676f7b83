import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Messages are claimed for one send at a time (`lease_until`), and the time of the last attempt is kept, so the sweeper
 * can hand a message whose job was lost (expired, archived) to a new job without ever sending it twice at once.
 */
export class MessageLeases1764510000000 implements MigrationInterface {
  name = 'MessageLeases1764510000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE messages ADD COLUMN attempted_at timestamptz(3), ADD COLUMN lease_until timestamptz(3)`);
    await q.query(`CREATE INDEX messages_queued_idx ON messages ((coalesce(send_after, created_at))) WHERE status = 'QUEUED'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX messages_queued_idx`);
    await q.query(`ALTER TABLE messages DROP COLUMN attempted_at, DROP COLUMN lease_until`);
  }
}
