import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ChangePasswordDocument, type Role } from '../../gql/graphql';
import { mocked } from '../../test/fixtures';
import { PasswordSettings } from './PasswordSettings';
import { meMock, renderWithApi, userError } from './testUtils';

/** A `role` viewer's form, the server answering a change from `current` to `next` with `errors` (none: changed). */
function renderChange(role: Role, current: string, next: string, ...errors: ReturnType<typeof userError>[]) {
  const changePassword = { __typename: 'ChangePasswordPayload', changed: errors.length === 0, errors } as const;
  const variables = { input: { currentPassword: current, newPassword: next } };
  renderWithApi(<PasswordSettings />, [meMock(role), mocked(ChangePasswordDocument, { changePassword }, { variables })]);
}

async function fill(current: string, next: string, repeat = next) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Current password'), current);
  await user.type(screen.getByLabelText('New password'), next);
  await user.type(screen.getByLabelText('Repeat the new password'), repeat);
  await user.click(screen.getByRole('button', { name: 'Change password' }));
}

describe('PasswordSettings', () => {
  it('shows the server’s UserError next to the current password and changes nothing else', async () => {
    renderChange(
      'FIELD_TECH',
      'not my password',
      'a brand new long password',
      userError(['currentPassword'], 'INVALID_CREDENTIALS', 'Current password is incorrect.'),
    );
    await fill('not my password', 'a brand new long password');

    const current = screen.getByLabelText('Current password');
    expect(await screen.findByText('Current password is incorrect.')).toBeInTheDocument();
    expect(current).toHaveAttribute('aria-invalid', 'true');
    expect(current).toHaveAccessibleDescription('Current password is incorrect.');
    expect(screen.getByLabelText('New password')).toHaveAttribute('aria-invalid', 'false');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows a weak new password refused by the server next to the new password', async () => {
    renderChange('SALES', 'RoofDemo!2026', 'twelve chars', userError(['newPassword'], 'INVALID', 'Password must be 12 to 128 characters.'));
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
    renderChange('ADMIN', 'RoofDemo!2026', 'a brand new long password');
    await fill('RoofDemo!2026', 'a brand new long password');

    expect(await screen.findByText(/You stay signed in here/)).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(/your other devices and browsers were signed out/);
    expect(screen.getByLabelText('Current password')).toHaveValue('');
    expect(screen.getByLabelText('New password')).toHaveValue('');
  });
});
