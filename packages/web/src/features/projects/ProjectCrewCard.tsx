import type { ProjectDetail_ProjectFragment } from '../../gql/graphql';
import { enumLabel, initials } from '../../lib/format';
import { Button, Card } from '../../ui';
import shared from './projects.module.css';
import styles from './ProjectCrewCard.module.css';

export interface ProjectCrewCardProps {
  project: ProjectDetail_ProjectFragment;
  canEdit: boolean;
  onEdit: () => void;
}

/** The people on the project; office roles open the crew dialog from here. */
export function ProjectCrewCard({ project, canEdit, onEdit }: ProjectCrewCardProps) {
  return (
    <Card
      title="Crew"
      actions={
        canEdit && (
          <Button size="sm" onClick={onEdit}>
            Edit crew
          </Button>
        )
      }
    >
      {project.team.length === 0 ? (
        <p className={shared.muted}>No one is on this project yet.</p>
      ) : (
        <ul className={styles.people}>
          {project.team.map((m) => (
            <li key={m.id} className={styles.person}>
              <span className={styles.avatar} aria-hidden="true">
                {initials(m.name)}
              </span>
              <span>
                {m.name} <span className={shared.muted}>{enumLabel(m.role)}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
