import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from '../web/build/precompress';

/**
 * The GraphQL IDE, built into dist/ and served by the API server: the page at GET /graphql, its files under
 * /graphql/ide/ (platform/graphql/ide.ts). Everything it needs is in the bundle (Monaco's workers too): no CDN.
 */
const api = process.env.API_URL ?? 'http://localhost:4000';

export default defineConfig({
  base: '/graphql/ide/',
  plugins: [react(), precompress()],
  // Nothing inline: the page's Content-Security-Policy allows this origin's scripts only.
  build: {
    modulePreload: { polyfill: false },
    // Monaco is big; the page is a developer tool, loaded once and cached for good.
    chunkSizeWarningLimit: 6000,
    rollupOptions: {
      // GraphiQL's React-compiler directives ("use no memo") mean nothing to a bundle.
      onwarn: (warning, warn) => warning.code !== 'MODULE_LEVEL_DIRECTIVE' && warn(warning),
    },
  },
  worker: { format: 'es' },
  server: { proxy: { '/graphql/schema.graphql': api, '/graphql/operations.json': api, '^/graphql$': { target: api, ws: true } } },
});
