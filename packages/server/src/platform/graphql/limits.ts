import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, parse, type DocumentNode, type ValidationContext, type ValidationRule } from 'graphql';
import { ErrorCode, queryTooComplex } from '../errors';

/**
 * Hostile-query limits on the document, applied identically over HTTP and WebSocket. The cost limit
 * (GRAPHQL_MAX_COST) is applied after validation, from the coerced variables: see cost.ts and operation-guard.ts.
 */
export const LIMITS = {
  maxDepth: 12,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 3000,
} as const;

/** Armor rules report through `onReject` with our QUERY_TOO_COMPLEX code instead of throwing. */
const common = (limit: string) =>
  ({
    onReject: [(ctx: ValidationContext | null, err: GraphQLError) => ctx?.reportError(queryTooComplex(err.message.replace(/^Syntax Error: /, ''), limit))],
    propagateOnRejection: false,
    exposeLimits: true,
  });

export const limitRules = [
  // Depth of fields as returned: fragments and inline fragments add no level.
  maxDepthRule({ ...common('depth'), n: LIMITS.maxDepth, flattenFragments: true }),
  // `__typename` counts like any other alias (armor exempts it by default).
  maxAliasesRule({ ...common('aliases'), n: LIMITS.maxAliases, allowList: [] }),
  maxDirectivesRule({ ...common('directives'), n: LIMITS.maxDirectives }),
] as ValidationRule[];

/** True for the parser's token-limit error. */
export const isTokenLimitError = (message: string) => /tokens\. Parsing aborted/.test(message);

/** Parses with the token limit; a document over it is QUERY_TOO_COMPLEX, other syntax errors GRAPHQL_PARSE_FAILED. */
export function parseWithLimits(source: string): DocumentNode {
  try {
    return parse(source, { maxTokens: LIMITS.maxTokens });
  } catch (err) {
    if (err instanceof GraphQLError && isTokenLimitError(err.message)) {
      throw queryTooComplex(`Query exceeds the limit of ${LIMITS.maxTokens} tokens.`, 'tokens');
    }
    if (err instanceof GraphQLError) {
      throw new GraphQLError(err.message, { extensions: { code: ErrorCode.GRAPHQL_PARSE_FAILED } });
    }
    throw err;
  }
}
