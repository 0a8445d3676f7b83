import { Client } from 'pg';

/** Drops the template and any database a crashed test file left behind, then stops embedded PostgreSQL. */
export default async function globalTeardown(): Promise<void> {
  const template = process.env.TEST_TEMPLATE_DATABASE;
  const client = new Client({ connectionString: process.env.TEST_ADMIN_DATABASE_URL });
  client.on('error', () => {});
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${template}%`]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
  await globalThis.__EMBEDDED_PG__?.stop();
}
