import type { EntityManager } from 'typeorm';
import { markEvent, markStale } from '../../platform/db/commit-hooks';
import type { EventDefinition, EventSink, ViewDefinition } from './event-definition';
import type { NewOutboxEvent } from './outbox-event';

const TX_VIEW_HINTS = 'outboxViewHints';

/** Writes real-time events to the outbox inside the caller's transaction: they exist exactly when the change does. */
export class OutboxService implements EventSink {
  /** Writes a declared event (see event-definition.ts). */
  async emit<P>(m: EntityManager, event: EventDefinition<P>, payload: P): Promise<void> {
    await this.append(m, { type: event.type, ...event.row(payload) });
  }

  /**
   * Marks a cached view stale for this transaction (invalidated at commit) and, if the view has a live event, emits
   * it once per team per transaction, however many records the transaction changed.
   */
  async stale(m: EntityManager, view: ViewDefinition, teamId: string | null): Promise<void> {
    markStale(m, view.name);
    if (!view.event) return;
    const data = m.queryRunner?.data as Record<string, unknown> | undefined;
    const seen = (data?.[TX_VIEW_HINTS] as Set<string> | undefined) ?? new Set<string>();
    const key = `${view.name}:${teamId ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (data) data[TX_VIEW_HINTS] = seen;
    await this.emit(m, view.event, { teamId });
  }

  private async append(m: EntityManager, e: NewOutboxEvent): Promise<void> {
    await m.query(
      'INSERT INTO outbox_events (type, entity_id, team_id, recipient_id, data) VALUES ($1, $2, $3, $4, $5)',
      [e.type, e.entityId ?? null, e.teamId ?? null, e.recipientId ?? null, e.data ?? {}],
    );
    markEvent(m, e); // told to this process at commit (e.g. the viewer cache), before the write answers
  }
}
