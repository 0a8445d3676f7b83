import type { DataSource } from 'typeorm';
import type { Scope } from './scope';
import type { Viewer } from './viewer';

/** A row-level rule (a feature's `*Scope`), as services and loaders apply it. */
export type Rule = (viewer: Viewer, alias: string) => Scope;

/** The parameters a rule may take from its viewer (`scopeParams`), as columns of the audience's row per viewer. */
const PER_VIEWER: Record<string, { column: string; type: string }> = {
  scopeUserId: { column: 'v.scope_user_id', type: 'uuid' },
  scopeTeamIds: { column: 'v.scope_team_ids', type: 'uuid[]' },
};
const COLUMNS = Object.values(PER_VIEWER).map((p) => `${p.column.slice(2)} ${p.type}`).join(', ');

/**
 * Which of `viewers` a row-level rule lets see the row(s) of `source` (a FROM item aliased `e`, with its named
 * parameters), decided in one statement for all of them: each viewer's own rule, its SQL text exactly as a service
 * or loader would apply it, with the viewer's parameters read from a row per viewer instead of bound once. Viewers
 * whose rule is the same text share one branch. Used to authorize one live event for every subscriber at once.
 */
export async function audienceOf(ds: DataSource, viewers: readonly Viewer[], rule: Rule, source: { sql: string; params: Record<string, unknown> }): Promise<boolean[]> {
  const sees = new Set((await seeing(ds, viewers, rule, source, 'NULL')).map((r) => r.k));
  return viewers.map((_, k) => sees.has(k));
}

/**
 * `audienceOf` for many records in one statement (`source` yields rows with an `id`): by id, which of `viewers` may see
 * it (ids `source` did not yield are missing). Used to authorize a batch of live events at once.
 */
export async function audiencesOf(ds: DataSource, viewers: readonly Viewer[], rule: Rule, source: { sql: string; params: Record<string, unknown> }): Promise<Map<string, boolean[]>> {
  const byId = new Map<string, boolean[]>();
  for (const { k, id } of await seeing(ds, viewers, rule, source, 'e.id')) {
    let sees = byId.get(id!);
    if (!sees) byId.set(id!, (sees = viewers.map(() => false)));
    sees[k] = true;
  }
  return byId;
}

/** The (viewer, row id) pairs the rule allows, one statement (see `audienceOf`). */
async function seeing(ds: DataSource, viewers: readonly Viewer[], rule: Rule, source: { sql: string; params: Record<string, unknown> }, id: string) {
  if (!viewers.length) return [];
  const branches = new Map<string, number>();
  const rows = viewers.map((viewer, k) => {
    const scope = rule(viewer, 'e');
    const condition = scope ? perViewer(scope) : 'true';
    let g = branches.get(condition);
    if (g === undefined) branches.set(condition, (g = branches.size));
    const row: Record<string, unknown> = { k, g };
    for (const [name, p] of Object.entries(PER_VIEWER)) row[p.column.slice(2)] = scope?.params[name] ?? null;
    return row;
  });
  const cases = [...branches.keys()].map((condition, g) => `WHEN ${g} THEN (${condition})`).join(' ');
  const [sql, params] = ds.driver.escapeQueryWithParameters(
    `SELECT DISTINCT v.k, ${id}::text AS id FROM jsonb_to_recordset(CAST(:audience AS jsonb)) AS v(k int, g int, ${COLUMNS})
       CROSS JOIN ${source.sql} WHERE CASE v.g ${cases} END`,
    { ...source.params, audience: JSON.stringify(rows) },
  );
  return (await ds.query(sql, params)) as Array<{ k: number; id: string | null }>;
}

/** A rule's SQL with its viewer parameters (`:scopeUserId`, …) replaced by the audience row's columns. */
function perViewer(scope: NonNullable<Scope>): string {
  for (const name of Object.keys(scope.params)) {
    if (!PER_VIEWER[name]) throw new Error(`audienceOf: the rule takes a parameter (${name}) that is not the viewer's; decide it per viewer`);
  }
  return scope.sql.replace(/(?<![:\w]):(\.\.\.)?([A-Za-z_]\w*)/g, (match, spread: string | undefined, name: string) => {
    const p = PER_VIEWER[name];
    if (!p || !(name in scope.params)) return match;
    if (spread) throw new Error(`audienceOf: a spread parameter (${name}) cannot be taken per viewer`);
    return p.column;
  });
}
