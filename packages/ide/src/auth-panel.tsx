import { useState, type FormEvent, type InputHTMLAttributes } from 'react';
import { setApiKey, signIn, signOut, useAuth } from './auth';

/** A labelled input whose value is a piece of state. */
function Field({ label, value, onValue, ...input }: { label: string; value: string; onValue: (v: string) => void } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label>
      {label}
      <input required value={value} onChange={(e) => onValue(e.target.value)} {...input} />
    </label>
  );
}

/** The sign-in plugin's pane: staff e-mail and password (`login`), or a partner's API key. */
export function AuthPanel() {
  const { credential, problem } = useAuth();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSignIn = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(await signIn(email, password));
    setBusy(false);
    setPassword('');
  };
  const onKey = (e: FormEvent) => {
    e.preventDefault();
    setError(setApiKey(key));
    setKey('');
  };

  return (
    <section className="ide-auth" aria-label="Sign in">
      <div className="graphiql-doc-explorer-title">Sign in</div>
      {credential ? (
        <div role="status" className="ide-auth-status">
          {credential.kind === 'staff' ? (
            <p>
              Signed in as <strong>{credential.email}</strong>. The access token goes in the Authorization header and
              the WebSocket's connection params, and is refreshed before it expires.
            </p>
          ) : (
            <p>
              Using API key <strong>{credential.key.slice(0, 13)}…</strong>: the docs show the partner schema;
              registered operations go by their documentId. Subscriptions need a staff session.
            </p>
          )}
          <button type="button" className="graphiql-button" onClick={signOut}>
            Sign out
          </button>
        </div>
      ) : (
        <>
          <form onSubmit={onSignIn}>
            <h3>Staff</h3>
            <Field label="E-mail" type="email" autoComplete="username" value={email} onValue={setEmail} />
            <Field label="Password" type="password" autoComplete="current-password" value={password} onValue={setPassword} />
            <button type="submit" className="graphiql-button" disabled={busy}>
              Sign in
            </button>
          </form>
          <form onSubmit={onKey}>
            <h3>Partner API key</h3>
            <Field label="API key" autoComplete="off" spellCheck={false} placeholder="crmk_…" value={key} onValue={setKey} />
            <button type="submit" className="graphiql-button">
              Use key
            </button>
          </form>
        </>
      )}
      {(error ?? problem) && (
        <p role="alert" className="ide-auth-error">
          {error ?? problem}
        </p>
      )}
    </section>
  );
}
