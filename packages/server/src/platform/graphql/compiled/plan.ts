import {
  getArgumentValues,
  getNamedType,
  getVariableValues,
  isObjectType,
  type DocumentNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { Viewer } from '../../auth/viewer';
import { PROJECTION, type Connection, type RowProjection } from '../../db/pagination';
import type { PlatformContext } from '../context';
import { fragmentsOf } from '../operation-guard';
import { fieldsOf, NotCompilable, SelectionSql, type Operation, type Selected } from './selection-sql';
import type { Catalog } from './sql-reads';

type Json = string;

/** Stands for the alias of the page's rows in a projection until the list names it (no SQL identifier looks like it). */
const PAGE_ALIAS = '\u0000page\u0000';

/** How one root field is answered: its resolver called with a projection, the page shaped into JSON text. */
interface RootPlan {
  key: string;
  run: (ctx: PlatformContext) => Promise<Json>;
}

/**
 * The compiled read of a query: every root field a catalogued connection (or `__typename`), answered by its own
 * resolver (auth rule, service, row rules, filters, keyset page, total count: all as usual) with the JSON of each
 * node's selection read in the page's statement. Null when the operation asks for anything else: the resolvers answer
 * it then. Built per request (the SQL carries the viewer's rules and the variables).
 * Throws `NotCompilable` when the operation's shape cannot be compiled (whatever its variables); returns null when
 * these variables cannot (invalid, or an argument out of range: the resolvers report it).
 */
export function planQuery(
  catalog: Catalog,
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown> | undefined,
  viewer: Viewer,
): ((ctx: PlatformContext) => Promise<Json>) | null {
  const query = schema.getQueryType();
  if (operation.operation !== 'query' || !query) throw new NotCompilable(operation.operation);
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {});
  if (coerced.errors) return null;
  const op: Operation = { schema, fragments: fragmentsOf(document), variables: coerced.coerced };
  let roots: RootPlan[];
  try {
    roots = fieldsOf(op, query, operation.selectionSet).map((s) => rootPlan(catalog, op, operation, query, s, viewer));
  } catch (e) {
    if (e instanceof NotCompilable) throw e;
    return null;
  }
  return async (ctx) => {
    const parts = await Promise.all(roots.map(async (r) => `${JSON.stringify(r.key)}:${await r.run(ctx)}`));
    return `{${parts.join(',')}}`;
  };
}

function rootPlan(catalog: Catalog, op: Operation, operation: OperationDefinitionNode, query: GraphQLObjectType, s: Selected, viewer: Viewer): RootPlan {
  if (!s.field) return { key: s.key, run: async () => JSON.stringify(query.name) };
  const field = s.field;
  if (!catalog.roots.has(field.name) || !s.node.selectionSet) throw new NotCompilable(`Query.${field.name} is not a compiled root`);
  const connection = getNamedType(field.type) as GraphQLObjectType;
  const shape = connectionShape(catalog, op, connection, s, viewer);
  const args = getArgumentValues(field, s.node, op.variables);
  const info = resolveInfo(op, operation, query, field, s);
  return {
    key: s.key,
    run: async (ctx) => {
      const resolve = field.resolve!;
      const page = (await resolve(undefined, { ...args, [PROJECTION]: shape.projection }, ctx, info)) as Connection<unknown>;
      return shape.json(page);
    },
  };
}

/** The JSON of a connection's selection (edges, cursors, nodes, page info, total), the nodes' JSON from the projection. */
function connectionShape(catalog: Catalog, op: Operation, connection: GraphQLObjectType, s: Selected, viewer: Viewer) {
  let projection: RowProjection | undefined;
  const parts: Array<(page: Connection<unknown>) => Promise<Json> | Json> = [];
  for (const f of fieldsOf(op, connection, s.node.selectionSet!)) {
    const key = JSON.stringify(f.key);
    const name = f.field?.name ?? '__typename';
    if (name === '__typename') parts.push(() => `${key}:${JSON.stringify(connection.name)}`);
    else if (name === 'totalCount') parts.push(async (page) => `${key}:${await page.totalCount()}`);
    else if (name === 'pageInfo') {
      const pageInfo = getNamedType(f.field!.type) as GraphQLObjectType;
      const keys = fieldsOf(op, pageInfo, f.node.selectionSet!).map((p) => {
        const n = p.field?.name ?? '__typename';
        if (n !== '__typename' && !['hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor'].includes(n)) throw new NotCompilable(`PageInfo.${n}`);
        return [JSON.stringify(p.key), n] as const;
      });
      parts.push((page) => {
        const info = page.pageInfo as Record<string, unknown>;
        return `${key}:{${keys.map(([k, n]) => `${k}:${JSON.stringify(n === '__typename' ? pageInfo.name : info[n])}`).join(',')}}`;
      });
    } else if (name === 'edges') {
      const edge = getNamedType(f.field!.type);
      if (!isObjectType(edge)) throw new NotCompilable('edges');
      const edgeFields = fieldsOf(op, edge, f.node.selectionSet!).map((e) => {
        const n = e.field?.name ?? '__typename';
        if (n === 'node') {
          const nodeType = getNamedType(e.field!.type);
          const set = e.node.selectionSet!;
          // The page's alias is known once the list builds its statement: compiled now over a stand-in for it.
          const sql = new SelectionSql(catalog, op, viewer);
          const json = `${sql.object(nodeType.name, PAGE_ALIAS, set)}::text`;
          projection = (alias) => ({ sql: json.split(PAGE_ALIAS).join(alias), params: sql.params });
        } else if (n !== '__typename' && n !== 'cursor') throw new NotCompilable(`${edge.name}.${n}`);
        return [JSON.stringify(e.key), n] as const;
      });
      parts.push((page) => {
        const edges = page.edges.map((e) => {
          if (edgeFields.some(([, n]) => n === 'node') && e.projected === undefined) throw new NotCompilable('the list did not read the projection');
          const values = edgeFields.map(([k, n]) => `${k}:${n === 'node' ? e.projected : JSON.stringify(n === 'cursor' ? e.cursor : edge.name)}`);
          return `{${values.join(',')}}`;
        });
        return `${key}:[${edges.join(',')}]`;
      });
    } else throw new NotCompilable(`${connection.name}.${name}`);
  }
  return {
    projection,
    json: async (page: Connection<unknown>) => `{${(await Promise.all(parts.map((p) => p(page)))).join(',')}}`,
  };
}

/** What graphql-js would pass the root field's resolver. */
function resolveInfo(op: Operation, operation: OperationDefinitionNode, query: GraphQLObjectType, field: GraphQLField<unknown, unknown>, s: Selected): GraphQLResolveInfo {
  return {
    fieldName: field.name,
    fieldNodes: [s.node],
    returnType: field.type,
    parentType: query,
    path: { prev: undefined, key: s.key, typename: query.name },
    schema: op.schema,
    fragments: op.fragments,
    rootValue: undefined,
    operation,
    variableValues: op.variables,
  };
}
