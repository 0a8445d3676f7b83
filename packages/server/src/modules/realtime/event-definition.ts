import type { EntityManager } from 'typeorm';
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
}

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
