/** UUID keys, or bigint keys (audit entries). */
const KEY_RE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{1,19})$/i;

/** Opaque Relay ID: base64url("Type:key"). */
export function toGlobalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`).toString('base64url');
}

/** Decodes a global ID; null when malformed. */
export function fromGlobalId(globalId: string): { type: string; id: string } | null {
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const sep = decoded.indexOf(':');
  if (sep < 1) return null;
  const type = decoded.slice(0, sep);
  const id = decoded.slice(sep + 1);
  return KEY_RE.test(id) ? { type, id } : null;
}

/** The key inside a global ID of the expected type; null when malformed or of another type. */
export function idOf(type: string, globalId: string | null | undefined): string | null {
  if (!globalId) return null;
  const parsed = fromGlobalId(globalId);
  return parsed && parsed.type === type ? parsed.id : null;
}

/** Matches no row: what a malformed ID, or one of another type, becomes (see `keyOf`). */
export const NO_MATCH_ID = '00000000-0000-0000-0000-000000000000';

/**
 * The key inside an ID argument, as services take it, where absent (undefined), none (null) and empty pass through
 * unchanged: a malformed ID or one of another type becomes NO_MATCH_ID, which matches no row, so the service answers
 * as for a missing record (a NOT_FOUND user error on the field) and a filter on it matches nothing.
 */
export function keyOf<T extends string | null | undefined>(type: string, globalId: T): T extends string ? string : T;
export function keyOf(type: string, globalId: string | null | undefined): string | null | undefined {
  return globalId ? (idOf(type, globalId) ?? NO_MATCH_ID) : globalId;
}

/** `value` with each ID field named in `types` replaced by its key (see keyOf): `keysIn(filter, { teamId: 'Team' })`. */
export function keysIn<T extends object>(value: T, types: { [K in keyof T]?: string }): T {
  const out = { ...value } as Record<string, unknown>;
  for (const [field, type] of Object.entries(types) as Array<[string, string]>) {
    if (field in out) out[field] = keyOf(type, out[field] as string | null | undefined);
  }
  return out as T;
}

/** A hard delete's payload with `deletedId` as the client gave it (the service answers the key). */
export const deletedAs =
  (globalId: string) =>
  <R extends { deletedId: string | null }>(r: R): R => ({ ...r, deletedId: r.deletedId && globalId });
