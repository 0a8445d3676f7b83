import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import {
  GraphQLError,
  getOperationAST,
  NoSchemaIntrospectionCustomRule,
  specifiedRules,
  validate,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Viewer } from '../auth/viewer';
import type { Config } from '../config';
import { ErrorCode } from '../errors';
import { requestScope, type Logger } from '../logger';
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
}

type ConnectionExtra = {
  viewer?: Viewer;
  expiryTimer?: NodeJS.Timeout;
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

  const handle = useServer<Record<string, unknown>, ConnectionExtra>(
    {
      schema: p.schema,
      connectionInitWaitTimeout: p.config.graphql.wsInitTimeoutMs,
      onConnect: async (ctx) => {
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
      },
      onClose: (ctx) => clearTimeout(ctx.extra.expiryTimer),
      onSubscribe: (ctx, _id, payload) => {
        const requestId = randomUUID();
        const logger = p.logger.child({ requestId, transport: 'ws' });
        let document;
        try {
          document = parseWithLimits(payload.query);
        } catch (err) {
          if (err instanceof GraphQLError) return [err];
          throw err;
        }
        const errors = validate(p.schema, document, rules);
        if (errors.length) return errors.map(asValidationError);
        const refused = guardOperation({
          schema: p.schema,
          document,
          operation: getOperationAST(document, payload.operationName),
          operationName: payload.operationName,
          variables: payload.variables,
          signedIn: Boolean(ctx.extra.viewer),
          introspection: p.config.graphql.introspection,
          transport: 'ws',
          maxCost: p.config.graphql.maxCost,
        });
        if (refused instanceof GraphQLError) return [refused];
        const contextValue = p.createContext(
          { requestId, viewer: ctx.extra.viewer ?? null, logger, budget: new ExecutionBudget(p.config.graphql.budget) },
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
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => formatError(e.toJSON(), e)),
      onNext: (_ctx, _id, _payload, args, result: ExecutionResult) => {
        const { requestId, logger, budget } = args.contextValue as PlatformContext;
        budget.dispose();
        // Each delivery has its own budget (reset by the subscription field): one over it sends one error instead.
        if (budget.exceeded) return { data: null, errors: [budget.formatted()] };
        if (!result.errors?.length) return;
        return { ...result, errors: formatErrors(result.errors, { requestId, logger }) };
      },
    },
    wss,
  );
  return {
    wss,
    dispose: async () => {
      sessions.stop();
      await handle.dispose();
    },
  };
}
