import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import { createServices } from './services';
import type { SigningKeys } from './platform/auth/keys';
import { TokenService } from './platform/auth/tokens';
import type { Config } from './platform/config';
import { asGraphQLError, toGraphQLError, unauthenticated } from './platform/errors';
import { createApollo } from './platform/graphql/apollo';
import { ExecutionBudget } from './platform/graphql/budget';
import type { GraphQLContext } from './graphql-context';
import type { PlatformContext } from './platform/graphql/context';
import { createLoaders, sqlReads } from './modules';
import { buildCatalog } from './platform/graphql/compiled/sql-reads';
import { compiledReadsPlugin } from './platform/graphql/compiled/plugin';
import { createWsServer } from './platform/graphql/ws';
import { DRAIN_IDLE_GRACE_MS, httpDrainer } from './platform/http/drain';
import { healthRoutes } from './platform/http/health';
import { reenterScope, requestScopeMiddleware, scopeOf } from './platform/http/request-scope';
import { graphqlErrorHandler, lastErrorHandler, notFound } from './platform/http/error-responses';
import { spaRoutes } from './platform/http/spa';
import { securityHeaders } from './platform/http/security-headers';
import { ideContentSecurityPolicy } from './platform/graphql/ide';
import type { Logger } from './platform/logger';
import type { Cache } from './platform/cache/cache';
import { CommitHooks } from './platform/db/commit-hooks';
import type { JobSender } from './platform/jobs/job-queue';
import type { Messenger } from './platform/messaging/messenger';
import { OutboxRelay } from './platform/realtime/outbox-relay';
import { OutboxStream } from './platform/realtime/outbox-stream';
import { channelOf, type OutboxEventType } from './modules/realtime/outbox-event';
import type { EventBus } from './platform/pubsub';

export interface AppDeps {
  config: Config;
  logger: Logger;
  ds: DataSource;
  keys: SigningKeys;
  bus: EventBus;
  /** From `buildSchema()`, built first so a schema without auth rules stops the boot early. */
  schema: GraphQLSchema;
  cache: Cache;
  jobs: JobSender;
  messenger: Messenger;
  /** The database the outbox relay LISTENs on. */
  databaseUrl: string;
}


export interface App {
  httpServer: http.Server;
  services: ReturnType<typeof createServices>;
  /** Publishes committed outbox events to subscribers (see platform/realtime/outbox-relay.ts). */
  relay: OutboxRelay;
  /** Receives them in this process, each once and in order, across Redis outages (platform/realtime/outbox-stream.ts). */
  outbox: OutboxStream;
  listen(port?: number, host?: string): Promise<AddressInfo>;
  /**
   * Graceful stop: readiness turns 503, SHUTDOWN_DELAY_MS passes, the listener closes, every request already received
   * is answered (keep-alive connections close after their last response, idle ones after a short grace), WebSocket
   * clients get 1001 "Going away" (graphql-ws clients reconnect on it), then the relay stops. Does not close the pools
   * it was given.
   */
  close(): Promise<void>;
}

const BEARER = /^Bearer\s+(\S+)$/i;

/** Composes HTTP, GraphQL (HTTP + WebSocket on `/graphql`) and health routes over already-open resources. */
export async function createApp(d: AppDeps): Promise<App> {
  const { schema } = d;
  const outbox = new OutboxStream({
    bus: d.bus,
    query: (sql, params) => d.ds.query(sql, params),
    channelOf: (type) => channelOf(type as OutboxEventType),
    logger: d.logger.child({ component: 'outbox-stream' }),
    heartbeatTimeoutMs: d.config.outboxHeartbeat.timeoutMs,
  });
  const services = createServices({
    ds: d.ds,
    tokens: new TokenService(d.keys, d.config.jwt),
    outboxEvents: outbox.engine,
    config: d.config,
    logger: d.logger,
    cache: d.cache,
    jobs: d.jobs,
    messenger: d.messenger,
  });
  const hooks = new CommitHooks();
  d.ds.subscribers.push(hooks);
  // The views a committed transaction's writes declared stale (see modules/realtime/event-definition.ts).
  hooks.onCommit((views) => views.forEach((view) => void d.cache.invalidate(view)));
  // Ended sessions and changed accounts leave this process's viewer cache as their transaction commits; the outbox
  // stream brings them from other processes (followViewerChanges, below).
  hooks.onEvents((events) => events.forEach((event) => services.auth.forgetViewersOf(event)));

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', d.config.trustProxy);
  app.use(securityHeaders({ ide: d.config.graphql.ide ? { path: '/graphql', policy: await ideContentSecurityPolicy() } : null }));
  const httpServer = http.createServer(app);
  const drainer = httpDrainer(httpServer);
  /** The application's resolver context around the platform's part, for HTTP and WebSocket alike. */
  const contextFor = (base: PlatformContext, client: GraphQLContext['client']): GraphQLContext => ({
    ...base,
    client,
    services,
    loaders: createLoaders(d.ds, base.viewer),
  });
  const ws = createWsServer({ httpServer, schema, auth: services.auth, createContext: contextFor, config: d.config, logger: d.logger });
  const apollo = createApollo<GraphQLContext>({
    schema,
    config: d.config,
    logger: d.logger,
    plugins: d.config.graphql.compiledReads ? [compiledReadsPlugin(buildCatalog(d.ds, sqlReads))] : [],
  });
  await apollo.start();
  const relay = new OutboxRelay({
    url: d.databaseUrl,
    publish: (event) => outbox.publish(event),
    heartbeat: () => outbox.heartbeat(),
    heartbeatMs: d.config.outboxHeartbeat.intervalMs,
    logger: d.logger.child({ component: 'outbox-relay' }),
  });
  const stopViewerCache = await services.auth.followViewerChanges(outbox);
  await outbox.start();
  await relay.start();

  app.use(requestScopeMiddleware(d.logger));
  app.use(healthRoutes(d.ds, () => drainer.draining));
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    reenterScope,
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<GraphQLContext> => {
        const { requestId, logger } = scopeOf(res);
        const header = req.header('authorization');
        let viewer = null;
        if (header) {
          const token = BEARER.exec(header)?.[1];
          if (!token) throw toGraphQLError(unauthenticated('The Authorization header must be "Bearer <access token>".'));
          viewer = await services.auth.viewerFromAccessToken(token).catch((err: unknown) => {
            throw asGraphQLError(err);
          });
        }
        const budget = new ExecutionBudget(d.config.graphql.budget);
        // A client that hangs up before its answer: its query leaves the heavy queue or stops at its next field.
        res.once('close', () => {
          if (!res.writableFinished) budget.abandon();
        });
        return contextFor(
          { requestId, viewer, logger, budget },
          { userAgent: req.header('user-agent') ?? null, ip: req.ip ?? null },
        );
      },
    }),
    graphqlErrorHandler,
  );

  const spa = spaRoutes();
  if (spa) app.use(spa);
  app.use(notFound, lastErrorHandler);

  return {
    httpServer,
    services,
    relay,
    outbox,
    listen: (port = d.config.port, host = d.config.host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => resolve(httpServer.address() as AddressInfo));
      }),
    close: async () => {
      drainer.beginDraining();
      if (d.config.shutdownDelayMs) {
        d.logger.info({ ms: d.config.shutdownDelayMs }, 'not ready; waiting SHUTDOWN_DELAY_MS before closing the listener');
        await new Promise((resolve) => setTimeout(resolve, d.config.shutdownDelayMs));
      }
      await drainer.stopAccepting();
      d.logger.info('stopped accepting connections');
      // graphql-ws's dispose closes every socket with 1001 "Going away": its clients reconnect, to another process now
      // that this one refuses connections. A client that never answers the close handshake is cut after the grace.
      const cut = setTimeout(() => ws.wss.clients.forEach((c) => c.terminate()), DRAIN_IDLE_GRACE_MS);
      await Promise.all([drainer.connectionsClosed(), ws.dispose()]);
      clearTimeout(cut);
      await apollo.stop();
      await relay.stop();
      await outbox.stop();
      stopViewerCache();
    },
  };
}
