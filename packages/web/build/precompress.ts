import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin, ResolvedConfig } from 'vite';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Text assets worth compressing (source maps are left out: only devtools fetch them). */
const COMPRESSIBLE = /\.(js|mjs|css|svg|json|html|txt)$/;
/** Below this, the saving is smaller than a header line. */
const MIN_BYTES = 1024;

/**
 * Writes `<file>.br` (brotli, best quality) and `<file>.gz` (gzip -9) next to every compressible file the build
 * emits, once, so the server sends them with `Content-Encoding` instead of compressing on every request
 * (packages/server/src/platform/http/spa.ts). A variant is kept only when it is smaller than the file.
 */
export function precompress(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'crm:precompress',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    async writeBundle(options, bundle) {
      const dir = options.dir ?? config.build.outDir;
      const files = Object.keys(bundle).filter((f) => COMPRESSIBLE.test(f));
      let count = 0;
      let raw = 0;
      let br = 0;
      let gzBytes = 0;
      await Promise.all(
        files.map(async (file) => {
          const path = join(dir, file);
          const data = await readFile(path);
          if (data.length < MIN_BYTES) return;
          const [b, g] = await Promise.all([
            brotli(data, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
                [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
              },
            }),
            gz(data, { level: constants.Z_BEST_COMPRESSION }),
          ]);
          count += 1;
          raw += data.length;
          if (b.length < data.length) await writeFile(`${path}.br`, b);
          if (g.length < data.length) await writeFile(`${path}.gz`, g);
          br += Math.min(b.length, data.length);
          gzBytes += Math.min(g.length, data.length);
        }),
      );
      const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;
      config.logger.info(`Precompressed ${count} file(s): ${kb(raw)} → brotli ${kb(br)}, gzip ${kb(gzBytes)}`);
    },
  };
}
