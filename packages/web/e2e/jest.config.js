/**
 * End-to-end tests: the real server (real PostgreSQL, Redis when REDIS_URL is set) serving the built SPA, driven in
 * Debian's Chromium by playwright-core. Needs `pnpm build` first (the root `pnpm test` after `pnpm build`, as CI does).
 */
/** @type {import('jest').Config} */
export default {
  displayName: '@crm/e2e',
  testEnvironment: 'node',
  rootDir: '.',
  testMatch: ['<rootDir>/**/*.e2e.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
};
