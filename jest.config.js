/** One jest run over every package, so `pnpm test` reports one total. */
/** @type {import('jest').Config} */
module.exports = {
  projects: ['<rootDir>/packages/server', '<rootDir>/packages/web', '<rootDir>/packages/web/e2e'],
  maxWorkers: 2,
};
