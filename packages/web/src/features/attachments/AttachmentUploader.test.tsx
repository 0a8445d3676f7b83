import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { meMock } from '../../test/fixtures';
import { createTestApi, renderRoutes } from '../../test/testApi';
import { AttachmentGallery } from './AttachmentGallery';
import { answer, attachmentNode, FakeXhr, galleryMock, photo, PROJECT_ID, stored, TECH_ID, useFakeXhr } from './testData';

useFakeXhr();
const user = userEvent.setup({ delay: null });
const originalFetch = globalThis.fetch;
afterEach(() => Object.assign(globalThis, { fetch: originalFetch }));

/** GET /uploads/:key as the server answers it: the keys in `landed` were stored by an earlier attempt. */
function previousUploads(landed: Record<string, string> = {}) {
  const fetchMock = jest.fn(async (url: string) => {
    const key = decodeURIComponent(url.replace('/uploads/', ''));
    return landed[key] ? answer(200, stored(landed[key], true)) : answer(404, { error: 'No upload with this key.' });
  });
  Object.assign(globalThis, { fetch: fetchMock });
  return fetchMock;
}

/** The project's gallery as a field tech sees it, over `galleries` (answered in turn; the last as often as asked). */
function renderGallery(...galleries: ReturnType<typeof galleryMock>[]) {
  const mocks = galleries.map((g, i) => (i < galleries.length - 1 ? { ...g, maxUsageCount: 1 } : g));
  const api = createTestApi([meMock('FIELD_TECH', { id: TECH_ID, name: 'Taylor Kim' }), ...mocks]);
  api.session.start({ accessToken: 'access-token', accessTokenExpiresAt: Date.now() + 3_600_000, refreshToken: 'refresh-token' });
  renderRoutes(api, `/projects/${PROJECT_ID}`, { '/projects/:id': <AttachmentGallery ownerId={PROJECT_ID} retryDelay={() => 0} /> });
}

const row = (name: string) => screen.getByRole('progressbar', { name }).closest('li') as HTMLElement;

describe('Add photos', () => {
  it('uploads several photos two at a time, each with its progress, and shows them in the gallery', async () => {
    const uploaded = ['a', 'b', 'c'].map((x) => attachmentNode({ id: `QXR0YWNobWVudDp${x}`, fileName: `roof-${x}.jpg`, thumbnailStatus: 'PENDING', thumbnailUrl: null }));
    renderGallery(galleryMock(PROJECT_ID, []), galleryMock(PROJECT_ID, uploaded));
    previousUploads();
    await screen.findByText('No photos or documents yet');

    await user.selectOptions(screen.getByLabelText('Kind'), 'BEFORE');
    await user.type(screen.getByLabelText('Caption (optional)'), 'North slope');
    await user.upload(screen.getByLabelText('Add photos'), [photo('roof-a.jpg'), photo('roof-b.jpg'), photo('roof-c.jpg')]);

    // Two at a time: the third waits.
    await waitFor(() => expect(FakeXhr.sent).toHaveLength(2));
    const [first, second] = FakeXhr.sent;
    expect(first!.method).toBe('POST');
    expect(first!.params).toEqual({ ownerId: PROJECT_ID, kind: 'BEFORE', fileName: 'roof-a.jpg', caption: 'North slope' });
    expect(first!.headers).toMatchObject({ authorization: 'Bearer access-token', 'content-type': 'image/jpeg' });
    expect(first!.headers['idempotency-key']).toMatch(/^[A-Za-z0-9._:-]{8,100}$/);
    expect(second!.headers['idempotency-key']).not.toBe(first!.headers['idempotency-key']);
    expect(screen.getByRole('progressbar', { name: 'roof-c.jpg' })).toHaveAttribute('aria-valuetext', 'Waiting');

    first!.progress(1, 4);
    expect(screen.getByRole('progressbar', { name: 'roof-a.jpg' })).toHaveAttribute('aria-valuenow', '25');
    second!.progress(3, 4);
    expect(screen.getByRole('progressbar', { name: 'roof-b.jpg' })).toHaveAttribute('aria-valuetext', 'Uploading 75%');

    first!.respond(201, stored('QXR0YWNobWVudDpa'));
    await waitFor(() => expect(FakeXhr.sent).toHaveLength(3));
    second!.respond(201, stored('QXR0YWNobWVudDpi'));
    FakeXhr.sent[2]!.respond(201, stored('QXR0YWNobWVudDpj'));

    for (const name of ['roof-a.jpg', 'roof-b.jpg', 'roof-c.jpg']) {
      await waitFor(() => expect(screen.getByRole('progressbar', { name })).toHaveAttribute('aria-valuetext', 'Uploaded'));
    }
    // The gallery loads again: the new photos, their thumbnails still being made.
    expect(await screen.findAllByText('Preparing preview…')).toHaveLength(3);
    expect(screen.getByRole('button', { name: 'roof-a.jpg, Damage' })).toBeInTheDocument();
  });

  it('retries after a lost connection without storing the file twice', async () => {
    renderGallery(galleryMock(PROJECT_ID, []));
    await screen.findByText('No photos or documents yet');
    await user.upload(screen.getByLabelText('Add photos'), [photo('roof-a.jpg'), photo('roof-b.jpg')]);
    await waitFor(() => expect(FakeXhr.sent).toHaveLength(2));
    const [a, b] = FakeXhr.sent;
    const keyA = a!.headers['idempotency-key']!;
    const keyB = b!.headers['idempotency-key']!;
    // roof-a.jpg was stored but its answer was lost; roof-b.jpg met a failing proxy.
    const fetchMock = previousUploads({ [keyA]: 'QXR0YWNobWVudDpa' });
    a!.drop();
    b!.respond(502, {});

    // roof-a.jpg: the retry asks first, learns it was stored, and does not send it again.
    await waitFor(() => expect(row('roof-a.jpg')).toHaveTextContent('Uploaded'));
    expect(fetchMock).toHaveBeenCalledWith(`/uploads/${keyA}`, { headers: { authorization: 'Bearer access-token' } });
    // roof-b.jpg was not stored: sent again with the same key (the server would answer the first upload if it had been).
    await waitFor(() => expect(FakeXhr.sent).toHaveLength(3));
    expect(FakeXhr.sent[2]!.params.fileName).toBe('roof-b.jpg');
    expect(FakeXhr.sent[2]!.headers['idempotency-key']).toBe(keyB);
    FakeXhr.sent[2]!.respond(200, stored('QXR0YWNobWVudDpi', true));
    await waitFor(() => expect(row('roof-b.jpg')).toHaveTextContent('Uploaded'));
    expect(FakeXhr.sent.filter((x) => x.params.fileName === 'roof-a.jpg')).toHaveLength(1);
  });

  it('after the automatic attempts, waits for Retry and sends the same file under the same key', async () => {
    renderGallery(galleryMock(PROJECT_ID, []));
    previousUploads();
    await screen.findByText('No photos or documents yet');
    await user.upload(screen.getByLabelText('Add photos'), [photo('roof-a.jpg')]);
    for (let attempt = 1; attempt <= 4; attempt++) {
      await waitFor(() => expect(FakeXhr.sent).toHaveLength(attempt));
      FakeXhr.sent[attempt - 1]!.drop();
    }
    const retry = await screen.findByRole('button', { name: 'Retry roof-a.jpg' });
    expect(row('roof-a.jpg')).toHaveTextContent('The connection was lost. The upload stopped after 4 attempts.');
    expect(new Set(FakeXhr.sent.map((x) => x.headers['idempotency-key'])).size).toBe(1);

    await user.click(retry);
    await waitFor(() => expect(FakeXhr.sent).toHaveLength(5));
    expect(FakeXhr.sent[4]!.headers['idempotency-key']).toBe(FakeXhr.sent[0]!.headers['idempotency-key']);
    FakeXhr.sent[4]!.respond(201, stored('QXR0YWNobWVudDpa'));
    await waitFor(() => expect(row('roof-a.jpg')).toHaveTextContent('Uploaded'));
    expect(screen.queryByRole('button', { name: 'Retry roof-a.jpg' })).not.toBeInTheDocument();
  });

  it('shows the server’s refusal next to the file and does not send it again', async () => {
    renderGallery(galleryMock(PROJECT_ID, []));
    previousUploads();
    await screen.findByText('No photos or documents yet');
    await user.upload(screen.getByLabelText('Choose files'), [photo('estimate.jpg'), photo('ok.jpg')]);
    await waitFor(() => expect(FakeXhr.sent).toHaveLength(2));
    const refusal = 'The file is named "estimate.jpg" but its content is a PDF document: its name does not match what it is.';
    FakeXhr.sent[0]!.respond(415, { error: refusal });
    FakeXhr.sent[1]!.respond(413, { error: 'The file is larger than 25 MB.' });

    expect(await within(row('estimate.jpg')).findByRole('alert')).toHaveTextContent(`Not uploaded: ${refusal}`);
    expect(within(row('ok.jpg')).getByRole('alert')).toHaveTextContent('Not uploaded: The file is larger than 25 MB.');
    expect(screen.queryByRole('button', { name: /^Retry/ })).not.toBeInTheDocument();
    expect(FakeXhr.sent).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: 'Clear finished' }));
    expect(screen.queryByRole('list', { name: 'Uploads' })).not.toBeInTheDocument();
  });
});
