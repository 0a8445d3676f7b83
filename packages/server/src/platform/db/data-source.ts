import { types } from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { Logger } from '../logger';
import { migrations } from './migrations';
import './timestamps';

// `date` columns stay `YYYY-MM-DD` strings (the GraphQL Date scalar) instead of local-midnight JS Dates.
types.setTypeParser(types.builtins.DATE, (v) => v);

export interface DataSourceParams {
  url: string;
  poolSize: number;
  /** How long a request waits for a free connection before it is refused as busy (pool-wait.ts). */
  poolWaitMs?: number;
  logger: Logger;
  /** Receives every SQL statement with its parameters; used by tests that count or explain queries. */
  onQuery?: (sql: string, parameters?: readonly unknown[]) => void;
  applicationName?: string;
  /** The TypeORM entities of every feature (`modules/index.ts`). */
  entities: DataSourceOptions['entities'];
}

export function createDataSource(p: DataSourceParams): DataSource {
  const options: DataSourceOptions = {
    type: 'postgres',
    url: p.url,
    entities: p.entities,
    migrations,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    logging: p.onQuery ? ['query'] : false,
    logger: p.onQuery
      ? {
          logQuery: (q, parameters) => p.onQuery?.(q, Array.isArray(parameters) ? parameters : undefined),
          logQueryError: () => {},
          logQuerySlow: () => {},
          logSchemaBuild: () => {},
          logMigration: () => {},
          log: () => {},
        }
      : undefined,
    applicationName: p.applicationName ?? 'crm-server',
    // JIT costs more than it saves on these OLTP and dashboard queries (measured: ~400 ms on the largest widget).
    extra: { max: p.poolSize, connectionTimeoutMillis: p.poolWaitMs ?? 10_000, statement_timeout: 30_000, options: '-c jit=off' },
    poolErrorHandler: (err: unknown) => p.logger.error({ err }, 'postgres pool error'),
  };
  return new DataSource(options);
}

/** Opens the pool and brings the schema up to date. */
export async function openDatabase(ds: DataSource, logger: Logger): Promise<void> {
  await ds.initialize();
  const applied = await ds.runMigrations({ transaction: 'each' });
  if (applied.length) logger.info({ migrations: applied.map((m) => m.name) }, 'applied migrations');
}
