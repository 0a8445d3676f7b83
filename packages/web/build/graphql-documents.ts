import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

const VIRTUAL = 'virtual:crm-gql/';
const RESOLVED = '\0crm-gql/';

/** `export const XDocument = {…} as unknown as DocumentNode<…>;`: one line per document in graphql.ts. */
const DOCUMENT = /^export const (\w+) = (\{.*\}) as unknown as DocumentNode<.*>;$/gm;
/** `"<source text>": types.XDocument,`: gql.ts's map from a `graphql()` call's text to its document. */
const ENTRY = /^\s+("(?:[^"\\]|\\.)*"): types\.(\w+),$/gm;

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

/** `graphql(`…`)` calls with a plain template literal, as the client preset requires. */
function* graphqlCalls(node: unknown): Generator<{ call: Node; source: string }> {
  if (Array.isArray(node)) {
    for (const child of node) yield* graphqlCalls(child);
    return;
  }
  if (!node || typeof node !== 'object' || typeof (node as Node).type !== 'string') return;
  const n = node as Node;
  const callee = n.callee as Node | undefined;
  const args = n.arguments as Node[] | undefined;
  const quasis = args?.[0]?.quasis as { value: { cooked: string } }[] | undefined;
  if (n.type === 'CallExpression' && callee?.type === 'Identifier' && callee.name === 'graphql' && args?.length === 1 && quasis?.length === 1) {
    yield { call: n, source: quasis[0]!.value.cooked };
    return;
  }
  for (const [key, value] of Object.entries(n)) if (key !== 'type' && value && typeof value === 'object') yield* graphqlCalls(value);
}

/**
 * Gives every GraphQL document its own module in the build, so each lands in the chunk of the page that uses it.
 *
 * The client preset's `graphql()` looks documents up in one map of all of them (src/gql/gql.ts), so whatever calls it
 * pulls every document of the app (some 600 kB minified) into the first load. This plugin replaces each
 * `graphql(`…`)` call with an import of `virtual:crm-gql/<Name>`, a module holding that document alone, copied from
 * src/gql/graphql.ts: the same object the call returns at run time. Build only: the dev server and the tests use the
 * map as generated. A call whose text codegen has not seen fails the build (run `pnpm codegen`).
 */
export function graphqlDocuments(): Plugin {
  let documents = new Map<string, string>(); // name → JSON of the document
  let names = new Map<string, string>(); // source text → name
  let gqlDir = ''; // where codegen's client preset writes (codegen.yml)
  return {
    name: 'crm:graphql-documents',
    apply: 'build',
    configResolved(config) {
      gqlDir = resolve(config.root, 'src/gql');
    },
    buildStart() {
      const graphqlTs = resolve(gqlDir, 'graphql.ts');
      const gqlTs = resolve(gqlDir, 'gql.ts');
      documents = new Map([...readFileSync(graphqlTs, 'utf8').matchAll(DOCUMENT)].map(([, name, json]) => [name!, json!]));
      names = new Map([...readFileSync(gqlTs, 'utf8').matchAll(ENTRY)].map(([, text, name]) => [JSON.parse(text!) as string, name!]));
      if (!documents.size || names.size !== documents.size) {
        this.error(`src/gql: found ${documents.size} document(s) and ${names.size} graphql() source(s); has codegen's output format changed?`);
      }
    },
    resolveId(id) {
      return id.startsWith(VIRTUAL) ? RESOLVED + id.slice(VIRTUAL.length) : null;
    },
    load(id) {
      if (!id.startsWith(RESOLVED)) return null;
      const name = id.slice(RESOLVED.length);
      const json = documents.get(name);
      if (!json) this.error(`No GraphQL document ${name} in src/gql/graphql.ts`);
      return { code: `export const ${name} = ${json};\n`, map: { mappings: '' } };
    },
    transform(code, id) {
      if (id.includes('/node_modules/') || id.startsWith(gqlDir) || !/\.[jt]sx?$/.test(id) || !code.includes('graphql(')) return null;
      const calls = [...graphqlCalls(this.parse(code))].sort((a, b) => a.call.start - b.call.start);
      if (!calls.length) return null;
      const imports = new Map<string, string>(); // name → local binding
      let out = '';
      let at = 0;
      for (const { call, source } of calls) {
        const name = names.get(source);
        if (!name) this.error(`A graphql() document codegen has not seen: run \`pnpm codegen\`.`, call.start);
        const local = `__gql_${name}`;
        imports.set(name, local);
        // The same lines as the call: the code after it keeps its place, so the earlier source map still holds.
        const newlines = code.slice(call.start, call.end).split('\n').length - 1;
        out += code.slice(at, call.start) + local + '\n'.repeat(newlines);
        at = call.end;
      }
      out += code.slice(at);
      // Imports are hoisted: appended, they move no line.
      for (const [name, local] of imports) out += `\nimport { ${name} as ${local} } from '${VIRTUAL}${name}';`;
      return { code: out, map: null };
    },
  };
}
