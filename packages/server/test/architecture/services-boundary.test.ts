import fs from 'node:fs';
import path from 'node:path';

/**
 * Services know nothing about GraphQL: they take the viewer and plain values (keys, not global IDs) and throw domain
 * errors (platform/errors.ts) that one place maps to the catalogue. Only a feature's resolvers (`*.resolvers.ts`, the
 * GraphQL edge: decode IDs, delegate, shape) may import GraphQL runtime code — and its webhook payloads
 * (`*.payloads.ts`, the webhook edge: records shaped with the API's global IDs), the global IDs only. Checked on every import (static,
 * dynamic, `require`, `export … from`, type-only included) of every other file in a feature folder.
 */
const SRC = path.resolve(__dirname, '../../src');
const MODULES = path.join(SRC, 'modules');
const GLOBAL_ID = path.join(SRC, 'platform/graphql/global-id');

function featureFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? featureFiles(full) : /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

const IMPORT = /(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;

/** What `specifier` (imported by `file`) is when it is GraphQL runtime code; null otherwise. */
function graphqlRuntime(file: string, specifier: string): string | null {
  if (specifier === 'graphql' || specifier.startsWith('graphql/')) return specifier;
  if (specifier.startsWith('@apollo/')) return specifier;
  if (specifier.startsWith('.') && path.resolve(path.dirname(file), specifier).replace(/\.ts$/, '') === GLOBAL_ID) return 'platform/graphql/global-id';
  return null;
}

const violationsOf = (files: string[]) =>
  files.flatMap((f) =>
    [...fs.readFileSync(f, 'utf8').matchAll(IMPORT)].flatMap((m) => {
      const what = graphqlRuntime(f, m[1]!);
      return what ? [`${path.relative(SRC, f)} -> ${what}`] : [];
    }),
  );

describe('services boundary', () => {
  const features = fs.readdirSync(MODULES, { withFileTypes: true }).filter((e) => e.isDirectory());
  const files = features.flatMap((e) => featureFiles(path.join(MODULES, e.name)));
  const resolvers = files.filter((f) => f.endsWith('.resolvers.ts'));
  const edges = files.filter((f) => f.endsWith('.payloads.ts'));
  const others = files.filter((f) => !f.endsWith('.resolvers.ts') && !f.endsWith('.payloads.ts') && !f.endsWith('.test.ts'));

  it('reads the features: services and resolvers', () => {
    expect(others.filter((f) => f.endsWith('.service.ts')).length).toBeGreaterThan(10);
    // The rule sees real imports: the resolvers decode and encode global IDs.
    expect(violationsOf(resolvers).length).toBeGreaterThan(10);
  });

  it('only resolvers import graphql, @apollo/* or platform/graphql/global-id', () => {
    expect(violationsOf(others)).toEqual([]);
  });

  it('webhook payloads use the global IDs and nothing else of GraphQL', () => {
    expect(violationsOf(edges).filter((v) => !v.endsWith('-> platform/graphql/global-id'))).toEqual([]);
  });
});
