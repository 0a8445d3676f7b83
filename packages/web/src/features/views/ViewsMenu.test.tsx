import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation } from 'react-router';
import { CreateSavedViewDocument, SavedViewsDocument } from '../../gql/graphql';
import { meMock, mocked, userError } from '../../test/fixtures';
import type { ListViewSpec } from './listView';
import { ViewsMenu } from './ViewsMenu';

const user = userEvent.setup({ delay: null });

const SPEC: ListViewSpec = {
  table: 'leads',
  filterKeys: ['q', 'status'],
  sortOf: (p) => ({ field: p.get('sort') ?? 'CREATED_AT', direction: p.get('dir') === 'asc' ? 'ASC' : 'DESC' }),
  sortParams: (s) => ({ sort: s.field, dir: s.direction.toLowerCase() }),
};

const view = (id: string, name: string, owner: { id: string; name: string }, over: { shared?: boolean; canEdit?: boolean } = {}) => ({
  __typename: 'SavedView' as const,
  id,
  table: 'leads',
  name,
  filter: [{ __typename: 'SavedViewFilter' as const, key: 'status', value: 'NEW' }],
  sort: { __typename: 'SavedViewSort' as const, field: 'SCORE', direction: 'DESC' as const },
  shared: over.shared ?? false,
  owner: { __typename: 'User' as const, ...owner },
  canEdit: over.canEdit ?? true,
});
const ME = { id: 'VXNlcjox', name: 'Sam Carter' };
const RIA = { id: 'VXNlcjoy', name: 'Ria Patel' };
const list = (views: ReturnType<typeof view>[]) => mocked(SavedViewsDocument, { savedViews: views }, { variables: { table: 'leads' }, maxUsageCount: 5 });

function Location() {
  return <span data-testid="location">{useLocation().search}</span>;
}

function renderMenu(mocks: ReadonlyArray<MockLink.MockedResponse>, path = '/leads/table') {
  return render(
    <MockedProvider mocks={[meMock('SALES'), ...mocks]}>
      <MemoryRouter initialEntries={[path]}>
        <ViewsMenu spec={SPEC} />
        <Location />
      </MemoryRouter>
    </MockedProvider>,
  );
}

describe('ViewsMenu', () => {
  it('lists your views and the team’s shared ones with their owner; choosing one applies its filter and order', async () => {
    renderMenu([list([view('v1', 'My new leads', ME), view('v2', 'Hot leads', RIA, { shared: true, canEdit: false })])], '/leads/table?q=maple');
    await user.click(screen.getByRole('button', { name: /Views/ }));
    const menu = screen.getByRole('dialog', { name: 'Saved views' });
    const shared = await within(menu).findByRole('button', { name: /Hot leads/ });
    expect(shared).toHaveTextContent('Shared by Ria Patel');
    expect(within(menu).queryByRole('button', { name: 'Delete Hot leads' })).not.toBeInTheDocument();
    expect(within(menu).getByRole('button', { name: 'Delete My new leads' })).toBeInTheDocument();
    await user.click(shared);
    expect(screen.getByTestId('location')).toHaveTextContent('?status=NEW&sort=SCORE&dir=desc');
    expect(screen.getByRole('button', { name: /View: My new leads/ })).toBeInTheDocument();
  });

  it('saves the list as it is now under a name, shared with the team, and shows the server’s refusal', async () => {
    const input = { table: 'leads', name: 'Maple', shared: true, filter: [{ key: 'q', value: 'maple' }], sort: { field: 'SCORE', direction: 'ASC' as const } };
    renderMenu(
      [
        list([]),
        mocked(
          CreateSavedViewDocument,
          { createSavedView: { __typename: 'SavedViewPayload', savedView: null, errors: [userError(['input', 'name'], 'TAKEN', 'There is already a view named “Maple”.')] } },
          { variables: { input } },
        ),
      ],
      '/leads/table?q=maple&sort=SCORE&dir=asc',
    );
    await user.click(screen.getByRole('button', { name: /Views/ }));
    const menu = screen.getByRole('dialog', { name: 'Saved views' });
    await within(menu).findByText('No saved views yet.');
    await user.type(within(menu).getByRole('textbox', { name: /Save current view as/ }), 'Maple');
    await user.click(within(menu).getByRole('checkbox', { name: /Share with my team \(North Metro\)/ }));
    await user.click(within(menu).getByRole('button', { name: 'Save view' }));
    expect(await within(menu).findByText('There is already a view named “Maple”.')).toBeInTheDocument();
    expect(within(menu).getByRole('textbox', { name: /Save current view as/ })).toHaveAttribute('aria-invalid', 'true');
  });
});
