import { screen } from '@testing-library/react';
import SettingsPage from '../SettingsPage';
import { meMock, renderWithApi } from '../testUtils';
import { requestsMock, reviewRequest, settingsMock } from './testData';

describe('Settings → Reviews', () => {
  it('is a settings section for managers with the settings and the recent requests', async () => {
    renderWithApi(<SettingsPage />, [meMock('MANAGER'), settingsMock(), requestsMock([reviewRequest()])], {
      path: '/settings/reviews',
      pattern: '/settings/*',
    });
    expect(await screen.findByRole('heading', { name: 'Reviews' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Reviews' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('heading', { name: 'Recent review requests' })).toBeInTheDocument();
    expect(await screen.findByRole('form', { name: 'Review settings' })).toBeInTheDocument();
    expect(await screen.findByRole('table', { name: 'Recent review requests' })).toBeInTheDocument();
  });

  it('is not one for sales', async () => {
    renderWithApi(<SettingsPage />, [meMock('SALES')], { path: '/settings/reviews', pattern: '/settings/*' });
    expect(await screen.findByRole('heading', { name: 'Profile' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/settings/profile');
    expect(screen.queryByRole('link', { name: 'Reviews' })).not.toBeInTheDocument();
  });
});
