import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Viewer } from '../../platform/auth/viewer';
import type { AuditRecorder } from '../../platform/db/entity-writer';

/** A stored company-wide setting: its JSON value (undefined: never saved) and who saved it when. */
export interface StoredSetting {
  value: unknown;
  updatedAt: Date | null;
  updatedById: string | null;
}

/** Audit entries name records by UUID; a setting is named by a UUID derived from its key. */
export function settingEntityId(key: string): string {
  const h = createHash('md5').update(key).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export async function readSetting(m: EntityManager, key: string): Promise<StoredSetting> {
  const [row]: Array<{ value: unknown; updated_at: Date; updated_by: string | null }> = await m.query(
    'SELECT value, updated_at, updated_by FROM settings WHERE key = $1',
    [key],
  );
  return { value: row?.value, updatedAt: row?.updated_at ?? null, updatedById: row?.updated_by ?? null };
}

/**
 * Saves a setting inside the caller's transaction: serialised per key (an advisory lock, so the current value is the
 * one this write replaces), upserted, and audited as an UPDATE of the `Setting` it names. `from` reads a stored value
 * (defaults filled in), `change` makes the new one from the current one.
 */
export async function writeSetting<T extends object>(
  m: EntityManager,
  audit: AuditRecorder,
  viewer: Viewer,
  key: string,
  from: (stored: unknown) => T,
  change: (current: T) => T,
): Promise<{ value: T; updatedAt: Date }> {
  await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
  const current = from((await readSetting(m, key)).value);
  const value = change(current);
  const [row]: Array<{ updated_at: Date }> = await m.query(
    `INSERT INTO settings (key, value, updated_at, updated_by) VALUES ($1, $2::jsonb, now(), $3)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
     RETURNING updated_at`,
    [key, JSON.stringify(value), viewer.id],
  );
  await audit.record(m, viewer, { entityType: 'Setting', entityId: settingEntityId(key), action: 'UPDATE', before: current, after: value, teamId: null });
  return { value, updatedAt: row!.updated_at };
}
