import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Daily aggregates the dashboard widgets read instead of scanning leads and projects (see
 * modules/analytics/aggregates.ts). Kept exact by triggers in the writing statement's own transaction, so every writer
 * (services, seeds, bulk SQL, cascades) maintains them and a change to a past day shows at once:
 *
 * - `dashboard_lead_days`: per scope (`c` company / `t` team / `u` assignee), UTC day of `created_at`, and dimension
 *   (`s` status, `o` source, `a` assignee): the live leads' count, wins, estimated value, revenue of the converted
 *   project (`leads.converted_revenue`), and first-contact count and seconds.
 * - `dashboard_project_days`: per scope (`c`, `t`, `u` sales member or crew), UTC day of `created_at`, status and
 *   whether the project came from a lead: the live projects' count, budgeted count, budget sum and on-budget count.
 * - `leads.converted_revenue`: the converted project's budget while it counts as revenue (not deleted, not cancelled).
 * - `dashboard_project_users`: each live project's facts once per user it counts for (the assignee of its live lead,
 *   its crew), recomputed per project when the project, its crew or its lead changes.
 *
 * Sums are additive deltas (old rows out, new rows in), upserted in key order.
 */
const NIL = `'00000000-0000-0000-0000-000000000000'::uuid`;

/** A lead row's contributions (`r` has the leads columns plus `sign`). */
const leadFacts = (rows: string) => `
  SELECT s.kind, s.id AS scope_id, (r.created_at AT TIME ZONE 'UTC')::date AS day, d.dim, d.val,
         r.sign AS leads, r.sign * (r.status = 'WON')::int AS wins,
         r.sign * coalesce(r.estimated_value, 0) AS value, r.sign * coalesce(r.converted_revenue, 0) AS revenue,
         r.sign * (r.first_contact_at IS NOT NULL)::int AS responded,
         r.sign * coalesce(extract(epoch FROM r.first_contact_at - r.created_at), 0) AS response_seconds
    FROM (${rows}) r
   CROSS JOIN LATERAL (VALUES ('c', ${NIL}), ('t', r.team_id), ('u', r.assignee_id)) s(kind, id)
   CROSS JOIN LATERAL (VALUES ('s', r.status::text), ('o', r.source::text), ('a', r.assignee_id::text)) d(dim, val)
   WHERE r.deleted_at IS NULL AND s.id IS NOT NULL AND d.val IS NOT NULL`;

const upsertLeadFacts = (rows: string) => `
  INSERT INTO dashboard_lead_days AS t (scope_kind, scope_id, dim, day, val, leads, wins, value, revenue, responded, response_seconds)
  SELECT kind, scope_id, dim, day, val, sum(leads), sum(wins), sum(value), sum(revenue), sum(responded), sum(response_seconds)
    FROM (${leadFacts(rows)}) f
   GROUP BY kind, scope_id, dim, day, val
  HAVING sum(leads) <> 0 OR sum(wins) <> 0 OR sum(value) <> 0 OR sum(revenue) <> 0 OR sum(responded) <> 0 OR sum(response_seconds) <> 0
   ORDER BY kind, scope_id, dim, day, val
  ON CONFLICT (scope_kind, scope_id, dim, day, val) DO UPDATE SET
    leads = t.leads + EXCLUDED.leads, wins = t.wins + EXCLUDED.wins, value = t.value + EXCLUDED.value,
    revenue = t.revenue + EXCLUDED.revenue, responded = t.responded + EXCLUDED.responded,
    response_seconds = t.response_seconds + EXCLUDED.response_seconds`;

/** A project fact row's contributions (`r`: projects-like columns plus `sign`; `scopes`: its (kind, id) pairs). */
const projectFacts = (rows: string, scopes: string) => `
  SELECT s.kind, s.id AS scope_id, (r.created_at AT TIME ZONE 'UTC')::date AS day, r.status::text AS status,
         r.lead_id IS NOT NULL AS has_lead, r.sign AS projects, r.sign * (r.budget IS NOT NULL)::int AS budgeted,
         r.sign * coalesce(r.budget, 0) AS budget, r.sign * coalesce((r.actual_cost <= r.budget)::int, 0) AS on_budget
    FROM (${rows}) r CROSS JOIN LATERAL (VALUES ${scopes}) s(kind, id)
   WHERE s.id IS NOT NULL`;

const upsertProjectFacts = (rows: string, scopes: string) => `
  INSERT INTO dashboard_project_days AS t (scope_kind, scope_id, day, status, has_lead, projects, budgeted, budget, on_budget)
  SELECT kind, scope_id, day, status, has_lead, sum(projects), sum(budgeted), sum(budget), sum(on_budget)
    FROM (${projectFacts(rows, scopes)}) f
   GROUP BY kind, scope_id, day, status, has_lead
  HAVING sum(projects) <> 0 OR sum(budgeted) <> 0 OR sum(budget) <> 0 OR sum(on_budget) <> 0
   ORDER BY kind, scope_id, day, status, has_lead
  ON CONFLICT (scope_kind, scope_id, day, status, has_lead) DO UPDATE SET
    projects = t.projects + EXCLUDED.projects, budgeted = t.budgeted + EXCLUDED.budgeted,
    budget = t.budget + EXCLUDED.budget, on_budget = t.on_budget + EXCLUDED.on_budget`;

const PROJECT_SCOPES = `('c', ${NIL}), ('t', r.team_id)`;
const USER_SCOPES = `('u', r.user_id)`;

/** `o` and `n` (old and new row) differ in one of `columns`. */
const differs = (columns: string) => {
  const cols = columns.split(',').map((c) => c.trim());
  return `ROW(${cols.map((c) => `o.${c}`).join(', ')}) IS DISTINCT FROM ROW(${cols.map((c) => `n.${c}`).join(', ')})`;
};

/** Old rows out, new rows in; on UPDATE only the rows whose `columns` changed. */
const changedRows = (columns: string) => `WITH changed AS (SELECT o.id FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE ${differs(columns)})
    SELECT -1 AS sign, o.* FROM old_rows o WHERE o.id IN (SELECT id FROM changed)
    UNION ALL SELECT 1 AS sign, n.* FROM new_rows n WHERE n.id IN (SELECT id FROM changed)`;

/** A statement-level trigger function: one statement list per operation (UPDATE: none when omitted). */
const triggerFunction = (name: string, ops: { insert: string; delete: string; update?: string }) => `
  CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'INSERT' THEN
      ${ops.insert};
    ELSIF TG_OP = 'DELETE' THEN
      ${ops.delete};
    ELSE
      ${ops.update ?? 'NULL'};
    END IF;
    RETURN NULL;
  END $$`;

const LEAD_COLUMNS = 'created_at, deleted_at, team_id, assignee_id, status, source, estimated_value, converted_revenue, first_contact_at';
const PROJECT_COLUMNS = 'created_at, deleted_at, team_id, status, lead_id, budget, actual_cost';

/** `dashboard_project_users` rows of the given projects, as they are now. */
const PROJECT_USERS = (ids: string) => `
  SELECT p.id AS project_id, x.user_id, p.created_at, p.status, p.lead_id, p.budget, p.actual_cost
    FROM projects p
    CROSS JOIN LATERAL (
      SELECT l.assignee_id AS user_id FROM leads l WHERE l.id = p.lead_id AND l.deleted_at IS NULL AND l.assignee_id IS NOT NULL
      UNION SELECT pm.user_id FROM project_members pm WHERE pm.project_id = p.id) x
   WHERE p.id = ANY(${ids}) AND p.deleted_at IS NULL`;

const FUNCTIONS = [
  // The converted project's revenue, read (and share-locked, so a concurrent change of that project waits or is seen) when a lead points at it.
  `CREATE FUNCTION leads_converted_revenue() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    SELECT CASE WHEN p.deleted_at IS NULL AND p.status <> 'CANCELLED' THEN p.budget END INTO NEW.converted_revenue
      FROM projects p WHERE p.id = NEW.converted_project_id FOR SHARE;
    IF NEW.converted_project_id IS NULL THEN NEW.converted_revenue := NULL; END IF;
    RETURN NEW;
  END $$`,
  `CREATE FUNCTION dashboard_refresh_project_users(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
  BEGIN
    IF cardinality(ids) = 0 THEN RETURN; END IF;
    -- One refresh of a project at a time; its lead's assignee cannot change under it.
    PERFORM 1 FROM projects WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
    PERFORM 1 FROM leads WHERE id IN (SELECT lead_id FROM projects WHERE id = ANY(ids)) ORDER BY id FOR SHARE;
    DELETE FROM dashboard_project_users WHERE project_id = ANY(ids);
    INSERT INTO dashboard_project_users (project_id, user_id, created_at, status, lead_id, budget, actual_cost) ${PROJECT_USERS('ids')};
  END $$`,
  triggerFunction('dashboard_leads_changed', {
    insert: upsertLeadFacts('SELECT 1 AS sign, n.* FROM new_rows n'),
    delete: `${upsertLeadFacts('SELECT -1 AS sign, o.* FROM old_rows o')};
      PERFORM dashboard_refresh_project_users(ARRAY(SELECT p.id FROM projects p WHERE p.lead_id IN (SELECT id FROM old_rows)))`,
    // A lead's assignee and deletion decide whom its projects count for.
    update: `${upsertLeadFacts(changedRows(LEAD_COLUMNS))};
      PERFORM dashboard_refresh_project_users(ARRAY(
        SELECT p.id FROM projects p JOIN old_rows o ON o.id = p.lead_id JOIN new_rows n ON n.id = o.id WHERE ${differs('assignee_id, deleted_at')}))`,
  }),
  triggerFunction('dashboard_projects_changed', {
    insert: `${upsertProjectFacts('SELECT 1 AS sign, n.* FROM new_rows n WHERE n.deleted_at IS NULL', PROJECT_SCOPES)};
      PERFORM dashboard_refresh_project_users(ARRAY(SELECT id FROM new_rows))`,
    delete: `${upsertProjectFacts('SELECT -1 AS sign, o.* FROM old_rows o WHERE o.deleted_at IS NULL', PROJECT_SCOPES)};
      PERFORM dashboard_refresh_project_users(ARRAY(SELECT id FROM old_rows))`,
    // Leads converted into these projects: their revenue follows the project's budget, status and deletion.
    update: `${upsertProjectFacts(`SELECT * FROM (${changedRows(PROJECT_COLUMNS)}) c WHERE c.deleted_at IS NULL`, PROJECT_SCOPES)};
      UPDATE leads l SET converted_revenue = CASE WHEN n.deleted_at IS NULL AND n.status <> 'CANCELLED' THEN n.budget END
        FROM new_rows n
       WHERE l.converted_project_id = n.id
         AND l.converted_revenue IS DISTINCT FROM CASE WHEN n.deleted_at IS NULL AND n.status <> 'CANCELLED' THEN n.budget END;
      PERFORM dashboard_refresh_project_users(ARRAY(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE ${differs(PROJECT_COLUMNS)}))`,
  }),
  triggerFunction('dashboard_project_members_changed', {
    insert: 'PERFORM dashboard_refresh_project_users(ARRAY(SELECT DISTINCT project_id FROM new_rows))',
    delete: 'PERFORM dashboard_refresh_project_users(ARRAY(SELECT DISTINCT project_id FROM old_rows))',
    update: 'PERFORM dashboard_refresh_project_users(ARRAY(SELECT project_id FROM old_rows UNION SELECT project_id FROM new_rows))',
  }),
  triggerFunction('dashboard_project_users_changed', {
    insert: upsertProjectFacts('SELECT 1 AS sign, n.* FROM new_rows n', USER_SCOPES),
    delete: upsertProjectFacts('SELECT -1 AS sign, o.* FROM old_rows o', USER_SCOPES),
  }),
];

/** Statement-level AFTER triggers with transition tables, one per operation. */
function statementTriggers(table: string, fn: string, ops: Array<'INSERT' | 'UPDATE' | 'DELETE'> = ['INSERT', 'UPDATE', 'DELETE']): string[] {
  return ops.map((op) => {
    const refs = op === 'INSERT' ? 'NEW TABLE AS new_rows' : op === 'DELETE' ? 'OLD TABLE AS old_rows' : 'OLD TABLE AS old_rows NEW TABLE AS new_rows';
    return `CREATE TRIGGER ${fn}_${op.toLowerCase()} AFTER ${op} ON ${table} REFERENCING ${refs} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`;
  });
}

export class DashboardAggregates1764410000000 implements MigrationInterface {
  name = 'DashboardAggregates1764410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE leads ADD COLUMN converted_revenue numeric(12, 2)`);
    await q.query(`CREATE INDEX leads_converted_project_idx ON leads (converted_project_id) WHERE converted_project_id IS NOT NULL`);
    await q.query(`CREATE INDEX projects_lead_idx ON projects (lead_id) WHERE lead_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE dashboard_lead_days (
        scope_kind char(1) NOT NULL, scope_id uuid NOT NULL, dim char(1) NOT NULL, day date NOT NULL, val text NOT NULL,
        leads int NOT NULL, wins int NOT NULL, value numeric NOT NULL, revenue numeric NOT NULL,
        responded int NOT NULL, response_seconds numeric NOT NULL,
        PRIMARY KEY (scope_kind, scope_id, dim, day, val))`);
    await q.query(`
      CREATE TABLE dashboard_project_days (
        scope_kind char(1) NOT NULL, scope_id uuid NOT NULL, day date NOT NULL, status text NOT NULL, has_lead boolean NOT NULL,
        projects int NOT NULL, budgeted int NOT NULL, budget numeric NOT NULL, on_budget int NOT NULL,
        PRIMARY KEY (scope_kind, scope_id, day, status, has_lead))`);
    await q.query(`
      CREATE TABLE dashboard_project_users (
        project_id uuid NOT NULL, user_id uuid NOT NULL, created_at timestamptz(3) NOT NULL, status text NOT NULL,
        lead_id uuid, budget numeric(12, 2), actual_cost numeric(12, 2) NOT NULL,
        PRIMARY KEY (project_id, user_id))`);
    await q.query(`CREATE INDEX dashboard_project_users_user_idx ON dashboard_project_users (user_id, created_at)`);

    // Backfill, then the triggers (nothing else writes during a migration).
    await q.query(`
      UPDATE leads l SET converted_revenue = p.budget FROM projects p
       WHERE p.id = l.converted_project_id AND p.deleted_at IS NULL AND p.status <> 'CANCELLED' AND p.budget IS NOT NULL`);
    await q.query(upsertLeadFacts('SELECT 1 AS sign, l.* FROM leads l WHERE l.deleted_at IS NULL'));
    await q.query(upsertProjectFacts('SELECT 1 AS sign, p.* FROM projects p WHERE p.deleted_at IS NULL', PROJECT_SCOPES));
    await q.query(`INSERT INTO dashboard_project_users (project_id, user_id, created_at, status, lead_id, budget, actual_cost)
      ${PROJECT_USERS('ARRAY(SELECT id FROM projects)')}`);
    await q.query(upsertProjectFacts('SELECT 1 AS sign, u.* FROM dashboard_project_users u', USER_SCOPES));

    for (const f of FUNCTIONS) await q.query(f);
    await q.query(`CREATE TRIGGER leads_converted_revenue_ins BEFORE INSERT ON leads FOR EACH ROW
      WHEN (NEW.converted_project_id IS NOT NULL OR NEW.converted_revenue IS NOT NULL) EXECUTE FUNCTION leads_converted_revenue()`);
    await q.query(`CREATE TRIGGER leads_converted_revenue_upd BEFORE UPDATE ON leads FOR EACH ROW
      WHEN (NEW.converted_project_id IS DISTINCT FROM OLD.converted_project_id) EXECUTE FUNCTION leads_converted_revenue()`);
    for (const t of statementTriggers('leads', 'dashboard_leads_changed')) await q.query(t);
    for (const t of statementTriggers('projects', 'dashboard_projects_changed')) await q.query(t);
    for (const t of statementTriggers('project_members', 'dashboard_project_members_changed')) await q.query(t);
    for (const t of statementTriggers('dashboard_project_users', 'dashboard_project_users_changed', ['INSERT', 'DELETE'])) await q.query(t);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, fn] of [['leads', 'dashboard_leads_changed'], ['projects', 'dashboard_projects_changed'], ['project_members', 'dashboard_project_members_changed']]) {
      for (const op of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER ${fn}_${op} ON ${table}`);
    }
    await q.query(`DROP TRIGGER leads_converted_revenue_ins ON leads`);
    await q.query(`DROP TRIGGER leads_converted_revenue_upd ON leads`);
    await q.query(`DROP TABLE dashboard_project_users, dashboard_project_days, dashboard_lead_days`);
    for (const fn of ['dashboard_project_users_changed()', 'dashboard_project_members_changed()', 'dashboard_projects_changed()', 'dashboard_leads_changed()', 'dashboard_refresh_project_users(uuid[])', 'leads_converted_revenue()']) {
      await q.query(`DROP FUNCTION ${fn}`);
    }
    await q.query(`DROP INDEX projects_lead_idx`);
    await q.query(`DROP INDEX leads_converted_project_idx`);
    await q.query(`ALTER TABLE leads DROP COLUMN converted_revenue`);
  }
}
