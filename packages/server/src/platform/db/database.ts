import path from 'node:path';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { ensureDatabase, startEmbeddedPostgres } from './embedded';

export interface DatabaseLocation {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** DATABASE_URL when set; otherwise an embedded PostgreSQL with its data under DATA_DIR/postgres. */
export async function locateDatabase(config: Config, logger: Logger): Promise<DatabaseLocation> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: false, stop: async () => {} };
  const pg = await startEmbeddedPostgres(path.join(config.dataDir, 'postgres'), config.embeddedPgPort, logger, config.embeddedPgSystemDir);
  await ensureDatabase(pg.adminUrl, 'crm');
  return { url: pg.url('crm'), embedded: true, stop: pg.stop };
}
