import fs from 'node:fs';
import path from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { IResolvers } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import { applyAuthRules } from './auth-directive';
import { applyBudgets } from './budget';
import { checkListBounds } from './cost';
import { scalarResolvers } from './scalars';

/** `schema/` at the repository root (same relative place from src/ and dist/), unless SCHEMA_DIR says otherwise. */
export const SCHEMA_DIR = process.env.SCHEMA_DIR ?? path.resolve(__dirname, '../../../../../schema');

export function loadTypeDefs(dir = SCHEMA_DIR): string[] {
  const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.graphql')).sort();
  if (!files.length) throw new Error(`no .graphql files under ${dir}`);
  return files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
}

/**
 * The executable schema, with default-deny auth rules and execution budgets applied. Throws if a root field has no
 * auth rule or a list field no `@listSize` bound.
 */
export function buildSchema(resolvers: readonly object[], typeDefs: string[] = loadTypeDefs()): GraphQLSchema {
  return checkListBounds(
    applyBudgets(applyAuthRules(makeExecutableSchema({ typeDefs, resolvers: [scalarResolvers, ...resolvers] as IResolvers[], inheritResolversFromInterfaces: true }))),
  );
}
