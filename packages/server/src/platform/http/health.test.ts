import { adminQuery } from '../../../test/db';
import { useTestApp } from '../../../test/harness';

const { t } = useTestApp();

it('/healthz answers while the process is up', async () => {
  const res = await fetch(`${t.url}/healthz`);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ status: 'ok' });
});

it('/readyz reports a database outage and recovers', async () => {
  const ready = await fetch(`${t.url}/readyz`);
  expect(ready.status).toBe(200);
  expect(await ready.json()).toMatchObject({ status: 'ready', checks: { database: { status: 'up' } } });

  // Outage: the database refuses new connections and every open one is killed.
  await adminQuery(`ALTER DATABASE "${t.databaseName}" ALLOW_CONNECTIONS false`);
  await adminQuery(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${t.databaseName}'`);
  try {
    const down = await fetch(`${t.url}/readyz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: 'unavailable', checks: { database: { status: 'down' } } });
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  } finally {
    await adminQuery(`ALTER DATABASE "${t.databaseName}" ALLOW_CONNECTIONS true`);
  }
  const back = await fetch(`${t.url}/readyz`);
  expect(back.status).toBe(200);
});
