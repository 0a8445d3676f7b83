import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { firstLoadSize } from './build/first-load-size';
import { graphqlDocuments } from './build/graphql-documents';
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

/**
 * The libraries the shell runs on (React, the router, Apollo Client, GraphQL, WebSocket): their own chunk, which a
 * deploy of the app's code leaves unchanged, so browsers keep it cached.
 */
const VENDOR = /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|@apollo[\\/]client|graphql|graphql-ws|rxjs|optimism|@wry[\\/][\w-]+|tslib)[\\/]/;

export default defineConfig({
  plugins: [react(), graphqlDocuments(), firstLoadSize(), precompress()],
  server: { proxy },
  preview: { proxy },
  build: {
    sourcemap: true,
    chunkSizeWarningLimit: 600,
    rollupOptions: { output: { manualChunks: (id) => (VENDOR.test(id) ? 'vendor' : undefined) } },
  },
});
