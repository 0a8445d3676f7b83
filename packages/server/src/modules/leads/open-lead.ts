/**
 * A lead still in the pipeline: not deleted, neither won nor lost. The one definition of "open" for SQL: the partial
 * indexes `leads_open_scored_idx` and `leads_open_assignee_idx` are built on exactly this predicate, so queries that
 * use it can use them (checked by open-lead.test.ts). `alias` is the leads table's alias in the query.
 */
export const openLead = (alias = 'leads') => `${alias}.deleted_at IS NULL AND ${alias}.status NOT IN ('WON', 'LOST')`;
