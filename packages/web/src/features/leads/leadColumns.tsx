import { useMutation } from '@apollo/client/react';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { LeadOrder, LeadOrderField, LeadPriority } from '../../gql/graphql';
import { fromLocalInput, toLocalInput } from '../../lib/dateInputs';
import { enumLabel, initials, money } from '../../lib/format';
import { Badge, ClippedText, cx, EditableCell, tableStyles, type Column, type SortOrder } from '../../ui';
import { saveErrorOf } from '../views/saveError';
import { leadName } from './LeadCard';
import { enumOptions, LEAD_PRIORITIES } from './options';
import { ScoreBadge } from './ScoreBadge';
import { shortDate, shortDateTime } from './leadsTableParams';
import { statusLabel, statusTone } from './statuses';
import styles from './leadsTable.module.css';

/** A row of the leads table: what a board card shows, and when the lead was created and is next followed up. */
export interface LeadRow {
  id: string;
  customer?: { name: string } | null;
  contactName?: string | null;
  status: Parameters<typeof statusLabel>[0];
  priority: LeadPriority;
  score: number;
  scoreFactors: Parameters<typeof ScoreBadge>[0]['factors'];
  estimatedValue?: string | null;
  source: string;
  projectType?: string | null;
  propertyAddress: { city?: string | null };
  assignee?: { id: string; name: string } | null;
  nextFollowUpAt?: string | null;
  createdAt: string;
}

const UpdateLeadCellMutation = graphql(`
  mutation UpdateLeadCell($input: UpdateLeadInput!) {
    updateLead(input: $input) {
      lead { id ...LeadRow_lead }
      errors { field code message }
    }
  }
`);

const muted = <span className={styles.muted}>—</span>;

/**
 * The leads table's columns (the user picks and orders them: features/views). Priority and the next follow-up change
 * in place for whoever may change the lead (office roles see only leads they may change). Source and created are not
 * shown by default, so the rest fit a laptop's width (compact rows cut long names with an ellipsis).
 */
export function useLeadColumns({ orderBy, onSort, viewerId, canEdit }: { orderBy: LeadOrder; onSort: (field: LeadOrderField) => void; viewerId: string | undefined; canEdit: boolean }) {
  const [update] = useMutation(UpdateLeadCellMutation);
  return useMemo((): ReadonlyArray<Column<LeadRow>> => {
    const sort = (field: LeadOrderField) => ({ field, order: orderBy as SortOrder<string>, onSort: onSort as (f: string) => void });
    const save = (id: string, patch: { priority?: LeadPriority; nextFollowUpAt?: string | null }) =>
      saveErrorOf(update({ variables: { input: { id, ...patch } } }), (d) => d.updateLead.errors);
    return [
      {
        key: 'lead',
        header: 'Lead',
        required: true,
        className: styles.leadCell,
        render: (lead) => {
          const sub = [lead.propertyAddress.city, lead.projectType && enumLabel(lead.projectType)].filter(Boolean).join(' · ') || 'No address yet';
          return (
            <>
              <Link to={`/leads/${lead.id}`} className={cx(styles.leadLink, tableStyles.clip)} title={leadName(lead)}>
                {leadName(lead)}
              </Link>
              <ClippedText text={sub} className={styles.sub} />
            </>
          );
        },
      },
      { key: 'status', header: 'Status', className: styles.statusCell, render: (lead) => <Badge tone={statusTone(lead.status)}>{statusLabel(lead.status)}</Badge> },
      {
        key: 'priority',
        header: 'Priority',
        className: tableStyles.nowrap,
        render: (lead) => (
          <EditableCell
            label={`Priority of ${leadName(lead)}`}
            value={lead.priority}
            options={enumOptions(LEAD_PRIORITIES)}
            canEdit={canEdit}
            onSave={(v) => save(lead.id, { priority: v as LeadPriority })}
          >
            {lead.priority === 'URGENT' || lead.priority === 'HIGH' ? (
              <Badge tone={lead.priority === 'URGENT' ? 'danger' : 'warning'}>{enumLabel(lead.priority)}</Badge>
            ) : (
              enumLabel(lead.priority)
            )}
          </EditableCell>
        ),
      },
      { key: 'score', header: 'Score', sort: sort('SCORE'), className: styles.scoreCell, render: (lead) => <ScoreBadge score={lead.score} factors={lead.scoreFactors} /> },
      { key: 'value', header: 'Value', sort: sort('ESTIMATED_VALUE'), numeric: true, className: styles.numeric, render: (lead) => money(lead.estimatedValue) },
      { key: 'source', header: 'Source', hiddenByDefault: true, className: tableStyles.nowrap, render: (lead) => enumLabel(lead.source) },
      {
        key: 'assignee',
        header: 'Assignee',
        render: (lead) =>
          lead.assignee ? (
            <span className={styles.assignee}>
              <span className={styles.avatar} aria-hidden="true">
                {initials(lead.assignee.name)}
              </span>
              {lead.assignee.id === viewerId ? 'You' : <ClippedText text={lead.assignee.name} className={styles.assigneeName} />}
            </span>
          ) : (
            <span className={styles.muted}>Unassigned</span>
          ),
      },
      {
        key: 'followUp',
        header: 'Follow-up',
        label: 'Follow-up',
        sort: sort('NEXT_FOLLOW_UP_AT'),
        className: tableStyles.nowrap,
        render: (lead) => (
          <EditableCell
            label={`Next follow-up of ${leadName(lead)}`}
            type="datetime-local"
            value={toLocalInput(lead.nextFollowUpAt)}
            canEdit={canEdit}
            onSave={(v) => {
              const at = v ? fromLocalInput(v) : null;
              return v && !at ? Promise.resolve('Enter a date and time.') : save(lead.id, { nextFollowUpAt: at });
            }}
          >
            {lead.nextFollowUpAt ? shortDateTime(lead.nextFollowUpAt) : muted}
          </EditableCell>
        ),
      },
      { key: 'created', header: 'Created', hiddenByDefault: true, sort: sort('CREATED_AT'), className: `${tableStyles.nowrap} ${styles.createdCell}`, render: (lead) => shortDate(lead.createdAt) },
    ];
  }, [orderBy, onSort, viewerId, canEdit, update]);
}
