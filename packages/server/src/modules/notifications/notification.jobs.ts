import type { DataSource } from 'typeorm';
import type { JobDefinition } from '../../platform/jobs/job-queue';
import type { Services } from '../../services';
import { ALERT_RULES } from './alert-rules';
import type { AlertService } from './alert.service';
import { Reminders } from './reminders';

/**
 * Runs every alert rule, one transaction per rule: raises alerts for the conditions that hold now and resolves the
 * open ones whose condition cleared. Returns how many of each kind were raised and resolved.
 */
export async function runAlertRules(ds: DataSource, alerts: AlertService, timeZone: string): Promise<Record<string, { raised: number; resolved: number }>> {
  const summary: Record<string, { raised: number; resolved: number }> = {};
  for (const rule of ALERT_RULES) {
    summary[rule.kind] = await ds.transaction(async (m) => {
      const holding = await rule.find(m, timeZone);
      const raised = await alerts.raiseAll(m, holding);
      const resolved = await alerts.resolveWhere(m, rule.kind, holding.map((a) => a.dedupeKey));
      return { raised: raised.length, resolved };
    });
  }
  return summary;
}

/** Reminder and alert jobs. Each is idempotent (dedupe keys), so overlapping or retried runs create nothing twice. */
export function notificationJobs(services: Services, ds: DataSource): JobDefinition<object>[] {
  const reminders = new Reminders(ds, services.notifications, services.messages);
  return [
    {
      name: 'follow-up-reminders',
      description: 'Reminds assignees (in the app and by e-mail) of leads whose follow-up time has come.',
      schedule: '*/5 * * * *',
      run: () => reminders.followUps(),
    },
    {
      name: 'appointment-reminders',
      description: 'Reminds assignees of their appointments 24 hours and 1 hour (also by e-mail) before they start.',
      schedule: '*/5 * * * *',
      run: () => reminders.appointments(),
    },
    {
      name: 'alert-rules',
      description: 'Raises alerts for unassigned hot leads, projects over budget and unassigned appointments; resolves cleared ones.',
      schedule: '*/10 * * * *',
      run: () => runAlertRules(ds, services.alerts, services.notifications.timeZone),
    },
  ];
}
