import express from 'express';
import { coerceInputValue, isInputType, type GraphQLInputType, type GraphQLSchema } from 'graphql';
import type { ObjectLiteral } from 'typeorm';
import { isApiKey } from '../auth/api-caller';
import type { Viewer } from '../auth/viewer';
import { keysetBatches, type ListQuery } from '../db/pagination';
import { domainErrorOf, ErrorCode, INTERNAL_MESSAGE } from '../errors';
import { staffRolesOf } from '../graphql/auth-directive';
import { keyOf, toGlobalId } from '../graphql/global-id';
import type { Logger } from '../logger';
import { writeCsv } from './csv';
import { scopeOf } from './request-scope';

/** One column: its heading and its value for a row (may read linked records through `ctx`, e.g. its loaders). */
export interface ExportColumn<T, Ctx> {
  /** The heading, or how to make it for the exporting viewer's context (e.g. naming the company's time zone). */
  header: string | ((ctx: Ctx) => string);
  /** The value; a column with `globalId` holds the row's key of that type and is written as the API's global ID. */
  value: (row: T, ctx: Ctx) => unknown;
  globalId?: string;
}

/**
 * A list view that can be exported as CSV: `POST /export/<name>.csv` with the list's own `filter` and `orderBy` (the
 * same JSON its GraphQL query takes), answered with every row the list would page through, in its order.
 */
export interface ListExport<Ctx, T extends ObjectLiteral = ObjectLiteral, A = ExportArgs> {
  /** The list's Query field (`customers`): the export's URL name, and whose `@auth` roles it keeps. */
  name: string;
  /** The list query's input types, e.g. `CustomerFilter` and `CustomerOrder`: the JSON is coerced as GraphQL would. */
  filterType: string;
  orderType: string;
  /** The filter's ID fields and the type of record each names (decoded as the list's resolver decodes them). */
  ids: Record<string, string>;
  /**
   * The list's query, from its service: the very filters, row rules and order of the list. `args` are the list's own
   * `filter` and `orderBy` input types (coerced by the schema, IDs decoded), as its resolver hands them to the service.
   */
  query: (ctx: Ctx, viewer: Viewer, args: A) => ListQuery<T>;
  columns: Array<ExportColumn<T, Ctx>>;
}

/** A list's `filter` and `orderBy` as JSON objects (coerced to their input types before a `query` sees them). */
export interface ExportArgs {
  filter: Record<string, unknown> | null;
  orderBy: Record<string, unknown> | null;
}

/** Rows per statement (and per batch of linked-record loads). */
export const EXPORT_BATCH = 500;
/** The most rows anyone but an admin exports at once; admins have no limit. */
export const EXPORT_ROW_CAP = 10_000;
/** Exports running at once in one process (each holds a connection per batch, not for its whole run). */
export const MAX_CONCURRENT_EXPORTS = 4;

export interface ExportRoutesOptions<Ctx> {
  exports: Array<ListExport<Ctx, any, any>>;
  schema: GraphQLSchema;
  /** The staff viewer of a bearer access token (throws UNAUTHENTICATED). */
  authenticate: (token: string) => Promise<Viewer>;
  /** What columns and queries read, for one viewer; made anew per batch (fresh loaders: memory stays bounded). */
  context: (viewer: Viewer) => Ctx;
  logger: Logger;
}

class ExportRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const BEARER = /^Bearer\s+(\S+)$/i;
const today = () => new Date().toISOString().slice(0, 10);

/**
 * `POST /export/<list>.csv`: the rows of a list view as filtered and ordered, streamed as CSV (UTF-8 with BOM, RFC 4180,
 * formula-like cells neutralised). Authenticated like `/graphql`, with the bearer access token in the Authorization
 * header (never in the URL: addresses end up in logs and browser history), so it cannot be triggered cross-site.
 * Staff sessions only (an API key is refused). Errors before the first byte are JSON in the GraphQL error shape.
 */
export function listExportRoutes<Ctx>(o: ExportRoutesOptions<Ctx>): express.Router {
  const router = express.Router();
  const byName = new Map(o.exports.map((e) => [e.name, e]));
  const types = new Map(o.exports.map((e) => [e.name, { filter: inputType(o.schema, e.filterType), order: inputType(o.schema, e.orderType) }]));
  for (const e of o.exports) checkIds(o.schema, e);
  const roles = new Map(
    o.exports.map((e) => {
      const allowed = staffRolesOf(o.schema, e.name);
      if (!allowed) throw new Error(`list export ${e.name}: no Query field ${e.name} that staff may call`);
      return [e.name, allowed];
    }),
  );
  let running = 0;

  router.post('/export/:list.csv', express.json({ limit: '64kb' }), async (req, res) => {
    const scope = scopeOf(res);
    const logger = scope?.logger ?? o.logger;
    const list = byName.get(String(req.params.list));
    const started = Date.now();
    let counted = false;
    try {
      if (!list) throw new ExportRefusal(404, ErrorCode.NOT_FOUND, `No list "${String(req.params.list)}" to export.`);
      const token = BEARER.exec(req.header('authorization') ?? '')?.[1];
      if (!token) throw new ExportRefusal(401, ErrorCode.UNAUTHENTICATED, 'Sign in to export: send "Authorization: Bearer <access token>".');
      if (isApiKey(token)) throw new ExportRefusal(403, ErrorCode.FORBIDDEN, 'Exports are for staff sessions; API keys read lists through the API.');
      const viewer = await o.authenticate(token);
      const allowed = roles.get(list.name)!;
      if (allowed.length && !allowed.includes(viewer.role)) throw new ExportRefusal(403, ErrorCode.FORBIDDEN, 'You are not allowed to do this.');
      const body: unknown = req.body ?? {};
      if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ExportRefusal(400, ErrorCode.BAD_USER_INPUT, 'Send a JSON object: { "filter": …, "orderBy": … }.');
      const { filter, orderBy } = body as { filter?: unknown; orderBy?: unknown };
      const t = types.get(list.name)!;
      const args: ExportArgs = {
        filter: decodeIds(coerce(filter, t.filter, 'filter'), list.ids),
        orderBy: coerce(orderBy, t.order, 'orderBy'),
      };
      const { query, order } = list.query(o.context(viewer), viewer, args);
      if (viewer.role !== 'ADMIN') {
        const rows = await query.getCount();
        if (rows > EXPORT_ROW_CAP) {
          throw new ExportRefusal(422, ErrorCode.BAD_USER_INPUT, `This view has ${rows.toLocaleString('en-US')} rows; you may export up to ${EXPORT_ROW_CAP.toLocaleString('en-US')} at a time. Narrow the filters.`);
        }
      }
      if (running >= MAX_CONCURRENT_EXPORTS) throw new ExportRefusal(429, ErrorCode.RATE_LIMITED, 'Other exports are running; try again in a moment.');
      running++;
      counted = true;

      let closed = false;
      res.once('close', () => (closed = !res.writableFinished));
      res.status(200);
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="${list.name}-${today()}.csv"`);
      res.setHeader('Cache-Control', 'no-store');
      const ctx = o.context(viewer);
      const header = list.columns.map((c) => (typeof c.header === 'function' ? c.header(ctx) : c.header));
      const batches = (async function* () {
        for await (const rows of keysetBatches(query, order, EXPORT_BATCH)) {
          const ctx = o.context(viewer);
          yield await Promise.all(rows.map((row) => Promise.all(list.columns.map(async (c) => cellOf(c, await c.value(row, ctx))))));
        }
      })();
      const { records, complete } = await writeCsv(res, header, batches, () => closed);
      res.end();
      logger.info({ list: list.name, viewerId: viewer.id, role: viewer.role, records, complete, ms: Date.now() - started }, 'list exported');
    } catch (err) {
      const refusal = err instanceof ExportRefusal ? err : null;
      const domain = domainErrorOf(err);
      if (res.headersSent) {
        // Mid-stream: the client sees a cut download, never a file that looks complete.
        logger.error({ err, list: list?.name }, 'export failed while streaming');
        res.destroy();
        return;
      }
      if (!refusal && !domain) logger.error({ err, list: list?.name }, 'export failed');
      const status = refusal?.status ?? (domain ? (domain.code === ErrorCode.UNAUTHENTICATED ? 401 : domain.code === ErrorCode.FORBIDDEN ? 403 : 400) : 500);
      const code = refusal?.code ?? domain?.code ?? ErrorCode.INTERNAL;
      const message = refusal?.message ?? domain?.message ?? INTERNAL_MESSAGE;
      res.status(status).json({ errors: [{ message, extensions: { code, ...(domain?.field ? { field: domain.field } : {}), ...(code === ErrorCode.INTERNAL ? { requestId: scope?.requestId } : {}) } }] });
    } finally {
      if (counted) running--;
    }
  });
  return router;
}

function cellOf<T, Ctx>(column: ExportColumn<T, Ctx>, value: unknown): unknown {
  return column.globalId && typeof value === 'string' ? toGlobalId(column.globalId, value) : value;
}

function inputType(schema: GraphQLSchema, name: string): GraphQLInputType {
  const type = schema.getType(name);
  if (!type || !isInputType(type)) throw new Error(`list export: no input type ${name} in the schema`);
  return type;
}

/** Every ID field of the filter type must be decoded (a global ID compared with a uuid column would be an error). */
function checkIds<Ctx>(schema: GraphQLSchema, e: ListExport<Ctx, any, any>): void {
  const type = schema.getType(e.filterType);
  if (!type || !('getFields' in type)) return;
  const fields = Object.values(type.getFields() as Record<string, { name: string; type: { toString(): string } }>);
  const lists = fields.filter((f) => /^\[ID/.test(f.type.toString())).map((f) => f.name);
  if (lists.length) throw new Error(`list export ${e.name}: lists of IDs (${lists.join(', ')}) are not decoded yet`);
  const missing = fields.filter((f) => /^ID!?$/.test(f.type.toString()) && !(f.name in e.ids)).map((f) => f.name);
  if (missing.length) throw new Error(`list export ${e.name}: say which type of record ${missing.join(', ')} of ${e.filterType} names (ids)`);
}

/** The JSON coerced to the input type as GraphQL coerces variables (enums, custom scalars, unknown fields refused). */
function coerce(value: unknown, type: GraphQLInputType, field: string): Record<string, unknown> | null {
  if (value === undefined || value === null) return null;
  const problems: string[] = [];
  const coerced = coerceInputValue(value, type, (path, _invalid, error) => problems.push(`${[field, ...path].join('.')}: ${error.message}`));
  if (problems.length) throw new ExportRefusal(400, ErrorCode.BAD_USER_INPUT, problems.join(' '));
  return coerced as Record<string, unknown>;
}

function decodeIds(filter: Record<string, unknown> | null, ids: Record<string, string>): Record<string, unknown> | null {
  if (!filter) return null;
  const out = { ...filter };
  for (const [field, type] of Object.entries(ids)) {
    if (typeof out[field] === 'string') out[field] = keyOf(type, out[field] as string);
  }
  return out;
}

export type { ListQuery };
