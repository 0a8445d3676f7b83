import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Transactional outbox for real-time events: rows are written in the same transaction as the change; the relay gives
 * each committed row a gap-free publish sequence (`seq`), publishes it and marks it published. A statement trigger
 * NOTIFYs the relay at commit time.
 */
export class Outbox1764200000000 implements MigrationInterface {
  name = 'Outbox1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox_events (
        id bigserial PRIMARY KEY,
        seq bigint UNIQUE,
        type varchar(40) NOT NULL,
        entity_id uuid,
        team_id uuid,
        recipient_id uuid,
        data jsonb NOT NULL DEFAULT '{}',
        occurred_at timestamptz(3) NOT NULL DEFAULT now(),
        published_at timestamptz(3)
      )`);
    await q.query(`CREATE INDEX outbox_unsequenced_idx ON outbox_events (id) WHERE seq IS NULL`);
    await q.query(`CREATE INDEX outbox_unpublished_idx ON outbox_events (seq) WHERE seq IS NOT NULL AND published_at IS NULL`);
    await q.query(`CREATE INDEX outbox_published_at_idx ON outbox_events (published_at)`);
    await q.query(`
      CREATE FUNCTION outbox_events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('outbox_events', '');
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER outbox_events_notify AFTER INSERT ON outbox_events
      FOR EACH STATEMENT EXECUTE FUNCTION outbox_events_notify()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outbox_events`);
    await q.query(`DROP FUNCTION outbox_events_notify()`);
  }
}
