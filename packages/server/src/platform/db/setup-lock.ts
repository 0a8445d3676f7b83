import { Client } from 'pg';
import type { Logger } from '../logger';

/** pg advisory lock key of the start-up work (the outbox relay's is 7_300_451). */
const SETUP_LOCK_KEY = 7_300_452;

/**
 * Runs `work` (migrations, first-start data) while this process holds a session advisory lock of its own connection,
 * so processes that start at the same moment over one database do it one at a time: the first migrates, the others
 * wait, then find nothing left to do. The lock goes with the session, also when the process dies half-way.
 */
export async function withSetupLock<T>(url: string, logger: Logger, work: () => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, application_name: 'crm-setup' });
  client.on('error', () => {}); // a dropped connection surfaces as the failed query or the work's own error
  await client.connect();
  try {
    const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [SETUP_LOCK_KEY]);
    if (!rows[0]?.ok) {
      logger.info('another process is setting up this database (migrations, first-start data, job queues); waiting for it');
      await client.query('SELECT pg_advisory_lock($1)', [SETUP_LOCK_KEY]);
    }
    return await work();
  } finally {
    await client.end().catch(() => undefined); // ends the session, and the lock with it
  }
}
