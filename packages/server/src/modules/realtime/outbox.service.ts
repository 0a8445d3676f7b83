import type { EntityManager } from 'typeorm';
import type { NewOutboxEvent } from './outbox-event';

const TX_DASHBOARD_TEAMS = 'outboxDashboardTeams';

/** Writes real-time events to the outbox inside the caller's transaction: they exist exactly when the change does. */
export class OutboxService {
  async append(m: EntityManager, e: NewOutboxEvent): Promise<void> {
    await m.query(
      'INSERT INTO outbox_events (type, entity_id, team_id, recipient_id, data) VALUES ($1, $2, $3, $4, $5)',
      [e.type, e.entityId ?? null, e.teamId ?? null, e.recipientId ?? null, e.data ?? {}],
    );
  }

  /** One `dashboard.updated` hint per team per transaction, however many records it changed. */
  async dashboardChanged(m: EntityManager, teamId: string | null): Promise<void> {
    const data = m.queryRunner?.data as Record<string, unknown> | undefined;
    const seen = (data?.[TX_DASHBOARD_TEAMS] as Set<string> | undefined) ?? new Set<string>();
    const key = teamId ?? '';
    if (seen.has(key)) return;
    seen.add(key);
    if (data) data[TX_DASHBOARD_TEAMS] = seen;
    await this.append(m, { type: 'dashboard.updated', teamId });
  }
}
