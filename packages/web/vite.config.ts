import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { firstLoadSize } from './build/first-load-size';
import { precompress } from './build/precompress';

/** The API the dev server and `vite preview` proxy `/graphql` (HTTP and WebSocket) to. */
const api = process.env.API_URL ?? 'http://localhost:4000';
const proxy = {
  '/graphql': { target: api, ws: true, changeOrigin: true },
  // Photos and documents: uploads (POST /uploads, GET /uploads/:key) and signed file URLs (GET /files/:id).
  '/uploads': { target: api, changeOrigin: true },
  '/files': { target: api, changeOrigin: true },
  // CSV imports: the upload (POST /imports) and the error reports; the page /imports itself stays the app's.
  '/imports': { target: api, changeOrigin: true, bypass: (req: { method?: string; url?: string }) => (req.method === 'GET' && !req.url?.endsWith('.csv') ? req.url : undefined) },
};

export default defineConfig({
  plugins: [react(), firstLoadSize(), precompress()],
  server: { proxy },
  preview: { proxy },
  build: { sourcemap: true, chunkSizeWarningLimit: 600 },
});
