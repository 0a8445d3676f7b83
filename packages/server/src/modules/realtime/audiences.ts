import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { audienceOf, audiencesOf, type Rule } from '../../platform/auth/audience';
import type { Viewer } from '../../platform/auth/viewer';
import { byIdLoader } from '../../platform/db/loaders';
import type { Audience, AudienceLookup, EventDefinition } from './event-definition';
import type { OutboxEventModel } from './outbox-event';

/** Batches of lookups running at once (each holds up to two pooled connections per kind of record). */
const CONCURRENT = 2;
/** Records decided by one statement at most (the statement crosses them with every distinct viewer). */
const BATCH = 200;

const keys = new WeakMap<Viewer, string>();
/** What decides who sees a record: the rule's fields of the viewer (see `*Scope`). */
export const viewerKey = (v: Viewer): string => {
  let key = keys.get(v);
  if (key === undefined) keys.set(v, (key = `${v.role}|${v.id}|${v.teamId ?? ''}|${[...v.managedTeamIds].sort().join(',')}`));
  return key;
};

interface Request {
  id: string;
  viewers: readonly Viewer[];
  resolve(result: { record: ObjectLiteral | null; sees: boolean[] }): void;
  reject(err: unknown): void;
}

/**
 * Who may receive live events, decided once per event for all the subscribers that took it (the event's `audience`),
 * and across events: the record lookups of all the events waiting meanwhile are one read of the records and one
 * audience statement per kind of record (`audiencesOf`), so the number of statements follows the database's round
 * trips, not the event rate. At most `CONCURRENT` batches run at once; what arrives meanwhile waits for the next.
 */
export class Audiences {
  private readonly pending = new Map<EntityTarget<ObjectLiteral>, Map<Rule, Request[]>>();
  private running = 0;
  private scheduled = false;

  constructor(private readonly ds: DataSource) {}

  /** Which of `viewers` may receive `event`, by the event's `audience` (which must be declared). */
  decide(event: OutboxEventModel, definition: EventDefinition<never>, viewers: readonly Viewer[]): Promise<Audience> {
    return definition.audience!(event, viewers, this.lookup(viewers));
  }

  private lookup(viewers: readonly Viewer[]): AudienceLookup {
    return {
      record: <T extends { id: string }>(entity: EntityTarget<T>, id: string, rule: Rule) =>
        new Promise<{ record: T | null; sees: boolean[] }>((resolve, reject) => {
          const byRule = this.pending.get(entity) ?? new Map<Rule, Request[]>();
          this.pending.set(entity, byRule);
          const requests = byRule.get(rule) ?? [];
          byRule.set(rule, requests);
          requests.push({ id, viewers, resolve: resolve as Request['resolve'], reject });
          this.schedule();
        }),
      snapshot: (columns, rule) => {
        const select = Object.keys(columns).map((n) => `CAST(:${n} AS uuid) AS ${n}`).join(', ');
        return audienceOf(this.ds, viewers, rule, { sql: `(SELECT ${select}) e`, params: columns });
      },
    };
  }

  /** Runs what is pending once the current I/O has been taken in (so one batch holds all of it), if a slot is free. */
  private schedule(): void {
    if (this.scheduled || this.running >= CONCURRENT || !this.pending.size) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    const batches: Array<Promise<void>> = [];
    for (const [entity, byRule] of this.pending) {
      for (const [rule, requests] of byRule) {
        batches.push(this.run(entity, rule, requests.splice(0, BATCH)));
        if (!requests.length) byRule.delete(rule);
      }
      if (!byRule.size) this.pending.delete(entity);
    }
    if (!batches.length) return;
    this.running++;
    await Promise.all(batches);
    this.running--;
    this.schedule();
  }

  /** One read of the records and one audience statement for the union of the requests' viewers. */
  private async run(entity: EntityTarget<ObjectLiteral>, rule: Rule, requests: Request[]): Promise<void> {
    try {
      const ids = [...new Set(requests.map((r) => r.id))];
      const index = new Map<string, number>();
      const viewers: Viewer[] = [];
      for (const r of requests) {
        for (const v of r.viewers) {
          const key = viewerKey(v);
          if (!index.has(key)) index.set(key, viewers.push(v) - 1);
        }
      }
      const source = { sql: `(SELECT * FROM ${this.ds.getMetadata(entity).tableName} WHERE id = ANY(:audienceRecordIds)) e`, params: { audienceRecordIds: ids } };
      const [records, sees] = await Promise.all([byIdLoader(this.ds, entity as EntityTarget<{ id: string }>).loadMany(ids), audiencesOf(this.ds, viewers, rule, source)]);
      const recordOf = new Map(ids.map((id, i) => [id, records[i]]));
      for (const r of requests) {
        const record = recordOf.get(r.id);
        if (record instanceof Error) throw record;
        const all = record ? sees.get(r.id) : undefined;
        r.resolve({ record: record ?? null, sees: r.viewers.map((v) => all?.[index.get(viewerKey(v))!] ?? false) });
      }
    } catch (err) {
      for (const r of requests) r.reject(err);
    }
  }
}
