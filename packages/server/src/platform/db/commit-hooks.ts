import type { EntityManager, EntitySubscriberInterface, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';

type Listener = (staleViews: string[]) => void;
const KEY = 'staleViews';

/**
 * Runs listeners after a transaction commits, with the cached views its writes made stale (marked by `markStale`,
 * which the outbox calls for the views a write declares). Used for cache invalidation: never before the commit, never
 * on rollback.
 */
export class CommitHooks implements EntitySubscriberInterface {
  private readonly listeners: Listener[] = [];

  onCommit(listener: Listener): void {
    this.listeners.push(listener);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const changed = event.queryRunner.data[KEY] as Set<string> | undefined;
    if (!changed?.size) return;
    delete event.queryRunner.data[KEY];
    for (const listener of this.listeners) listener([...changed]);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    delete event.queryRunner.data[KEY];
  }
}

/** Records that the transaction of `m` made the cached view `view` stale. */
export function markStale(m: EntityManager, view: string): void {
  const data = m.queryRunner?.data as Record<string, unknown> | undefined;
  if (!data) return;
  ((data[KEY] as Set<string> | undefined) ?? (data[KEY] = new Set<string>()) as Set<string>).add(view);
}
