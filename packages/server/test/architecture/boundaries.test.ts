import fs from 'node:fs';
import path from 'node:path';

/**
 * The structure's rules, checked on every import in `src/` (static, dynamic and `require`):
 * - `platform/` knows no feature: it imports nothing from `modules/` nor from the composition root that lists them
 *   (`services.ts`, `graphql-context.ts`, `schema.ts`, `app.ts`, `main.ts`); features register through their index.
 * - A feature never imports another feature's resolvers (resolvers are the GraphQL edge of their own feature).
 */
const SRC = path.resolve(__dirname, '../../src');
const COMPOSITION_ROOT = ['services', 'graphql-context', 'schema', 'app', 'main'].map((f) => path.join(SRC, f));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

const IMPORT = /(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;

/** Every relative import of `file`, resolved to a path without extension. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => m[1]!).filter((s) => s.startsWith('.')).map((s) => path.resolve(path.dirname(file), s));
}

const rel = (p: string) => path.relative(SRC, p);
const featureOf = (p: string) => rel(p).match(/^modules\/([^/]+)\//)?.[1] ?? null;

describe('module boundaries', () => {
  const files = sourceFiles(SRC);

  it('reads the source tree', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('platform/ imports nothing from modules/ or the composition root', () => {
    const violations = files
      .filter((f) => rel(f).startsWith('platform/'))
      .flatMap((f) =>
        importsOf(f)
          .filter((target) => rel(target).startsWith('modules/') || rel(target) === 'modules' || COMPOSITION_ROOT.includes(target.replace(/\.tsx?$/, '')))
          .map((target) => `${rel(f)} -> ${rel(target)}`),
      );
    expect(violations).toEqual([]);
  });

  it("no feature imports another feature's resolvers", () => {
    const violations = files
      .filter((f) => featureOf(f))
      .flatMap((f) =>
        importsOf(f)
          .filter((target) => /\.resolvers$/.test(target) && featureOf(target) && featureOf(target) !== featureOf(f))
          .map((target) => `${rel(f)} -> ${rel(target)}`),
      );
    expect(violations).toEqual([]);
  });

  it('every feature folder has an index.ts that modules/index.ts lists', () => {
    const modulesDir = path.join(SRC, 'modules');
    const folders = fs.readdirSync(modulesDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    const listed = fs.readFileSync(path.join(modulesDir, 'index.ts'), 'utf8');
    for (const folder of folders) {
      expect(fs.existsSync(path.join(modulesDir, folder, 'index.ts'))).toBe(true);
      expect(listed).toContain(`from './${folder}'`);
    }
  });
});
