import type { EntityManager, EntitySubscriberInterface, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';

type Listener = (staleViews: string[]) => void;
type EventListener = (events: readonly CommittedEvent[]) => void;
const KEY = 'staleViews';
const EVENTS = 'committedEvents';

/** An event a transaction wrote (its outbox row): told to this process's listeners as soon as it commits. */
export interface CommittedEvent {
  type: string;
  entityId?: string | null;
  teamId?: string | null;
  recipientId?: string | null;
  data?: Record<string, unknown>;
}

/**
 * Runs listeners after a transaction commits, with the cached views its writes made stale (marked by `markStale`,
 * which the outbox calls for the views a write declares) and with the events it wrote (`markEvent`). Used for cache
 * invalidation in this process, before the transaction's promise resolves: never before the commit, never on rollback.
 * (Other processes hear the events from the outbox stream.)
 */
export class CommitHooks implements EntitySubscriberInterface {
  private readonly listeners: Listener[] = [];
  private readonly eventListeners: EventListener[] = [];

  onCommit(listener: Listener): void {
    this.listeners.push(listener);
  }

  /** Calls `listener` with the events each transaction wrote, right after it commits. */
  onEvents(listener: EventListener): void {
    this.eventListeners.push(listener);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    if (event.queryRunner.isTransactionActive) return; // a savepoint released: the transaction has not committed yet
    const data = event.queryRunner.data as Record<string, unknown>;
    const events = data[EVENTS] as CommittedEvent[] | undefined;
    delete data[EVENTS];
    if (events?.length) for (const listener of this.eventListeners) listener(events);
    const changed = data[KEY] as Set<string> | undefined;
    if (!changed?.size) return;
    delete data[KEY];
    for (const listener of this.listeners) listener([...changed]);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    delete event.queryRunner.data[KEY];
    delete event.queryRunner.data[EVENTS];
  }
}

/** Records that the transaction of `m` made the cached view `view` stale. */
export function markStale(m: EntityManager, view: string): void {
  const data = m.queryRunner?.data as Record<string, unknown> | undefined;
  if (!data) return;
  ((data[KEY] as Set<string> | undefined) ?? (data[KEY] = new Set<string>()) as Set<string>).add(view);
}

/** Records that the transaction of `m` wrote `event`: `onEvents` listeners get it once the transaction commits. */
export function markEvent(m: EntityManager, event: CommittedEvent): void {
  const data = m.queryRunner?.data as Record<string, unknown> | undefined;
  if (!data) return;
  ((data[EVENTS] as CommittedEvent[] | undefined) ?? (data[EVENTS] = [] as CommittedEvent[]) as CommittedEvent[]).push(event);
}
