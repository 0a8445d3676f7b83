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
