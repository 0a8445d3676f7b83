import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { firstLoadSize } from './build/first-load-size';
import { precompress } from './build/precompress';

/** The API the dev server and `vite preview` proxy `/graphql` (HTTP and WebSocket) to. */
const api = process.env.API_URL ?? 'http://localhost:4000';
const proxy = { '/graphql': { target: api, ws: true, changeOrigin: true } };

export default defineConfig({
  plugins: [react(), firstLoadSize(), precompress()],
  server: { proxy },
  preview: { proxy },
  build: { sourcemap: true, chunkSizeWarningLimit: 600 },
});
