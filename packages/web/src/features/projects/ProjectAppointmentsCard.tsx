import { getFragmentData } from '../../gql';
import type { ProjectDetailQuery } from '../../gql/graphql';
import { dateTimeLabel, enumLabel } from '../../lib/format';
import { Badge, Card } from '../../ui';
import { AppointmentSummaryFragment } from '../appointments/appointment';
import shared from './projects.module.css';
import styles from './ProjectAppointmentsCard.module.css';

type Appointments = NonNullable<ProjectDetailQuery['project']>['appointments'];

const appointmentTone = (status: string) =>
  status === 'CANCELLED' || status === 'NO_SHOW' ? 'danger' : status === 'COMPLETED' ? 'success' : 'info';

/** The project's appointments: when, who, where, status and kind. */
export function ProjectAppointmentsCard({ appointments }: { appointments: Appointments }) {
  return (
    <Card title="Appointments">
      {appointments.length === 0 ? (
        <p className={shared.muted}>No appointments for this project.</p>
      ) : (
        <ul className={styles.appointments}>
          {appointments.map((ref) => getFragmentData(AppointmentSummaryFragment, ref)).map((a) => (
            <li key={a.id}>
              <div className={shared.nameCell}>
                <strong>{a.title}</strong>
                <span className={shared.muted}>
                  {dateTimeLabel(a.startsAt)}
                  {a.assignee ? ` · ${a.assignee.name}` : ' · Unassigned'}
                </span>
                {a.location && <span className={shared.muted}>{a.location}</span>}
              </div>
              <span>
                <Badge tone={appointmentTone(a.status)}>{enumLabel(a.status)}</Badge> <Badge>{enumLabel(a.kind)}</Badge>
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
