/** One jest run over every package, so `pnpm test` reports one total. */
/** @type {import('jest').Config} */
module.exports = {
  projects: ['<rootDir>/packages/server', '<rootDir>/packages/web', '<rootDir>/packages/web/e2e'],
  maxWorkers: 2,
  // Global options (a project's own testTimeout is ignored in multi-project runs). CI shares 2 cores between the
  // server tests, jsdom and a browser, so give each test room.
  testTimeout: 30_000,
};
