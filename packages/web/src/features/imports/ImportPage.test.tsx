import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  CheckImportDocument,
  ImportDetailDocument,
  ImportRowsDocument,
  RunImportDocument,
  SetImportMappingDocument,
  ViewerTeamsDocument,
  type Role,
} from '../../gql/graphql';
import { meMock, mocked } from '../../test/fixtures';
import { createTestApi, renderRoutes } from '../../test/testApi';
import ImportPage, { ROWS_PAGE } from './ImportPage';
import { checkedCounts, countsOf, IMPORT_ID, importData, rejectedRow, rowsData, type ImportData } from './testData';

const user = userEvent.setup({ delay: null });
const teams = mocked(ViewerTeamsDocument, { teams: [] }, { maxUsageCount: Number.POSITIVE_INFINITY });
const detail = (data: ImportData) => mocked(ImportDetailDocument, { import: data }, { variables: { id: IMPORT_ID }, maxUsageCount: Number.POSITIVE_INFINITY });

function renderPage(mocks: Parameters<typeof createTestApi>[0], role: Role = 'SALES') {
  const api = createTestApi([meMock(role), teams, ...mocks]);
  api.session.start({ accessToken: 'access-token', accessTokenExpiresAt: Date.now() + 3_600_000, refreshToken: 'refresh-token' });
  renderRoutes(api, `/imports/${IMPORT_ID}`, { '/imports/:id': <ImportPage /> });
  return api;
}

describe('ImportPage', () => {
  it('shows each column with its first values and suggested field, saves the mapping and starts the dry run', async () => {
    const checking = importData({ status: 'CHECKING', progress: 1 / 3, processedRows: 1, columns: importData().columns.map((c) => (c.index === 2 ? { ...c, field: 'PHONE' } : c)) });
    renderPage([
      detail(importData()),
      mocked(
        SetImportMappingDocument,
        { setImportMapping: { __typename: 'ImportPayload', import: { ...importData(), columns: checking.columns }, errors: [] } },
        {
          variables: {
            input: {
              id: IMPORT_ID,
              columns: [
                { index: 0, field: 'NAME' },
                { index: 1, field: 'EMAIL' },
                { index: 2, field: 'PHONE' },
              ],
              updateExisting: true,
            },
          },
        },
      ),
      mocked(CheckImportDocument, { checkImport: { __typename: 'ImportPayload', import: checking, errors: [] } }, { variables: { id: IMPORT_ID } }),
    ]);
    const table = await screen.findByRole('table', { name: 'Columns of the file' });
    expect(within(table).getByText('dana@example.com · bad-email')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Field for column Full Name' })).toHaveValue('NAME');
    const cell = screen.getByRole('combobox', { name: 'Field for column Cell' });
    expect(cell).toHaveValue('');
    // A field already used by another column cannot be chosen twice.
    expect(within(cell).getByRole('option', { name: 'Name (required)' })).toBeDisabled();
    await user.selectOptions(cell, 'PHONE');
    await user.click(screen.getByRole('button', { name: 'Check file' }));
    const bar = await screen.findByRole('progressbar', { name: 'Checking progress' });
    expect(bar).toHaveAttribute('aria-valuenow', '33');
    expect(screen.getByText('Checking: 1 of 3 rows (33%)')).toBeInTheDocument();
  });

  it('asks for the required field before checking', async () => {
    renderPage([detail(importData({ columns: importData().columns.map((c) => ({ ...c, field: null })) }))]);
    expect(await screen.findByText('Choose the column with the name.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Check file' })).toBeDisabled();
  });

  it('shows what the dry run found, the rejected rows first with their reasons, and runs the import', async () => {
    const checked = importData({ status: 'CHECKED', progress: 1, checked: checkedCounts, errorReportPath: `/imports/${IMPORT_ID}/errors.csv` });
    renderPage([
      detail(checked),
      mocked(ImportRowsDocument, rowsData([rejectedRow]), { variables: { id: IMPORT_ID, phase: 'CHECK', outcome: 'REJECT', first: ROWS_PAGE } }),
      mocked(RunImportDocument, { runImport: { __typename: 'ImportPayload', import: { ...checked, status: 'RUNNING', progress: 0, startedAt: '2026-03-02T15:05:00.000Z' }, errors: [] } }, { variables: { id: IMPORT_ID } }),
    ]);
    const counts = await screen.findByRole('list', { name: 'Row counts' });
    expect(counts).toHaveTextContent('2 new');
    expect(counts).toHaveTextContent('1 rejected');
    const results = await screen.findByRole('table', { name: 'Dry run results' });
    const row = within(results).getByText('3').closest('tr')!;
    expect(row).toHaveTextContent('Rejected');
    expect(row).toHaveTextContent('E-mail: "bad-email" is not a valid e-mail address.');
    expect(row).toHaveTextContent('X, bad-email');
    expect(screen.getByRole('button', { name: 'Rejected (1)' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(screen.getByRole('button', { name: 'Import 2 rows' }));
    expect(await screen.findByRole('progressbar', { name: 'Importing progress' })).toHaveAttribute('aria-valuenow', '0');
  });

  it('says what the run did and downloads the error report with the session', async () => {
    const done = importData({
      status: 'COMPLETED',
      progress: 1,
      startedAt: '2026-03-02T15:05:00.000Z',
      checked: checkedCounts,
      counts: countsOf({ rows: 3, create: 2, reject: 1 }),
      errorReportPath: `/imports/${IMPORT_ID}/errors.csv`,
    });
    // jsdom has no Response: what the download reads of one.
    const fetchMock = jest.fn(async () => ({
      ok: true,
      status: 200,
      headers: { get: (name: string) => (name === 'content-disposition' ? 'attachment; filename="people-errors.csv"' : null) },
      blob: async () => new Blob(['Full Name,E-mail,Cell,Row,Errors\r\n'], { type: 'text/csv' }),
    }));
    const original = { fetch: globalThis.fetch, create: URL.createObjectURL, revoke: URL.revokeObjectURL };
    Object.assign(globalThis, { fetch: fetchMock });
    Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:report'), revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    try {
      renderPage([detail(done), mocked(ImportRowsDocument, rowsData([rejectedRow]), { variables: { id: IMPORT_ID, phase: 'RUN', outcome: 'REJECT', first: ROWS_PAGE } })]);
      expect(await screen.findByRole('heading', { name: 'Import finished' })).toBeInTheDocument();
      expect(await screen.findByRole('table', { name: 'Import results' })).toHaveTextContent('"bad-email" is not a valid e-mail address.');
      await user.click(screen.getByRole('button', { name: 'Download error report' }));
      await waitFor(() => expect(click).toHaveBeenCalled());
      expect(fetchMock).toHaveBeenCalledWith(`/imports/${IMPORT_ID}/errors.csv`, { headers: { authorization: 'Bearer access-token' } });
      expect((click.mock.instances[0] as unknown as HTMLAnchorElement).download).toBe('people-errors.csv');
    } finally {
      click.mockRestore();
      Object.assign(globalThis, { fetch: original.fetch });
      Object.assign(URL, { createObjectURL: original.create, revokeObjectURL: original.revoke });
    }
  });

  it('offers to continue a run that stopped', async () => {
    renderPage([detail(importData({ status: 'FAILED', startedAt: '2026-03-02T15:05:00.000Z', failure: 'An unexpected error stopped it.' })), mocked(ImportRowsDocument, rowsData([]), { variables: { id: IMPORT_ID, phase: 'RUN', outcome: null, first: ROWS_PAGE } })]);
    expect(await screen.findByText('An unexpected error stopped it.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Continue the import' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Check file' })).not.toBeInTheDocument();
  });
});
