import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
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

/** Brotli at the quality the precompressed files have (precompress.ts). */
const brotliSize = (data: Buffer) =>
  brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT },
  }).length;

/**
 * Reports the JavaScript a browser downloads before the first render (lazy routes excluded), raw, gzip and brotli, as
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
      const brotliBytes = sizes.reduce((sum, b) => sum + brotliSize(b), 0);
      const report = { files, rawBytes, gzipBytes, brotliBytes };
      writeFileSync(join(dir, 'first-load.json'), `${JSON.stringify(report, null, 2)}\n`);
      config.logger.info(`First-load JS: ${kb(rawBytes)} (gzip ${kb(gzipBytes)}, brotli ${kb(brotliBytes)}) in ${files.length} file(s)`);
    },
  };
}
