import type { MigrationInterface, QueryRunner } from 'typeorm';

const ts = 'timestamptz(3)';

/** Scoring, assignment, notifications, alerts and analytics snapshots. (pg-boss keeps its own `pgboss` schema.) */
export class Workflows1764000000000 implements MigrationInterface {
  name = 'Workflows1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE settings (
        key varchar(100) PRIMARY KEY,
        value jsonb NOT NULL,
        updated_at ${ts} NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES users (id) ON DELETE SET NULL
      )`);

    await q.query(`ALTER TABLE leads ADD COLUMN score_factors jsonb NOT NULL DEFAULT '[]', ADD COLUMN scored_at ${ts}`);
    await q.query(`CREATE INDEX leads_open_scored_idx ON leads (scored_at) WHERE deleted_at IS NULL AND status NOT IN ('WON', 'LOST')`);

    await q.query(`
      ALTER TABLE teams
        ADD COLUMN assignment_strategy varchar(20) NOT NULL DEFAULT 'ROUND_ROBIN'
          CHECK (assignment_strategy IN ('ROUND_ROBIN', 'LEAST_OPEN_LEADS', 'TERRITORY')),
        ADD COLUMN round_robin_last_user_id uuid REFERENCES users (id) ON DELETE SET NULL`);
    await q.query(`ALTER TABLE users ADD COLUMN last_lead_assigned_at ${ts}`);
    await q.query(`
      CREATE TABLE territories (
        team_id uuid NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
        zip_prefix varchar(5) NOT NULL CHECK (zip_prefix ~ '^[0-9]{1,5}$'),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        PRIMARY KEY (team_id, zip_prefix)
      )`);

    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recipient_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        kind varchar(30) NOT NULL,
        title varchar(200) NOT NULL,
        body text,
        entity_type varchar(40),
        entity_id uuid,
        dedupe_key varchar(200) UNIQUE,
        read_at ${ts},
        created_at ${ts} NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX notifications_recipient_idx ON notifications (recipient_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX notifications_unread_idx ON notifications (recipient_id) WHERE read_at IS NULL`);

    await q.query(`
      CREATE TABLE alerts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(40) NOT NULL,
        severity varchar(10) NOT NULL CHECK (severity IN ('INFO', 'WARNING', 'CRITICAL')),
        title varchar(200) NOT NULL,
        body text,
        entity_type varchar(40),
        entity_id uuid,
        team_id uuid REFERENCES teams (id) ON DELETE SET NULL,
        dedupe_key varchar(200) NOT NULL,
        created_at ${ts} NOT NULL DEFAULT now(),
        resolved_at ${ts},
        resolved_by uuid REFERENCES users (id) ON DELETE SET NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX alerts_open_dedupe_key ON alerts (dedupe_key) WHERE resolved_at IS NULL`);
    await q.query(`CREATE INDEX alerts_open_idx ON alerts (created_at DESC) WHERE resolved_at IS NULL`);

    await q.query(`
      CREATE TABLE analytics_snapshots (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        snapshot_date date NOT NULL,
        metric_type varchar(100) NOT NULL,
        metric_value jsonb NOT NULL,
        created_at ${ts} NOT NULL DEFAULT now(),
        CONSTRAINT analytics_snapshots_unique UNIQUE (snapshot_date, metric_type)
      )`);
    await q.query(`CREATE INDEX analytics_snapshots_date_idx ON analytics_snapshots (snapshot_date DESC)`);

    // Dashboard widgets: pipeline by creation time and status, projects by creation time.
    await q.query(`CREATE INDEX leads_created_status_idx ON leads (created_at, status) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX projects_created_idx2 ON projects (created_at) WHERE deleted_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX projects_created_idx2`);
    await q.query(`DROP INDEX leads_created_status_idx`);
    for (const t of ['analytics_snapshots', 'alerts', 'notifications', 'territories', 'settings']) await q.query(`DROP TABLE ${t}`);
    await q.query(`ALTER TABLE users DROP COLUMN last_lead_assigned_at`);
    await q.query(`ALTER TABLE teams DROP COLUMN assignment_strategy, DROP COLUMN round_robin_last_user_id`);
    await q.query(`ALTER TABLE leads DROP COLUMN score_factors, DROP COLUMN scored_at`);
  }
}
