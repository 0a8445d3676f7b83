import { calendarDateLabel } from '../../lib/format';
import { Badge } from '../../ui';
import { deadlineNote, deadlineState } from './claimFormat';

export interface DeadlineLabelProps {
  /** The `depreciationDeadline` (a calendar day). */
  deadline: string | null | undefined;
  /** Whether depreciation is still to collect on an open claim: only then is a near or past deadline a warning. */
  pending: boolean;
  /** The badge says how near (`in 3 days`, `2 days ago`). */
  withNote?: boolean;
}

/** The recoverable depreciation's last day, flagged in amber within 14 days and in red once passed. */
export function DeadlineLabel({ deadline, pending, withNote = false }: DeadlineLabelProps) {
  if (!deadline) return <span>—</span>;
  const state = deadlineState(deadline);
  const warn = pending && (state.kind === 'near' || state.kind === 'today' || state.kind === 'past');
  return (
    <span>
      <time dateTime={deadline}>{calendarDateLabel(deadline)}</time>
      {warn && (
        <>
          {' '}
          <Badge tone={state.kind === 'past' ? 'danger' : 'warning'}>
            {state.kind === 'past' ? 'Passed' : 'Due'}
            {withNote ? ` ${deadlineNote(state)}` : state.kind === 'past' ? '' : ` ${deadlineNote(state)}`}
          </Badge>
        </>
      )}
    </span>
  );
}
