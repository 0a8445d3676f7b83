/**
 * A kind of real-time event (the `type` column of outbox_events), e.g. `lead.updated`. Each is declared once, by its
 * feature (`<feature>/<x>.events.ts`, see event-definition.ts), and listed in the feature's manifest.
 */
export type OutboxEventType = string;

/** An event to write to the outbox in the caller's transaction. */
export interface NewOutboxEvent {
  type: OutboxEventType;
  entityId?: string | null;
  teamId?: string | null;
  recipientId?: string | null;
  data?: Record<string, unknown>;
}

/** A published event, as delivered to subscribers and returned by `missedEvents`. */
export interface OutboxEventModel {
  /** Publish sequence, a decimal string. */
  seq: string;
  type: OutboxEventType;
  entityId: string | null;
  teamId: string | null;
  recipientId: string | null;
  data: Record<string, unknown>;
  occurredAt: string;
}

/** The pub/sub channel an event type travels on. */
export function channelOf(type: OutboxEventType): string {
  return `crm.events.${type.split('.')[0]}`;
}
