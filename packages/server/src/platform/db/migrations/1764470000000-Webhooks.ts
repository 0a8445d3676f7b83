import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Webhook endpoints, their deliveries and attempts, and how far the dispatcher has read the outbox (issue 14). */
export class Webhooks1764470000000 implements MigrationInterface {
  name = 'Webhooks1764470000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhook_endpoints (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        url text NOT NULL,
        description varchar(200),
        event_types text[] NOT NULL CHECK (cardinality(event_types) > 0),
        active boolean NOT NULL DEFAULT true,
        disabled_reason varchar(200),
        partner_id uuid REFERENCES partners(id) ON DELETE CASCADE,
        secret varchar(64) NOT NULL,
        previous_secret varchar(64),
        previous_valid_until timestamptz(3),
        consecutive_failures integer NOT NULL DEFAULT 0,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX webhook_endpoints_created_idx ON webhook_endpoints (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX webhook_endpoints_partner_idx ON webhook_endpoints (partner_id)`);
    await q.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        endpoint_id uuid NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
        event_id varchar(60) NOT NULL,
        event_type varchar(40) NOT NULL,
        payload text NOT NULL,
        status varchar(10) NOT NULL CHECK (status IN ('PENDING', 'SUCCEEDED', 'DEAD', 'SKIPPED')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT webhook_deliveries_event_key UNIQUE (endpoint_id, event_id)
      )`);
    await q.query(`CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (endpoint_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'PENDING'`);
    await q.query(`
      CREATE TABLE webhook_attempts (
        id bigserial PRIMARY KEY,
        delivery_id uuid NOT NULL REFERENCES webhook_deliveries(id) ON DELETE CASCADE,
        number integer NOT NULL,
        at timestamptz(3) NOT NULL DEFAULT now(),
        status_code integer,
        latency_ms integer NOT NULL,
        response_excerpt varchar(500),
        error varchar(200),
        succeeded boolean NOT NULL
      )`);
    await q.query(`CREATE INDEX webhook_attempts_delivery_idx ON webhook_attempts (delivery_id, id DESC)`);
    await q.query(`CREATE TABLE webhook_cursor (id smallint PRIMARY KEY CHECK (id = 1), last_seq bigint NOT NULL)`);
    // Events published before webhooks existed are not sent.
    await q.query(`INSERT INTO webhook_cursor (id, last_seq) SELECT 1, coalesce(max(seq), 0) FROM outbox_events`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE webhook_cursor');
    await q.query('DROP TABLE webhook_attempts');
    await q.query('DROP TABLE webhook_deliveries');
    await q.query('DROP TABLE webhook_endpoints');
  }
}
