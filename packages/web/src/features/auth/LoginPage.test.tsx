import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LoginDocument } from '../../gql/graphql';
import { createTestApi, renderRoutes } from '../../test/testApi';
import LoginPage from './LoginPage';

const loginMock = (email: string, login: Record<string, unknown>) => ({
  request: { query: LoginDocument, variables: { input: { email, password: 'RoofDemo!2026' } } },
  result: { data: { login: { __typename: 'AuthPayload', ...login } } },
});

const refused = (errors: Array<{ field: string[] | null; code: string; message: string }>) => ({
  accessToken: null,
  accessTokenExpiresAt: null,
  refreshToken: null,
  user: null,
  errors: errors.map((e) => ({ __typename: 'UserError', ...e })),
});

async function submit(email: string) {
  const user = userEvent.setup();
  if (email) await user.type(screen.getByLabelText('E-mail'), email);
  await user.type(screen.getByLabelText('Password'), 'RoofDemo!2026');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('LoginPage', () => {
  it('shows a required-field error next to the field, wired with aria-describedby', async () => {
    renderRoutes(createTestApi([]), '/login', { '/login': <LoginPage /> });
    await submit('');

    const email = screen.getByLabelText('E-mail');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('Enter your e-mail address.');
    expect(screen.getByLabelText('Password')).toHaveAttribute('aria-invalid', 'false');
  });

  it('maps the server’s UserErrors to their fields, and the others to the form', async () => {
    const api = createTestApi([
      loginMock(
        'dana@example',
        refused([
          { field: ['email'], code: 'INVALID', message: 'Enter a valid e-mail address.' },
          { field: null, code: 'INVALID_CREDENTIALS', message: 'E-mail or password is incorrect.' },
        ]),
      ),
    ]);
    renderRoutes(api, '/login', { '/login': <LoginPage /> });
    await submit('dana@example');

    expect(await screen.findByRole('alert')).toHaveTextContent('E-mail or password is incorrect.');
    expect(screen.getByLabelText('E-mail')).toHaveAccessibleDescription('Enter a valid e-mail address.');
    expect(api.session.status).toBe('signedOut');
  });

  it('starts the session and goes where the user was headed', async () => {
    const user = {
      __typename: 'User',
      id: 'VXNlcjox',
      name: 'Morgan Reyes',
      email: 'manager@iswitchroofs.test',
      role: 'MANAGER',
      team: null,
    };
    const api = createTestApi([
      loginMock('manager@iswitchroofs.test', {
        accessToken: 'at_1',
        accessTokenExpiresAt: new Date(Date.now() + 900_000).toISOString(),
        refreshToken: 'rt_1',
        user,
        errors: [],
      }),
    ]);
    renderRoutes(api, '/login', { '/login': <LoginPage />, '/': <p>Home</p> });
    await submit('manager@iswitchroofs.test');

    expect(await screen.findByText('Home')).toBeInTheDocument();
    await waitFor(() => expect(api.session.status).toBe('signedIn'));
    expect(api.session.refreshToken).toBe('rt_1');
    api.tokens.stop();
  });
});
