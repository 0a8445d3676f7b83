import fs from 'node:fs';
import path from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import type { Resolvers } from '../../generated/graphql';
import { authResolvers } from '../../modules/auth/auth.resolvers';
import { teamResolvers } from '../../modules/teams/team.resolvers';
import { userResolvers } from '../../modules/users/user.resolvers';
import { applyAuthRules } from './auth-directive';
import { scalarResolvers } from './scalars';

/** `schema/` at the repository root (same relative place from src/ and dist/), unless SCHEMA_DIR says otherwise. */
export const SCHEMA_DIR = process.env.SCHEMA_DIR ?? path.resolve(__dirname, '../../../../../schema');

export function loadTypeDefs(dir = SCHEMA_DIR): string[] {
  const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.graphql')).sort();
  if (!files.length) throw new Error(`no .graphql files under ${dir}`);
  return files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
}

export const resolvers: Resolvers[] = [scalarResolvers as Resolvers, authResolvers, userResolvers, teamResolvers];

/** The executable schema, with default-deny auth rules applied (throws if a root field has no rule). */
export function buildSchema(typeDefs: string[] = loadTypeDefs()): GraphQLSchema {
  return applyAuthRules(makeExecutableSchema({ typeDefs, resolvers, inheritResolversFromInterfaces: true }));
}
