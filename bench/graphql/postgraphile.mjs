// PostGraphile 5 (amber preset, pg adaptor) over the same database as our server: the peer of bench/graphql/run.ts.
// Plain Node, no tsx: `node bench/graphql/postgraphile.mjs` with DATABASE_URL and PORT (HOST, default 127.0.0.1).
// Adds two condition fields our server has equivalents of, both plain SQL on the table: `active` (deleted_at IS NULL,
// what our lists do for rows in the trash) and, on customers, `search` (our search box: `search_text LIKE %term%`).
// Every relation and column is exposed (see disablePlugins). No auth: PostGraphile runs as the connecting role and sees every row, as our admin does.

// PostGraphile 5 needs Node 22's Promise.withResolvers; on Node 20, polyfill it before the library loads.
if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = function withResolvers() {
    let resolve, reject;
    const promise = new this((res, rej) => ((resolve = res), (reject = rej)));
    return { promise, resolve, reject };
  };
}

const { createServer } = await import('node:http');
const { postgraphile } = await import('postgraphile');
const { grafserv } = await import('postgraphile/grafserv/node');
const { PostGraphileAmberPreset } = await import('postgraphile/presets/amber');
const { makePgService } = await import('postgraphile/adaptors/pg');
const { addPgTableCondition } = await import('postgraphile/utils');

const connectionString = process.env.DATABASE_URL;
if (!connectionString) throw new Error('set DATABASE_URL');
const port = Number(process.env.PORT ?? 5678);
const host = process.env.HOST ?? '127.0.0.1';
const poolSize = Number(process.env.DATABASE_POOL_SIZE ?? 10);

/** `deleted_at IS NULL` when true (our lists' default), `IS NOT NULL` when false. */
const active = (tableName) =>
  addPgTableCondition(
    { schemaName: 'public', tableName },
    'active',
    (build) => ({ type: build.graphql.GraphQLBoolean, description: 'Only rows not in the trash (true) or only trashed ones (false).' }),
    (value, { sql, sqlTableAlias }) =>
      value == null ? null : value ? sql`${sqlTableAlias}.deleted_at IS NULL` : sql`${sqlTableAlias}.deleted_at IS NOT NULL`,
  );

/** Our customer search box: the lower-cased `search_text` column LIKE `%term%` (wildcards escaped), trigram-indexed. */
const customerSearch = addPgTableCondition(
  { schemaName: 'public', tableName: 'customers' },
  'search',
  (build) => ({ type: build.graphql.GraphQLString, description: 'Matches name, e-mail, phone or address (case-insensitive, partial).' }),
  (value, { sql, sqlTableAlias }) => {
    const term = typeof value === 'string' ? value.trim().toLowerCase() : '';
    if (!term) return null;
    const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return sql`${sqlTableAlias}.search_text LIKE ${sql.value(like)}`;
  },
);

// A pg.Pool the adaptor uses, sized like our server's pool (DATABASE_POOL_SIZE, default 10).
const pg = (await import('pg')).default;
const pool = new pg.Pool({ connectionString, max: poolSize, application_name: 'postgraphile' });
pool.on('error', (err) => process.stderr.write(`postgraphile: idle connection failed: ${err.message}\n`));

const preset = {
  extends: [PostGraphileAmberPreset],
  plugins: [active('customers'), active('projects'), active('interactions'), customerSearch],
  // Amber offers relations, conditions and orderings only where an index backs them, and ignores partial indexes, so
  // Project.interactionsByProjectId (backed by the partial `interactions_project_time_idx`) would be missing. Without
  // this plugin every relation and column is offered; how a query runs does not change.
  disablePlugins: ['PgIndexBehaviorsPlugin'],
  pgServices: [makePgService({ pool, schemas: ['public'] })],
  grafserv: { port, host, watch: false, graphiql: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.on('error', (err) => {
  process.stderr.write(`postgraphile: ${err.stack ?? err}\n`);
  process.exit(1);
});
await serv.addTo(server);
await pgl.getSchema(); // build the schema before answering, so readiness means ready
server.listen(port, host, () => process.stdout.write(`postgraphile ready on http://${host}:${port}/graphql\n`));

const stop = async () => {
  server.close();
  await pgl.release();
  await pool.end();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
