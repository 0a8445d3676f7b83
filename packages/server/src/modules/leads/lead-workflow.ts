import type { EntityManager } from 'typeorm';
import type { Viewer } from '../../platform/auth/viewer';
import type { AssignmentService } from '../assignment/assignment.service';
import type { NotificationService } from '../notifications/notification.service';
import type { LeadScoringService } from '../scoring/scoring.service';
import type { LeadEntity } from './lead.entity';

/** Scoring, assignment and notifications run as part of lead writes. */
export interface LeadWorkflowDeps {
  scoring: LeadScoringService;
  assignment: AssignmentService;
  notifications: NotificationService;
}

const words = (value: string) => value.toLowerCase().replace(/_/g, ' ');

/** The steps of the lead workflow, each inside the transaction of the write that triggers it. */
export class LeadWorkflow {
  constructor(private readonly deps: LeadWorkflowDeps) {}

  /** The sales member a new lead without an assignee goes to, by its team's strategy (null: none eligible). */
  autoAssignee(m: EntityManager, teamId: string | null, zip: string | null): Promise<string | null> {
    return this.deps.assignment.pick(m, { teamId, zip });
  }

  /** `lead` with its score computed and stored now. */
  async rescored(m: EntityManager, lead: LeadEntity): Promise<LeadEntity> {
    const scored = await this.deps.scoring.rescore(m, lead.id);
    return scored ? Object.assign(lead, scored) : lead;
  }

  /** Tells a new lead's assignee about it, unless they created it themselves. */
  async notifyNewLead(m: EntityManager, viewer: Viewer, lead: LeadEntity): Promise<void> {
    if (!lead.assigneeId || lead.assigneeId === viewer.id) return;
    await this.deps.notifications.notify(m, {
      recipientId: lead.assigneeId,
      kind: 'LEAD_ASSIGNED',
      title: `New lead: ${await this.nameOf(m, lead)}`,
      body: `${words(lead.source)} lead with score ${lead.score}, from ${viewer.name}.`,
      subject: { type: 'Lead', id: lead.id },
    });
  }

  /** Tells a referred lead's assignee (there is no staff creator: it came from the partner's API key). */
  async notifyReferral(m: EntityManager, partnerName: string, lead: LeadEntity): Promise<void> {
    if (!lead.assigneeId) return;
    await this.deps.notifications.notify(m, {
      recipientId: lead.assigneeId,
      kind: 'LEAD_ASSIGNED',
      title: `New referral: ${await this.nameOf(m, lead)}`,
      body: `Referred by ${partnerName}, score ${lead.score}.`,
      subject: { type: 'Lead', id: lead.id },
    });
  }

  /** Tells the new assignee of a reassigned lead, unless they took it themselves or nothing changed. */
  async notifyReassigned(m: EntityManager, viewer: Viewer, before: LeadEntity, lead: LeadEntity): Promise<void> {
    if (!lead.assigneeId || lead.assigneeId === viewer.id || lead.assigneeId === before.assigneeId) return;
    await this.deps.notifications.notify(m, {
      recipientId: lead.assigneeId,
      kind: 'LEAD_ASSIGNED',
      title: `Lead assigned to you: ${await this.nameOf(m, lead)}`,
      body: `Assigned by ${viewer.name}; ${words(lead.status)}, score ${lead.score}.`,
      subject: { type: 'Lead', id: lead.id },
    });
  }

  /** The contact name, else the customer's name. */
  private async nameOf(m: EntityManager, lead: LeadEntity): Promise<string> {
    if (lead.contactName) return lead.contactName;
    if (!lead.customerId) return 'unnamed contact';
    const [row]: Array<{ name: string }> = await m.query('SELECT name FROM customers WHERE id = $1', [lead.customerId]);
    return row?.name ?? 'unnamed contact';
  }
}
