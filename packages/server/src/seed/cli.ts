import { parseArgs } from 'node:util';
import { loadConfig } from '../platform/config';
import { createDataSource, openDatabase } from '../platform/db/data-source';
import { locateDatabase } from '../platform/db/database';
import { createLogger } from '../platform/logger';
import { UserEntity } from '../modules/users/user.entity';
import { printDemoLogins, seedDemo } from './demo';

const USAGE = `Usage: pnpm seed [--reset]
  Seeds the demo company into DATABASE_URL (or the embedded database under DATA_DIR).
  --reset   delete all existing data first`;

async function run(): Promise<void> {
  const { values } = parseArgs({ options: { reset: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const db = await locateDatabase(config, logger);
  const ds = createDataSource({ url: db.url, poolSize: 2, logger });
  try {
    await openDatabase(ds, logger);
    if (values.reset) {
      const tables = ds.entityMetadatas.map((m) => `"${m.tableName}"`).join(', ');
      await ds.query(`TRUNCATE ${tables} RESTART IDENTITY CASCADE`);
      logger.info('deleted all data');
    } else if ((await ds.getRepository(UserEntity).count()) > 0) {
      process.stdout.write('The database already has users; run `pnpm seed --reset` to wipe it and seed again.\n');
      return;
    }
    printDemoLogins(await seedDemo(ds, logger));
  } finally {
    await ds.destroy();
    await db.stop();
  }
}

run().catch((err) => {
  process.stderr.write(`seed failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
