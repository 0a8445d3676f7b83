import type { EntityManager } from 'typeorm';
import type { MessageChannel, ReviewRequestCancelReason } from '../../generated/graphql';
import type { Viewer } from '../../platform/auth/viewer';
import type { AuditService } from '../audit/audit.service';
import { OPTED_OUT, type ClaimedMessage, type MessageService, type Withdrawal } from '../messages/message.service';
import type { ProjectExit } from '../projects/project.service';
import type { EventSink } from '../realtime/event-definition';
import type { StoredRequestStatus } from './review-request.entity';
import { reviewRequestUpdated } from './review-request.events';

/** Why a message of a request is withdrawn, as the messages log shows it. */
export const CANCEL_TEXT: Record<ReviewRequestCancelReason, string> = {
  PROJECT_CANCELLED: 'The project was cancelled.',
  PROJECT_REOPENED: 'The project is no longer completed.',
  PROJECT_DELETED: 'The project was deleted.',
  CUSTOMER_DELETED: 'The customer was deleted.',
  CONSENT_WITHDRAWN: OPTED_OUT,
};

const EXIT_REASON: Record<ProjectExit, ReviewRequestCancelReason> = {
  CANCELLED: 'PROJECT_CANCELLED',
  REOPENED: 'PROJECT_REOPENED',
  TRASHED: 'PROJECT_DELETED',
  DELETED: 'PROJECT_DELETED',
};

interface RequestRow {
  id: string;
  teamId: string | null;
  status: StoredRequestStatus;
  messageIds: string[];
}

/** A request as its message's send sees it: whether the project and the customer still want it sent. */
interface SendState extends RequestRow {
  projectStatus: string;
  projectDeleted: boolean;
  customerGone: boolean;
  emailOptIn: boolean | null;
  smsOptIn: boolean | null;
  firstStatus: string | null;
}

const SEND_STATE = `
  SELECT rr.id, rr.team_id AS "teamId", rr.status, rr.message_ids AS "messageIds",
         p.status AS "projectStatus", p.deleted_at IS NOT NULL AS "projectDeleted",
         (c.id IS NULL OR c.deleted_at IS NOT NULL) AS "customerGone", c.email_opt_in AS "emailOptIn", c.sms_opt_in AS "smsOptIn",
         fm.status AS "firstStatus"
    FROM review_requests rr
    JOIN projects p ON p.id = rr.project_id
    LEFT JOIN customers c ON c.id = rr.customer_id
    LEFT JOIN messages fm ON fm.id = rr.message_ids[1]
   WHERE rr.project_id = $1 AND $2 = ANY(rr.message_ids)`;

/** Why a request's messages should no longer go out, if they should not. */
function reasonAgainst(s: SendState, channel: MessageChannel): ReviewRequestCancelReason | null {
  if (s.projectDeleted) return 'PROJECT_DELETED';
  if (s.projectStatus === 'CANCELLED') return 'PROJECT_CANCELLED';
  if (s.projectStatus !== 'COMPLETED') return 'PROJECT_REOPENED';
  if (s.customerGone) return 'CUSTOMER_DELETED';
  if (!(channel === 'EMAIL' ? s.emailOptIn : s.smsOptIn)) return 'CONSENT_WITHDRAWN';
  return null;
}

const withdrawal = (reason: ReviewRequestCancelReason): Withdrawal => ({
  status: reason === 'CONSENT_WITHDRAWN' ? 'SUPPRESSED' : 'CANCELLED',
  error: CANCEL_TEXT[reason],
});

/**
 * Keeps "How did we do?" from reaching a customer whose project is no longer a completed one. Eagerly: a project
 * that leaves COMPLETED or goes to the trash cancels its request in that transaction if its first message has not
 * gone out (reminders of a request already sent are withdrawn; the request itself stays as it is). At send time: the
 * send job's claim re-checks the project, the customer and their consent, and cancels the request (or withdraws the
 * reminder) instead of sending. A cancellation is final, audited and live (`reviewRequest.updated`).
 *
 * Locks: both paths lock the request's messages before the request (the send job holds the message it claimed, the
 * eager path locks them in order, first message first), so neither waits on the other in a cycle.
 */
export class ReviewRequestCancels {
  constructor(
    private readonly audit: AuditService,
    private readonly messages: MessageService,
    private readonly events: EventSink,
  ) {}

  /** In the transaction that took the project out of COMPLETED or into the trash (or is deleting it for good). */
  async projectLeft(m: EntityManager, viewer: Viewer | null, projectId: string, exit: ProjectExit): Promise<void> {
    const [request]: RequestRow[] = await m.query(
      `SELECT id, team_id AS "teamId", status, message_ids AS "messageIds" FROM review_requests WHERE project_id = $1 AND status = 'PENDING'`,
      [projectId],
    );
    if (!request?.messageIds.length) return;
    const reason = EXIT_REASON[exit];
    const messages: Array<{ id: string; status: string; busy: boolean }> = await m.query(
      `SELECT msg.id, msg.status, coalesce(msg.lease_until > now(), false) AS busy
         FROM unnest($1::uuid[]) WITH ORDINALITY AS x(id, n) JOIN messages msg ON msg.id = x.id
        ORDER BY x.n FOR UPDATE OF msg`,
      [request.messageIds],
    );
    const first = messages.find((msg) => msg.id === request.messageIds[0]);
    if (first?.status === 'QUEUED' && !first.busy) await this.cancel(m, viewer, request, reason);
    else await this.messages.cancel(m, request.messageIds.slice(1), CANCEL_TEXT[reason]); // sent (or on its way): only the reminders
  }

  /**
   * `MessageHooks.beforeSend` of REVIEW messages, in the send job's claim (the message locked): null lets a message
   * of a request that still holds go on; otherwise its first message cancels the request (and its reminders), a
   * reminder is withdrawn alone. Review messages of no request (none here makes them) are left to the consent check.
   */
  async beforeSend(m: EntityManager, message: ClaimedMessage): Promise<Withdrawal | null> {
    if (!message.projectId) return null;
    const [state]: SendState[] = await m.query(SEND_STATE, [message.projectId, message.id]);
    if (!state) return null;
    if (state.status !== 'PENDING') return { status: 'CANCELLED', error: `The review request is ${state.status.toLowerCase().replace('_', ' ')}.` };
    const reason = reasonAgainst(state, message.channel);
    if (state.messageIds[0] !== message.id) {
      if (state.firstStatus !== 'SENT') return { status: 'CANCELLED', error: 'The review request itself was not sent.' };
      return reason && withdrawal(reason);
    }
    if (!reason) return null;
    await this.cancel(m, null, state, reason);
    return withdrawal(reason);
  }

  /** Cancels a request whose first message has not gone out: its queued messages withdrawn, audited, live. */
  private async cancel(m: EntityManager, viewer: Viewer | null, request: RequestRow, reason: ReviewRequestCancelReason): Promise<void> {
    const [[row]]: [Array<{ cancelledAt: Date }>] = await m.query(
      `UPDATE review_requests SET status = 'CANCELLED', cancel_reason = $2, cancelled_at = now(), updated_at = now()
        WHERE id = $1 AND status = 'PENDING' RETURNING cancelled_at AS "cancelledAt"`,
      [request.id, reason],
    );
    if (!row) return;
    await this.messages.cancel(m, request.messageIds, CANCEL_TEXT[reason]);
    await this.audit.record(m, viewer, {
      entityType: 'ReviewRequest',
      entityId: request.id,
      action: 'UPDATE',
      before: { status: 'PENDING', cancelReason: null, cancelledAt: null },
      after: { status: 'CANCELLED', cancelReason: reason, cancelledAt: row.cancelledAt },
      teamId: request.teamId,
    });
    await this.events.emit(m, reviewRequestUpdated, { id: request.id, teamId: request.teamId, change: 'CANCELLED' });
  }
}
