import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import {
  GraphQLError,
  getOperationAST,
  NoSchemaIntrospectionCustomRule,
  specifiedRules,
  validate,
  type ExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import type { Context } from 'graphql-ws';
import { useServer, type Extra } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Viewer } from '../auth/viewer';
import type { Config } from '../config';
import { ErrorCode } from '../errors';
import { requestScope, type Logger } from '../logger';
import type { GraphQLMetrics } from '../metrics/graphql';
import type { MetricsRegistry } from '../metrics/metrics';
import type { PlatformContext } from './context';
import { formatError } from './format-error';
import { ExecutionBudget } from './budget';
import { limitRules, parseWithLimits } from './limits';
import { guardOperation } from './operation-guard';
import { SessionSockets, type SessionSource } from './session-sockets';

/** What the WebSocket server needs from authentication (the auth service provides it). */
export interface WsAuth extends SessionSource {
  viewerFromAccessToken(token: string): Promise<Viewer>;
}

export interface WsParams {
  httpServer: Server;
  schema: GraphQLSchema;
  auth: WsAuth;
  /** The application's resolver context for one subscription, around the platform's part. */
  createContext(base: PlatformContext, client: { userAgent: string | null; ip: string | null }): PlatformContext;
  config: Config;
  logger: Logger;
  /** Counts connections, subscriptions and operations (see platform/metrics). */
  metrics?: { registry: MetricsRegistry; graphql: GraphQLMetrics };
}

/** A subscribe request as the metrics see it, from its arrival to its end. */
interface OperationSeen {
  started: number;
  name?: string;
  type?: string;
  /** Its start has been counted (set up, or refused). */
  counted: boolean;
  /** Set up: a stream of events (graphql-ws calls onComplete when it ends). */
  running?: boolean;
}

type ConnectionExtra = {
  viewer?: Viewer;
  expiryTimer?: NodeJS.Timeout;
  operations?: Map<string, OperationSeen>;
};

/** Reads the access token from connection params: `authorization: "Bearer <t>"` or `accessToken: "<t>"`. */
function tokenFrom(params: Readonly<Record<string, unknown>> | undefined): string | null {
  const raw = params?.authorization ?? params?.Authorization ?? params?.accessToken;
  if (typeof raw !== 'string') return null;
  return raw.replace(/^Bearer\s+/i, '').trim() || null;
}

/**
 * Apollo codes every validation error GRAPHQL_VALIDATION_FAILED (a bad scalar literal included); do the same here.
 * Limit violations keep their `limit`, which formatError turns into QUERY_TOO_COMPLEX on both transports.
 */
const asValidationError = (e: GraphQLError) =>
  new GraphQLError(e.message, { nodes: e.nodes, extensions: { ...e.extensions, code: ErrorCode.GRAPHQL_VALIDATION_FAILED } });

function formatErrors(errors: readonly GraphQLError[], scope: { requestId: string; logger: Logger }) {
  return requestScope.run(scope, () => errors.map((e) => formatError(e.toJSON(), e)));
}

/**
 * graphql-ws on the HTTP server's `/graphql`. Authenticates on `connection_init` (4403 when missing or bad, 4408
 * when it never comes), accepts only subscriptions, and applies the same limits, introspection setting and error
 * masking as HTTP. The socket closes when the access token expires; clients reconnect with a fresh one. It closes with
 * 4403 "Forbidden: session ended" when its session ends, on whichever process that happened (see session-sockets.ts).
 */
export function createWsServer(p: WsParams) {
  const wss = new WebSocketServer({ server: p.httpServer, path: '/graphql', maxPayload: 256 * 1024 });
  const sessions = new SessionSockets(p.auth, p.config.graphql.wsSessionCheckMs, p.logger.child({ component: 'ws-sessions' }));
  void sessions.start();
  const rules = [...specifiedRules, ...limitRules, ...(p.config.graphql.introspection === 'off' ? [NoSchemaIntrospectionCustomRule] : [])];
  const metrics = p.metrics && wsMetrics(p.metrics.registry, p.metrics.graphql);
  /** Whether the connection's token is a live session's (then its viewer is on the connection). */
  const signIn = async (ctx: WsContext): Promise<boolean> => {
    const token = tokenFrom(ctx.connectionParams);
    if (!token) return false;
    try {
      const viewer = await p.auth.viewerFromAccessToken(token);
      if (!sessions.add(viewer.sessionId, ctx.extra.socket)) return false; // ended while we checked
      ctx.extra.viewer = viewer;
      ctx.extra.expiryTimer = setTimeout(
        () => ctx.extra.socket.close(4403, 'Forbidden: access token expired'),
        Math.max(0, viewer.accessExpiresAt.getTime() - Date.now()),
      ).unref();
      return true;
    } catch {
      return false;
    }
  };

  const handle = useServer<Record<string, unknown>, ConnectionExtra>(
    {
      schema: p.schema,
      connectionInitWaitTimeout: p.config.graphql.wsInitTimeoutMs,
      onConnect: async (ctx) => {
        const accepted = await signIn(ctx);
        metrics?.connected(ctx, accepted);
        return accepted;
      },
      onClose: (ctx) => {
        clearTimeout(ctx.extra.expiryTimer);
        metrics?.closed(ctx);
      },
      onSubscribe: (ctx, id, payload) => {
        const seen: OperationSeen = { started: performance.now(), counted: false };
        (ctx.extra.operations ??= new Map()).set(id, seen);
        const requestId = randomUUID();
        const logger = p.logger.child({ requestId, transport: 'ws' });
        let document;
        try {
          document = parseWithLimits(payload.query);
        } catch (err) {
          if (err instanceof GraphQLError) return [err];
          throw err;
        }
        const operation = getOperationAST(document, payload.operationName);
        seen.name = operation?.name?.value;
        seen.type = operation?.operation;
        const errors = validate(p.schema, document, rules);
        if (errors.length) return errors.map(asValidationError);
        const refused = guardOperation({
          schema: p.schema,
          document,
          operation,
          operationName: payload.operationName,
          variables: payload.variables,
          signedIn: Boolean(ctx.extra.viewer),
          introspection: p.config.graphql.introspection,
          transport: 'ws',
          maxCost: p.config.graphql.maxCost,
        });
        if (refused instanceof GraphQLError) return [refused];
        const contextValue = p.createContext(
          { requestId, viewer: ctx.extra.viewer ?? null, apiCaller: null, logger, budget: new ExecutionBudget(p.config.graphql.budget) },
          { userAgent: ctx.extra.socket.protocol, ip: null },
        );
        return {
          schema: p.schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue,
        };
      },
      onOperation: (ctx, id, _args, _execArgs, result) => {
        // Set up: a stream of events. A one-off result (the subscribe resolver refused) is counted with its errors.
        const seen = ctx.extra.operations?.get(id);
        if (!seen || !(Symbol.asyncIterator in (result as object))) return;
        seen.running = true;
        metrics?.started(seen);
      },
      onError: (ctx, id, _payload, errors) => {
        const formatted = errors.map((e) => formatError(e.toJSON(), e));
        const seen = ctx.extra.operations?.get(id);
        metrics?.answered(seen, formatted);
        // A refusal before the subscription was set up ends here (graphql-ws calls no onComplete for it).
        if (!seen?.running) ctx.extra.operations?.delete(id);
        return formatted;
      },
      onNext: (ctx, id, _payload, args, result: ExecutionResult) => {
        const { requestId, logger, budget } = args.contextValue as PlatformContext;
        budget.dispose();
        // Each delivery has its own budget (reset by the subscription field): one over it sends one error instead.
        const answer = budget.exceeded
          ? { data: null, errors: [budget.formatted()] }
          : result.errors?.length
            ? { ...result, errors: formatErrors(result.errors, { requestId, logger }) }
            : undefined;
        metrics?.answered(ctx.extra.operations?.get(id), answer?.errors);
        return answer;
      },
      onComplete: (ctx, id) => {
        ctx.extra.operations?.delete(id);
      },
    },
    wss,
  );
  return {
    wss,
    dispose: async () => {
      sessions.stop();
      metrics?.dispose();
      await handle.dispose();
    },
  };
}

type WsContext = Context<Record<string, unknown>, Extra & Partial<ConnectionExtra>>;

/**
 * The WebSocket's series: signed-in connections and their active subscriptions (counted at scrape time), connection
 * attempts by outcome, and each subscribe as a GraphQL operation (`transport="ws"`).
 */
function wsMetrics(registry: MetricsRegistry, graphql: GraphQLMetrics) {
  const open = new Set<WsContext>();
  const attempts = registry.counter({
    name: 'crm_ws_connection_attempts_total',
    help: 'GraphQL WebSocket connection_init messages, by outcome (accepted, refused: no or bad token).',
    labelNames: ['outcome'],
  });
  const connections = registry.gauge({ name: 'crm_ws_connections', help: 'Signed-in GraphQL WebSocket connections open on this process.' });
  const subscriptions = registry.gauge({ name: 'crm_ws_subscriptions_active', help: 'Subscriptions running on this process.' });
  const stop = registry.onScrape('ws', () => {
    connections.set(open.size);
    let running = 0;
    for (const ctx of open) running += Object.keys(ctx.subscriptions).length;
    subscriptions.set(running);
  });
  return {
    connected(ctx: WsContext, accepted: boolean) {
      attempts.inc({ outcome: accepted ? 'accepted' : 'refused' });
      if (accepted) open.add(ctx);
    },
    closed(ctx: WsContext) {
      open.delete(ctx);
    },
    /** The subscription is set up: its start is counted, without errors. */
    started(seen: OperationSeen | undefined) {
      if (!seen || seen.counted) return;
      seen.counted = true;
      graphql.observe({ name: seen.name, type: seen.type, transport: 'ws', seconds: (performance.now() - seen.started) / 1000 });
    },
    /** Errors sent for the operation: its refusal (the start is counted with them) or a delivery's. */
    answered(seen: OperationSeen | undefined, errors: readonly GraphQLFormattedError[] | undefined) {
      if (!seen) return;
      if (seen.counted) return void (errors?.length && graphql.errors({ name: seen.name, type: seen.type, transport: 'ws', errors }));
      seen.counted = true;
      graphql.observe({ name: seen.name, type: seen.type, transport: 'ws', seconds: (performance.now() - seen.started) / 1000, errors });
    },
    dispose: stop,
  };
}
