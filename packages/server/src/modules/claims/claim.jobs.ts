import type { DataSource } from 'typeorm';
import type { JobDefinition } from '../../platform/jobs/job-queue';
import { dateIn } from '../../platform/time-zone';
import type { NotificationService, NotifyInput } from '../notifications/notification.service';
import type { Services } from '../../services';

/** Days before a claim's recoverable depreciation deadline its people are told, largest first. */
export const DEPRECIATION_ALERT_DAYS = [14, 3] as const;

/**
 * CLAIM_DEPRECIATION_DEADLINE notifications for open claims (not CLOSED or DENIED, not deleted) with depreciation still
 * to collect whose deadline is at most 14 (then 3) days away and not past: to the claim's owner (an active one), else
 * its team's managers. Once per claim, deadline, threshold and recipient (dedupe key), so daily or retried runs notify
 * once; a run that finds a claim already within 3 days tells only the 3-day one; a new deadline notifies again.
 */
export async function depreciationAlerts(ds: DataSource, notifications: NotificationService, today: string): Promise<{ created: number }> {
  return ds.transaction(async (m) => {
    const rows: Array<{ id: string; recipient_id: string; carrier: string; claim_number: string | null; deadline: string; days_left: number; threshold: number; to_collect: string }> = await m.query(
      `WITH due AS (
         SELECT c.id, c.owner_id, c.team_id, c.carrier, c.claim_number, c.depreciation_deadline::text AS deadline,
                (c.depreciation_deadline - $1::date) AS days_left,
                c.recoverable_depreciation - coalesce((SELECT sum(p.amount) FROM carrier_payments p WHERE p.claim_id = c.id AND p.kind = 'DEPRECIATION'), 0) AS to_collect
           FROM insurance_claims c
          WHERE c.deleted_at IS NULL AND c.status NOT IN ('CLOSED', 'DENIED') AND c.depreciation_deadline IS NOT NULL
            AND c.depreciation_deadline >= $1::date AND c.depreciation_deadline <= $1::date + $2::int
       ), thresholds AS (
         SELECT due.*, (SELECT min(t) FROM unnest($3::int[]) t WHERE due.days_left <= t) AS threshold FROM due WHERE to_collect > 0
       )
       SELECT th.id, r.recipient_id, th.carrier, th.claim_number, th.deadline, th.days_left, th.threshold, th.to_collect::text AS to_collect
         FROM thresholds th
         CROSS JOIN LATERAL (
           SELECT u.id AS recipient_id FROM users u WHERE u.id = th.owner_id AND u.active
           UNION ALL
           SELECT u.id FROM users u JOIN teams tm ON tm.id = th.team_id AND tm.manager_id = u.id
            WHERE u.active AND NOT EXISTS (SELECT 1 FROM users o WHERE o.id = th.owner_id AND o.active)
         ) r
        ORDER BY th.deadline, th.id`,
      [today, DEPRECIATION_ALERT_DAYS[0], [...DEPRECIATION_ALERT_DAYS]],
    );
    const inputs: NotifyInput[] = rows.map((r) => ({
      recipientId: r.recipient_id,
      kind: 'CLAIM_DEPRECIATION_DEADLINE',
      title: `Depreciation due in ${r.days_left} day${r.days_left === 1 ? '' : 's'}: ${r.carrier}${r.claim_number ? ` ${r.claim_number}` : ''}`,
      body: `$${r.to_collect} of recoverable depreciation must be claimed by ${r.deadline}: finish the work and send the invoice to the carrier.`,
      subject: { type: 'InsuranceClaim', id: r.id },
      dedupeKey: `claim-depreciation:${r.id}:${r.deadline}:${r.threshold}:${r.recipient_id}`,
    }));
    return { created: (await notifications.notifyAll(m, inputs)).length };
  });
}

/** The daily depreciation deadline alerts, at 07:00 company time. */
export function claimJobs(services: Services, ds: DataSource): JobDefinition<object>[] {
  return [
    {
      name: 'claim-depreciation-alerts',
      description: "Tells claim owners (else the team's managers) 14 and 3 days before a claim's recoverable depreciation deadline.",
      schedule: '0 7 * * *',
      scheduleTimeZone: services.notifications.timeZone,
      run: () => depreciationAlerts(ds, services.notifications, dateIn(new Date(), services.notifications.timeZone)),
    },
  ];
}
