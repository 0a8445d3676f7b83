import { useMutation } from '@apollo/client/react';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { AppointmentStatus } from '../../gql/graphql';
import { enumLabel } from '../../lib/format';
import { Badge, Button, ConfirmButtons, Dialog, FormAlert } from '../../ui';
import { kindLabel, STATUS_TONE, UpdateAppointmentMutation, type CalendarEvent } from './appointment';
import { durationLabel, localizeTimes, longDayLabel, sameDay, timeRangeLabel, dayLabel, timeLabel, zonedTimeLabel } from './time';
import styles from './appointments.module.css';

export interface AppointmentDetailsDialogProps {
  event: CalendarEvent;
  /** Customer and lead pages are for office roles. */
  office: boolean;
  /** The viewer may change it (office roles; the server has the last word). */
  canEdit: boolean;
  onEdit: () => void;
  onClose: () => void;
}

/** When, in words: `Monday, November 23 · 10:30 AM – 11:30 AM (1 h)`. */
function whenLabel(event: CalendarEvent): string {
  const minutes = Math.round((event.end.getTime() - event.start.getTime()) / 60_000);
  const range = sameDay(event.start, event.end)
    ? `${longDayLabel(event.start)} · ${timeRangeLabel(event.start, event.end, true)}`
    : `${dayLabel(event.start)}, ${timeLabel(event.start)} – ${dayLabel(event.end)}, ${zonedTimeLabel(event.end)}`;
  return `${range} (${durationLabel(minutes)})`;
}

/** An appointment's details, with edit (also to move it), cancel (after a confirmation) and book again. */
export function AppointmentDetailsDialog({ event, office, canEdit, onEdit, onClose }: AppointmentDetailsDialogProps) {
  const a = event.data;
  const [update, { loading }] = useMutation(UpdateAppointmentMutation);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const setStatus = async (status: AppointmentStatus) => {
    setProblem(null);
    try {
      const { data } = await update({ variables: { input: { id: a.id, status } } });
      const errors = data?.updateAppointment.errors ?? [];
      if (errors.length) setProblem(errors.map((e) => localizeTimes(e.message)).join(' '));
      else onClose();
    } catch (err) {
      setProblem(err instanceof Error ? err.message : 'The change could not be saved. Try again.');
    }
  };

  const rows: Array<[string, ReactNode]> = [
    ['When', whenLabel(event)],
    ['Type', kindLabel(a.kind)],
    ['Status', <Badge tone={STATUS_TONE[a.status]}>{enumLabel(a.status)}</Badge>],
    ['Customer', a.customer ? office ? <Link to={`/customers/${a.customer.id}`}>{a.customer.name}</Link> : a.customer.name : '—'],
  ];
  if (a.lead) {
    const name = a.lead.contactName ?? 'Open the lead';
    rows.push(['Lead', office ? <Link to={`/leads/${a.lead.id}`}>{name}</Link> : name]);
  }
  if (a.project) rows.push(['Project', <Link to={`/projects/${a.project.id}`}>{a.project.name}</Link>]);
  rows.push(['Attendee', a.assignee?.name ?? 'Unassigned']);
  if (a.location) rows.push(['Location', a.location]);
  if (a.notes) rows.push(['Notes', <span className={styles.notes}>{a.notes}</span>]);

  const open = a.status === 'SCHEDULED' || a.status === 'CONFIRMED';
  let actions: ReactNode;
  if (confirming) {
    actions = (
      <ConfirmButtons
        confirmLabel="Cancel appointment"
        onConfirm={() => setStatus('CANCELLED')}
        cancelLabel="Keep it"
        onCancel={() => setConfirming(false)}
        busy={loading}
      />
    );
  } else {
    actions = (
      <>
        {canEdit && open && (
          <Button variant="danger" onClick={() => setConfirming(true)}>
            Cancel appointment…
          </Button>
        )}
        {canEdit && a.status === 'CANCELLED' && (
          <Button loading={loading} onClick={() => void setStatus('SCHEDULED')}>
            Book again
          </Button>
        )}
        {canEdit && open && <Button onClick={onEdit}>Edit or move</Button>}
        <Button variant="primary" onClick={onClose}>
          Close
        </Button>
      </>
    );
  }

  return (
    <Dialog title={a.title} size="md" onClose={onClose} busy={loading} actions={actions}>
      <FormAlert messages={problem ? [problem] : []} />
      {confirming && (
        <p className={styles.confirm}>
          Cancel this appointment? {a.assignee ? `${a.assignee.name}’s slot` : 'The slot'} becomes free again. The
          customer is not told automatically.
        </p>
      )}
      <dl className={styles.details}>
        {rows.map(([term, value]) => (
          <div key={term} className={styles.detailRow}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
