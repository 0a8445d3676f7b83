import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A GraphQL IDE build as packages/ide's leaves it (index.html and hashed assets), standing in for the real one. */
export interface IdeDist {
  dir: string;
  script: string;
  remove(): void;
}

export function makeIdeDist(): IdeDist {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-ide-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  const script = '/graphql/ide/assets/index-Ide12_x.js';
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    `<!doctype html><html><head><title>GraphQL IDE</title><script type="module" crossorigin src="${script}"></script></head><body><div id="ide"></div></body></html>`,
  );
  fs.writeFileSync(path.join(dir, 'assets', 'index-Ide12_x.js'), 'export const ide = true;\n');
  return { dir, script, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Runs the apps this file starts with `dirs` as IDE_DIST_DIR and WEB_DIST_DIR (set in `beforeAll`, restored in
 * `afterAll`); call it before `useTestApp`.
 */
export function useDistDirs(dirs: () => { ide: string; web: string }): void {
  const previous = { ide: process.env.IDE_DIST_DIR, web: process.env.WEB_DIST_DIR };
  const restore = (name: string, value: string | undefined) => (value === undefined ? delete process.env[name] : (process.env[name] = value));
  beforeAll(() => {
    const { ide, web } = dirs();
    process.env.IDE_DIST_DIR = ide;
    process.env.WEB_DIST_DIR = web;
  });
  afterAll(() => {
    restore('IDE_DIST_DIR', previous.ide);
    restore('WEB_DIST_DIR', previous.web);
  });
}
