import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin, ResolvedConfig, Rollup } from 'vite';

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`; // as Vite prints sizes

/** The entry chunks and every chunk they import statically: what loads before the first render. */
function firstLoadFiles(bundle: Rollup.OutputBundle): string[] {
  const seen = new Set<string>();
  const visit = (fileName: string) => {
    const chunk = bundle[fileName];
    if (seen.has(fileName) || chunk?.type !== 'chunk') return;
    seen.add(fileName);
    chunk.imports.forEach(visit);
  };
  Object.values(bundle).forEach((item) => item.type === 'chunk' && item.isEntry && visit(item.fileName));
  return [...seen];
}

/**
 * Reports the JavaScript a browser downloads before the first render (lazy routes excluded), raw and gzip, as
 * written to disk. Printed after the build and saved as `first-load.json` next to the app.
 */
export function firstLoadSize(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'crm:first-load-size',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    writeBundle(options, bundle) {
      const dir = options.dir ?? config.build.outDir;
      const files = firstLoadFiles(bundle);
      const sizes = files.map((f) => readFileSync(join(dir, f)));
      const rawBytes = sizes.reduce((sum, b) => sum + b.length, 0);
      const gzipBytes = sizes.reduce((sum, b) => sum + gzipSync(b).length, 0);
      writeFileSync(join(dir, 'first-load.json'), `${JSON.stringify({ files, rawBytes, gzipBytes }, null, 2)}\n`);
      config.logger.info(`First-load JS: ${kb(rawBytes)} (gzip ${kb(gzipBytes)}) in ${files.length} file(s)`);
    },
  };
}
