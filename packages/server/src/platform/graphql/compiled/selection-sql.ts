import {
  getArgumentValues,
  getNamedType,
  isEnumType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { Viewer } from '../../auth/viewer';
import { nestedPageSize } from '../../db/pagination';
import type { Catalog, CatalogType, SqlRead } from './sql-reads';

/** The operation uses something a compiled read does not (the resolvers answer it instead). */
export class NotCompilable extends Error {
  constructor(why: string) {
    super(why);
    this.name = 'NotCompilable';
  }
}

export interface Operation {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

/** A field of a selection: its response key, node and definition. */
export interface Selected {
  key: string;
  node: FieldNode;
  field: GraphQLField<unknown, unknown> | null;
}

/**
 * The fields a selection set asks of `type`, in response order, fragments spread in place. Refuses what changes the
 * shape per request or per object (directives such as `@include`, fragments on other types, one key selected twice).
 */
export function fieldsOf(op: Operation, type: GraphQLObjectType, set: SelectionSetNode): Selected[] {
  const out: Selected[] = [];
  const seen = new Map<string, FieldNode>();
  const walk = (s: SelectionSetNode) => {
    for (const sel of s.selections) {
      if (sel.directives?.length) throw new NotCompilable('directives');
      if (sel.kind === Kind.FIELD) {
        const key = sel.alias?.value ?? sel.name.value;
        const earlier = seen.get(key);
        if (earlier) {
          // The same leaf asked twice (`id` beside a fragment that has it, as clients write): one value. Objects
          // asked twice would need their selections merged: not compiled.
          const same = earlier.name.value === sel.name.value && !earlier.selectionSet && !sel.selectionSet && !earlier.arguments?.length && !sel.arguments?.length;
          if (same) continue;
          throw new NotCompilable(`${key} selected twice`);
        }
        seen.set(key, sel);
        const name = sel.name.value;
        const field = name === '__typename' ? null : type.getFields()[name];
        if (field === undefined) throw new NotCompilable(`${name} (introspection)`);
        out.push({ key, node: sel, field });
        continue;
      }
      const fragment = sel.kind === Kind.FRAGMENT_SPREAD ? op.fragments[sel.name.value] : sel;
      if (!fragment) throw new NotCompilable('unknown fragment');
      if (fragment.typeCondition && fragment.typeCondition.name.value !== type.name) throw new NotCompilable('fragment on another type');
      walk(fragment.selectionSet);
    }
  };
  walk(set);
  return out;
}

const DATETIME = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/**
 * Builds one SQL expression answering a selection on a catalogued type: `json_build_object` of the selected fields
 * (keys in response order), nested lists as correlated subqueries under the same row rules, order and bounds as the
 * loaders. Values are formatted as the scalars serialize them (global IDs, ISO date-times, money as text).
 */
export class SelectionSql {
  /** TypeORM `:named` parameters of the built SQL (the viewer's row rules). */
  readonly params: Record<string, unknown> = {};
  private aliases = 0;

  constructor(
    private readonly catalog: Catalog,
    private readonly op: Operation,
    private readonly viewer: Viewer,
  ) {}

  /** The JSON of `set` on the row of `typeName` aliased `alias`. */
  object(typeName: string, alias: string, set: SelectionSetNode): string {
    const type = this.catalog.types.get(typeName);
    const gqlType = this.op.schema.getType(typeName);
    if (!type || !isObjectType(gqlType)) throw new NotCompilable(`${typeName} has no SQL reads`);
    const fields = fieldsOf(this.op, gqlType, set);
    if (fields.length > 50) throw new NotCompilable('more than 50 fields on one object');
    const pairs = fields.map((f) => `'${f.key}', ${this.value(type, gqlType, alias, f)}`);
    return `json_build_object(${pairs.join(', ')})`;
  }

  private value(type: CatalogType, gqlType: GraphQLObjectType, alias: string, f: Selected): string {
    if (!f.field) return `'${gqlType.name}'`;
    const name = f.field.name;
    const read = type.reads?.[name];
    if (read) return this.relation(read, alias, f);
    if (f.node.arguments?.length || f.node.selectionSet) throw new NotCompilable(`${gqlType.name}.${name} takes arguments`);
    if (name === 'id') return globalId(type.typeName, `${alias}.id`);
    const column = type.columns.get(name);
    if (f.field.resolve || !column) throw new NotCompilable(`${gqlType.name}.${name} is resolved`);
    return scalar(f.field, `${alias}."${column}"`);
  }

  private relation(read: SqlRead, parent: string, f: Selected): string {
    if (read.kind === 'expression') {
      if (f.node.arguments?.length) throw new NotCompilable(`${f.field!.name} takes arguments`);
      return scalar(f.field!, `(${read.sql(parent)})`);
    }
    if (read.kind === 'columns') return this.columns(read.columns, parent, f);
    const child = this.catalog.types.get(read.type);
    if (!child || !f.node.selectionSet) throw new NotCompilable(`${read.type} has no SQL reads`);
    const b = this.alias();
    const where = [...this.visible(child, b)];
    if (read.kind === 'parent') {
      where.unshift(`${b}.id = ${parent}."${read.column}"`);
      return `(SELECT ${this.object(read.type, b, f.node.selectionSet)} FROM "${child.table}" ${b} WHERE ${where.join(' AND ')})`;
    }
    const limit = read.kind === 'children' && read.first ? this.first(f, read.max) : read.max;
    const link = this.alias();
    const from =
      read.kind === 'children'
        ? `"${child.table}" ${b}`
        : `"${child.table}" ${b} JOIN "${read.table}" ${link} ON ${link}."${read.to}" = ${b}.id`;
    where.unshift(read.kind === 'children' ? `${b}."${read.column}" = ${parent}.id` : `${link}."${read.from}" = ${parent}.id`);
    const order = read.order;
    const sortColumn = order.column;
    const x = this.alias();
    return (
      `(SELECT coalesce(json_agg(${x}.j ORDER BY ${x}.o ${order.direction}, ${x}.id ${order.direction}), '[]'::json) FROM ` +
      `(SELECT ${this.object(read.type, b, f.node.selectionSet)} AS j, ${b}."${sortColumn}" AS o, ${b}.id AS id FROM ${from} ` +
      `WHERE ${where.join(' AND ')} ORDER BY ${b}."${sortColumn}" ${order.direction}, ${b}.id ${order.direction} LIMIT ${limit}) ${x})`
    );
  }

  /** An object of scalars from the row's own columns (`columns`: field → column). */
  private columns(columns: Record<string, string>, alias: string, f: Selected): string {
    const type = getNamedType(f.field!.type);
    if (!isObjectType(type) || !f.node.selectionSet) throw new NotCompilable(`${f.field!.name} is not an object`);
    const pairs = fieldsOf(this.op, type, f.node.selectionSet).map((sub) => {
      if (!sub.field) return `'${sub.key}', '${type.name}'`;
      const column = columns[sub.field.name];
      if (!column || sub.node.arguments?.length) throw new NotCompilable(`${type.name}.${sub.field.name} has no column`);
      return `'${sub.key}', ${scalar(sub.field, `${alias}."${column}"`)}`;
    });
    return `json_build_object(${pairs.join(', ')})`;
  }

  /** The viewer's row rule and the soft-delete condition on rows of `type` aliased `alias`. */
  private visible(type: CatalogType, alias: string): string[] {
    const out = type.deletedAt ? [`${alias}."${type.deletedAt}" IS NULL`] : [];
    const scope = type.scope?.(this.viewer, alias);
    if (!scope) return out;
    // The rule's parameters are renamed per use so they never meet another rule's (or the page's) of the same name.
    const prefix = `${alias}_`;
    let sql = scope.sql;
    for (const [name, value] of Object.entries(scope.params)) {
      this.params[prefix + name] = value;
      sql = sql.replace(new RegExp(`(?<!:):${name}\\b`, 'g'), `:${prefix}${name}`);
    }
    return [...out, `(${sql})`];
  }

  private first(f: Selected, max: number): number {
    const args = getArgumentValues(f.field!, f.node, this.op.variables) as { first?: number | null };
    const n = nestedPageSize(args.first);
    return Math.min(n, max);
  }

  private alias(): string {
    return `_r${++this.aliases}`;
  }
}

/** `Type:uuid` in base64url, as `toGlobalId` writes it. */
export const globalId = (typeName: string, idSql: string) =>
  `rtrim(translate(encode(convert_to('${typeName}:' || ${idSql}, 'UTF8'), 'base64'), E'+/\\n', '-_'), '=')`;

/** A column as its GraphQL scalar serializes it. */
function scalar(field: GraphQLField<unknown, unknown>, column: string): string {
  const type = getNamedType(field.type);
  let t = field.type;
  if (isNonNullType(t)) t = t.ofType;
  if (isListType(t) || !isLeafType(type)) throw new NotCompilable(`${field.name} is not a scalar`);
  if (isEnumType(type)) return column;
  switch (type.name) {
    case 'String':
    case 'Email':
    case 'Int':
    case 'Float':
    case 'Boolean':
    case 'JSON':
      return column;
    case 'DateTime':
      return `to_char(${column} AT TIME ZONE 'UTC', ${DATETIME})`;
    case 'Money':
    case 'Date':
      return `${column}::text`;
    default:
      throw new NotCompilable(`scalar ${type.name}`);
  }
}
