import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The lead columns dashboard widgets aggregate. */
const LEAD_FACTS = 'status, source, estimated_value, converted_project_id, first_contact_at';

/** Recomputes `first_contact_at` of the given leads; writes only the rows whose value changes. */
const REFRESH_FUNCTION = `
  CREATE FUNCTION leads_refresh_first_contact(lead_ids uuid[]) RETURNS void LANGUAGE sql AS $$
    UPDATE leads l SET first_contact_at = f.first_at
      FROM (SELECT x.id, (SELECT min(i.occurred_at) FROM interactions i
                           WHERE i.lead_id = x.id AND i.deleted_at IS NULL AND i.occurred_at >= x.created_at) AS first_at
              FROM leads x WHERE x.id = ANY(lead_ids)) f
     WHERE l.id = f.id AND l.first_contact_at IS DISTINCT FROM f.first_at
  $$`;

/** Statement-level trigger body: the leads touched by the statement's interaction rows (set-based for bulk inserts). */
const TRIGGER_FUNCTION = `
  CREATE FUNCTION interactions_first_contact() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'INSERT' THEN
      PERFORM leads_refresh_first_contact(ARRAY(SELECT DISTINCT lead_id FROM new_rows WHERE lead_id IS NOT NULL));
    ELSIF TG_OP = 'DELETE' THEN
      PERFORM leads_refresh_first_contact(ARRAY(SELECT DISTINCT lead_id FROM old_rows WHERE lead_id IS NOT NULL));
    ELSE
      PERFORM leads_refresh_first_contact(ARRAY(
        SELECT DISTINCT unnest(ARRAY[o.lead_id, n.lead_id]) FROM old_rows o JOIN new_rows n ON n.id = o.id
         WHERE o.lead_id IS DISTINCT FROM n.lead_id OR o.occurred_at <> n.occurred_at OR o.deleted_at IS DISTINCT FROM n.deleted_at));
    END IF;
    RETURN NULL;
  END $$`;

/**
 * Dashboard support. `leads.first_contact_at` is a rollup for the leaderboard's response time: the first
 * non-deleted interaction logged on the lead at or after its creation, kept current by triggers on interactions
 * (so every writer, including bulk seeds, maintains it). Plus covering indexes for the widgets over leads.
 */
export class DashboardIndexes1764100000000 implements MigrationInterface {
  name = 'DashboardIndexes1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE leads ADD COLUMN first_contact_at timestamptz(3)`);
    await q.query(REFRESH_FUNCTION);
    await q.query(TRIGGER_FUNCTION);
    await q.query(`CREATE TRIGGER interactions_first_contact_ins AFTER INSERT ON interactions
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION interactions_first_contact()`);
    await q.query(`CREATE TRIGGER interactions_first_contact_upd AFTER UPDATE ON interactions
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION interactions_first_contact()`);
    await q.query(`CREATE TRIGGER interactions_first_contact_del AFTER DELETE ON interactions
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION interactions_first_contact()`);
    await q.query(`
      UPDATE leads l SET first_contact_at = f.first_at
        FROM (SELECT i.lead_id, min(i.occurred_at) AS first_at FROM interactions i JOIN leads x ON x.id = i.lead_id
               WHERE i.deleted_at IS NULL AND i.occurred_at >= x.created_at GROUP BY i.lead_id) f
       WHERE l.id = f.lead_id`);

    // Covering indexes: the lead widgets of the company, of a team and of a sales member read only these.
    await q.query(`CREATE INDEX leads_dashboard_idx ON leads (created_at) INCLUDE (${LEAD_FACTS}, team_id, assignee_id) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX leads_team_dashboard_idx ON leads (team_id, created_at) INCLUDE (${LEAD_FACTS}, assignee_id) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX leads_assignee_dashboard_idx ON leads (assignee_id, created_at) INCLUDE (${LEAD_FACTS}, id) WHERE deleted_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of ['leads_assignee_dashboard_idx', 'leads_team_dashboard_idx', 'leads_dashboard_idx']) await q.query(`DROP INDEX ${index}`);
    for (const op of ['ins', 'upd', 'del']) await q.query(`DROP TRIGGER interactions_first_contact_${op} ON interactions`);
    await q.query(`DROP FUNCTION interactions_first_contact()`);
    await q.query(`DROP FUNCTION leads_refresh_first_contact(uuid[])`);
    await q.query(`ALTER TABLE leads DROP COLUMN first_contact_at`);
  }
}
