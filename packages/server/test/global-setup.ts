import path from 'node:path';
import Redis from 'ioredis';
import PgBoss from 'pg-boss';
import pino from 'pino';
import { entities } from '../src/modules';
import { createDataSource, openDatabase } from '../src/platform/db/data-source';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/platform/db/embedded';
import { adminQuery, databaseUrl } from './db';

declare global {
  var __EMBEDDED_PG__: EmbeddedDatabase | undefined;
}

/**
 * Real PostgreSQL for every test: DATABASE_URL when set (CI), otherwise an embedded one under .data/.
 * Builds one migrated template database that each test file clones.
 */
export default async function globalSetup(): Promise<void> {
  const logger = pino({ level: 'warn' });
  const ci = process.env.CI === 'true';
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    if (ci) throw new Error('CI=true: set DATABASE_URL to the PostgreSQL server the tests must use');
    const dir = path.resolve(__dirname, '../../../.data/test-postgres');
    globalThis.__EMBEDDED_PG__ = await startEmbeddedPostgres(dir, 54339, logger);
    adminUrl = globalThis.__EMBEDDED_PG__.adminUrl;
  }
  process.env.TEST_ADMIN_DATABASE_URL = adminUrl;
  const template = `crm_test_${process.pid}`;
  process.env.TEST_TEMPLATE_DATABASE = template;

  try {
    await adminQuery(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await adminQuery(`CREATE DATABASE "${template}"`);
  } catch (err) {
    throw new Error(`PostgreSQL at ${adminUrl.replace(/\/\/[^@]*@/, '//')} is unreachable or refused: ${String(err)}`);
  }
  const ds = createDataSource({ url: databaseUrl(template), poolSize: 1, logger, entities });
  await openDatabase(ds, logger);
  await ds.destroy();
  // Install the job queue's schema once in the template, so each test database starts with it.
  const boss = new PgBoss({ connectionString: databaseUrl(template), schema: 'pgboss', supervise: false, schedule: false });
  await boss.start();
  await boss.stop({ graceful: false, wait: true });

  if (process.env.REDIS_URL) {
    const redis = new Redis(process.env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
    try {
      await redis.connect();
      await redis.ping();
    } catch (err) {
      throw new Error(`Redis at ${process.env.REDIS_URL} is unreachable: ${String(err)}`);
    } finally {
      redis.disconnect();
    }
  } else if (ci) {
    throw new Error('CI=true: set REDIS_URL to the Redis server the tests must use');
  }
}
