import { createApp } from './app';
import { loadSigningKeys } from './platform/auth/keys';
import { ConfigError, loadConfig, type Config } from './platform/config';
import { createDataSource, openDatabase } from './platform/db/data-source';
import { locateDatabase } from './platform/db/database';
import { withSetupLock } from './platform/db/setup-lock';
import { buildAppSchema } from './schema';
import { createLogger } from './platform/logger';
import { createJobDefinitions, entities } from './modules';
import { createCache, NoCache } from './platform/cache/cache';
import { DeferredJobSender, JobQueue } from './platform/jobs/job-queue';
import { createMessenger } from './platform/messaging/messenger';
import { createEventBus } from './platform/pubsub';
import { bootstrapData } from './seed/bootstrap';

function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
}

/** Resources to release if the boot fails half-way (an embedded PostgreSQL must not outlive us). */
const cleanups: Array<() => Promise<unknown>> = [];

async function main(): Promise<void> {
  const started = Date.now();
  const config = configOrExit();
  const logger = createLogger(config.logLevel);
  const schema = buildAppSchema();
  const db = await locateDatabase(config, logger);
  cleanups.push(db.stop);
  const ds = createDataSource({ url: db.url, poolSize: config.databasePoolSize, poolWaitMs: config.databasePoolWaitMs, logger, entities });
  // Migrations and first-start data one process at a time: replicas may start together over an empty database.
  const { seededDemo } = await withSetupLock(db.url, logger, async () => {
    await openDatabase(ds, logger);
    return bootstrapData(ds, config, logger);
  });
  const keys = await loadSigningKeys(config, logger);
  const bus = createEventBus(config.redisUrl, logger, config.cachePrefix);
  const cache = config.cacheDisabled ? new NoCache() : createCache(config.redisUrl, logger, config.cachePrefix);
  const jobs = new DeferredJobSender();
  const app = await createApp({ config, logger, ds, keys, bus, schema, cache, jobs, messenger: createMessenger(config, logger), databaseUrl: db.url });
  // Creating the queues is DDL that deadlocks when two first starts run it at once: one process at a time as well.
  const queue = await withSetupLock(db.url, logger, () =>
    JobQueue.start(db.url, logger, createJobDefinitions(app.services, ds), {
      work: config.jobs.workers,
      recordRun: (run) => app.services.audit.recordJobRun(run),
      pollingIntervalSeconds: config.jobs.pollSeconds,
      metrics: app.jobMetrics,
    }),
  );
  jobs.attach(queue);
  // Seeded leads carry scores but not yet their reasons: compute both the proper way, in the background.
  if (seededDemo) await queue.send('rescore-leads');
  const addr = await app.listen();
  const metricsAddr = app.metricsAddress();
  logger.info(
    {
      url: `http://localhost:${addr.port}/graphql`,
      database: db.embedded ? 'embedded' : 'external',
      pubsub: bus.kind,
      cache: cache.kind,
      jobWorkers: config.jobs.workers,
      metrics: [metricsAddr && `http://${metricsAddr.address}:${metricsAddr.port}/metrics`, config.metrics.token && `:${addr.port}/metrics (METRICS_TOKEN)`].filter(Boolean).join(', ') || 'off',
      ms: Date.now() - started,
    },
    'server ready',
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.error('shutdown timed out; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs).unref();
    try {
      await app.close();
      logger.debug('http and websocket drained');
      await queue.stop();
      await cache.close();
      await bus.close();
      await ds.destroy();
      logger.debug('pools closed');
      await db.stop();
      logger.info('shutdown complete');
      process.exit(0);
    } catch (err) {
      logger.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch(async (err) => {
  process.stderr.write(`fatal: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  process.exit(1);
});
