import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createTestApi, renderRoutes } from '../../test/testApi';
import { ExportButton } from './ExportButton';
import { downloadCsv } from './exportCsv';

const csv = (text: string, status = 200, headers: Record<string, string> = {}) =>
  ({
    ok: status >= 200 && status < 300,
    status,
    headers: new Headers(headers),
    blob: async () => new Blob([text], { type: 'text/csv' }),
    json: async () => JSON.parse(text),
  }) as unknown as Response;

const refusal = (status: number, message: string) => csv(JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT' } }] }), status);

let fetchMock: jest.Mock;
beforeEach(() => {
  fetchMock = jest.fn();
  Object.assign(globalThis, { fetch: fetchMock });
});

const tokens = (token: string | null, refreshed: string | null = null) => ({ accessToken: jest.fn(async () => token), refresh: jest.fn(async () => refreshed) });

describe('downloadCsv', () => {
  it("POSTs the list's filter and order with the bearer token in the header (never in the URL) and saves the file the server names", async () => {
    fetchMock.mockResolvedValue(csv('\uFEFFID,Name\r\n', 200, { 'content-disposition': 'attachment; filename="customers-2026-12-06.csv"' }));
    const save = jest.fn();
    const name = await downloadCsv({ list: 'customers', filter: { search: 'oak', teamId: 'VGVhbTox' }, orderBy: { field: 'NAME', direction: 'ASC' } }, tokens('tok-1'), save);
    expect(name).toBe('customers-2026-12-06.csv');
    expect(fetchMock).toHaveBeenCalledWith('/export/customers.csv', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer tok-1' },
      body: JSON.stringify({ filter: { search: 'oak', teamId: 'VGVhbTox' }, orderBy: { field: 'NAME', direction: 'ASC' } }),
    });
    expect(save).toHaveBeenCalledWith(expect.any(Blob), 'customers-2026-12-06.csv');
  });

  it('refreshes a rejected token once and tries again', async () => {
    fetchMock.mockResolvedValueOnce(refusal(401, 'Your access token is invalid or has expired.')).mockResolvedValueOnce(csv('ID\r\n'));
    const t = tokens('old', 'new');
    await downloadCsv({ list: 'leads', filter: null, orderBy: null }, t, jest.fn());
    expect(t.refresh).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[1]![1].headers.authorization).toBe('Bearer new');
  });

  it("fails with the server's message", async () => {
    fetchMock.mockResolvedValue(refusal(422, 'This view has 12,000 rows; you may export up to 10,000 at a time. Narrow the filters.'));
    await expect(downloadCsv({ list: 'leads', filter: {}, orderBy: null }, tokens('t'), jest.fn())).rejects.toThrow('This view has 12,000 rows');
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    await expect(downloadCsv({ list: 'leads', filter: {}, orderBy: null }, tokens('t'), jest.fn())).rejects.toThrow('The server could not be reached');
  });
});

describe('ExportButton', () => {
  it('downloads the current view, says so while it runs, and shows a refusal until dismissed', async () => {
    const createObjectURL = jest.fn(() => 'blob:export');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const clicked: string[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(`${this.download} ${this.href}`);
    });
    let finish!: (r: Response) => void;
    fetchMock.mockImplementationOnce(() => new Promise<Response>((resolve) => (finish = resolve)));
    const api = createTestApi([]);
    api.session.start({ accessToken: 'tok', accessTokenExpiresAt: Date.now() + 3_600_000, refreshToken: 'r' });
    const user = userEvent.setup();
    renderRoutes(api, '/', { '/': <ExportButton list="projects" filter={{ statuses: ['IN_PROGRESS'] }} orderBy={{ field: 'NAME', direction: 'ASC' }} /> });

    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(screen.getByRole('button', { name: /Exporting/ })).toBeDisabled();
    expect(JSON.parse(fetchMock.mock.calls[0]![1].body)).toEqual({ filter: { statuses: ['IN_PROGRESS'] }, orderBy: { field: 'NAME', direction: 'ASC' } });
    finish(csv('ID\r\n', 200, { 'content-disposition': 'attachment; filename="projects-2026-12-06.csv"' }));
    expect(await screen.findByRole('button', { name: 'Export CSV' })).toBeEnabled();
    expect(clicked).toEqual(['projects-2026-12-06.csv blob:export']);

    fetchMock.mockResolvedValueOnce(refusal(422, 'This view has 12,000 rows; you may export up to 10,000 at a time. Narrow the filters.'));
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This view has 12,000 rows');
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
