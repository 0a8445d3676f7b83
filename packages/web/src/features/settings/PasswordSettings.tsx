import { useMutation } from '@apollo/client/react';
import { useRef, useState, type FormEvent } from 'react';
import { useViewer } from '../../app/auth';
import { graphql } from '../../gql';
import { splitUserErrors } from '../../lib/formErrors';
import { Button, Card, TextField } from '../../ui';
import { PASSWORD_MAX, PASSWORD_MIN, passwordProblem, UNREACHABLE } from './options';
import { FormMessages, Section } from './Section';
import styles from './settings.module.css';

const ChangePasswordMutation = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      changed
      errors { field code message }
    }
  }
`);

type Field = 'currentPassword' | 'newPassword' | 'confirm';
const SERVER_FIELDS = ['currentPassword', 'newPassword'];
const EMPTY = { currentPassword: '', newPassword: '', confirm: '' };

/**
 * Everyone: changes their password. The server ends the user's other sessions and keeps this one, so the app simply
 * carries on here.
 */
export function PasswordSettings() {
  const { viewer } = useViewer();
  const [values, setValues] = useState<Record<Field, string>>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [change, { loading }] = useMutation(ChangePasswordMutation);
  const formRef = useRef<HTMLFormElement>(null);

  const focusFirstInvalid = () =>
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    setGeneral([]);
    const invalid: Partial<Record<Field, string>> = {};
    if (!values.currentPassword) invalid.currentPassword = 'Enter your current password.';
    const weak = passwordProblem(values.newPassword);
    if (weak) invalid.newPassword = weak;
    else if (values.newPassword === values.currentPassword) invalid.newPassword = 'Choose a password different from the current one.';
    if (!weak && values.confirm !== values.newPassword) invalid.confirm = 'The two new passwords do not match.';
    setErrors(invalid);
    if (Object.keys(invalid).length) {
      focusFirstInvalid();
      return;
    }
    try {
      const { data } = await change({
        variables: { input: { currentPassword: values.currentPassword, newPassword: values.newPassword } },
      });
      const payload = data?.changePassword;
      if (!payload) return;
      if (!payload.changed) {
        const split = splitUserErrors(payload.errors, SERVER_FIELDS);
        setErrors(split.byField);
        setGeneral(split.general.length || Object.keys(split.byField).length ? split.general : ['Your password was not changed.']);
        focusFirstInvalid();
        return;
      }
      setValues(EMPTY);
      setDone('Your password was changed. You stay signed in here; your other devices and browsers were signed out.');
    } catch {
      setGeneral([UNREACHABLE]);
    }
  };

  const field = (name: Field) => ({
    value: values[name],
    error: errors[name],
    onChange: (e: { target: { value: string } }) => {
      setValues((v) => ({ ...v, [name]: e.target.value }));
      setErrors(({ [name]: _gone, ...rest }) => rest);
      setDone(null);
    },
  });

  return (
    <Section
      title="Password"
      description="Changing your password signs you out on your other devices and browsers; you stay signed in here."
    >
      <Card>
        <form ref={formRef} className={styles.form} onSubmit={(e) => void submit(e)} noValidate>
          {/* Lets password managers file the new password under the right account. */}
          <input
            type="email"
            className="visually-hidden"
            autoComplete="username"
            value={viewer?.email ?? ''}
            readOnly
            tabIndex={-1}
            aria-hidden="true"
          />
          <TextField label="Current password" type="password" autoComplete="current-password" {...field('currentPassword')} />
          <TextField
            label="New password"
            type="password"
            autoComplete="new-password"
            hint={`${PASSWORD_MIN} to ${PASSWORD_MAX} characters. A few unrelated words make a strong one.`}
            {...field('newPassword')}
          />
          <TextField label="Repeat the new password" type="password" autoComplete="new-password" {...field('confirm')} />
          <FormMessages errors={general} success={done} />
          <div className={styles.formActions}>
            <Button type="submit" variant="primary" loading={loading}>
              Change password
            </Button>
          </div>
        </form>
      </Card>
    </Section>
  );
}
