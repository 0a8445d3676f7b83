import { Link } from 'react-router';
import type { ProjectDetail_ProjectFragment } from '../../gql/graphql';
import { addressLines, dateLabel, dateTimeLabel, enumLabel, phoneLabel } from '../../lib/format';
import { Card } from '../../ui';
import shared from './projects.module.css';
import styles from './ProjectCustomerCard.module.css';

const leadLabel = (lead: { contactName?: string | null; status: string }) =>
  `the lead${lead.contactName ? ` ${lead.contactName}` : ''} (${enumLabel(lead.status).toLowerCase()})`;

/** Who the job is for (with call, e-mail and map links), the lead it came from and who created it. */
export function ProjectCustomerCard({ project, office }: { project: ProjectDetail_ProjectFragment; office: boolean }) {
  const c = project.customer;
  const address = c ? addressLines(c.address).join(', ') : '';
  return (
    <Card title="Customer">
      {!c ? (
        <p className={shared.muted}>No customer on record.</p>
      ) : (
        <div className={styles.contact}>
          <strong>{office ? <Link to={`/customers/${c.id}`}>{c.name}</Link> : c.name}</strong>
          {address && <span>{address}</span>}
          <div className={styles.contactLinks}>
            {c.phone && <a href={`tel:${c.phone}`}>Call {phoneLabel(c.phone)}</a>}
            {c.email && <a href={`mailto:${c.email}`}>E-mail</a>}
            {address && (
              <a href={`https://maps.google.com/?q=${encodeURIComponent(address)}`} target="_blank" rel="noreferrer">
                Map
              </a>
            )}
          </div>
        </div>
      )}
      {project.lead && (
        <p className={styles.aside}>
          Came from{' '}
          {office ? <Link to={`/leads/${project.lead.id}`}>{leadLabel(project.lead)}</Link> : leadLabel(project.lead)}
        </p>
      )}
      {project.createdBy && (
        <p className={styles.aside}>
          Created by {project.createdBy.name} on{' '}
          <time dateTime={project.createdAt} title={dateTimeLabel(project.createdAt)}>
            {dateLabel(project.createdAt)}
          </time>
        </p>
      )}
    </Card>
  );
}
