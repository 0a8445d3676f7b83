import fs from 'node:fs';
import path from 'node:path';
import { getOperationAST, getVariableValues, Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { buildAppSchema as buildSchema } from '../../src/schema';
import { checkListBounds, operationCost, UnboundedListError } from '../../src/platform/graphql/cost';
import { makeExecutableSchema } from '@graphql-tools/schema';

const schema = buildSchema();
const MAX = 100_000;

function cost(source: string, variables: Record<string, unknown> = {}, extraFragments: Record<string, FragmentDefinitionNode> = {}) {
  const doc = parse(source);
  const op = getOperationAST(doc)!;
  const fragments = { ...extraFragments };
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  const coerced = getVariableValues(schema, op.variableDefinitions ?? [], variables);
  if (coerced.errors) throw coerced.errors[0];
  return operationCost(schema, op, fragments, coerced.coerced, Number.MAX_SAFE_INTEGER);
}
const value = (source: string, variables?: Record<string, unknown>) => {
  const v = cost(source, variables);
  if (!v.ok) throw new Error(v.message);
  return v.cost;
};

describe('operation cost', () => {
  it('counts every value a response can hold', () => {
    expect(value('{ me { id name } }')).toBe(3);
  });

  it('multiplies a connection page by its coerced size, on its edges only', () => {
    const q = (first: string) => `query($n: Int = 7) { customers(first: ${first}) { totalCount edges { node { id } } } }`;
    expect(value(q('10'))).toBe(1 + 1 + 10 * 3);
    expect(value(q('$n'), { n: 50 })).toBe(1 + 1 + 50 * 3);
    expect(value(q('$n'))).toBe(1 + 1 + 7 * 3); // the variable's default
    expect(value('{ customers { edges { node { id } } } }')).toBe(1 + 20 * 3); // the server's default page
    expect(value('query($n: Int) { customers(last: $n) { edges { node { id } } } }', { n: 30 })).toBe(1 + 30 * 3);
  });

  it('uses argument defaults and documented maxima of nested lists', () => {
    expect(value('{ me { team { members { id } } } }')).toBe(1 + 1 + 100 * 2);
    expect(value('query($c: ID!) { customer(id: $c) { interactions { id } leads { id } } }', { c: 'x' })).toBe(1 + 20 * 2 + 25 * 2);
  });

  it('skips what @skip/@include leave out, with variables', () => {
    const q = 'query($on: Boolean!) { me { id team @include(if: $on) { members { id } } } }';
    expect(value(q, { on: false })).toBe(2);
    expect(value(q, { on: true })).toBe(2 + 1 + 100 * 2);
  });

  it('stops expanding fragments that fan out', () => {
    const fragments = Array.from({ length: 8 }, (_, i) => (i < 7 ? `fragment F${i} on User { ${`...F${i + 1} `.repeat(6)}}` : 'fragment F7 on User { id }')).join(' ');
    const v = cost(`{ me { ...F0 } } ${fragments}`);
    expect(v).toMatchObject({ ok: false, limit: 'cost' });
  });

  it('refuses to build a schema with an unbounded list', () => {
    const s = makeExecutableSchema({ typeDefs: 'type Query { things: [String!]! ok: [Int!]! @listSize(assumedSize: 3) } directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!]) on FIELD_DEFINITION' });
    expect(() => checkListBounds(s)).toThrow(UnboundedListError);
    expect(() => checkListBounds(s)).toThrow(/Query\.things/);
  });
});

/** The staff app's documents, read from the client preset's generated map. */
function webOperations() {
  const src = fs.readFileSync(path.resolve(__dirname, '../../../web/src/gql/gql.ts'), 'utf8');
  const block = src.slice(src.indexOf('const documents: Documents = {'));
  const fragments: Record<string, FragmentDefinitionNode> = {};
  const ops: OperationDefinitionNode[] = [];
  for (const m of block.matchAll(/^ {4}"((?:[^"\\]|\\.)*)": types\./gm)) {
    for (const def of parse(JSON.parse(`"${m[1]}"`) as string).definitions) {
      if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
      else if (def.kind === Kind.OPERATION_DEFINITION) ops.push(def);
    }
  }
  return { ops, fragments };
}

describe('the staff app', () => {
  const { ops, fragments } = webOperations();

  it('has documents to check', () => {
    expect(ops.length).toBeGreaterThan(50);
  });

  it.each(ops.map((o) => [o.name?.value ?? '(anonymous)', o] as const))('%s fits the default cost limit at the largest page sizes', (_name, op) => {
    const variables: Record<string, unknown> = {};
    for (const v of op.variableDefinitions ?? []) if (/^(first|last|limit)$/i.test(v.variable.name.value)) variables[v.variable.name.value] = 100;
    const coerced = getVariableValues(schema, (op.variableDefinitions ?? []).filter((v) => v.variable.name.value in variables), variables);
    const verdict = operationCost(schema, op, fragments, coerced.coerced ?? {}, MAX);
    expect(verdict).toMatchObject({ ok: true });
  });
});
