import type { MigrationInterface, QueryRunner } from 'typeorm';

const ts = 'timestamptz(3)';

/**
 * Tables (issue 17): each user's columns, order and density per list table, and saved views (a named filter and order
 * of a list table, personal or shared with the owner's team; names unique per owner and table, case-insensitively).
 */
export class TablePreferencesAndSavedViews1764600000000 implements MigrationInterface {
  name = 'TablePreferencesAndSavedViews1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE table_preferences (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        table_key varchar(40) NOT NULL,
        columns jsonb NOT NULL DEFAULT '[]',
        density varchar(12) NOT NULL DEFAULT 'COMPACT' CHECK (density IN ('COMPACT', 'COMFORTABLE')),
        updated_at ${ts} NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, table_key)
      )`);
    await q.query(`
      CREATE TABLE saved_views (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        table_key varchar(40) NOT NULL,
        name varchar(80) NOT NULL,
        filter jsonb NOT NULL DEFAULT '[]',
        sort_field varchar(40),
        sort_direction varchar(4) CHECK (sort_direction IN ('ASC', 'DESC')),
        shared boolean NOT NULL DEFAULT false,
        owner_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        team_id uuid REFERENCES teams (id) ON DELETE SET NULL,
        created_at ${ts} NOT NULL DEFAULT now(),
        updated_at ${ts} NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX saved_views_owner_name_idx ON saved_views (owner_id, table_key, lower(name))`);
    await q.query(`CREATE INDEX saved_views_team_idx ON saved_views (team_id, table_key) WHERE shared`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE saved_views`);
    await q.query(`DROP TABLE table_preferences`);
  }
}
