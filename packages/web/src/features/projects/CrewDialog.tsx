import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import type { ProjectDetail_ProjectFragment } from '../../gql/graphql';
import { enumLabel } from '../../lib/format';
import { failureMessage } from '../../lib/formErrors';
import { useFormErrors } from '../../lib/useFormErrors';
import { ErrorState, Fieldset, FormAlert, FormDialog, Spinner } from '../../ui';
import { AssignProjectTeamMutation, CrewCandidatesQuery } from './projectDetailQuery';
import { refreshHistory } from './refreshHistory';
import shared from './projects.module.css';
import styles from './CrewDialog.module.css';

/** Office roles set a project's crew: active staff of every team, the project's own team first. */
export function CrewDialog({ project, onClose }: { project: ProjectDetail_ProjectFragment; onClose: () => void }) {
  const client = useApolloClient();
  const { data, loading, error, refetch } = useQuery(CrewCandidatesQuery);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(project.team.map((m) => m.id)));
  const form = useFormErrors([]);
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
    const input = { id: project.id, memberIds: [...chosen] };
    const saved = await form.save(async () => (await assign({ variables: { input } })).data?.assignProjectTeam, {
      ok: (p) => p.project,
      nothing: 'The crew was not changed.',
      unreachable: (e) => failureMessage(e, 'The crew was not changed.'),
    });
    if (!saved) return;
    refreshHistory(client);
    onClose();
  };

  return (
    <FormDialog
      title="Crew"
      size="md"
      busy={saving}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={`Save crew (${chosen.size})`}
      submitDisabled={!data}
    >
      <FormAlert className={shared.inlineError} messages={form.general} />
      {loading && !data && <Spinner label="Loading staff…" />}
      {error && !data && <ErrorState title="Staff could not be loaded" error={error} onRetry={() => void refetch()} />}
      {teams.map((team) => {
        const members = team.members.filter((m) => m.active || chosen.has(m.id));
        if (!members.length) return null;
        return (
          <Fieldset key={team.id} legend={team.name}>
            <ul className={styles.crewList}>
              {members.map((m) => (
                <li key={m.id}>
                  <label>
                    <input type="checkbox" checked={chosen.has(m.id)} onChange={() => toggle(m.id)} />
                    <span>
                      {m.name} <span className={shared.muted}>{enumLabel(m.role)}</span>
                      {!m.active && <span className={shared.muted}> (deactivated)</span>}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </Fieldset>
        );
      })}
    </FormDialog>
  );
}
