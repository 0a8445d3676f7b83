import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GlobalSearchDocument, type Role } from '../../gql/graphql';
import { renderWithApi } from '../settings/testUtils';
import { GlobalSearch, isSearchShortcut } from './GlobalSearch';

const customer = (id: string, name: string, field: string, text: string, city = 'Edina') => ({
  __typename: 'CustomerSearchHit',
  field,
  text,
  node: { __typename: 'Customer', id, name, address: { __typename: 'Address', city } },
});

const results = (query: string, over: Record<string, unknown[]> = {}) => ({
  request: { query: GlobalSearchDocument, variables: { query, first: 5 } },
  result: {
    data: {
      search: {
        __typename: 'SearchResults',
        query: query.toLowerCase(),
        customers: [customer('c1', 'Marguerite Okonkwo', 'NAME', 'Marguerite Okonkwo'), customer('c2', 'Okoro Roofing LLC', 'PHONE', '+16125550987', 'Minneapolis')],
        leads: [
          {
            __typename: 'LeadSearchHit',
            field: 'EMAIL',
            text: 'm.okonkwo@quillmail.example',
            node: { __typename: 'Lead', id: 'l1', contactName: null, status: 'INSPECTION_SCHEDULED', customer: { __typename: 'Customer', id: 'c1', name: 'Marguerite Okonkwo' } },
          },
        ],
        projects: [
          {
            __typename: 'ProjectSearchHit',
            field: 'CUSTOMER',
            text: 'Marguerite Okonkwo',
            node: { __typename: 'Project', id: 'p1', name: 'Storm repair – Juniper Ln', status: 'IN_PROGRESS', customer: { __typename: 'Customer', id: 'c1', name: 'Marguerite Okonkwo' } },
          },
        ],
        partners: [],
        ...over,
      },
    },
  },
});

function renderSearch(mocks: object[], role: Role = 'ADMIN') {
  return renderWithApi(
    <>
      <button type="button">Elsewhere</button>
      <GlobalSearch role={role} />
    </>,
    mocks as never,
    { routes: { '/customers/:id': <h1>Customer page</h1>, '/leads/:id': <h1>Lead page</h1>, '/projects/:id': <h1>Project page</h1> } },
  );
}

const location = () => screen.getByTestId('location').textContent;
const combobox = () => screen.getByRole('combobox', { name: /search customers, leads, projects and partners/i });
const active = () => document.getElementById(combobox().getAttribute('aria-activedescendant') ?? '');

describe('isSearchShortcut', () => {
  it('is Ctrl-K or ⌘K, without Alt or Shift', () => {
    expect(isSearchShortcut({ key: 'k', ctrlKey: true, metaKey: false, altKey: false, shiftKey: false })).toBe(true);
    expect(isSearchShortcut({ key: 'K', ctrlKey: false, metaKey: true, altKey: false, shiftKey: false })).toBe(true);
    expect(isSearchShortcut({ key: 'k', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false })).toBe(false);
    expect(isSearchShortcut({ key: 'k', ctrlKey: true, metaKey: false, altKey: false, shiftKey: true })).toBe(false);
  });
});

describe('GlobalSearch', () => {
  it('opens from the header button and with Ctrl-K, focused on a combobox, and Esc closes it and gives the focus back', async () => {
    const user = userEvent.setup();
    renderSearch([]);
    await user.click(screen.getByRole('button', { name: 'Search' }));
    const dialog = await screen.findByRole('dialog', { name: 'Search' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(combobox()).toHaveFocus();
    expect(combobox()).toHaveAttribute('aria-expanded', 'false');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Search' })).toHaveFocus());

    screen.getByRole('button', { name: 'Elsewhere' }).focus();
    await user.keyboard('{Control>}k{/Control}');
    expect(await screen.findByRole('dialog', { name: 'Search' })).toBeInTheDocument();
    await waitFor(() => expect(combobox()).toHaveFocus());
    await user.keyboard('{Control>}k{/Control}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Elsewhere' })).toHaveFocus());
  });

  it('asks for 2 characters, then shows grouped results with the field that matched', async () => {
    const user = userEvent.setup();
    renderSearch([results('oko')]);
    await user.keyboard('{Meta>}k{/Meta}');
    await user.type(await screen.findByRole('combobox'), 'o');
    expect(screen.getByText('Type at least 2 characters.')).toBeInTheDocument();
    await user.type(combobox(), 'ko');
    const listbox = screen.getByRole('listbox', { name: 'Results' });
    const customers = await within(listbox).findByRole('group', { name: 'Customers' });
    expect(within(customers).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Marguerite OkonkwoEdina',
      'Okoro Roofing LLCMinneapolisPhone: (612) 555-0987',
    ]);
    expect(within(listbox).getByRole('group', { name: 'Leads' })).toHaveTextContent('Marguerite OkonkwoInspection scheduledE-mail: m.okonkwo@quillmail.example');
    expect(within(listbox).getByRole('group', { name: 'Projects' })).toHaveTextContent('Storm repair – Juniper LnMarguerite Okonkwo · In progress');
    expect(within(listbox).queryByRole('group', { name: 'Partners' })).not.toBeInTheDocument();
    expect(combobox()).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByText('4 results. Use the arrow keys and Enter to open one.')).toBeInTheDocument();
  });

  it('moves through every result with the arrow keys (wrapping) and opens the active one with Enter', async () => {
    const user = userEvent.setup();
    renderSearch([results('oko')]);
    await user.click(screen.getByRole('button', { name: 'Search' }));
    await user.type(await screen.findByRole('combobox'), 'oko');
    await screen.findAllByRole('option');
    expect(active()).toHaveTextContent('Marguerite OkonkwoEdina');
    expect(active()).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(active()).toHaveTextContent('Inspection scheduled');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(active()).toHaveTextContent('Marguerite OkonkwoEdina');
    await user.keyboard('{ArrowUp}');
    expect(active()).toHaveTextContent('Storm repair');
    expect(screen.getAllByRole('option').filter((o) => o.getAttribute('aria-selected') === 'true')).toHaveLength(1);
    await user.keyboard('{Enter}');
    expect(location()).toBe('/projects/p1');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Project page' })).toBeInTheDocument();
  });

  it('opens a result on click', async () => {
    const user = userEvent.setup();
    renderSearch([results('oko')]);
    await user.click(screen.getByRole('button', { name: 'Search' }));
    await user.type(await screen.findByRole('combobox'), 'oko');
    await user.click(await screen.findByRole('option', { name: /Okoro Roofing/ }));
    expect(location()).toBe('/customers/c2');
  });

  it('keeps Tab inside the dialog', async () => {
    const user = userEvent.setup();
    renderSearch([]);
    await user.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() => expect(combobox()).toHaveFocus());
    await user.tab();
    expect(screen.getByRole('button', { name: 'Close search' })).toHaveFocus();
    await user.tab();
    expect(combobox()).toHaveFocus();
    await user.tab({ shift: true });
    expect(screen.getByRole('button', { name: 'Close search' })).toHaveFocus();
  });

  it('says when nothing matches', async () => {
    const user = userEvent.setup();
    renderSearch([results('zzq', { customers: [], leads: [], projects: [], partners: [] })]);
    await user.click(screen.getByRole('button', { name: 'Search' }));
    await user.type(await screen.findByRole('combobox'), 'zzq');
    expect(await screen.findByText('Nothing matches “zzq”.')).toBeInTheDocument();
    await user.keyboard('{Enter}');
    expect(location()).toBe('/');
  });

  it("sends a field tech's customer to their projects of that customer (techs have no customer page)", async () => {
    const user = userEvent.setup();
    renderSearch([results('oko')], 'FIELD_TECH');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    await user.type(await screen.findByRole('combobox'), 'oko');
    await screen.findAllByRole('option');
    await user.keyboard('{Enter}');
    expect(location()).toBe('/projects?q=Marguerite%20Okonkwo');
  });
});
