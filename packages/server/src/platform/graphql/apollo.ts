import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { GraphQLSchema } from 'graphql';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { GraphQLContext } from './context';
import { formatError } from './format-error';
import { limitRules, LIMITS } from './limits';

export interface ApolloParams {
  schema: GraphQLSchema;
  config: Config;
  logger: Logger;
  /** Extra plugins. */
  plugins?: ApolloServerPlugin<GraphQLContext>[];
}

export function createApollo(p: ApolloParams): ApolloServer<GraphQLContext> {
  return new ApolloServer<GraphQLContext>({
    schema: p.schema,
    introspection: p.config.graphql.introspection,
    // main.ts owns SIGTERM/SIGINT; App.close() drains HTTP (platform/http/drain.ts) and WebSocket before stopping this.
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
      ApolloServerPluginCacheControlDisabled(),
      p.config.graphql.ide
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false })
        : ApolloServerPluginLandingPageDisabled(),
      ...(p.plugins ?? []),
    ],
  });
}
