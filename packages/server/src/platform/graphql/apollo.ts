import type { Server } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { GraphQLSchema } from 'graphql';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { GraphQLContext } from './context';
import { formatError } from './format-error';
import { limitRules, LIMITS } from './limits';

export interface ApolloParams {
  schema: GraphQLSchema;
  httpServer: Server;
  config: Config;
  logger: Logger;
  /** Extra plugins, e.g. to dispose the WebSocket server on drain. */
  plugins?: ApolloServerPlugin<GraphQLContext>[];
}

export function createApollo(p: ApolloParams): ApolloServer<GraphQLContext> {
  return new ApolloServer<GraphQLContext>({
    schema: p.schema,
    introspection: p.config.graphql.introspection,
    // main.ts owns SIGTERM/SIGINT and stops everything in order.
    stopOnTerminationSignals: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: true,
    parseOptions: { maxTokens: LIMITS.maxTokens },
    validationRules: limitRules,
    formatError,
    logger: {
      debug: (m) => p.logger.debug(m),
      info: (m) => p.logger.info(m),
      warn: (m) => p.logger.warn(m),
      error: (m) => p.logger.error(m),
    },
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: p.httpServer }),
      ApolloServerPluginCacheControlDisabled(),
      p.config.graphql.ide
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false })
        : ApolloServerPluginLandingPageDisabled(),
      ...(p.plugins ?? []),
    ],
  });
}
