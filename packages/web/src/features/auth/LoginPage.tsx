import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Navigate, useLocation } from 'react-router';
import { MeQuery, useApi, useSessionStatus, type LoginState } from '../../app/auth';
import { tokensFrom } from '../../app/session';
import { graphql } from '../../gql';
import { splitUserErrors, type SplitErrors } from '../../lib/formErrors';
import { Button, TextField } from '../../ui';
import styles from './LoginPage.module.css';

const LoginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      accessToken
      accessTokenExpiresAt
      refreshToken
      user { id ...Viewer_user }
      errors { field code message }
    }
  }
`);

const FIELDS = ['email', 'password'] as const;

function requiredErrors(input: { email: string; password: string }): SplitErrors {
  const byField: Record<string, string> = {};
  if (!input.email) byField.email = 'Enter your e-mail address.';
  if (!input.password) byField.password = 'Enter your password.';
  return { byField, general: [] };
}

export default function LoginPage() {
  const { client, tokens } = useApi();
  const status = useSessionStatus();
  const state = (useLocation().state ?? {}) as LoginState;
  const [login, { loading, error }] = useMutation(LoginMutation, { context: { skipAuth: true } });
  const [errors, setErrors] = useState<SplitErrors>({ byField: {}, general: [] });

  if (status === 'signedIn') return <Navigate to={state.from ?? '/'} replace />;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { email: String(form.get('email') ?? '').trim(), password: String(form.get('password') ?? '') };
    const missing = requiredErrors(input);
    setErrors(missing);
    if (Object.keys(missing.byField).length) return;
    try {
      const payload = (await login({ variables: { input } })).data?.login;
      const session = tokensFrom(payload);
      if (!payload || !session || !payload.user) {
        setErrors(splitUserErrors(payload?.errors ?? [], FIELDS));
        return;
      }
      client.writeQuery({ query: MeQuery, data: { me: payload.user } });
      tokens.start(session);
    } catch {
      // Shown from the hook's `error` below.
    }
  };

  const banner =
    errors.general[0] ?? (error ? 'We could not reach the server. Check your connection and try again.' : null);

  return (
    <main className={styles.page}>
      <aside className={styles.brand} aria-hidden="true">
        <div className={styles.logo}>
          <img src="/favicon.svg" alt="" width={40} height={40} />
          <span>iSwitch Roofs</span>
        </div>
        <p className={styles.tagline}>Every lead, inspection and roof — one place for the whole crew.</p>
      </aside>
      <section className={styles.panel}>
        <form className={styles.form} onSubmit={onSubmit} noValidate aria-labelledby="login-title">
          <div className={styles.mobileLogo} aria-hidden="true">
            <img src="/favicon.svg" alt="" width={32} height={32} />
            <span>iSwitch Roofs</span>
          </div>
          <h1 id="login-title" className={styles.title}>
            Sign in
          </h1>
          <p className={styles.lead}>Use your iSwitch Roofs staff account.</p>
          {state.expired && !banner && (
            <p className={styles.notice} role="status">
              Your session has expired. Please sign in again.
            </p>
          )}
          {banner && (
            <p className={styles.alert} role="alert">
              {banner}
            </p>
          )}
          <TextField
            label="E-mail"
            name="email"
            type="email"
            autoComplete="username"
            required
            autoFocus
            error={errors.byField.email}
          />
          <TextField
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            error={errors.byField.password}
          />
          <Button type="submit" variant="primary" loading={loading} className={styles.submit}>
            Sign in
          </Button>
        </form>
      </section>
    </main>
  );
}
