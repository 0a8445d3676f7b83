import type { EntityManager, EntitySubscriberInterface, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';

type Listener = (changedTypes: string[]) => void;
const KEY = 'changedTypes';

/**
 * Runs listeners after a transaction commits, with the kinds of records it changed (marked by `markChanged`, which
 * the audit log calls for every write). Used for cache invalidation: never before the commit, never on rollback.
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

/** Records that the transaction of `m` changed a record of `type`. */
export function markChanged(m: EntityManager, type: string): void {
  const data = m.queryRunner?.data as Record<string, unknown> | undefined;
  if (!data) return;
  ((data[KEY] as Set<string> | undefined) ?? (data[KEY] = new Set<string>()) as Set<string>).add(type);
}
