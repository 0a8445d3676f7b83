import { Link } from 'react-router';
import type { ProjectDetailQuery } from '../../gql/graphql';
import { Button, Card } from '../../ui';
import { InteractionEntry } from '../interactions/InteractionEntry';
import shared from './projects.module.css';
import styles from './ProjectActivityCard.module.css';

type Interactions = NonNullable<ProjectDetailQuery['project']>['interactions'];

export interface ProjectActivityCardProps {
  projectId: string;
  interactions: Interactions;
  office: boolean;
  onLog: () => void;
}

/** The project's latest calls, visits and notes, with a way to log one and to open the full log. */
export function ProjectActivityCard({ projectId, interactions, office, onLog }: ProjectActivityCardProps) {
  return (
    <Card
      title="Activity"
      actions={
        <Button size="sm" onClick={onLog}>
          Log interaction
        </Button>
      }
    >
      {interactions.length === 0 ? (
        <p className={shared.muted}>Nothing logged yet. Calls, visits and notes about this job show up here.</p>
      ) : (
        <ul className={styles.timeline} aria-label="Interactions">
          {interactions.map((i) => (
            <li key={i.id}>
              <InteractionEntry interaction={i} officeLinks={office} hide={{ project: true, customer: true }} />
            </li>
          ))}
        </ul>
      )}
      <div className={styles.cardFooter}>
        <Link to={`/interactions?project=${encodeURIComponent(projectId)}`}>Open in the communication log</Link>
      </div>
    </Card>
  );
}
