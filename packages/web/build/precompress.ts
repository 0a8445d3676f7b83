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
      const compressed = { count: 0, raw: 0, br: 0, gz: 0 };
      const js = { count: 0, raw: 0, br: 0, gz: 0 }; // every script, as served (small ones as they are)
      const add = (total: typeof js, raw: number, br: number, gz: number) => {
        total.count += 1;
        total.raw += raw;
        total.br += Math.min(br, raw);
        total.gz += Math.min(gz, raw);
      };
      await Promise.all(
        files.map(async (file) => {
          const path = join(dir, file);
          const data = await readFile(path);
          const isJs = file.endsWith('.js');
          if (data.length < MIN_BYTES) {
            if (isJs) add(js, data.length, data.length, data.length);
            return;
          }
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
          if (b.length < data.length) await writeFile(`${path}.br`, b);
          if (g.length < data.length) await writeFile(`${path}.gz`, g);
          add(compressed, data.length, b.length, g.length);
          if (isJs) add(js, data.length, b.length, g.length);
        }),
      );
      const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;
      const line = (t: typeof js) => `${t.count} file(s): ${kb(t.raw)} → brotli ${kb(t.br)}, gzip ${kb(t.gz)}`;
      config.logger.info(`Precompressed ${line(compressed)}`);
      config.logger.info(`All JavaScript, as served: ${line(js)}`);
    },
  };
}
