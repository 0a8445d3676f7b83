import { screen, within } from '@testing-library/react';
import SettingsPage from './SettingsPage';
import { developersMocks } from './developers/testData';
import { meMock, renderWithApi } from './testUtils';

const tabs = () =>
  within(screen.getByRole('navigation', { name: 'Settings' }))
    .getAllByRole('link')
    .map((a) => a.textContent);

describe('SettingsPage', () => {
  it('gives field techs their profile and password only, and sends other sections to the profile', async () => {
    renderWithApi(<SettingsPage />, [meMock('FIELD_TECH', { name: 'Taylor Kim' })], {
      path: '/settings/users',
      pattern: '/settings/*',
    });
    expect(await screen.findByRole('heading', { name: 'Profile' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/settings/profile');
    expect(tabs()).toEqual(['Profile', 'Password']);
    expect(screen.getByLabelText('Name')).toHaveValue('Taylor Kim');
  });

  it('shows managers what the API lets them use, and admins everything', async () => {
    const { unmount } = renderWithApi(<SettingsPage />, [meMock('MANAGER')], {
      path: '/settings/password',
      pattern: '/settings/*',
    });
    expect(await screen.findByRole('heading', { name: 'Password' })).toBeInTheDocument();
    expect(tabs()).toEqual(['Profile', 'Password', 'Users', 'Teams', 'Lead scoring', 'Alerts', 'Messages', 'Reviews']);
    expect(screen.getByRole('link', { name: 'Password' })).toHaveAttribute('aria-current', 'page');
    unmount();

    renderWithApi(<SettingsPage />, [meMock('ADMIN')], { path: '/settings/password', pattern: '/settings/*' });
    expect(await screen.findByRole('heading', { name: 'Password' })).toBeInTheDocument();
    expect(tabs()).toEqual(['Profile', 'Password', 'Users', 'Teams', 'Lead scoring', 'Alerts', 'Messages', 'Reviews', 'Jobs', 'Developers']);
  });

  it('sends the API keys’ old address to Developers for admins, and others to their profile', async () => {
    const { unmount } = renderWithApi(<SettingsPage />, [meMock('ADMIN'), ...developersMocks()], { path: '/settings/api-keys', pattern: '/settings/*' });
    expect(await screen.findByRole('heading', { name: 'Developers' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/settings/developers');
    expect(screen.getByRole('link', { name: 'Developers' })).toHaveAttribute('aria-current', 'page');
    unmount();

    renderWithApi(<SettingsPage />, [meMock('MANAGER')], { path: '/settings/developers', pattern: '/settings/*' });
    expect(await screen.findByRole('heading', { name: 'Profile' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/settings/profile');
    expect(screen.queryByRole('link', { name: 'Developers' })).not.toBeInTheDocument();
  });
});
