import { useEffect, useMemo, useRef, useState } from 'react';
import { GraphiQL } from 'graphiql';
import type { GraphiQLPlugin } from '@graphiql/react';
import { explorerPlugin } from '@graphiql/plugin-explorer';
import { buildSchema, type GraphQLSchema } from 'graphql';
import { fetchSdl, type RegisteredOperation } from './api';
import { bearerOf, useAuth } from './auth';
import { AuthPanel } from './auth-panel';
import { AuthSync } from './auth-sync';
import { createFetcher } from './fetcher';
import { defaultTabs } from './tabs';

function KeyIcon() {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
      <circle cx="8" cy="15" r="4" />
      <path d="M11 12l8-8M16 7l3 3M14 9l2 2" />
    </svg>
  );
}

const authPlugin: GraphiQLPlugin = { title: 'Sign in', icon: KeyIcon, content: AuthPanel };
/** One array for the app's life: GraphiQL resets its plugin pane when handed a new one. */
const plugins = [authPlugin, explorerPlugin()];

/**
 * The schema the docs and editors use: the SDL of GET /graphql/schema.graphql (with every description), the staff
 * schema, or the partner schema when an API key is in use (keys may not introspect: they run registered operations).
 */
function useSchema(): { schema: GraphQLSchema | null; problem: string | null } {
  const { credential } = useAuth();
  const audience = credential?.kind === 'key' ? 'partner' : 'staff';
  const who = credential?.kind === 'staff' ? credential.email : credential?.kind === 'key' ? credential.key : '';
  const bearer = useRef<string | null>(null);
  bearer.current = bearerOf(credential);
  const [state, setState] = useState<{ schema: GraphQLSchema | null; problem: string | null }>({ schema: null, problem: null });
  useEffect(() => {
    let live = true;
    fetchSdl(audience, bearer.current)
      .then((sdl) => live && setState({ schema: buildSchema(sdl), problem: null }))
      .catch((err: unknown) => live && setState({ schema: null, problem: err instanceof Error ? err.message : String(err) }));
    return () => {
      live = false;
    };
  }, [audience, who]);
  return state;
}

export function Ide({ registered }: { registered: RegisteredOperation[] }) {
  const fetcher = useMemo(() => createFetcher(registered), [registered]);
  const tabs = useMemo(() => defaultTabs(registered), [registered]);
  const { schema, problem } = useSchema();
  return (
    <GraphiQL
      fetcher={fetcher}
      schema={schema}
      defaultTabs={tabs}
      plugins={plugins}
      defaultEditorToolsVisibility="headers"
      shouldPersistHeaders={false}
    >
      <GraphiQL.Footer>
        <AuthSync schemaProblem={problem} />
      </GraphiQL.Footer>
    </GraphiQL>
  );
}
