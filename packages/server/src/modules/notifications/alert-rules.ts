import type { EntityManager } from 'typeorm';
import type { AlertKind } from '../../generated/graphql';
import type { RaiseInput } from './alert.service';
import { localTime } from './notification-text';
import { openLead } from '../leads/open-lead';

/** A condition worth an alert: finds every row where it holds now, in one query (times named in `timeZone`). */
export interface AlertRule {
  kind: AlertKind;
  find(m: EntityManager, timeZone: string): Promise<RaiseInput[]>;
}

/** A hot lead (score ≥ 70), open and created more than an hour ago, that nobody is assigned to. */
const hotLeadUnassigned: AlertRule = {
  kind: 'HOT_LEAD_UNASSIGNED',
  async find(m, timeZone) {
    const rows: Array<{ id: string; team_id: string | null; name: string; score: number; created_at: Date }> = await m.query(
      `SELECT l.id, l.team_id, coalesce(l.contact_name, c.name, 'Unnamed lead') AS name, l.score, l.created_at
         FROM leads l LEFT JOIN customers c ON c.id = l.customer_id
        WHERE ${openLead('l')} AND l.score >= 70
          AND l.assignee_id IS NULL AND l.created_at < now() - interval '1 hour'`,
    );
    return rows.map((r) => ({
      kind: 'HOT_LEAD_UNASSIGNED',
      severity: 'WARNING',
      title: `Hot lead unassigned: ${r.name} (score ${r.score})`,
      body: `In since ${localTime(r.created_at, timeZone)} and nobody is working it.`,
      subject: { type: 'Lead', id: r.id },
      teamId: r.team_id,
      dedupeKey: `HOT_LEAD_UNASSIGNED:${r.id}`,
    }));
  },
};

/**
 * A project (not cancelled) whose cost so far exceeds its budget: CRITICAL beyond 10 % over, else WARNING. The
 * severity is part of the key, so an escalation raises a CRITICAL alert and resolves the WARNING one.
 */
const projectOverBudget: AlertRule = {
  kind: 'PROJECT_OVER_BUDGET',
  async find(m) {
    const rows: Array<{ id: string; team_id: string | null; name: string; cost: string; budget: string; critical: boolean }> = await m.query(
      `SELECT id, team_id, name, to_char(actual_cost, 'FM$999,999,999,990.00') AS cost, to_char(budget, 'FM$999,999,999,990.00') AS budget,
              actual_cost > budget * 1.1 AS critical
         FROM projects
        WHERE deleted_at IS NULL AND status <> 'CANCELLED' AND budget IS NOT NULL AND actual_cost > budget`,
    );
    return rows.map((r) => {
      const severity = r.critical ? 'CRITICAL' : 'WARNING';
      return {
        kind: 'PROJECT_OVER_BUDGET',
        severity,
        title: `${r.name} is over budget`,
        body: `Cost so far ${r.cost} against a budget of ${r.budget}.`,
        subject: { type: 'Project', id: r.id },
        teamId: r.team_id,
        dedupeKey: `PROJECT_OVER_BUDGET:${r.id}:${severity}`,
      };
    });
  },
};

/** An appointment coming up in the next 48 hours with nobody assigned (a new time is a new alert). */
const appointmentUnassigned: AlertRule = {
  kind: 'APPOINTMENT_UNASSIGNED',
  async find(m, timeZone) {
    const rows: Array<{ id: string; team_id: string | null; title: string; starts_at: Date }> = await m.query(
      `SELECT id, team_id, title, starts_at FROM appointments
        WHERE deleted_at IS NULL AND status IN ('SCHEDULED', 'CONFIRMED') AND assignee_id IS NULL
          AND starts_at > now() AND starts_at <= now() + interval '48 hours'`,
    );
    return rows.map((r) => ({
      kind: 'APPOINTMENT_UNASSIGNED',
      severity: 'WARNING',
      title: `Nobody assigned: ${r.title} — ${localTime(r.starts_at, timeZone)}`,
      body: 'Assign someone before the appointment starts.',
      subject: { type: 'Appointment', id: r.id },
      teamId: r.team_id,
      dedupeKey: `APPOINTMENT_UNASSIGNED:${r.id}:${r.starts_at.toISOString()}`,
    }));
  },
};

export const ALERT_RULES: readonly AlertRule[] = [hotLeadUnassigned, projectOverBudget, appointmentUnassigned];
