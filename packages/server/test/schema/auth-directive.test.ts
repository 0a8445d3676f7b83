import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MissingAuthRuleError } from '../../src/platform/graphql/auth-directive';
import { buildAppSchema as buildSchema } from '../../src/schema';
import { loadTypeDefs, SCHEMA_DIR } from '../../src/platform/graphql/schema';

describe('default-deny root fields', () => {
  it('builds the real schema: every root field has a rule', () => {
    expect(() => buildSchema()).not.toThrow();
  });

  it.each([
    ['no rule', 'extend type Query { leaky: String }', 'Query.leaky'],
    ['both rules', 'extend type Mutation { confused: String @public @auth }', 'Mutation.confused'],
    ['a subscription with no rule', 'extend type Subscription { firehose: String }', 'Subscription.firehose'],
  ])('refuses a schema with %s', (_name, sdl, field) => {
    expect(() => buildSchema([...loadTypeDefs(), sdl])).toThrow(MissingAuthRuleError);
    expect(() => buildSchema([...loadTypeDefs(), sdl])).toThrow(field);
  });

  it('the server process refuses to start with such a schema', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-schema-'));
    fs.cpSync(SCHEMA_DIR, dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'leak.graphql'), 'extend type Query { leaky: String }');
    const tsx = path.resolve(__dirname, '../../node_modules/.bin/tsx');
    const run = spawnSync(tsx, [path.resolve(__dirname, '../../src/main.ts')], {
      cwd: path.resolve(__dirname, '../..'), // tsx reads the server's tsconfig (legacy decorators) from here
      env: { ...process.env, SCHEMA_DIR: dir, NODE_ENV: 'test', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Refusing to start');
    expect(run.stderr).toContain('Query.leaky');
  });
});
