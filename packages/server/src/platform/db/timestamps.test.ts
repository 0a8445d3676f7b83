import { Client } from 'pg';
import { parseAnyTimestamp as postgresDate, parseTimestamptz } from './timestamps';

/**
 * The fast parser agrees with pg's own (postgres-date) on what PostgreSQL itself prints: a year of instants at odd
 * offsets and precisions, in time zones with whole-hour, half-hour and negative offsets, plus the edge forms.
 */
describe('parseTimestamptz', () => {
  let pg: Client;
  beforeAll(async () => {
    pg = new Client({ connectionString: process.env.DATABASE_URL });
    await pg.connect();
  });
  afterAll(() => pg.end());

  it.each(['UTC', 'Asia/Kolkata', 'America/Los_Angeles', 'Asia/Kathmandu'])('matches postgres-date on PostgreSQL output in %s', async (zone) => {
    await pg.query(`SET TIME ZONE '${zone}'`);
    const { rows } = await pg.query<{ t: string }>(
      `SELECT (timestamptz '2026-01-01 00:00:00Z' + n * interval '7 hours 13 minutes 17.123456 seconds')::text AS t
         FROM generate_series(0, 1500) AS n
       UNION ALL SELECT (timestamptz '1999-12-31 23:59:59.5Z')::text
       UNION ALL SELECT (timestamptz '2026-06-01 12:00:00Z')::timestamptz(0)::text`,
    );
    for (const { t } of rows) expect(parseTimestamptz(t).getTime()).toBe((postgresDate(t) as Date).getTime());
  });

  it.each(['infinity', '-infinity', '0044-03-15 12:00:00+00 BC', '1880-01-01 00:00:00+00:53:28'])('falls back to pg for %s', (t) => {
    expect(parseTimestamptz(t)).toEqual(postgresDate(t));
  });
});
