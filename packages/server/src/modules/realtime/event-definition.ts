import type DataLoader from 'dataloader';
import type { EntityManager, EntityTarget } from 'typeorm';
import type { Rule } from '../../platform/auth/audience';
import type { Viewer } from '../../platform/auth/viewer';
import type { Loaders } from '../loaders';
import type { NewOutboxEvent, OutboxEventModel } from './outbox-event';

/**
 * One kind of live event, declared once by the feature it belongs to (`<feature>/<x>.events.ts`) and listed in its
 * manifest: the outbox consumes `row`, delivery `receive`, the GraphQL union `graphqlType`.
 */
export interface EventDefinition<P = never> {
  /** The outbox `type`, e.g. `lead.updated`. */
  type: string;
  /** The `RealtimeEvent` member clients receive it as; null for events only servers act on. */
  graphqlType: string | null;
  /**
   * Root query fields whose cached lists, counts or numbers it makes stale in clients (the staff app refetches the
   * queries showing them). Generated into the web app by `pnpm codegen` (staleFields.generated.ts).
   */
  staleFields?: readonly string[];
  /** Its outbox row, from what the emitting code knows. */
  row(payload: P): Omit<NewOutboxEvent, 'type'>;
  /** Whether `viewer` may receive it now (checked for every delivery and catch-up, with fresh loaders). */
  receive(viewer: Viewer, event: OutboxEventModel, loaders: Loaders): boolean | Promise<boolean>;
  /**
   * `receive` decided for every subscriber of a process at once (live fan-out), by one lookup per event whatever the
   * number of subscribers; it must decide exactly as `receive` does. Without it, each subscriber is checked alone.
   */
  audience?(event: OutboxEventModel, viewers: readonly Viewer[], lookup: AudienceLookup): Promise<Audience>;
}

/** Which of the viewers may receive an event, and what their delivery's fresh loaders may start with. */
export interface Audience {
  sees: boolean[];
  /** Primes a receiver's loaders with what the decision read (e.g. the record), so the payload needs no query. */
  prime?(loaders: Loaders): void;
}

/** The lookups an `audience` decides with: each one statement for all the viewers. */
export interface AudienceLookup {
  /** The record as its unscoped by-id loader reads it (null: gone), and which viewers `rule` lets see it. */
  record<T extends { id: string }>(entity: EntityTarget<T>, id: string, rule: Rule): Promise<{ record: T | null; sees: boolean[] }>;
  /** Which viewers `rule` lets see a record with these columns (a snapshot, e.g. of a deleted one; uuid values). */
  snapshot(columns: Record<string, string | null>, rule: Rule): Promise<boolean[]>;
}

/**
 * The `audience` of events about one record (`entityId`): whoever `rule` (the feature's row-level rule, as its by-id
 * loader applies it) lets see the record now, one lookup for all; receivers' `loader` starts with the record read.
 */
export const recordAudience =
  <T extends { id: string }>(entity: EntityTarget<T>, rule: Rule, loader: (loaders: Loaders) => DataLoader<string, T | null>) =>
  async (event: OutboxEventModel, viewers: readonly Viewer[], lookup: AudienceLookup): Promise<Audience> => {
    if (event.entityId === null) return { sees: viewers.map(() => false) };
    const { record, sees } = await lookup.record(entity, event.entityId, rule);
    return { sees, prime: record ? (loaders) => void loader(loaders).clear(record.id).prime(record.id, record) : undefined };
  };

export const defineEvent = <P>(definition: EventDefinition<P>): EventDefinition<P> => definition;

/**
 * A server-side cached view (e.g. the dashboard): writes that move its numbers make it stale. Stale views are
 * invalidated when their transaction commits; `event` (if any) tells live clients once per team per transaction.
 */
export interface ViewDefinition {
  name: string;
  event?: EventDefinition<{ teamId: string | null }>;
}

/** What a write of one record was: the action and the record before and after (null for "did not exist"). */
export interface RecordWrite<T> {
  action: 'CREATE' | 'UPDATE' | 'DELETE' | 'RESTORE' | 'HARD_DELETE';
  before: T | null;
  after: T | null;
}

/** What writes of one kind of record emit: a live event per action (none: not live) and the views they make stale. */
export interface WriteEffects<T> {
  events?: Partial<Record<RecordWrite<T>['action'], EventDefinition<RecordWrite<T>>>>;
  staleViews?: readonly ViewDefinition[];
}

/** Emits declared events inside the caller's transaction (implemented by the outbox). */
export interface EventSink {
  emit<P>(m: EntityManager, event: EventDefinition<P>, payload: P): Promise<void>;
  stale(m: EntityManager, view: ViewDefinition, teamId: string | null): Promise<void>;
}

/** The write hook for a record kind: its declared effects, emitted explicitly in the writing transaction. */
export function writeEffects<T extends { teamId: string | null }>(sink: EventSink, effects: WriteEffects<T>) {
  return async (m: EntityManager, write: RecordWrite<T>): Promise<void> => {
    const event = effects.events?.[write.action];
    if (event) await sink.emit(m, event, write);
    const teamId = (write.after ?? write.before)?.teamId ?? null;
    for (const view of effects.staleViews ?? []) await sink.stale(m, view, teamId);
  };
}
