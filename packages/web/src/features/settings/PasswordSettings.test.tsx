import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ChangePasswordDocument } from '../../gql/graphql';
import { PasswordSettings } from './PasswordSettings';
import { meMock, renderWithApi, userError } from './testUtils';

const changeMock = (currentPassword: string, newPassword: string, payload: { changed: boolean; errors: object[] }) => ({
  request: { query: ChangePasswordDocument, variables: { input: { currentPassword, newPassword } } },
  result: { data: { changePassword: { __typename: 'ChangePasswordPayload', ...payload } } },
});

async function fill(current: string, next: string, repeat = next) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Current password'), current);
  await user.type(screen.getByLabelText('New password'), next);
  await user.type(screen.getByLabelText('Repeat the new password'), repeat);
  await user.click(screen.getByRole('button', { name: 'Change password' }));
}

describe('PasswordSettings', () => {
  it('shows the server’s UserError next to the current password and changes nothing else', async () => {
    renderWithApi(<PasswordSettings />, [
      meMock('FIELD_TECH'),
      changeMock('not my password', 'a brand new long password', {
        changed: false,
        errors: [userError(['currentPassword'], 'INVALID_CREDENTIALS', 'Current password is incorrect.')],
      }),
    ]);
    await fill('not my password', 'a brand new long password');

    const current = screen.getByLabelText('Current password');
    expect(await screen.findByText('Current password is incorrect.')).toBeInTheDocument();
    expect(current).toHaveAttribute('aria-invalid', 'true');
    expect(current).toHaveAccessibleDescription('Current password is incorrect.');
    expect(screen.getByLabelText('New password')).toHaveAttribute('aria-invalid', 'false');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows a weak new password refused by the server next to the new password', async () => {
    renderWithApi(<PasswordSettings />, [
      meMock('SALES'),
      changeMock('RoofDemo!2026', 'twelve chars', {
        changed: false,
        errors: [userError(['newPassword'], 'INVALID', 'Password must be 12 to 128 characters.')],
      }),
    ]);
    await fill('RoofDemo!2026', 'twelve chars');

    expect(await screen.findByText('Password must be 12 to 128 characters.')).toBeInTheDocument();
    expect(screen.getByLabelText('New password')).toHaveAccessibleDescription(
      expect.stringContaining('Password must be 12 to 128 characters.'),
    );
  });

  it('checks length and the repeat before asking the server', async () => {
    renderWithApi(<PasswordSettings />, [meMock('SALES')]);
    await fill('RoofDemo!2026', 'short');
    expect(screen.getByLabelText('New password')).toHaveAccessibleDescription(
      expect.stringContaining('Password must be 12 to 128 characters.'),
    );
    await userEvent.clear(screen.getByLabelText('New password'));
    await userEvent.type(screen.getByLabelText('New password'), 'a brand new long password');
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect(screen.getByLabelText('Repeat the new password')).toHaveAccessibleDescription(
      'The two new passwords do not match.',
    );
  });

  it('clears the form and says the other sessions ended once the password is changed', async () => {
    renderWithApi(<PasswordSettings />, [
      meMock('ADMIN'),
      changeMock('RoofDemo!2026', 'a brand new long password', { changed: true, errors: [] }),
    ]);
    await fill('RoofDemo!2026', 'a brand new long password');

    expect(await screen.findByText(/You stay signed in here/)).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(/your other devices and browsers were signed out/);
    expect(screen.getByLabelText('Current password')).toHaveValue('');
    expect(screen.getByLabelText('New password')).toHaveValue('');
  });
});
