import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { dateTimeLabel, enumLabel } from '../../lib/format';
import { Badge, Card, EmptyState } from '../../ui';
import styles from './dashboard.module.css';

const UpcomingAppointmentsFragment = graphql(`
  fragment UpcomingAppointments_dashboard on Dashboard {
    upcomingAppointments {
      id
      title
      kind
      startsAt
      customer {
        id
        name
      }
      assignee {
        id
        name
      }
    }
  }
`);

export function UpcomingAppointments({ dashboard }: { dashboard: FragmentType<typeof UpcomingAppointmentsFragment> }) {
  const { upcomingAppointments } = getFragmentData(UpcomingAppointmentsFragment, dashboard);
  return (
    <Card title="Upcoming appointments" description="The next appointments from now (not limited to the period).">
      {upcomingAppointments.length === 0 ? (
        <EmptyState title="Nothing booked" description="Upcoming inspections and visits show here." />
      ) : (
        <ul className={styles.appointments}>
          {upcomingAppointments.map((a) => (
            <li key={a.id} className={styles.appointment}>
              <time dateTime={a.startsAt} className={styles.appointmentTime}>
                {dateTimeLabel(a.startsAt)}
              </time>
              <span className={styles.appointmentTitle}>{a.title}</span>
              <span className={styles.appointmentMeta}>
                <Badge tone="info">{enumLabel(a.kind)}</Badge>
                {[a.customer?.name, a.assignee?.name ?? 'Unassigned'].filter(Boolean).join(' · ')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
