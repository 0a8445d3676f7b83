import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TablePreferencesDocument, UpdateTablePreferencesDocument } from '../../gql/graphql';
import { mocked } from '../../test/fixtures';
import { Table, type Column } from '../../ui';
import { TableTools } from './TableTools';
import { useTableSetup } from './useTableSetup';
import type { ListViewSpec } from './listView';
import { MemoryRouter } from 'react-router';

const user = userEvent.setup({ delay: null });

interface Row {
  id: string;
  name: string;
  phone: string;
  city: string;
  updated: string;
}
const COLUMNS: Column<Row>[] = [
  { key: 'name', header: 'Name', required: true, render: (r) => r.name },
  { key: 'phone', header: 'Phone', render: (r) => r.phone },
  { key: 'city', header: 'City', render: (r) => r.city },
  { key: 'updated', header: 'Updated', hiddenByDefault: true, render: (r) => r.updated },
];
const SPEC: ListViewSpec = { table: 'customers', filterKeys: ['q'], sortOf: () => ({ field: 'NAME', direction: 'ASC' }), sortParams: () => ({}) };

function Customers() {
  const setup = useTableSetup('customers', COLUMNS);
  return (
    <>
      <TableTools setup={setup} views={SPEC} />
      <Table caption="Customers" columns={setup.columns} rows={[{ id: '1', name: 'Ana Ruiz', phone: '612', city: 'Edina', updated: 'Dec 1' }]} rowKey={(r) => r.id} density={setup.density} />
    </>
  );
}

const prefs = (columns: string[], density: 'COMPACT' | 'COMFORTABLE' = 'COMPACT') => ({
  __typename: 'TablePreferences' as const,
  table: 'customers',
  columns,
  density,
  updatedAt: columns.length ? '2026-12-01T10:00:00Z' : null,
});
const saved = (input: { columns?: string[]; density?: 'COMPACT' | 'COMFORTABLE' }, columns: string[], density: 'COMPACT' | 'COMFORTABLE' = 'COMPACT') =>
  mocked(
    UpdateTablePreferencesDocument,
    { updateTablePreferences: { __typename: 'TablePreferencesPayload', preferences: prefs(columns, density), errors: [] } },
    { variables: { input: { table: 'customers', ...input } } },
  );

const headers = () => within(screen.getByRole('table')).getAllByRole('columnheader').map((h) => h.textContent);

function renderTable(mocks: ReadonlyArray<MockLink.MockedResponse>) {
  return render(
    <MockedProvider mocks={mocks}>
      <MemoryRouter>
        <Customers />
      </MemoryRouter>
    </MockedProvider>,
  );
}

describe('ColumnsMenu', () => {
  it('shows the user’s saved columns in their order, compact by default', async () => {
    renderTable([mocked(TablePreferencesDocument, { tablePreferences: prefs(['city', 'name']) }, { variables: { table: 'customers' } })]);
    await waitFor(() => expect(headers()).toEqual(['City', 'Name']));
    expect(screen.getByRole('table').className).toMatch(/compact/);
  });

  it('shows the table’s default columns until the user chooses; a column not among them is there to add', async () => {
    renderTable([
      mocked(TablePreferencesDocument, { tablePreferences: prefs([]) }, { variables: { table: 'customers' } }),
      saved({ columns: ['name', 'phone', 'city', 'updated'] }, ['name', 'phone', 'city', 'updated']),
      saved({ columns: [] }, []),
    ]);
    await screen.findByRole('button', { name: /Views/ });
    expect(headers()).toEqual(['Name', 'Phone', 'City']);
    await user.click(screen.getByRole('button', { name: /Columns/ }));
    const menu = screen.getByRole('dialog', { name: 'Columns and rows' });
    const updated = within(menu).getByRole('checkbox', { name: 'Updated' });
    expect(updated).not.toBeChecked();
    await user.click(updated);
    expect(headers()).toEqual(['Name', 'Phone', 'City', 'Updated']);
    await user.click(within(menu).getByRole('button', { name: /^Reset/ }));
    await waitFor(() => expect(headers()).toEqual(['Name', 'Phone', 'City']));
  });

  it('hides a column and moves one with the keyboard, saving each change for the user', async () => {
    renderTable([
      mocked(TablePreferencesDocument, { tablePreferences: prefs([]) }, { variables: { table: 'customers' } }),
      saved({ columns: ['name', 'city'] }, ['name', 'city']),
      saved({ columns: ['city', 'name'] }, ['city', 'name']),
      saved({ density: 'COMFORTABLE' }, ['city', 'name'], 'COMFORTABLE'),
    ]);
    expect(headers()).toEqual(['Name', 'Phone', 'City']);
    await screen.findByRole('button', { name: /Views/ });
    const toggle = screen.getByRole('button', { name: /Columns/ });
    toggle.focus();
    await user.keyboard('{Enter}');
    const menu = screen.getByRole('dialog', { name: 'Columns and rows' });
    expect(within(menu).getByRole('checkbox', { name: 'Name' })).toBeDisabled();
    within(menu).getByRole('checkbox', { name: 'Phone' }).focus();
    await user.keyboard(' ');
    expect(headers()).toEqual(['Name', 'City']);
    await user.click(within(menu).getByRole('button', { name: 'Move City up' }));
    expect(headers()).toEqual(['City', 'Name']);
    expect(within(menu).getByRole('button', { name: 'Move City up' })).toBeDisabled();
    await user.click(within(menu).getByRole('radio', { name: 'Comfortable' }));
    expect(within(menu).getByRole('radio', { name: 'Comfortable' })).toBeChecked();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(toggle).toHaveFocus();
  });
});
