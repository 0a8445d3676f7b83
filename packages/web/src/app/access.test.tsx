import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { deniedSection } from '../features/settings/SettingsPage';
import { meMock, renderWithApi } from '../features/settings/testUtils';
import { SkipLink } from '../ui';
import { OfficeOnly, RedirectNotice, officeOnlyNotice, rolesLabel } from './access';

describe('pages a role may not open', () => {
  it('take a field tech to their projects and say why there', async () => {
    renderWithApi(
      <Routes>
        <Route path="/customers" element={<OfficeOnly><h1>Customers</h1></OfficeOnly>} />
        <Route path="/projects" element={<><RedirectNotice /><h1>My projects</h1></>} />
      </Routes>,
      [meMock('FIELD_TECH')],
      { path: '/customers' },
    );
    expect(await screen.findByRole('heading', { name: 'My projects' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/projects');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The customer list is open to admins, managers and salespeople only, so you were taken to your projects.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('let office roles in', async () => {
    renderWithApi(<OfficeOnly><h1>Customers</h1></OfficeOnly>, [meMock('SALES')], { path: '/customers' });
    expect(await screen.findByRole('heading', { name: 'Customers' })).toBeInTheDocument();
  });

  it('name the page and the roles that may open it', () => {
    expect(officeOnlyNotice('/')).toBe('The dashboard is open to admins, managers and salespeople only, so you were taken to your projects.');
    expect(officeOnlyNotice('/leads/list')).toMatch(/^The sales pipeline is open to/);
    expect(rolesLabel(['ADMIN'])).toBe('admins');
    expect(deniedSection('/settings/users', 'SALES')).toEqual({
      notice: 'Users settings are open to admins and managers only, so you were taken to your profile.',
    });
    expect(deniedSection('/settings/users', 'ADMIN')).toBeNull();
    expect(deniedSection('/settings/nothing', 'SALES')).toBeNull();
  });
});

describe('SkipLink', () => {
  it('is the first stop of the keyboard and moves focus to the page’s content', async () => {
    renderWithApi(
      <>
        <SkipLink target="main-content" />
        <nav>
          <a href="/projects">Projects</a>
        </nav>
        <main id="main-content" tabIndex={-1}>
          Content
        </main>
      </>,
      [],
    );
    await userEvent.tab();
    const link = screen.getByRole('link', { name: 'Skip to content' });
    expect(link).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getByRole('main')).toHaveFocus();
  });
});
