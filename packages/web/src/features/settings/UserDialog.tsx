import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { Role, UserRow_UserFragment } from '../../gql/graphql';
import { useFormErrors } from '../../lib/useFormErrors';
import { Button, Dialog, FormDialog, Select, TextField } from '../../ui';
import { looksLikeEmail, PASSWORD_MAX, PASSWORD_MIN, passwordProblem, ROLE_OPTIONS, UNREACHABLE } from './options';
import { FormMessages } from './Section';
import shared from './settings.module.css';
import styles from './UserDialog.module.css';

const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      user { id ...UserRow_user }
      errors { field code message }
    }
  }
`);

const UpdateUserMutation = graphql(`
  mutation UpdateUser($input: UpdateUserInput!) {
    updateUser(input: $input) {
      user { id ...UserRow_user }
      errors { field code message }
    }
  }
`);

const DeactivateUserMutation = graphql(`
  mutation DeactivateUser($id: ID!) {
    deactivateUser(id: $id) {
      user { id ...UserRow_user }
      errors { field code message }
    }
  }
`);

const ReactivateUserMutation = graphql(`
  mutation ReactivateUser($id: ID!) {
    reactivateUser(id: $id) {
      user { id ...UserRow_user }
      errors { field code message }
    }
  }
`);

type Field = 'name' | 'email' | 'role' | 'teamId' | 'password';
const FIELDS: Field[] = ['name', 'email', 'role', 'teamId', 'password'];

/** A strong random initial password (16 characters, no look-alikes) for the admin to hand over. */
export function generatePassword(length = 16): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789!#%+=?';
  const bytes = crypto.getRandomValues(new Uint32Array(length));
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

// Lists and team member lists show users: refetch the ones on screen after a change.
const REFRESH = ['SettingsUsers', 'SettingsTeams'];

export interface UserDialogProps {
  /** Absent: a new user. */
  user?: UserRow_UserFragment;
  teams: ReadonlyArray<{ id: string; name: string }>;
  onClose: () => void;
}

/** Admins: a new user (name, e-mail, role, team, initial password) or changes to one (name, e-mail, role, team). */
export function UserDialog({ user, teams, onClose }: UserDialogProps) {
  const [values, setValues] = useState<Record<Field, string>>({
    name: user?.name ?? '',
    email: user?.email ?? '',
    role: user?.role ?? 'SALES',
    teamId: user?.team?.id ?? '',
    password: '',
  });
  const form = useFormErrors(FIELDS, { focus: true });
  const { errors } = form;
  const [create, creating] = useMutation(CreateUserMutation, { refetchQueries: REFRESH });
  const [update, updating] = useMutation(UpdateUserMutation, { refetchQueries: REFRESH });
  const busy = creating.loading || updating.loading;

  const set = (field: Field) => (e: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [field]: e.target.value }));
    form.clear(field);
  };

  const submit = async () => {
    const invalid = {
      name: values.name.trim() ? undefined : 'Name is required.',
      email: looksLikeEmail(values.email) ? undefined : 'Enter an e-mail address such as name@example.com.',
      password: user ? undefined : (passwordProblem(values.password) ?? undefined),
    };
    if (form.check(invalid)) return;
    const common = {
      name: values.name,
      email: values.email.trim(),
      role: values.role as Role,
      teamId: values.teamId || null,
    };
    const saved = await form.save(
      async () =>
        user
          ? (await update({ variables: { input: { id: user.id, ...common } } })).data?.updateUser
          : (await create({ variables: { input: { ...common, password: values.password } } })).data?.createUser,
      { ok: (p) => p.user, nothing: 'Nothing was saved.', unreachable: UNREACHABLE },
    );
    if (saved) onClose();
  };

  return (
    <FormDialog
      title={user ? `Edit ${user.name}` : 'Add a user'}
      size="md"
      busy={busy}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={user ? 'Save changes' : 'Add user'}
    >
      <div className={styles.dialogGrid}>
        <TextField label="Name" value={values.name} onChange={set('name')} maxLength={120} error={errors.name} autoComplete="off" />
        <TextField
          label="E-mail"
          type="email"
          value={values.email}
          onChange={set('email')}
          error={errors.email}
          hint={user ? 'They sign in with it.' : undefined}
          autoComplete="off"
        />
        <Select label="Role" options={ROLE_OPTIONS} value={values.role} onChange={set('role')} error={errors.role} />
        <Select
          label="Team"
          placeholder="No team"
          options={teams.map((t) => ({ value: t.id, label: t.name }))}
          value={values.teamId}
          onChange={set('teamId')}
          error={errors.teamId}
        />
        {!user && (
          <div className={styles.wide}>
            <div className={styles.passwordRow}>
              <TextField
                label="Initial password"
                value={values.password}
                onChange={set('password')}
                error={errors.password}
                hint={`${PASSWORD_MIN} to ${PASSWORD_MAX} characters. Give it to them in person or by phone; they can change it under Settings → Password.`}
                autoComplete="new-password"
                spellCheck={false}
                className={styles.grow}
              />
              <Button
                onClick={() => {
                  setValues((v) => ({ ...v, password: generatePassword() }));
                  form.clear('password');
                }}
              >
                Generate
              </Button>
            </div>
          </div>
        )}
      </div>
      {user && values.role !== user.role && (
        <p className={shared.note}>The new role takes effect on their next request.</p>
      )}
      <FormMessages errors={form.general} />
    </FormDialog>
  );
}

/** Admins: confirms deactivating (signs them out everywhere) or reactivating a user. */
export function SetActiveDialog({ user, onClose }: { user: UserRow_UserFragment; onClose: () => void }) {
  const deactivating = user.active;
  const [deactivate, off] = useMutation(DeactivateUserMutation, { refetchQueries: REFRESH });
  const [reactivate, on] = useMutation(ReactivateUserMutation, { refetchQueries: REFRESH });
  const form = useFormErrors([]);
  const busy = off.loading || on.loading;

  const confirm = async () => {
    const saved = await form.save(
      async () =>
        deactivating
          ? (await deactivate({ variables: { id: user.id } })).data?.deactivateUser
          : (await reactivate({ variables: { id: user.id } })).data?.reactivateUser,
      { nothing: 'Nothing was saved.', unreachable: UNREACHABLE },
    );
    if (saved) onClose();
  };

  return (
    <Dialog
      title={deactivating ? `Deactivate ${user.name}?` : `Reactivate ${user.name}?`}
      busy={busy}
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button variant={deactivating ? 'danger' : 'primary'} loading={busy} onClick={() => void confirm()}>
            {deactivating ? 'Deactivate' : 'Reactivate'}
          </Button>
        </>
      }
    >
      <p className={styles.dialogText}>
        {deactivating
          ? 'They are signed out everywhere at once and can no longer sign in. Their leads, projects and history stay as they are.'
          : 'They can sign in again with their existing password.'}
      </p>
      <FormMessages errors={form.general} />
    </Dialog>
  );
}
