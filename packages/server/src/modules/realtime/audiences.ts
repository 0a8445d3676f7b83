import type { DataSource } from 'typeorm';
import { audienceOf } from '../../platform/auth/audience';
import type { Viewer } from '../../platform/auth/viewer';
import { byIdLoader } from '../../platform/db/loaders';
import type { Loaders } from '../loaders';
import type { AudienceLookup, EventDefinition } from './event-definition';
import type { OutboxEventModel } from './outbox-event';

/** What an event's audience decided, by viewer key (a viewer who subscribed after the decision is not in it). */
export interface Decision {
  sees: ReadonlyMap<string, boolean>;
  prime?(loaders: Loaders): void;
}

/** Decisions kept for subscribers that take an event later than others (events arrive in order; older ones go). */
const RECENT = 512;
/** Decisions running at once (each holds a pooled connection for its statements; the rest wait their turn). */
const CONCURRENT = 3;

/** What decides who sees a record: the rule's fields of the viewer (see `*Scope`). */
export const viewerKey = (v: Viewer) => `${v.role}|${v.id}|${v.teamId ?? ''}|${[...v.managedTeamIds].sort().join(',')}`;

/**
 * The live subscribers of this process by event type, and who of them may receive each event: decided once per event
 * (the event's `audience`, one lookup for all of them) the first time a subscription takes it, and shared by the rest.
 */
export class Audiences {
  private readonly live = new Map<string, Map<string, { viewer: Viewer; count: number }>>();
  private readonly recent = new Map<string, Promise<Decision>>();
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly ds: DataSource) {}

  /** Counts a subscription of `viewer` to `types` until the returned function is called. */
  join(viewer: Viewer, types: readonly string[]): () => void {
    const key = viewerKey(viewer);
    for (const type of types) {
      const byKey = this.live.get(type) ?? new Map();
      this.live.set(type, byKey);
      const entry = byKey.get(key) ?? { viewer, count: 0 };
      entry.count++;
      byKey.set(key, entry);
    }
    let left = false;
    return () => {
      if (left) return;
      left = true;
      for (const type of types) {
        const byKey = this.live.get(type);
        const entry = byKey?.get(key);
        if (!byKey || !entry) continue;
        if (--entry.count === 0) byKey.delete(key);
        if (byKey.size === 0) this.live.delete(type);
      }
    };
  }

  /** Who of this process's subscribers of its type may receive `event` (decided once; null: no `audience`). */
  decide(event: OutboxEventModel, definition: EventDefinition<never>): Promise<Decision> | null {
    if (!definition.audience) return null;
    const known = this.recent.get(event.seq);
    if (known) return known;
    const entries = [...(this.live.get(event.type)?.entries() ?? [])];
    const decision = this.run(event, definition, entries);
    this.recent.set(event.seq, decision);
    if (this.recent.size > RECENT) this.recent.delete(this.recent.keys().next().value!);
    decision.catch(() => this.recent.get(event.seq) === decision && this.recent.delete(event.seq)); // the next one tries again
    return decision;
  }

  private async run(event: OutboxEventModel, definition: EventDefinition<never>, entries: Array<[string, { viewer: Viewer }]>): Promise<Decision> {
    if (this.running >= CONCURRENT) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      const viewers = entries.map(([, e]) => e.viewer);
      const audience = await definition.audience!(event, viewers, lookupFor(this.ds, viewers));
      return { sees: new Map(entries.map(([key], i) => [key, audience.sees[i] ?? false])), prime: audience.prime };
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}

/** The lookups of one decision, over its viewers. */
function lookupFor(ds: DataSource, viewers: readonly Viewer[]): AudienceLookup {
  return {
    record: async (entity, id, rule) => {
      const record = await byIdLoader(ds, entity).load(id);
      if (!record) return { record: null, sees: viewers.map(() => false) };
      const source = { sql: `(SELECT * FROM ${ds.getMetadata(entity).tableName} WHERE id = :audienceRecordId) e`, params: { audienceRecordId: id } };
      return { record, sees: await audienceOf(ds, viewers, rule, source) };
    },
    snapshot: (columns, rule) => {
      const select = Object.keys(columns).map((n) => `CAST(:${n} AS uuid) AS ${n}`).join(', ');
      return audienceOf(ds, viewers, rule, { sql: `(SELECT ${select}) e`, params: columns });
    },
  };
}
