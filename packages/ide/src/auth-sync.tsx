import { useEffect } from 'react';
import { useGraphiQL } from '@graphiql/react';
import { bearerOf, useAuth } from './auth';

/** The header editor's JSON with Authorization set to `bearer` (removed when null); null when it is not a JSON object. */
export function withAuthorization(text: string, bearer: string | null): string | null {
  let headers: unknown = {};
  if (text.trim()) {
    try {
      headers = JSON.parse(text);
    } catch {
      return null;
    }
  }
  if (!headers || typeof headers !== 'object' || Array.isArray(headers)) return null;
  const rest = Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'authorization');
  const next = Object.fromEntries(bearer ? [['Authorization', bearer], ...rest] : rest);
  return Object.keys(next).length ? JSON.stringify(next, null, 2) : '';
}

/**
 * Keeps the active tab's header editor in step with the sign-in panel: what the editor shows is what is sent (the
 * fetcher sends the editor's headers as they are). Also the footer's one line on who the IDE calls as.
 */
export function AuthSync({ schemaProblem }: { schemaProblem: string | null }) {
  const { credential } = useAuth();
  const bearer = bearerOf(credential);
  const headerEditor = useGraphiQL((s) => s.headerEditor);
  const activeTabIndex = useGraphiQL((s) => s.activeTabIndex);
  useEffect(() => {
    if (!headerEditor) return;
    const apply = () => {
      const next = withAuthorization(headerEditor.getValue(), bearer);
      if (next !== null && next !== headerEditor.getValue()) headerEditor.setValue(next);
    };
    apply();
    // GraphiQL loads a tab's headers into the editor when the tab becomes active or the editor mounts, in effects and
    // model updates of its own that may come after this one: whenever the editor's text changes, the Authorization
    // the panel holds is put back (while signed in, it is part of what is sent; sign out to drop it) — after the
    // change is done (changing a Monaco model inside its own change event breaks it).
    let timer: ReturnType<typeof setTimeout> | undefined;
    const listener = headerEditor.onDidChangeModelContent(() => {
      clearTimeout(timer);
      timer = setTimeout(apply, 0);
    });
    return () => {
      clearTimeout(timer);
      listener.dispose();
    };
  }, [headerEditor, activeTabIndex, bearer]);
  const who = !credential ? 'Not signed in' : credential.kind === 'staff' ? `Staff: ${credential.email}` : 'Partner API key (partner schema)';
  return (
    <p className="ide-footer" data-testid="ide-status">
      {who}
      {schemaProblem ? ` · ${schemaProblem}` : ''}
    </p>
  );
}
