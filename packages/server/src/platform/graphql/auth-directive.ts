import { MapperKind, filterSchema, getDirective, mapSchema, pruneSchema } from '@graphql-tools/utils';
import { defaultFieldResolver, type GraphQLFieldConfig, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { ApiScope, Role } from '../../generated/graphql';
import { forbidden, toGraphQLError, unauthenticated } from '../errors';
import type { PlatformContext } from './context';

export class MissingAuthRuleError extends Error {
  constructor(readonly fields: string[]) {
    super(`Refusing to start: every root field needs exactly one of @auth or @public. Fix: ${fields.join(', ')}`);
    this.name = 'MissingAuthRuleError';
  }
}

/**
 * Who may call a root field: `null` means public. Staff: `roles` (empty: any staff member) unless the field is for
 * API keys only. API keys: only when `scopes` is given, holding every scope listed.
 */
interface Rule {
  roles: Role[];
  staff: boolean;
  scopes: ApiScope[] | null;
}

type AuthArgs = { requires?: Role[]; scopes?: ApiScope[] };

function ruleOf(schema: GraphQLSchema, field: GraphQLFieldConfig<unknown, unknown>): Rule | null | undefined {
  const auth = getDirective(schema, field, 'auth')?.[0] as AuthArgs | undefined;
  const isPublic = Boolean(getDirective(schema, field, 'public')?.[0]);
  if (Boolean(auth) === isPublic) return undefined;
  if (isPublic || !auth) return null;
  return { roles: auth.requires ?? [], staff: Boolean(auth.requires) || !auth.scopes, scopes: auth.scopes?.length ? auth.scopes : null };
}

/**
 * The staff roles that may call a Query field under its `@auth` (empty: every staff member), or null when staff may not
 * (no such field, public, or for API keys only). For other doors to the same data (list exports).
 */
export function staffRolesOf(schema: GraphQLSchema, queryField: string): Role[] | null {
  const field = schema.getQueryType()?.getFields()[queryField];
  const rule = field ? ruleOf(schema, field as unknown as GraphQLFieldConfig<unknown, unknown>) : undefined;
  return rule && rule.staff ? rule.roles : null;
}

function guard(rule: Rule, fieldName: string) {
  return (ctx: PlatformContext) => {
    const caller = ctx.apiCaller;
    if (caller) {
      if (rule.scopes && rule.scopes.every((s) => caller.scopes.includes(s))) return;
      ctx.logger.info({ field: fieldName, apiKey: caller.prefix }, 'api key refused');
      throw toGraphQLError(forbidden('This API key may not do this.'));
    }
    if (!ctx.viewer) throw toGraphQLError(unauthenticated());
    if (!rule.staff || (rule.roles.length && !rule.roles.includes(ctx.viewer.role))) {
      ctx.logger.info({ field: fieldName, role: ctx.viewer.role }, 'role refused');
      throw toGraphQLError(forbidden());
    }
  };
}

/**
 * Default-deny: reads `@auth`/`@public` on every Query, Mutation and Subscription field, refuses to build a schema
 * where one has neither (or both), and wraps `resolve`/`subscribe` with the role and scope check.
 */
export function applyAuthRules(schema: GraphQLSchema): GraphQLSchema {
  const missing: string[] = [];
  const mapped = mapSchema(schema, {
    [MapperKind.ROOT_FIELD]: (field, fieldName, typeName) => {
      const rule = ruleOf(schema, field);
      if (rule === undefined) {
        missing.push(`${typeName}.${fieldName}`);
        return field;
      }
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

/**
 * The schema API keys see: only the root fields whose `@auth` names scopes, and the types reachable from them. A key
 * cannot name, nor introspect, anything else: staff fields and types are not in its schema at all. (The fields keep
 * their guards: a key still needs the scopes.)
 */
export function apiKeySchema(schema: GraphQLSchema): GraphQLSchema {
  const open = new Set<string>();
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      const rule = field.astNode ? ruleOf(schema, field as unknown as GraphQLFieldConfig<unknown, unknown>) : undefined;
      if (rule?.scopes) open.add(`${root!.name}.${field.name}`);
    }
  }
  return pruneSchema(filterSchema({ schema, rootFieldFilter: (type, name) => open.has(`${type}.${name}`) }));
}
