/**
 * The API's status of a request (alias `a`): stored ANSWERED, NOT_SENT and CANCELLED as they are; a PENDING one by
 * its first message: queued → SCHEDULED, sent → SENT (EXPIRED once its link has), withdrawn or failed → NOT_SENT.
 */
export const requestStatusSql = (a: string) => `CASE
  WHEN ${a}.status <> 'PENDING' THEN ${a}.status
  ELSE (SELECT CASE fm.status WHEN 'QUEUED' THEN 'SCHEDULED'
                              WHEN 'SENT' THEN CASE WHEN ${a}.expires_at <= now() THEN 'EXPIRED' ELSE 'SENT' END
                              ELSE 'NOT_SENT' END
          FROM messages fm WHERE fm.id = ${a}.message_ids[1])
END`;

/** How each request's messages went: the status, when the first went out, reminders sent, why it was not sent. */
export const DELIVERY_SQL = `
  SELECT rr.id, ${requestStatusSql('rr')} AS status, fm.sent_at AS "sentAt",
         CASE WHEN rr.status = 'NOT_SENT' THEN rr.not_sent_reason WHEN fm.status IN ('SUPPRESSED', 'FAILED', 'CANCELLED') THEN fm.error END AS "notSentReason",
         (SELECT count(*) FROM messages rm WHERE rm.id = ANY(rr.message_ids[2:]) AND rm.status = 'SENT')::int AS "remindersSent"
    FROM review_requests rr LEFT JOIN messages fm ON fm.id = rr.message_ids[1]
   WHERE rr.id = ANY($1::uuid[])`;
