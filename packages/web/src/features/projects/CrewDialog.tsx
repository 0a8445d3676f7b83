import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import type { ProjectDetail_ProjectFragment } from '../../gql/graphql';
import { enumLabel } from '../../lib/format';
import { splitUserErrors } from '../../lib/formErrors';
import { Button, Dialog, ErrorState, Spinner } from '../../ui';
import { AssignProjectTeamMutation, CrewCandidatesQuery } from './projectDetailQuery';
import { failureMessage } from '../../lib/formErrors';
import { refreshHistory } from './refreshHistory';
import styles from './projects.module.css';

/** Office roles set a project's crew: active staff of every team, the project's own team first. */
export function CrewDialog({ project, onClose }: { project: ProjectDetail_ProjectFragment; onClose: () => void }) {
  const client = useApolloClient();
  const { data, loading, error, refetch } = useQuery(CrewCandidatesQuery);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(project.team.map((m) => m.id)));
  const [message, setMessage] = useState<string | null>(null);
  const [assign, { loading: saving }] = useMutation(AssignProjectTeamMutation);

  const teams = [...(data?.teams ?? [])].sort((a, b) =>
    a.id === project.owningTeam?.id ? -1 : b.id === project.owningTeam?.id ? 1 : a.name.localeCompare(b.name),
  );
  const toggle = (id: string) =>
    setChosen((c) => {
      const next = new Set(c);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const submit = async () => {
    setMessage(null);
    try {
      const { data: result } = await assign({ variables: { input: { id: project.id, memberIds: [...chosen] } } });
      const payload = result?.assignProjectTeam;
      if (!payload) throw new Error('No answer');
      if (payload.errors.length || !payload.project) {
        const split = splitUserErrors(payload.errors, []);
        setMessage(split.general.join(' '));
        return;
      }
      refreshHistory(client);
      onClose();
    } catch (e) {
      setMessage(failureMessage(e, 'The crew was not changed.'));
    }
  };

  return (
    <Dialog
      title="Crew"
      size="md"
      busy={saving}
      onClose={onClose}
      onSubmit={() => void submit()}
      actions={
        <>
          <Button onClick={onClose} disabled={saving}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" loading={saving} disabled={!data}>
            Save crew ({chosen.size})
          </Button>
        </>
      }
    >
      {message && (
        <p className={styles.inlineError} role="alert">
          {message}
        </p>
      )}
      {loading && !data && <Spinner label="Loading staff…" />}
      {error && !data && <ErrorState title="Staff could not be loaded" error={error} onRetry={() => void refetch()} />}
      {teams.map((team) => {
        const members = team.members.filter((m) => m.active || chosen.has(m.id));
        if (!members.length) return null;
        return (
          <fieldset key={team.id} className={styles.fieldset}>
            <legend className={styles.legend}>{team.name}</legend>
            <ul className={styles.crewList}>
              {members.map((m) => (
                <li key={m.id}>
                  <label>
                    <input type="checkbox" checked={chosen.has(m.id)} onChange={() => toggle(m.id)} />
                    <span>
                      {m.name} <span className={styles.muted}>{enumLabel(m.role)}</span>
                      {!m.active && <span className={styles.muted}> (deactivated)</span>}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        );
      })}
    </Dialog>
  );
}
