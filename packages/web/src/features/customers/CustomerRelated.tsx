import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { calendarDateLabel, dateTimeLabel, enumLabel, money } from '../../lib/format';
import { Badge, Button, Card } from '../../ui';
import { AppointmentSummaryFragment, STATUS_TONE as APPOINTMENT_STATUS_TONE } from '../appointments/appointment';
import { statusTone as projectStatusTone } from '../projects/projectFormat';
import { ReviewItem } from '../reviews/ReviewItem';
import { LEAD_STATUS_TONE } from './customerFormat';
import shared from './customers.module.css';
import styles from './CustomerRelated.module.css';

export const CustomerProjectsFragment = graphql(`
  fragment CustomerProjects_customer on Customer {
    projects {
      id
      name
      status
      projectType
      budget
      completionPercentage
      startDate
      endDate
    }
  }
`);

export const CustomerLeadsFragment = graphql(`
  fragment CustomerLeads_customer on Customer {
    leads {
      id
      contactName
      status
      source
      score
      projectType
      estimatedValue
      assignee {
        id
        name
      }
      createdAt
    }
  }
`);

export const CustomerAppointmentsFragment = graphql(`
  fragment CustomerAppointments_customer on Customer {
    appointments {
      id
      ...AppointmentSummary_appointment
      project {
        id
        name
      }
    }
  }
`);

export const CustomerReviewsFragment = graphql(`
  fragment CustomerReviews_customer on Customer {
    reviews(first: 20) {
      id
      ...ReviewItem_review
    }
  }
`);

/** How many items a section shows before "Show all". */
const FOLDED = 5;

function Section<T>({
  title,
  items,
  empty,
  render,
}: {
  title: string;
  items: readonly T[];
  empty: string;
  render: (item: T) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const shown = open ? items : items.slice(0, FOLDED);
  return (
    <Card
      title={
        <>
          {title}
          <span className={shared.count}>{items.length}</span>
        </>
      }
    >
      {items.length === 0 ? (
        <p className={shared.emptyText}>{empty}</p>
      ) : (
        <ul className={styles.list} aria-label={title}>
          {shown.map(render)}
        </ul>
      )}
      {items.length > FOLDED && (
        <Button
          size="sm"
          variant="ghost"
          className={shared.toggle}
          onClick={() => setOpen((o) => !o)}
          aria-expanded={open}
        >
          {open ? 'Show fewer' : `Show all ${items.length}`}
        </Button>
      )}
    </Card>
  );
}

export function CustomerProjects({ customer }: { customer: FragmentType<typeof CustomerProjectsFragment> }) {
  const { projects } = getFragmentData(CustomerProjectsFragment, customer);
  return (
    <Section
      title="Projects"
      items={projects}
      empty="No projects yet. Winning a lead creates one."
      render={(p) => (
        <li key={p.id} className={styles.item}>
          <div className={styles.itemMain}>
            <Link to={`/projects/${p.id}`} className={styles.itemTitle}>
              {p.name}
            </Link>
            <span className={shared.itemMeta}>
              {enumLabel(p.projectType)}
              {p.budget && ` · ${money(p.budget)}`}
              {p.startDate && ` · starts ${calendarDateLabel(p.startDate)}`}
            </span>
          </div>
          <div className={styles.itemSide}>
            {p.status !== 'CANCELLED' && p.status !== 'PLANNING' && (
              <span className={shared.itemMeta}>
                <span className={styles.progress} aria-hidden="true">
                  <span style={{ width: `${p.completionPercentage}%` }} />
                </span>{' '}
                {p.completionPercentage}%<span className="visually-hidden"> complete</span>
              </span>
            )}
            <Badge tone={projectStatusTone(p.status)}>{enumLabel(p.status)}</Badge>
          </div>
        </li>
      )}
    />
  );
}

export function CustomerLeads({ customer }: { customer: FragmentType<typeof CustomerLeadsFragment> }) {
  const { leads } = getFragmentData(CustomerLeadsFragment, customer);
  return (
    <Section
      title="Leads"
      items={leads}
      empty="No leads for this customer."
      render={(l) => (
        <li key={l.id} className={styles.item}>
          <div className={styles.itemMain}>
            <Link to={`/leads/${l.id}`} className={styles.itemTitle}>
              {l.projectType ? enumLabel(l.projectType) : 'Lead'}
              {l.contactName ? ` · ${l.contactName}` : ''}
            </Link>
            <span className={shared.itemMeta}>
              {enumLabel(l.source)}
              {l.estimatedValue && ` · ${money(l.estimatedValue)}`}
              {` · ${l.assignee ? l.assignee.name : 'Unassigned'}`}
            </span>
          </div>
          <div className={styles.itemSide}>
            <span className={shared.itemMeta}>Score {l.score}</span>
            <Badge tone={LEAD_STATUS_TONE[l.status]}>{enumLabel(l.status)}</Badge>
          </div>
        </li>
      )}
    />
  );
}

export function CustomerAppointments({ customer }: { customer: FragmentType<typeof CustomerAppointmentsFragment> }) {
  const { appointments } = getFragmentData(CustomerAppointmentsFragment, customer);
  return (
    <Section
      title="Appointments"
      items={appointments}
      empty="No appointments booked."
      render={({ project, ...ref }) => {
        const a = getFragmentData(AppointmentSummaryFragment, ref);
        return (
          <li key={a.id} className={styles.item}>
            <div className={styles.itemMain}>
              <span className={styles.itemTitle}>{a.title}</span>
              <span className={shared.itemMeta}>
                <time dateTime={a.startsAt}>{dateTimeLabel(a.startsAt)}</time> · {enumLabel(a.kind)}
                {a.assignee && ` · ${a.assignee.name}`}
              </span>
              {project && (
                <span className={shared.itemMeta}>
                  Project: <Link to={`/projects/${project.id}`}>{project.name}</Link>
                </span>
              )}
            </div>
            <div className={styles.itemSide}>
              <Badge tone={APPOINTMENT_STATUS_TONE[a.status]}>{enumLabel(a.status)}</Badge>
            </div>
          </li>
        );
      }}
    />
  );
}

/** What the customer posted on review platforms (newest first), each linking to the review. */
export function CustomerReviews({ customer }: { customer: FragmentType<typeof CustomerReviewsFragment> }) {
  const { reviews } = getFragmentData(CustomerReviewsFragment, customer);
  return (
    <Section
      title="Reviews"
      items={reviews}
      empty="No reviews by this customer yet."
      render={(review) => <ReviewItem key={review.id} review={review} showProject />}
    />
  );
}
