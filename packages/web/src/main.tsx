import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { createApi } from './app/apollo';
import { ApiProvider } from './app/auth';
import { router } from './app/routes';
import './ui/theme.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');

createRoot(root).render(
  <StrictMode>
    <ApiProvider api={createApi()}>
      <RouterProvider router={router} />
    </ApiProvider>
  </StrictMode>,
);
