import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState } from 'react';
import type { ProjectDetail_ProjectFragment, ProjectStatus } from '../../gql/graphql';
import { failureMessage } from '../../lib/formErrors';
import { Button, ConfirmButtons, Dialog } from '../../ui';
import { UpdateProjectMutation } from './projectDetailQuery';
import { moveLabel, nextStatuses, statusLabel } from './projectFormat';
import { refreshHistory } from './refreshHistory';
import shared from './projects.module.css';
import styles from './ProjectStatusMoves.module.css';

/** Office roles move the status along the allowed transitions; cancelling asks first. */
export function ProjectStatusMoves({ project }: { project: ProjectDetail_ProjectFragment }) {
  const client = useApolloClient();
  const [update, { loading }] = useMutation(UpdateProjectMutation);
  const [pending, setPending] = useState<ProjectStatus | null>(null);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const moves = nextStatuses(project.status);

  const move = async (to: ProjectStatus) => {
    setPending(to);
    setMessage(null);
    try {
      const { data } = await update({ variables: { input: { id: project.id, status: to } } });
      const errors = data?.updateProject.errors ?? [];
      if (errors.length) setMessage(errors.map((e) => e.message).join(' '));
      else refreshHistory(client);
    } catch (e) {
      setMessage(failureMessage(e, 'The status did not change.'));
    } finally {
      setPending(null);
      setConfirmCancel(false);
    }
  };

  if (!moves.length) {
    return <p className={shared.muted}>{statusLabel(project.status)} is final: the status no longer changes.</p>;
  }
  return (
    <div>
      <h3 className={shared.legend}>Change status</h3>
      <div className={styles.statusMoves}>
        {moves.map((to) => (
          <Button
            key={to}
            variant={to === 'CANCELLED' ? 'ghost' : moves[0] === to ? 'primary' : 'secondary'}
            loading={pending === to}
            disabled={loading}
            onClick={() => (to === 'CANCELLED' ? setConfirmCancel(true) : void move(to))}
          >
            {moveLabel(project.status, to)}
          </Button>
        ))}
      </div>
      {message && (
        <p className={shared.fieldError} role="alert">
          {message}
        </p>
      )}
      {confirmCancel && (
        <Dialog
          title={`Cancel ${project.name}?`}
          busy={loading}
          onClose={() => setConfirmCancel(false)}
          actions={
            <ConfirmButtons
              confirmLabel="Cancel project"
              onConfirm={() => move('CANCELLED')}
              cancelLabel="Keep it"
              onCancel={() => setConfirmCancel(false)}
              focusCancel={false}
              busy={loading}
            />
          }
        >
          <p>A cancelled project is final: it cannot be reopened.</p>
        </Dialog>
      )}
    </div>
  );
}
