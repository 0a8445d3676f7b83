import { parseArgs } from 'node:util';
import { loadConfig } from '../platform/config';
import { entities } from '../modules';
import { createDataSource, openDatabase } from '../platform/db/data-source';
import { locateDatabase } from '../platform/db/database';
import { createLogger } from '../platform/logger';
import { UserEntity } from '../modules/users/user.entity';
import { createObjectStorage } from '../platform/storage/create-storage';
import { printDemoLogins, seedDemo } from './demo';
import { seedDemoPartnerKey } from './demo-api-key';
import { seedScale } from './scale';

const USAGE = `Usage: pnpm seed [--reset] [--scale N [--batch M]]
  Seeds the demo company into DATABASE_URL (or the embedded database under DATA_DIR).
  --reset      delete all existing data first
  --scale N    add about N customers, 2N leads, N/2 projects, N appointments and 10N interactions for the
               existing teams (the demo company is created first when there are no users); can be repeated
  --batch M    customers per batch (transaction) with --scale (default 20000)`;

function positive(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} needs a positive whole number, got "${value}"`);
  return n;
}

async function run(): Promise<void> {
  const { values } = parseArgs({
    options: {
      reset: { type: 'boolean' },
      scale: { type: 'string' },
      batch: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const scale = positive('--scale', values.scale);
  const batchSize = positive('--batch', values.batch);
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const db = await locateDatabase(config, logger);
  const ds = createDataSource({ url: db.url, poolSize: 2, logger, entities });
  try {
    await openDatabase(ds, logger);
    if (values.reset) {
      const tables = ds.entityMetadatas.map((m) => `"${m.tableName}"`).join(', ');
      await ds.query(`TRUNCATE ${tables} RESTART IDENTITY CASCADE`);
      logger.info('deleted all data');
    }
    const empty = (await ds.getRepository(UserEntity).count()) === 0;
    if (empty) {
      printDemoLogins(await seedDemo(ds, logger, { companyName: config.company.name, publicUrl: config.messaging.publicUrl }, createObjectStorage(config.files)), await seedDemoPartnerKey(ds));
    } else if (!scale) {
      process.stdout.write('The database already has users; run `pnpm seed --reset` to wipe it and seed again.\n');
      return;
    }
    if (scale) await seedScale(ds, scale, { batchSize });
  } finally {
    await ds.destroy();
    await db.stop();
  }
}

run().catch((err) => {
  process.stderr.write(`seed failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
