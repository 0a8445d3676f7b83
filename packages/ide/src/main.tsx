import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import '@graphiql/plugin-explorer/style.css';
import './ide.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { fetchRegisteredOperations } from './api';
import { quietBareEditorErrors } from './editor-errors';
import { Ide } from './ide';

quietBareEditorErrors();

// Monaco's workers come from this origin (graphiql/setup-workers/vite bundles them): nothing from a CDN.
void fetchRegisteredOperations().then((registered) =>
  createRoot(document.getElementById('ide')!).render(
    <StrictMode>
      <Ide registered={registered} />
    </StrictMode>,
  ),
);
