import {
  defaultFieldResolver,
  getNamedType,
  GraphQLError,
  isAbstractType,
  isLeafType,
  isObjectType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLFieldResolver,
  type GraphQLFormattedError,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { ErrorCode } from '../errors';
import { selectedNames } from './selection';

export interface BudgetLimits {
  /** Wall-clock time one query (or one subscription delivery) may run; mutations are not cut short. */
  timeMs: number;
  /** Approximate bytes of the JSON response. */
  maxResponseBytes: number;
}

type Limit = 'time' | 'responseSize';

/**
 * What one execution may spend: a deadline and a response-size allowance. Every resolver checks it before it runs
 * and charges what it returned, so an expensive request stops at the first field past its budget and answers one
 * QUERY_TOO_COMPLEX error with `limit`.
 * One per HTTP request; a subscription's is reset for every event it delivers.
 */
export class ExecutionBudget {
  private deadline = Infinity;
  private bytes = 0;
  private timer: NodeJS.Timeout | null = null;
  private expiry: Promise<never> | null = null;
  private expire: (() => void) | null = null;
  private readonly gone = new AbortController();
  /** The limit this execution ran into, if any. */
  exceeded: Limit | null = null;
  /** Aborted once the client has gone (its connection closed before the answer). */
  readonly abandoned: AbortSignal = this.gone.signal;

  constructor(private readonly limits: BudgetLimits) {
    this.reset();
  }

  /**
   * Starts a fresh allowance (execution starting, a new subscription event). `timed: false` for mutations: once
   * started they run to completion, since cutting one short would answer an error for a committed change.
   */
  reset(timed = true): void {
    this.dispose();
    this.deadline = timed ? Date.now() + this.limits.timeMs : Infinity;
    this.bytes = 0;
    this.exceeded = null;
  }

  /** Throws when the budget is spent. */
  check(): void {
    if (this.exceeded) throw this.error(this.exceeded);
    if (Date.now() > this.deadline) this.fail('time');
  }

  charge(bytes: number): void {
    this.bytes += bytes;
    if (this.bytes > this.limits.maxResponseBytes) this.fail('responseSize');
  }

  /**
   * The client has gone: a query stops at its next field or pending load, as if past its deadline (nobody reads the
   * answer); a mutation runs to completion, as it would past its deadline.
   */
  abandon(): void {
    this.gone.abort();
    if (this.deadline === Infinity) return;
    this.deadline = 0;
    this.expire?.();
  }

  /** `p`, or a rejection at the deadline, whichever comes first. */
  race<T>(p: Promise<T>): Promise<T> {
    if (this.deadline === Infinity) return p;
    if (!this.expiry) {
      this.expiry = new Promise<never>((_, reject) => {
        this.expire = () => {
          this.exceeded ??= 'time';
          reject(this.error('time'));
        };
        this.timer = setTimeout(this.expire, Math.max(0, this.deadline - Date.now()));
        this.timer.unref();
      });
      this.expiry.catch(() => undefined);
    }
    return Promise.race([p, this.expiry]);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.expiry = null;
    this.expire = null;
  }

  /** The one error a response carries instead of its data once the budget was exceeded. */
  formatted(): GraphQLFormattedError {
    const e = this.error(this.exceeded ?? 'time');
    return { message: e.message, extensions: e.extensions };
  }

  private fail(limit: Limit): never {
    this.exceeded ??= limit;
    throw this.error(limit);
  }

  private error(limit: Limit): GraphQLError {
    const message =
      limit === 'time'
        ? `Query exceeded the time budget of ${this.limits.timeMs} ms. Ask for smaller pages or fewer nested lists.`
        : `Response exceeds the size budget of ${this.limits.maxResponseBytes} bytes. Ask for smaller pages or fewer fields.`;
    return new GraphQLError(message, { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit } });
  }
}

/** Approximate JSON bytes of a resolved value (leaves only; objects are counted through their own fields). */
function sizeOf(value: unknown, info: GraphQLResolveInfo): number {
  const key = info.fieldName.length + 4;
  if (!isLeafType(getNamedType(info.returnType))) return key;
  if (Array.isArray(value)) return key + value.reduce((n: number, v) => n + leafSize(v), 0);
  return key + leafSize(value);
}

const leafSize = (v: unknown) => (typeof v === 'string' ? v.length + 2 : 8);

/**
 * Leaf fields that read a property (no resolver of their own) run unwrapped, since wrapping every one of them cost a
 * tenth of a large response's CPU. Their parent charges them instead: when a field resolves to objects, each object
 * is charged for the plain leaves the query selects on it, read the way the default resolver reads them.
 */
function plainLeavesCharge(value: unknown, info: GraphQLResolveInfo): number {
  const names = selectedPlainLeaves(info);
  if (!names.length) return 0;
  let bytes = 0;
  const chargeObject = (o: unknown) => {
    if (o === null || typeof o !== 'object') return;
    for (const name of names) {
      const v = (o as Record<string, unknown>)[name];
      if (v !== undefined) bytes += name.length + 4 + (Array.isArray(v) ? v.reduce((n: number, x) => n + leafSize(x), 0) : leafSize(v));
    }
  };
  if (Array.isArray(value)) value.forEach((v) => (Array.isArray(v) ? v.forEach(chargeObject) : chargeObject(v)));
  else chargeObject(value);
  return bytes;
}

/** The plain leaves the query selects under a field, per field node and return type (see `selectedNames`). */
const plainLeavesCache = new WeakMap<ReadonlySet<string>, Map<GraphQLNamedType, string[]>>();

function selectedPlainLeaves(info: GraphQLResolveInfo): string[] {
  const type = getNamedType(info.returnType);
  const selected = selectedNames(info);
  let byType = plainLeavesCache.get(selected);
  if (!byType) plainLeavesCache.set(selected, (byType = new Map()));
  let names = byType.get(type);
  if (names) return names;
  const types: readonly GraphQLObjectType[] = isAbstractType(type) ? info.schema.getPossibleTypes(type) : isObjectType(type) ? [type] : [];
  const plain = new Set<string>();
  for (const t of types) for (const f of Object.values(t.getFields())) if (isPlainLeaf(f)) plain.add(f.name);
  names = [...selected].filter((name) => plain.has(name));
  byType.set(type, names);
  return names;
}

const isPlainLeaf = (field: Pick<GraphQLField<unknown, unknown>, 'resolve' | 'type'>) => !field.resolve && isLeafType(getNamedType(field.type));

interface HasBudget {
  budget?: ExecutionBudget;
}

const isPromise = (v: unknown): v is Promise<unknown> => typeof (v as Promise<unknown> | null)?.then === 'function';

function budgeted(inner: GraphQLFieldResolver<unknown, HasBudget>): GraphQLFieldResolver<unknown, HasBudget> {
  return (source, args, ctx, info) => {
    const budget = ctx?.budget;
    if (!budget) return inner(source, args, ctx, info);
    budget.check();
    return settle(budget, inner(source, args, ctx, info), info);
  };
}

/** Charges what a resolver returned (once it resolved, within the deadline). */
function settle(budget: ExecutionBudget, result: unknown, info: GraphQLResolveInfo): unknown {
  if (isPromise(result)) {
    return budget.race(result).then((value) => {
      budget.charge(sizeOf(value, info) + plainLeavesCharge(value, info));
      return value;
    });
  }
  budget.charge(sizeOf(result, info) + plainLeavesCharge(result, info));
  return result;
}

/**
 * Wraps the field resolvers with the execution budget of its context (`ctx.budget`): every field but plain leaves
 * (charged by their parent, see `plainLeavesCharge`). A subscription field's `resolve` runs once per event, so it
 * starts a fresh allowance for that delivery.
 */
export function applyBudgets(schema: GraphQLSchema): GraphQLSchema {
  const subscriptionType = schema.getSubscriptionType()?.name;
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field, _name, typeName) => {
      if (typeName !== subscriptionType && isPlainLeaf(field)) return field;
      const inner = budgeted((field.resolve ?? defaultFieldResolver) as GraphQLFieldResolver<unknown, HasBudget>);
      if (typeName !== subscriptionType) return { ...field, resolve: inner };
      return {
        ...field,
        resolve: (source, args, ctx: HasBudget, info) => {
          ctx?.budget?.reset();
          return inner(source, args, ctx, info);
        },
      };
    },
  });
}
