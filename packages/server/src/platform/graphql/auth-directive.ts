import { MapperKind, getDirective, mapSchema } from '@graphql-tools/utils';
import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { Role } from '../../generated/graphql';
import { forbidden, toGraphQLError, unauthenticated } from '../errors';
import type { PlatformContext } from './context';

export class MissingAuthRuleError extends Error {
  constructor(readonly fields: string[]) {
    super(`Refusing to start: every root field needs exactly one of @auth or @public. Fix: ${fields.join(', ')}`);
    this.name = 'MissingAuthRuleError';
  }
}

/** Who may call a root field: `null` means public, `[]` any signed-in user, otherwise one of the roles. */
type Rule = Role[] | null;

function guard(rule: Role[], fieldName: string) {
  return (ctx: PlatformContext) => {
    if (!ctx.viewer) throw toGraphQLError(unauthenticated());
    if (rule.length && !rule.includes(ctx.viewer.role)) {
      ctx.logger.info({ field: fieldName, role: ctx.viewer.role }, 'role refused');
      throw toGraphQLError(forbidden());
    }
  };
}

/**
 * Default-deny: reads `@auth`/`@public` on every Query, Mutation and Subscription field, refuses to build a schema
 * where one has neither (or both), and wraps `resolve`/`subscribe` with the role check.
 */
export function applyAuthRules(schema: GraphQLSchema): GraphQLSchema {
  const missing: string[] = [];
  const mapped = mapSchema(schema, {
    [MapperKind.ROOT_FIELD]: (field, fieldName, typeName) => {
      const auth = getDirective(schema, field, 'auth')?.[0] as { requires?: Role[] } | undefined;
      const isPublic = Boolean(getDirective(schema, field, 'public')?.[0]);
      if (Boolean(auth) === isPublic) {
        missing.push(`${typeName}.${fieldName}`);
        return field;
      }
      const rule: Rule = isPublic ? null : (auth?.requires ?? []);
      if (rule === null) return field;
      const check = guard(rule, `${typeName}.${fieldName}`);
      const wrap = (inner: GraphQLFieldResolver<unknown, PlatformContext>): GraphQLFieldResolver<unknown, PlatformContext> =>
        (source, args, ctx, info) => {
          check(ctx);
          return inner(source, args, ctx, info);
        };
      return typeName === 'Subscription' && field.subscribe
        ? { ...field, subscribe: wrap(field.subscribe) }
        : { ...field, resolve: wrap(field.resolve ?? defaultFieldResolver) };
    },
  });
  if (missing.length) throw new MissingAuthRuleError(missing);
  return mapped;
}
