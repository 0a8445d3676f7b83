import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getNullableType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  isCompositeType,
  isListType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type FieldNode,
  type FragmentDefinitionNode,
  type FragmentSpreadNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type InlineFragmentNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { getDirective } from '@graphql-tools/utils';

/** `@listSize` on a list field (see schema/base.graphql). */
interface ListBound {
  assumedSize?: number;
  slicingArguments?: string[];
  sizedFields?: string[];
}

export class UnboundedListError extends Error {
  constructor(readonly fields: string[]) {
    super(`Refusing to start: every list field needs @listSize (its bound, for query costing). Fix: ${fields.join(', ')}`);
    this.name = 'UnboundedListError';
  }
}

const bounds = new WeakMap<GraphQLSchema, Map<GraphQLField<unknown, unknown>, ListBound>>();

function boundsOf(schema: GraphQLSchema) {
  if (!bounds.has(schema)) checkListBounds(schema);
  return bounds.get(schema)!;
}

/** Reads `@listSize` from every field once; throws when a list field (or a field with slicing arguments) has none. */
export function checkListBounds(schema: GraphQLSchema): GraphQLSchema {
  const map = new Map<GraphQLField<unknown, unknown>, ListBound>();
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isAbstractType(type)) || !('getFields' in type)) continue;
    for (const field of Object.values(type.getFields())) {
      const bound = getDirective(schema, field, 'listSize')?.[0] as ListBound | undefined;
      if (bound) map.set(field, bound);
      else if (isListType(getNullableType(field.type))) missing.push(`${type.name}.${field.name}`);
    }
  }
  if (missing.length) throw new UnboundedListError(missing);
  bounds.set(schema, map);
  return schema;
}

export type CostVerdict =
  | { ok: true; cost: number }
  | { ok: false; limit: 'cost'; message: string; cost?: number };

interface Walk {
  schema: GraphQLSchema;
  bounds: Map<GraphQLField<unknown, unknown>, ListBound>;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  max: number;
  /** Selections visited, to stop fragment fan-out (`...A ...A` nested) from taking exponential time. */
  visits: number;
}

class Stop extends Error {
  constructor(readonly verdict: CostVerdict) {
    super(verdict.ok ? 'ok' : verdict.message);
  }
}

const MAX_VISITS = 20_000;

/**
 * An upper bound of the values an operation can return: every field counts once per time it can appear, where a list
 * multiplies its subtree by its bound — the **coerced** slicing argument (variables and SDL defaults included) or
 * `assumedSize` — and a connection's page size multiplies its `edges`. Computed before execution, identically for
 * HTTP requests and WebSocket subscriptions. Stops as soon as the bound exceeds `max`.
 */
export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  /** Coerced variables (`getVariableValues`): the operation's defaults filled in, as execution sees them. */
  variables: Record<string, unknown>,
  max: number,
): CostVerdict {
  const root = schema.getRootType(operation.operation);
  if (!root) return { ok: true, cost: 0 };
  const w: Walk = { schema, bounds: boundsOf(schema), fragments, variables, max, visits: 0 };
  try {
    const cost = selectionCost(w, root, operation.selectionSet, 1, null, new Set());
    return cost > max ? tooCostly(cost, max) : { ok: true, cost };
  } catch (err) {
    if (err instanceof Stop) return err.verdict;
    throw err;
  }
}

const tooCostly = (cost: number, max: number): CostVerdict => ({
  ok: false,
  limit: 'cost',
  cost,
  message: `Query cost ${Number.isFinite(cost) ? Math.round(cost) : 'unbounded'} exceeds the limit of ${max}. Ask for smaller pages or fewer nested lists.`,
});

function selectionCost(
  w: Walk,
  type: GraphQLCompositeType,
  set: SelectionSetNode,
  multiplier: number,
  sized: { fields: string[]; size: number } | null,
  fragmentPath: Set<string>,
): number {
  let total = 0;
  for (const sel of set.selections) {
    if (++w.visits > MAX_VISITS) {
      throw new Stop({ ok: false, limit: 'cost', message: `Query is too large to cost (over ${MAX_VISITS} selections after expanding fragments).` });
    }
    if (!included(sel, w.variables)) continue;
    if (sel.kind === Kind.FIELD) {
      total += fieldCost(w, type, sel, multiplier, sized, fragmentPath);
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      const cond = sel.typeCondition ? w.schema.getType(sel.typeCondition.name.value) : type;
      if (cond && isCompositeType(cond)) total += selectionCost(w, cond, sel.selectionSet, multiplier, sized, fragmentPath);
    } else {
      const name = sel.name.value;
      const fragment = w.fragments[name];
      if (!fragment || fragmentPath.has(name)) continue; // cycles are refused by validation; never loop here
      const cond = w.schema.getType(fragment.typeCondition.name.value);
      if (!cond || !isCompositeType(cond)) continue;
      fragmentPath.add(name);
      total += selectionCost(w, cond, fragment.selectionSet, multiplier, sized, fragmentPath);
      fragmentPath.delete(name);
    }
    if (total > w.max) throw new Stop(tooCostly(total, w.max));
  }
  return total;
}

function fieldCost(
  w: Walk,
  parent: GraphQLCompositeType,
  node: FieldNode,
  multiplier: number,
  sized: { fields: string[]; size: number } | null,
  fragmentPath: Set<string>,
): number {
  const def = fieldDef(w.schema, parent, node.name.value);
  if (!def) return 0; // validation reports unknown fields
  // Introspection lists count once: the schema is static, and graphql-js refuses nesting them (MaxIntrospectionDepth).
  const introspection = parent.name.startsWith('__') || def === SchemaMetaFieldDef || def === TypeMetaFieldDef;
  const isList = isListType(getNullableType(def.type));
  let size = 1;
  if (sized?.fields.includes(def.name)) size = sized.size;
  else if (isList && !introspection) size = listSize(def, w.bounds.get(def), node, w.variables);
  const own = multiplier * size;
  const named = getNamedType(def.type);
  if (!node.selectionSet || !isCompositeType(named)) return own;
  const bound = w.bounds.get(def);
  // A connection's page size applies to its `edges`, not to the connection object itself.
  const childSized = bound?.sizedFields?.length ? { fields: bound.sizedFields, size: listSize(def, bound, node, w.variables) } : null;
  return own + selectionCost(w, named, node.selectionSet, own, childSized, fragmentPath);
}

/** The number of items a list field can return for these arguments. */
function listSize(def: GraphQLField<unknown, unknown>, bound: ListBound | undefined, node: FieldNode, variables: Record<string, unknown>): number {
  if (!bound) return 1;
  if (bound.slicingArguments?.length) {
    let args: Record<string, unknown> = {};
    try {
      args = getArgumentValues(def, node, variables);
    } catch {
      // Invalid arguments fail execution anyway; cost the assumed size meanwhile.
    }
    const given = bound.slicingArguments.map((a) => args[a]).filter((v): v is number => typeof v === 'number');
    if (given.length) return Math.max(1, ...given);
  }
  return Math.max(1, bound.assumedSize ?? 1);
}

function fieldDef(schema: GraphQLSchema, parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (name === '__typename') return TypeNameMetaFieldDef;
  if (parent === schema.getQueryType()) {
    if (name === '__schema') return SchemaMetaFieldDef;
    if (name === '__type') return TypeMetaFieldDef;
  }
  return 'getFields' in parent ? parent.getFields()[name] : undefined;
}

function included(sel: FieldNode | InlineFragmentNode | FragmentSpreadNode, variables: Record<string, unknown>): boolean {
  if (!sel.directives?.length) return true;
  try {
    if (getDirectiveValues(GraphQLSkipDirective, sel, variables)?.if === true) return false;
    if (getDirectiveValues(GraphQLIncludeDirective, sel, variables)?.if === false) return false;
  } catch {
    // A bad @skip/@include argument fails execution; count the selection meanwhile.
  }
  return true;
}
