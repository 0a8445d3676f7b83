import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { PlatformContext } from './context';
import { formatError } from './format-error';
import { limitRules, LIMITS } from './limits';
import { HeavyLane } from './heavy-lane';
import { guardOperation } from './operation-guard';
import { stringifyResult } from './compiled/plugin';

export interface ApolloParams {
  schema: GraphQLSchema;
  config: Config;
  logger: Logger;
  /** Extra plugins. */
  plugins?: ApolloServerPlugin<PlatformContext>[];
  /** Admits an operation of known cost, or throws the GraphQLError that refuses it (per-key cost budgets). */
  admit?: (ctx: PlatformContext, cost: number) => Promise<void>;
  /** Hears of every answered operation (usage metering). */
  answered?: (ctx: PlatformContext, operationName: string | null, errored: boolean) => Promise<void>;
}

export function createApollo<TContext extends PlatformContext>(p: ApolloParams): ApolloServer<TContext> {
  return new ApolloServer<TContext>({
    schema: p.schema,
    // 'signed-in' is enforced per operation by the guard below.
    introspection: p.config.graphql.introspection !== 'off',
    // Automatic persisted queries would let anyone store documents in server memory; registered documents come later.
    persistedQueries: false,
    // main.ts owns SIGTERM/SIGINT; App.close() drains HTTP (platform/http/drain.ts) and WebSocket before stopping this.
    stopOnTerminationSignals: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: true,
    parseOptions: { maxTokens: LIMITS.maxTokens },
    validationRules: limitRules,
    formatError,
    stringifyResult,
    logger: {
      debug: (m) => p.logger.debug(m),
      info: (m) => p.logger.info(m),
      warn: (m) => p.logger.warn(m),
      error: (m) => p.logger.error(m),
    },
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      // The IDE is ours (platform/graphql/ide.ts, served before Apollo), never Apollo's landing page.
      ApolloServerPluginLandingPageDisabled(),
      guardPlugin(p),
      ...(p.plugins ?? []),
    ],
  });
}

/**
 * Runs the operation guard (cost from coerced variables, NUL characters, introspection access, operation kind) once
 * the operation is known, and turns a spent execution budget into one QUERY_TOO_COMPLEX error instead of the data.
 */
function guardPlugin(p: ApolloParams): ApolloServerPlugin<PlatformContext> {
  const lane = new HeavyLane(p.config.graphql.heavyCost, p.config.graphql.heavyConcurrency);
  return {
    async requestDidStart() {
      let leave: (() => void) | null = null;
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          const error = guardOperation({
            schema,
            document,
            operation,
            operationName: request.operationName,
            variables: request.variables,
            signedIn: contextValue.viewer !== null || contextValue.apiCaller !== null,
            introspection: p.config.graphql.introspection,
            transport: 'http',
            maxCost: p.config.graphql.maxCost,
          });
          if (error instanceof GraphQLError) throw error;
          contextValue.cost = error.cost;
          await p.admit?.(contextValue, error.cost);
          leave = await lane.enter(error.cost, operation?.operation === 'query' ? contextValue.budget.abandoned : undefined);
          // The time budget counts from the start of execution, not from the wait for a heavy slot.
          contextValue.budget.reset(operation?.operation !== 'mutation');
        },
        async willSendResponse({ response, contextValue, operationName }) {
          leave?.();
          const budget = contextValue.budget;
          budget.dispose();
          if (budget.exceeded && response.body.kind === 'single') {
            response.body.singleResult = { data: null, errors: [budget.formatted()] };
          }
          const errored = response.body.kind === 'single' && Boolean(response.body.singleResult.errors?.length);
          await p.answered?.(contextValue, operationName ?? null, errored);
        },
      };
    },
  };
}
