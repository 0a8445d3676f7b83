import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { Button, Card, EmptyState, Spinner } from '../../ui';
import { InteractionEntry } from './InteractionEntry';
import styles from './interactions.module.css';

const LinkedInteractionQuery = graphql(`
  query LinkedInteraction($id: ID!) {
    interaction(id: $id) {
      id
      ...InteractionEntry_interaction
    }
  }
`);

export interface LinkedInteractionProps {
  id: string;
  officeLinks: boolean;
  onDismiss: () => void;
}

/** The interaction a link points at (`/interactions?id=…`, e.g. from a notification), above the log. */
export function LinkedInteraction({ id, officeLinks, onDismiss }: LinkedInteractionProps) {
  const { data, loading } = useQuery(LinkedInteractionQuery, { variables: { id } });
  const dismiss = (
    <Button size="sm" variant="ghost" onClick={onDismiss}>
      Close
    </Button>
  );
  let body;
  if (loading && !data) body = <Spinner label="Loading the interaction…" />;
  else if (!data?.interaction) {
    body = <EmptyState icon="search" title="Interaction not found" description="It was deleted, or you may not see it." />;
  } else {
    body = (
      <ul className={styles.entries}>
        <li>
          <InteractionEntry interaction={data.interaction} officeLinks={officeLinks} />
        </li>
      </ul>
    );
  }
  return (
    <Card title="Linked interaction" actions={dismiss}>
      {body}
    </Card>
  );
}
