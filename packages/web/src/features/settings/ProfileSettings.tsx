import { useMutation } from '@apollo/client/react';
import { useEffect, useState, type FormEvent } from 'react';
import { useViewer } from '../../app/auth';
import { graphql } from '../../gql';
import { splitUserErrors } from '../../lib/formErrors';
import { Button, Card, TextField } from '../../ui';
import { roleLabel, UNREACHABLE } from './options';
import { FormMessages, Section } from './Section';
import styles from './settings.module.css';

const UpdateProfileMutation = graphql(`
  mutation UpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      user { id ...Viewer_user }
      errors { field code message }
    }
  }
`);

/** Everyone: their own name (the API's `updateProfile`); e-mail, role and team are shown, and changed by admins. */
export function ProfileSettings() {
  const { viewer } = useViewer();
  const [name, setName] = useState(viewer?.name ?? '');
  const [nameError, setNameError] = useState<string | null>(null);
  const [general, setGeneral] = useState<string[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const [save, { loading }] = useMutation(UpdateProfileMutation);
  // Another tab (or an admin) may rename the viewer: follow unless the field is being edited.
  const current = viewer?.name ?? '';
  const [base, setBase] = useState(current);
  useEffect(() => {
    if (current !== base) {
      setName((n) => (n === base ? current : n));
      setBase(current);
    }
  }, [current, base]);

  if (!viewer) return null;
  const dirty = name.trim() !== viewer.name;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    setGeneral([]);
    if (!name.trim()) {
      setNameError('Name is required.');
      return;
    }
    setNameError(null);
    try {
      const { data } = await save({ variables: { input: { name } } });
      const payload = data?.updateProfile;
      if (!payload) return;
      if (payload.errors.length) {
        const split = splitUserErrors(payload.errors, ['name']);
        setNameError(split.byField.name ?? null);
        setGeneral(split.general);
        return;
      }
      setName(name.trim());
      setSaved('Your profile was saved.');
    } catch {
      setGeneral([UNREACHABLE]);
    }
  };

  return (
    <Section title="Profile" description="How you appear to your colleagues in the CRM.">
      <Card>
        <form className={styles.form} onSubmit={(e) => void submit(e)} noValidate>
          <TextField
            label="Name"
            value={name}
            maxLength={120}
            autoComplete="name"
            required
            error={nameError}
            onChange={(e) => {
              setName(e.target.value);
              setNameError(null);
              setSaved(null);
            }}
          />
          <dl className={styles.facts}>
            <div>
              <dt>E-mail (sign-in)</dt>
              <dd>{viewer.email}</dd>
            </div>
            <div>
              <dt>Role</dt>
              <dd>{roleLabel(viewer.role)}</dd>
            </div>
            <div>
              <dt>Team</dt>
              <dd>{viewer.team?.name ?? 'No team'}</dd>
            </div>
          </dl>
          <p className={styles.note}>
            {viewer.role === 'ADMIN'
              ? 'Change your e-mail or team under Users.'
              : 'Your e-mail, role and team are changed by an admin.'}
          </p>
          <FormMessages errors={general} success={saved} />
          <div className={styles.formActions}>
            <Button type="submit" variant="primary" loading={loading} disabled={!dirty}>
              Save profile
            </Button>
          </div>
        </form>
      </Card>
    </Section>
  );
}
