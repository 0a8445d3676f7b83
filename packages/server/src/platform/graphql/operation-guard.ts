import { getVariableValues, GraphQLError, visit, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { ErrorCode } from '../errors';
import { operationCost } from './cost';

/** Who may introspect the schema: anyone, signed-in callers only, or nobody. */
export type IntrospectionAccess = 'public' | 'signed-in' | 'off';

export interface GuardInput {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode | null | undefined;
  operationName?: string | null;
  variables: Record<string, unknown> | null | undefined;
  signedIn: boolean;
  introspection: IntrospectionAccess;
  transport: 'http' | 'ws';
  maxCost: number;
}

const requestError = (code: ErrorCode, message: string, status: number, extensions: Record<string, unknown> = {}) =>
  new GraphQLError(message, { extensions: { code, ...extensions, http: { status } } });

const hasNul = (s: string) => s.includes('\u0000');

/** True when any string in a JSON value contains a NUL character (PostgreSQL text cannot hold one). */
function nulInValue(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return hasNul(value);
  if (depth > 64 || value === null || typeof value !== 'object') return false;
  for (const [k, v] of Object.entries(value)) if (hasNul(k) || nulInValue(v, depth + 1)) return true;
  return false;
}

/** What the guard reads of a document whatever its variables: kept per document (Apollo keeps one per query text). */
interface DocumentFacts {
  nul: boolean;
  introspection: boolean;
  fragments: Record<string, FragmentDefinitionNode>;
}

const facts = new WeakMap<DocumentNode, DocumentFacts>();

function factsOf(document: DocumentNode): DocumentFacts {
  let f = facts.get(document);
  if (f) return f;
  f = { nul: false, introspection: false, fragments: {} };
  const found = f;
  visit(document, {
    StringValue(node) {
      if (hasNul(node.value)) found.nul = true;
    },
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') found.introspection = true;
    },
    FragmentDefinition(node) {
      found.fragments[node.name.value] = node;
    },
  });
  facts.set(document, f);
  return f;
}

/** The fragments of a document by name (read once per document). */
export const fragmentsOf = (document: DocumentNode): Record<string, FragmentDefinitionNode> => factsOf(document).fragments;

/**
 * Checks an operation after validation and before execution, the same way for HTTP and WebSocket: it must resolve
 * to one operation of a kind the transport carries, hold no NUL characters, respect introspection access, and cost
 * no more than `maxCost` with its **coerced** variables (see cost.ts). Returns the error to answer with, or the cost.
 */
export function guardOperation(g: GuardInput): GraphQLError | { cost: number } {
  const op = g.operation;
  if (!op) {
    const message = g.operationName
      ? `Unknown operation named "${g.operationName}".`
      : 'Must provide operation name if query contains multiple operations.';
    return requestError(ErrorCode.BAD_REQUEST, message, 400);
  }
  if (g.transport === 'http' && op.operation === 'subscription') {
    return requestError(ErrorCode.BAD_REQUEST, 'Subscriptions run over WebSocket (graphql-transport-ws on /graphql), not HTTP.', 400);
  }
  if (g.transport === 'ws' && op.operation !== 'subscription') {
    return requestError(ErrorCode.BAD_REQUEST, 'Only subscriptions are accepted over WebSocket; send queries and mutations over HTTP.', 400);
  }
  const doc = factsOf(g.document);
  if (doc.nul || nulInValue(g.variables)) {
    return requestError(ErrorCode.BAD_USER_INPUT, 'Text may not contain NUL (\\u0000) characters.', 400);
  }
  if (g.introspection !== 'public' && doc.introspection) {
    if (g.introspection === 'off') {
      return requestError(ErrorCode.GRAPHQL_VALIDATION_FAILED, 'GraphQL introspection is not allowed by this server.', 400);
    }
    if (!g.signedIn) return requestError(ErrorCode.UNAUTHENTICATED, 'Sign in to introspect the schema.', 401);
  }
  // Variables as execution will see them (defaults filled in): what the cost is computed from.
  const coerced = getVariableValues(g.schema, op.variableDefinitions ?? [], coercible(g.variables), { maxErrors: 10, hideSuggestions: true });
  if (coerced.errors) {
    const { message } = coerced.errors[0]!;
    const field = fieldOfVariableError(message);
    return requestError(ErrorCode.BAD_USER_INPUT, message, 400, field ? { field } : {});
  }
  const verdict = operationCost(g.schema, op, doc.fragments, coerced.coerced, g.maxCost);
  if (!verdict.ok) {
    return requestError(ErrorCode.QUERY_TOO_COMPLEX, verdict.message, 400, {
      limit: verdict.limit,
      maxCost: g.maxCost,
    });
  }
  return { cost: verdict.cost };
}

/**
 * The input field a variable coercion error is about, as a dotted path inside the variable: graphql-js says
 * `Variable "$input" got invalid value "x" at "input.email"; …` → `email` (the whole variable: its name).
 */
export function fieldOfVariableError(message: string): string | null {
  const m = /^Variable "\$(\w+)" got invalid value .*?(?: at "([^"]+)")?; (.*)$/s.exec(message);
  if (!m) return null;
  const [, variable, at, reason] = m;
  // A missing required input field is reported on the object that lacks it: name the field itself.
  const missing = /^Field "(\w+)" of required type .* was not provided\./.exec(reason ?? '')?.[1];
  const path = [...(at ?? variable!).replace(/\[(\d+)\]/g, '.$1').split('.').slice(1), ...(missing ? [missing] : [])];
  return path.length ? path.join('.') : variable!;
}

const coercible = (v: GuardInput['variables']) => (v && typeof v === 'object' && !Array.isArray(v) ? v : {});
