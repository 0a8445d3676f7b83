import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ImportsListDocument } from '../../gql/graphql';
import { meMock, mocked } from '../../test/fixtures';
import { createTestApi, renderRoutes } from '../../test/testApi';
import ImportsPage, { PAGE_SIZE } from './ImportsPage';

const user = userEvent.setup({ delay: null, applyAccept: false });

/** What `fetch` answers (jsdom has no Response). */
const answer = (status: number, body: unknown) => ({ ok: status < 300, status, json: async () => body });

const list = mocked(
  ImportsListDocument,
  {
    imports: {
      __typename: 'ImportConnection',
      totalCount: 1,
      pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
      edges: [
        {
          __typename: 'ImportEdge',
          cursor: 'c1',
          node: {
            __typename: 'Import',
            id: 'SW1wb3J0OjE',
            kind: 'LEAD',
            status: 'COMPLETED',
            fileName: 'spring-leads.csv',
            rowCount: 1200,
            createdAt: '2026-03-02T15:00:00.000Z',
            createdBy: { __typename: 'User', id: 'VXNlcjox', name: 'Sam Carter' },
            counts: { __typename: 'ImportCounts', create: 1100, update: 80, reject: 20 },
          },
        },
      ],
    },
  },
  { variables: { first: PAGE_SIZE }, maxUsageCount: Number.POSITIVE_INFINITY },
);

function renderPage() {
  const api = createTestApi([meMock('SALES'), list]);
  api.session.start({ accessToken: 'access-token', accessTokenExpiresAt: Date.now() + 3_600_000, refreshToken: 'refresh-token' });
  renderRoutes(api, '/imports', { '/imports': <ImportsPage />, '/imports/:id': <p>Import page</p> });
}

describe('ImportsPage', () => {
  const original = globalThis.fetch;
  afterEach(() => Object.assign(globalThis, { fetch: original }));

  it('lists the imports with their outcome', async () => {
    renderPage();
    const link = await screen.findByRole('link', { name: 'spring-leads.csv' });
    expect(link).toHaveAttribute('href', '/imports/SW1wb3J0OjE');
    expect(link.closest('tr')).toHaveTextContent(/Leads.*Imported.*1,200.*1,100.*80.*20.*Sam Carter/);
  });

  it('uploads the chosen file as the chosen kind and opens its mapping', async () => {
    const fetchMock = jest.fn(async () => answer(201, { id: 'SW1wb3J0OjI', status: 'UPLOADED', rowCount: 2 }));
    Object.assign(globalThis, { fetch: fetchMock });
    renderPage();
    await user.selectOptions(await screen.findByRole('combobox', { name: 'The file holds' }), 'LEAD');
    const file = new File(['Name,Email\nDana,dana@example.com\n'], 'spring leads.csv', { type: 'text/csv' });
    await user.upload(screen.getByLabelText('CSV file'), file);
    await user.click(screen.getByRole('button', { name: 'Upload' }));
    expect(await screen.findByText('Import page')).toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledWith('/imports?kind=LEAD&fileName=spring%20leads.csv', { method: 'POST', headers: { 'content-type': 'text/csv', authorization: 'Bearer access-token' }, body: file });
  });

  it("says why the server refused a file", async () => {
    Object.assign(globalThis, { fetch: jest.fn(async () => answer(415, { error: 'This is an Excel workbook or another ZIP archive, not a CSV file.' })) });
    renderPage();
    await user.upload(await screen.findByLabelText('CSV file'), new File(['PK'], 'people.xlsx'));
    await user.click(screen.getByRole('button', { name: 'Upload' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This is an Excel workbook or another ZIP archive, not a CSV file.');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Upload' })).toBeEnabled());
  });
});
