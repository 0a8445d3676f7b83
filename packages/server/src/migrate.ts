import { ConfigError, loadConfig } from './platform/config';
import { createDataSource, openDatabase } from './platform/db/data-source';
import { locateDatabase } from './platform/db/database';
import { withSetupLock } from './platform/db/setup-lock';
import { createLogger } from './platform/logger';
import { entities } from './modules';

/**
 * `pnpm migrate` (`node dist/migrate.js` in the image): brings the database schema up to date and exits — the
 * one-shot step a deployment runs before its API processes (docker-compose's `migrate` service, the systemd unit's
 * ExecStartPre). Same configuration as the server (DATABASE_URL, or the embedded database under DATA_DIR). The server
 * migrates at start as well, under the same lock, so running both is safe. Exit codes: 0 done, 78 bad configuration,
 * 1 failed.
 */
async function migrate(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const db = await locateDatabase(config, logger);
  try {
    const ds = createDataSource({ url: db.url, poolSize: 2, logger, entities, applicationName: 'crm-migrate' });
    await withSetupLock(db.url, logger, () => openDatabase(ds, logger));
    const applied = (await ds.query('SELECT count(*)::int AS n FROM schema_migrations')) as Array<{ n: number }>;
    await ds.destroy();
    logger.info({ migrations: applied[0]?.n }, 'database schema up to date');
  } finally {
    await db.stop();
  }
}

migrate().then(
  () => process.exit(0),
  (err: unknown) => {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    process.stderr.write(`migrate failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
