import type { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { NotificationKind } from '../../generated/graphql';
import type { MessageService } from '../messages/message.service';
import type { NotificationService, NotifyInput } from './notification.service';
import { phoneLabel } from './notification-text';
import { openLead } from '../leads/open-lead';

/** Most reminders created per run; a backlog is worked off over the next runs. */
const BATCH = 1000;

/** `YYYY-MM-DDTHH:MM:SS.mmmZ` in SQL, as `Date#toISOString` writes it (timestamps have millisecond precision). */
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A reminder to create, with where to e-mail it (null: in the app only) and the team whose managers see the e-mail. */
type Reminder = NotifyInput & { dedupeKey: string; email: string | null; teamId: string | null };

/**
 * Follow-up and appointment reminders. Each kind is found by one set-based query that skips reminders already
 * created (dedupe keys name the record and its time, so a new time reminds again), then created in one statement.
 * E-mails are queued (messages feature) in the same transaction, only for reminders that run created: a retried run
 * does not send twice, and the `message-send` job sends them after the commit.
 */
export class Reminders {
  constructor(
    private readonly ds: DataSource,
    private readonly notifications: NotificationService,
    private readonly messages: MessageService,
  ) {}

  /** FOLLOW_UP_DUE (in the app and by e-mail) for open leads whose follow-up time has come, to their assignee. */
  async followUps(): Promise<{ created: number }> {
    return this.remind(async (m) => {
      const rows: Array<{ id: string; user_id: string; email: string; team_id: string | null; name: string; phone: string | null; due: Date; dedupe_key: string }> = await m.query(
        `SELECT * FROM (
           SELECT l.id, u.id AS user_id, u.email, l.team_id, coalesce(l.contact_name, c.name, 'a lead') AS name,
                  coalesce(l.contact_phone, c.phone) AS phone, l.next_follow_up_at AS due,
                  'follow-up:' || l.id || ':' || ${iso('l.next_follow_up_at')} AS dedupe_key
             FROM leads l
             JOIN users u ON u.id = l.assignee_id AND u.active
             LEFT JOIN customers c ON c.id = l.customer_id
            WHERE ${openLead('l')} AND l.next_follow_up_at <= now()
         ) due
         WHERE NOT EXISTS (SELECT 1 FROM notifications n WHERE n.dedupe_key = due.dedupe_key)
         ORDER BY due.due LIMIT ${BATCH}`,
      );
      return rows.map((r) => ({
        recipientId: r.user_id,
        kind: 'FOLLOW_UP_DUE',
        title: `Follow up with ${r.name}`,
        body: [`The follow-up was due ${this.notifications.localTime(r.due)}.`, r.phone && `Phone: ${phoneLabel(r.phone)}`].filter(Boolean).join('\n'),
        subject: { type: 'Lead', id: r.id },
        dedupeKey: r.dedupe_key,
        email: r.email,
        teamId: r.team_id,
      }));
    });
  }

  /**
   * APPOINTMENT_IN_24H for upcoming appointments starting in 1 to 24 hours, APPOINTMENT_IN_1H (also by e-mail: staff
   * have no phone number on file for SMS) for those starting within the hour, to their assignee.
   */
  async appointments(): Promise<{ created: number }> {
    return this.remind(async (m) => {
      const rows: Array<{ id: string; user_id: string; email: string; team_id: string | null; title: string; location: string | null; customer: string; starts_at: Date; soon: boolean; dedupe_key: string }> =
        await m.query(
          `SELECT * FROM (
             SELECT a.id, u.id AS user_id, u.email, c.team_id, a.title, a.location, c.name AS customer, a.starts_at,
                    a.starts_at <= now() + interval '1 hour' AS soon,
                    CASE WHEN a.starts_at <= now() + interval '1 hour' THEN 'appt-1h:' ELSE 'appt-24h:' END
                      || a.id || ':' || ${iso('a.starts_at')} AS dedupe_key
               FROM appointments a
               JOIN users u ON u.id = a.assignee_id AND u.active
               JOIN customers c ON c.id = a.customer_id
              WHERE a.deleted_at IS NULL AND a.status IN ('SCHEDULED', 'CONFIRMED')
                AND a.starts_at > now() AND a.starts_at <= now() + interval '24 hours'
           ) upcoming
           WHERE NOT EXISTS (SELECT 1 FROM notifications n WHERE n.dedupe_key = upcoming.dedupe_key)
           ORDER BY upcoming.starts_at LIMIT ${BATCH}`,
        );
      return rows.map((r) => {
        const kind: NotificationKind = r.soon ? 'APPOINTMENT_IN_1H' : 'APPOINTMENT_IN_24H';
        return {
          recipientId: r.user_id,
          kind,
          title: `${r.soon ? 'In 1 hour' : 'Coming up'}: ${r.title} — ${this.notifications.localTime(r.starts_at)}`,
          body: [`With ${r.customer}`, r.location].filter(Boolean).join('\n'),
          subject: { type: 'Appointment', id: r.id },
          dedupeKey: r.dedupe_key,
          email: r.soon ? r.email : null,
          teamId: r.team_id,
        };
      });
    });
  }

  private async remind(find: (m: EntityManager) => Promise<Reminder[]>): Promise<{ created: number }> {
    return this.ds.transaction(async (m) => {
      const reminders = await find(m);
      const created = await this.notifications.notifyAll(m, reminders);
      const fresh = new Set(created.map((n) => n.dedupeKey));
      for (const r of reminders) {
        if (!r.email || !fresh.has(r.dedupeKey)) continue;
        await this.messages.enqueue(m, {
          channel: 'EMAIL',
          to: r.email,
          template: 'staff-notice',
          data: { title: r.title, body: r.body ?? '' },
          leadId: r.subject?.type === 'Lead' ? r.subject.id : null,
          teamId: r.teamId,
        });
      }
      return { created: created.length };
    });
  }
}
