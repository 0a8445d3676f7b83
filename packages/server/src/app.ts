import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import { createServices } from './services';
import type { SigningKeys } from './platform/auth/keys';
import { TokenService } from './platform/auth/tokens';
import type { Config } from './platform/config';
import { asGraphQLError, queryTooComplex, toGraphQLError, unauthenticated } from './platform/errors';
import { createApollo } from './platform/graphql/apollo';
import { apiKeySchema } from './platform/graphql/auth-directive';
import { apiKeyGate, callerOf, rateLimited } from './platform/graphql/api-key-gate';
import { isApiKey } from './platform/auth/api-caller';
import { OPERATIONS_DIR, RegisteredOperations } from './platform/graphql/registered-operations';
import { createTokenBuckets } from './platform/http/token-buckets';
import { KeyFailureLimit } from './platform/http/key-failures';
import { ExecutionBudget } from './platform/graphql/budget';
import type { GraphQLContext } from './graphql-context';
import type { PlatformContext } from './platform/graphql/context';
import { createLoaders, listExports, registerFeatureMetrics, sqlReads } from './modules';
import { listExportRoutes } from './platform/http/list-export';
import { buildCatalog } from './platform/graphql/compiled/sql-reads';
import { compiledReadsPlugin } from './platform/graphql/compiled/plugin';
import { createWsServer } from './platform/graphql/ws';
import { DRAIN_IDLE_GRACE_MS, httpDrainer } from './platform/http/drain';
import { healthRoutes } from './platform/http/health';
import { reenterScope, requestScopeMiddleware, scopeOf } from './platform/http/request-scope';
import { graphqlErrorHandler, lastErrorHandler, notFound } from './platform/http/error-responses';
import { spaRoutes } from './platform/http/spa';
import { securityHeaders } from './platform/http/security-headers';
import { IDE_ASSETS_PATH, IDE_PATH, ideRoutes } from './platform/graphql/ide';
import { schemaDownload } from './platform/graphql/schema-download';
import type { Logger } from './platform/logger';
import type { Cache } from './platform/cache/cache';
import { CommitHooks } from './platform/db/commit-hooks';
import type { JobSender } from './platform/jobs/job-queue';
import type { Messenger } from './platform/messaging/messenger';
import { OutboxRelay } from './platform/realtime/outbox-relay';
import { OutboxStream } from './platform/realtime/outbox-stream';
import { channelOf, type OutboxEventType } from './modules/realtime/outbox-event';
import { messageRoutes } from './modules/messages/message.routes';
import { reviewPageRoutes } from './modules/reviews/review-page.routes';
import { importRoutes } from './modules/imports/import.routes';
import { importIds } from './modules/imports/import.resolvers';
import { attachmentRoutes } from './modules/attachments/attachment.routes';
import { attachmentIds, ownerOf } from './modules/attachments/attachment.resolvers';
import { createObjectStorage, createUrlSigner } from './platform/storage/create-storage';
import { publicPageAssets } from './platform/http/public-page';
import type { EventBus } from './platform/pubsub';
import { Metrics } from './platform/metrics/metrics';
import { GraphQLMetrics } from './platform/metrics/graphql';
import { JobMetrics } from './platform/metrics/jobs';
import { databaseMetrics, outboxMetrics, readinessMetric } from './platform/metrics/database';
import { countedCache, countedMessenger } from './platform/metrics/counted';
import { httpMetrics, MetricsListener, metricsRoute } from './platform/metrics/http';

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
  /** The process's metrics registry; made here when not given. */
  metrics?: Metrics;
}


export interface App {
  httpServer: http.Server;
  services: ReturnType<typeof createServices>;
  /** Publishes committed outbox events to subscribers (see platform/realtime/outbox-relay.ts). */
  relay: OutboxRelay;
  /** Receives them in this process, each once and in order, across Redis outages (platform/realtime/outbox-stream.ts). */
  outbox: OutboxStream;
  /** The process's Prometheus registry (platform/metrics). */
  metrics: Metrics;
  /** The job queue's series, for `JobQueue.start({ metrics })`. */
  jobMetrics: JobMetrics;
  /** Starts the HTTP listener, and the metrics listener when METRICS_PORT is set. */
  listen(port?: number, host?: string): Promise<AddressInfo>;
  /** Where the metrics listener listens (METRICS_PORT), once listening; null without one. */
  metricsAddress(): AddressInfo | null;
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
  const metrics = d.metrics ?? new Metrics();
  const graphqlMetrics = new GraphQLMetrics(metrics);
  const stopDatabaseMetrics = databaseMetrics(metrics, d.ds);
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
    cache: countedCache(d.cache, metrics),
    jobs: d.jobs,
    messenger: countedMessenger(d.messenger, metrics),
    storage: createObjectStorage(d.config.files),
    fileUrls: createUrlSigner(d.config.files, d.keys.privateKey),
  });
  registerFeatureMetrics(services, metrics);
  const hooks = new CommitHooks();
  d.ds.subscribers.push(hooks);
  // The views a committed transaction's writes declared stale (see modules/realtime/event-definition.ts).
  hooks.onCommit((views) => views.forEach((view) => void d.cache.invalidate(view)));
  // Ended sessions and changed accounts leave this process's viewer cache as their transaction commits; the outbox
  // stream brings them from other processes (followViewerChanges, below).
  hooks.onEvents((events) => events.forEach((event) => services.auth.forgetViewersOf(event)));

  const app = express();
  app.use(httpMetrics(metrics));
  app.disable('x-powered-by');
  app.set('trust proxy', d.config.trustProxy);
  const ide = d.config.graphql.ide ? ideRoutes(d.logger) : null;
  app.use(securityHeaders({ ide: ide && { path: IDE_PATH, assets: IDE_ASSETS_PATH, policy: ide.policy } }));
  const httpServer = http.createServer(app);
  const drainer = httpDrainer(httpServer);
  /** The application's resolver context around the platform's part, for HTTP and WebSocket alike. */
  const contextFor = (base: PlatformContext, client: GraphQLContext['client']): GraphQLContext => ({
    ...base,
    client,
    services,
    loaders: createLoaders(d.ds, base.viewer),
  });
  const ws = createWsServer({
    httpServer,
    schema,
    auth: services.auth,
    createContext: contextFor,
    config: d.config,
    logger: d.logger,
    metrics: { registry: metrics, graphql: graphqlMetrics },
  });
  const apollo = createApollo<GraphQLContext>({
    schema,
    config: d.config,
    logger: d.logger,
    plugins: [...(d.config.graphql.compiledReads ? [compiledReadsPlugin(buildCatalog(d.ds, sqlReads))] : []), graphqlMetrics.plugin()],
  });
  // API keys get a schema of their own: only the root fields open to keys, and the types those reach.
  const keySchema = apiKeySchema(schema);
  const operations = RegisteredOperations.load(keySchema, path.join(OPERATIONS_DIR, 'partner'));
  graphqlMetrics.names.allow(operations.operations.map((o) => o.name));
  const buckets = createTokenBuckets(d.config.redisUrl, d.logger, d.config.cachePrefix, metrics);
  const keyFailures = new KeyFailureLimit(buckets, d.config.apiKeyFailures);
  const keyApollo = createApollo<GraphQLContext>({
    schema: keySchema,
    config: d.config,
    logger: d.logger,
    // A key's cost budget: the operation's cost comes out of the key's cost bucket, or the operation is refused.
    admit: async (ctx, cost) => {
      if (!ctx.apiCaller) return;
      const budget = ctx.apiCaller.costPerMinute;
      if (cost > budget) throw queryTooComplex(`This operation costs ${cost}, more than the key's cost budget of ${budget} a minute: ask for smaller pages.`, 'keyCostPerMinute');
      const state = await buckets.take(`cost:${ctx.apiCaller.keyId}`, cost, ctx.apiCaller.costPerMinute);
      if (!state.ok) throw rateLimited(`This operation costs ${cost}; the key's cost budget is ${ctx.apiCaller.costPerMinute} a minute.`, state);
    },
    answered: async (ctx, operationName, errored) => {
      if (ctx.apiCaller) await services.apiUsage.record(ctx.apiCaller.keyId, operationName ?? 'anonymous', errored, ctx.cost ?? 0);
    },
    plugins: [graphqlMetrics.plugin()],
  });
  await Promise.all([apollo.start(), keyApollo.start()]);
  const relay = new OutboxRelay({
    url: d.databaseUrl,
    publish: (event) => outbox.publish(event),
    heartbeat: () => outbox.heartbeat(),
    heartbeatMs: d.config.outboxHeartbeat.intervalMs,
    logger: d.logger.child({ component: 'outbox-relay' }),
  });
  // Webhooks are made from the outbox as the relay publishes it (and every minute by a job, as a safety net).
  relay.onPublished(() => services.webhookDispatcher.kick());
  const stopOutboxMetrics = outboxMetrics(metrics, (sql) => d.ds.query(sql), () => relay.active);
  const stopViewerCache = await services.auth.followViewerChanges(outbox);
  await outbox.start();
  await relay.start();

  app.use(requestScopeMiddleware(d.logger));
  app.use(healthRoutes(d.ds, () => drainer.draining));
  const stopReadyMetric = readinessMetric(metrics, () => drainer.draining, () => d.ds.query('SELECT 1'));
  app.use(metricsRoute(metrics, d.config.metrics.token, d.logger));
  const metricsListener = d.config.metrics.port === undefined ? null : new MetricsListener(metrics, d.config.metrics.token, d.logger);
  /** The resolver context of an HTTP request: its staff viewer from a bearer access token, or its API key's caller. */
  const httpContext = async ({ req, res }: { req: express.Request; res: express.Response }): Promise<GraphQLContext> => {
    const { requestId, logger } = scopeOf(res);
    const apiCaller = callerOf(res);
    const header = req.header('authorization');
    let viewer = null;
    if (header && !apiCaller) {
      const token = BEARER.exec(header)?.[1];
      if (!token) throw toGraphQLError(unauthenticated('The Authorization header must be "Bearer <access token>" or "Bearer <API key>".'));
      viewer = await services.auth.viewerFromAccessToken(token).catch((err: unknown) => {
        throw asGraphQLError(err);
      });
    }
    const budget = new ExecutionBudget(d.config.graphql.budget);
    // A client that hangs up before its answer: its query leaves the heavy queue or stops at its next field.
    res.once('close', () => {
      if (!res.writableFinished) budget.abandon();
    });
    return contextFor({ requestId, viewer, apiCaller, logger, budget }, { userAgent: req.header('user-agent') ?? null, ip: req.ip ?? null });
  };
  const staffGraphql = expressMiddleware(apollo, { context: httpContext });
  const keyGraphql = expressMiddleware(keyApollo, { context: httpContext });
  app.use(publicPageAssets());
  app.use(messageRoutes(services.messages, d.config.messaging.smsInboundSecret, d.config.company.name));
  app.use(reviewPageRoutes(services.reviewAnswers, buckets, d.config.company.name));
  app.use(
    attachmentRoutes(services.attachments, {
      viewerOf: (token) => services.auth.viewerFromAccessToken(token),
      viewerOfSession: (userId, sessionId) => services.auth.viewerOfSession(userId, sessionId),
      keyIdOf: async (secret) => (await services.apiKeys.authenticate(secret, null))?.keyId ?? null,
      ids: { attachment: attachmentIds, owner: ownerOf },
    }),
  );
  app.use(importRoutes(services.imports, { viewerOf: (token) => services.auth.viewerFromAccessToken(token), ids: importIds }));
  // CSV exports of list views (POST /export/<list>.csv, bearer token in the header): each list's own query and rules.
  app.use(
    listExportRoutes({
      exports: listExports,
      schema,
      authenticate: (token) => services.auth.viewerFromAccessToken(token),
      context: (viewer) => ({ services, loaders: createLoaders(d.ds, viewer), timeZone: d.config.company.timeZone }),
      logger: d.logger,
    }),
  );
  app.get('/graphql/operations.json', (_req, res) => {
    res.json(operations.manifest());
  });
  app.get(
    '/graphql/schema.graphql',
    schemaDownload({
      schemas: { staff: schema, partner: keySchema },
      access: d.config.graphql.introspection,
      // Staff sessions may read both schemas; an API key only its own.
      signedIn: async (req, audience) => {
        const token = BEARER.exec(req.header('authorization') ?? '')?.[1];
        if (!token) return false;
        if (isApiKey(token)) {
          if (audience !== 'partner') return false;
          const checked = await keyFailures.check(req.ip, () => services.apiKeys.authenticate(token, req.ip ?? null));
          return checked.limited ? { limited: checked.state } : checked.caller !== null;
        }
        return services.auth.viewerFromAccessToken(token).then(() => true, () => false);
      },
    }),
  );
  if (ide) app.use(ide.router);
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    reenterScope,
    apiKeyGate({
      authenticate: (secret, ip) => services.apiKeys.authenticate(secret, ip),
      buckets,
      failures: keyFailures,
      operations,
      refused: (caller) => services.apiUsage.record(caller.keyId, 'refused', true, 0),
    }),
    (req: express.Request, res: express.Response, next: express.NextFunction) => (callerOf(res) ? keyGraphql : staffGraphql)(req, res, next),
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
    metrics,
    jobMetrics: new JobMetrics(metrics),
    listen: async (port = d.config.port, host = d.config.host) => {
      const address = await new Promise<AddressInfo>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => resolve(httpServer.address() as AddressInfo));
      });
      if (metricsListener) await metricsListener.listen(d.config.metrics.port!, d.config.metrics.host);
      return address;
    },
    metricsAddress: () => metricsListener?.address() ?? null,
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
      await Promise.all([apollo.stop(), keyApollo.stop()]);
      await buckets.close();
      await relay.stop();
      await outbox.stop();
      stopViewerCache();
      // Last: Prometheus can still scrape a draining process.
      await metricsListener?.close();
      stopOutboxMetrics();
      stopDatabaseMetrics();
      stopReadyMetric();
    },
  };
}
