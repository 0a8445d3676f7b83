import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../../gql';
import { useFormErrors } from '../../lib/useFormErrors';
import { FormDialog, Select, TextField } from '../../ui';
import { roleLabel, UNREACHABLE } from './options';
import { FormMessages } from './Section';
import type { SettingsTeam } from './TeamsSettings';

const ManagerOptionsQuery = graphql(`
  query SettingsManagerOptions {
    users(first: 100, filter: { roles: [ADMIN, MANAGER], active: true }) {
      edges {
        node {
          id
          name
          role
        }
      }
    }
  }
`);

// What a saved team changes in the cache (the teams list shows it); spread by the mutations below, read only there.
graphql(`
  fragment TeamDialog_team on Team {
    id
    name
    manager {
      id
      name
    }
  }
`);

const CreateTeamMutation = graphql(`
  mutation CreateTeam($input: CreateTeamInput!) {
    createTeam(input: $input) {
      team { ...TeamDialog_team }
      errors { field code message }
    }
  }
`);

const UpdateTeamMutation = graphql(`
  mutation UpdateTeam($input: UpdateTeamInput!) {
    updateTeam(input: $input) {
      team { ...TeamDialog_team }
      errors { field code message }
    }
  }
`);

const REFRESH = ['SettingsTeams', 'SettingsTeamOptions'];

/** Admins: a new team, or a team's new name and manager (an active manager or admin). */
export function TeamDialog({ team, onClose }: { team?: SettingsTeam; onClose: () => void }) {
  const [name, setName] = useState(team?.name ?? '');
  const [managerId, setManagerId] = useState(team?.manager?.id ?? '');
  const form = useFormErrors(['name', 'managerId']);
  const { errors } = form;
  const managers = useQuery(ManagerOptionsQuery).data?.users.edges.map((e) => e.node) ?? [];
  const [create, creating] = useMutation(CreateTeamMutation, { refetchQueries: REFRESH });
  const [update, updating] = useMutation(UpdateTeamMutation, { refetchQueries: REFRESH });
  const busy = creating.loading || updating.loading;

  const options = managers.map((m) => ({ value: m.id, label: `${m.name} (${roleLabel(m.role)})` }));
  // The current manager may since have been deactivated: keep them choosable so saving a rename does not drop them.
  if (team?.manager && !options.some((o) => o.value === team.manager!.id)) {
    options.unshift({ value: team.manager.id, label: team.manager.name });
  }

  const submit = async () => {
    if (form.check({ name: name.trim() ? undefined : 'Name is required.' })) return;
    const saved = await form.save(
      async () =>
        team
          ? (await update({ variables: { input: { id: team.id, name, managerId: managerId || null } } })).data?.updateTeam
          : (await create({ variables: { input: { name, managerId: managerId || null } } })).data?.createTeam,
      { ok: (p) => p.team, nothing: 'Nothing was saved.', unreachable: UNREACHABLE },
    );
    if (saved) onClose();
  };

  return (
    <FormDialog
      title={team ? `Edit ${team.name}` : 'New team'}
      busy={busy}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={team ? 'Save' : 'Create team'}
    >
      <TextField
        label="Team name"
        value={name}
        maxLength={80}
        error={errors.name}
        autoComplete="off"
        onChange={(e) => {
          setName(e.target.value);
          form.clear('name');
        }}
      />
      <Select
        label="Manager"
        placeholder="No manager"
        options={options}
        value={managerId}
        error={errors.managerId}
        hint="A manager sees and manages everything of the team."
        onChange={(e) => {
          setManagerId(e.target.value);
          form.clear('managerId');
        }}
      />
      <FormMessages errors={form.general} />
    </FormDialog>
  );
}
