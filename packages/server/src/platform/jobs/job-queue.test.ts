import { Client } from 'pg';
import { createTestDatabase } from '../../../test/db';
import { createLogger } from '../logger';
import { JobDb } from './job-db';
import { JobQueue, type JobDefinition } from './job-queue';

/** More queues than the queue's connections: at a stop, some workers' fetches wait for a connection. */
const QUEUES = 12;
const logger = createLogger('silent');
let db: { url: string; drop(): Promise<void> };

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

function definitions(onRun: (name: string) => void = () => {}): JobDefinition<object>[] {
  return Array.from({ length: QUEUES }, (_, i) => ({
    name: `test-queue-${i}`,
    description: 'says that it ran',
    run: async () => {
      onRun(`test-queue-${i}`);
      return { ok: true };
    },
  }));
}

async function jobConnections(): Promise<number> {
  const client = new Client({ connectionString: db.url });
  client.on('error', () => {});
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'crm-jobs'`,
    );
    return rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}

it('stops with no statement left running or waiting, even when every connection was busy at the stop', async () => {
  let ran!: (name: string) => void;
  const first = new Promise<string>((resolve) => (ran = resolve));
  const recorded: string[] = [];
  const queue = await JobQueue.start(db.url, logger, definitions((name) => ran(name)), {
    work: true,
    pollingIntervalSeconds: 0.5,
    recordRun: async (run) => {
      recorded.push(run.name);
    },
  });
  const sql = queue.db.getDb() as unknown as JobDb;
  expect(sql).toBeInstanceOf(JobDb);
  await queue.send('test-queue-3', {});
  expect(await first).toBe('test-queue-3');

  // Every connection busy: the workers' next fetches queue behind these.
  const holds = Array.from({ length: 4 }, () => sql.executeSql('SELECT pg_sleep(0.4)'));
  await queue.stop();

  expect(sql.pending).toBe(0);
  await expect(Promise.all(holds)).resolves.toHaveLength(4);
  expect(await jobConnections()).toBe(0);
  // The job's run was recorded before stop() returned.
  expect(recorded).toEqual(['test-queue-3']);
});

it('a queue that only sends stops at once and leaves no connection', async () => {
  const queue = await JobQueue.start(db.url, logger, definitions(), { work: false });
  expect(await queue.send('test-queue-0', { a: 1 })).toEqual(expect.any(String));
  await queue.stop();
  expect(await jobConnections()).toBe(0);
});
