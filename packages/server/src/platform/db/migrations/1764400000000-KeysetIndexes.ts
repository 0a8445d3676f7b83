import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One index per list ordering that had none, so a page deep in any list is one row comparison on an index
 * (`(key, id) < ($1, $2)` as its Index Cond) whatever `orderBy` says. A B-tree serves both directions, except for the
 * "missing last" orderings, whose key is a different expression per direction (the stand-in for a missing value sorts
 * last either way): those get one index each way. Active rows only (`deleted_at IS NULL`, the lists' standing filter);
 * the trash (admins and managers, `deleted: true`) is found through a small index of the deleted rows and sorted.
 * Orderings indexed earlier: customers by created/updated/name, leads by created/score, projects by created,
 * appointments by start, interactions by occurrence, the audit log, notifications and users.
 */
const INDEXES: Record<string, string> = {
  leads_updated_idx: `leads (updated_at DESC, id DESC) WHERE deleted_at IS NULL`,
  leads_value_desc_idx: `leads (COALESCE(estimated_value, '-1'::numeric) DESC, id DESC) WHERE deleted_at IS NULL`,
  leads_value_asc_idx: `leads (COALESCE(estimated_value, '100000000000'::numeric), id) WHERE deleted_at IS NULL`,
  leads_follow_up_desc_idx: `leads (COALESCE(next_follow_up_at, '-infinity'::timestamptz) DESC, id DESC) WHERE deleted_at IS NULL`,
  leads_follow_up_asc_idx: `leads (COALESCE(next_follow_up_at, 'infinity'::timestamptz), id) WHERE deleted_at IS NULL`,
  // Replaces projects_created_idx2 (created_at, same rows), which the planner preferred, leaving ties to a sort.
  projects_created_page_idx: `projects (created_at DESC, id DESC) WHERE deleted_at IS NULL`,
  projects_updated_idx: `projects (updated_at DESC, id DESC) WHERE deleted_at IS NULL`,
  projects_name_idx: `projects (name, id) WHERE deleted_at IS NULL`,
  projects_start_desc_idx: `projects (COALESCE(start_date, '-infinity'::date) DESC, id DESC) WHERE deleted_at IS NULL`,
  projects_start_asc_idx: `projects (COALESCE(start_date, 'infinity'::date), id) WHERE deleted_at IS NULL`,
  projects_budget_desc_idx: `projects (COALESCE(budget, '-1'::numeric) DESC, id DESC) WHERE deleted_at IS NULL`,
  projects_budget_asc_idx: `projects (COALESCE(budget, '10000000000'::numeric), id) WHERE deleted_at IS NULL`,
  appointments_created_idx: `appointments (created_at DESC, id DESC) WHERE deleted_at IS NULL`,
  interactions_created_idx: `interactions (created_at DESC, id DESC) WHERE deleted_at IS NULL`,
  notifications_unread_page_idx: `notifications (recipient_id, created_at DESC, id DESC) WHERE read_at IS NULL`,
  customers_trash_idx: `customers (deleted_at) WHERE deleted_at IS NOT NULL`,
  leads_trash_idx: `leads (deleted_at) WHERE deleted_at IS NOT NULL`,
  projects_trash_idx: `projects (deleted_at) WHERE deleted_at IS NOT NULL`,
  appointments_trash_idx: `appointments (deleted_at) WHERE deleted_at IS NOT NULL`,
  interactions_trash_idx: `interactions (deleted_at) WHERE deleted_at IS NOT NULL`,
};

export class KeysetIndexes1764400000000 implements MigrationInterface {
  name = 'KeysetIndexes1764400000000';

  async up(q: QueryRunner): Promise<void> {
    for (const [name, definition] of Object.entries(INDEXES)) await q.query(`CREATE INDEX ${name} ON ${definition}`);
    await q.query(`DROP INDEX projects_created_idx2`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX projects_created_idx2 ON projects (created_at) WHERE deleted_at IS NULL`);
    for (const name of Object.keys(INDEXES).reverse()) await q.query(`DROP INDEX ${name}`);
  }
}
