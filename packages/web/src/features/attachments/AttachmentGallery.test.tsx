import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { UpdateAttachmentDocument, DeleteAttachmentDocument } from '../../gql/graphql';
import { setCompanyTimeZone } from '../../lib/timeZone';
import { meMock, mocked } from '../../test/fixtures';
import { renderMocked } from '../../test/renderMocked';
import { AttachmentGallery } from './AttachmentGallery';
import { AttachmentPicker } from './AttachmentPicker';
import { attachmentNode, galleryMock, PROJECT_ID, TECH_ID } from './testData';

const user = userEvent.setup({ delay: null });
const CLAIM_ID = 'SW5zdXJhbmNlQ2xhaW06MQ';

beforeAll(() => setCompanyTimeZone('America/Chicago'));

const before = attachmentNode({ id: 'QXR0YWNobWVudDox', kind: 'BEFORE', caption: 'Ridge before tear-off', fileName: 'ridge.jpg', location: { __typename: 'GeoPoint', latitude: 44.97775, longitude: -93.26501 } });
const damage = attachmentNode({ id: 'QXR0YWNobWVudDoy', kind: 'DAMAGE', caption: 'Hail hits, north slope', fileName: 'hail.jpg', uploadedBy: { __typename: 'User', id: 'VXNlcjo3', name: 'Jordan Lee' } });
const pending = attachmentNode({ id: 'QXR0YWNobWVudDoz', kind: 'DAMAGE', fileName: 'gutter.jpg', thumbnailStatus: 'PENDING', thumbnailUrl: null });
const scope = attachmentNode({ id: 'QXR0YWNobWVudDo0', kind: 'INSURANCE_SCOPE', fileName: 'scope.pdf', contentType: 'application/pdf', thumbnailStatus: 'NONE', thumbnailUrl: null, takenAt: null, width: null, height: null });

function renderGallery(role: 'FIELD_TECH' | 'SALES', mocks: Parameters<typeof renderMocked>[0]) {
  return renderMocked([meMock(role, role === 'FIELD_TECH' ? { id: TECH_ID, name: 'Taylor Kim' } : {}), ...mocks], '/p', {
    '/p': <AttachmentGallery ownerId={PROJECT_ID} />,
  });
}

describe('AttachmentGallery', () => {
  it('shows thumbnails, a placeholder while one is being made and a document tile, and filters by kind', async () => {
    renderGallery('SALES', [galleryMock(PROJECT_ID, [before, damage, scope]), galleryMock(PROJECT_ID, [damage], ['DAMAGE'])]);
    const hail = await screen.findByRole('button', { name: 'Hail hits, north slope, Damage' });
    expect(within(hail).getByRole('img')).toHaveAttribute('src', damage.thumbnailUrl);
    expect(within(screen.getByRole('button', { name: 'scope.pdf, Insurance scope' })).getByText('PDF')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Photos & documents (3)' })).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Show'), 'DAMAGE');
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Ridge before tear-off, Before' })).not.toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Hail hits, north slope, Damage' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'scope.pdf, Insurance scope' })).not.toBeInTheDocument();
  });

  it('says what it is waiting for while a thumbnail is made', async () => {
    renderGallery('FIELD_TECH', [galleryMock(PROJECT_ID, [pending])]);
    const tile = await screen.findByRole('button', { name: 'gutter.jpg, Damage' });
    expect(tile).toHaveTextContent('Preparing preview…');
    expect(within(tile).queryByRole('img')).not.toBeInTheDocument();
  });

  it('opens a photo large, goes through the gallery with the arrow keys, and saves new details', async () => {
    const edited = { ...before, caption: 'Ridge cap, before', kind: 'DAMAGE' as const, sharedWithAdjuster: true };
    renderGallery('SALES', [
      galleryMock(PROJECT_ID, [before, damage]),
      mocked(
        UpdateAttachmentDocument,
        { updateAttachment: { __typename: 'AttachmentPayload', attachment: edited, errors: [] } },
        { variables: { input: { id: before.id, caption: 'Ridge cap, before', kind: 'DAMAGE', sharedWithAdjuster: true } } },
      ),
    ]);
    await user.click(await screen.findByRole('button', { name: 'Ridge before tear-off, Before' }));
    let dialog = screen.getByRole('dialog', { name: 'Ridge before tear-off' });
    expect(within(dialog).getByRole('img', { name: 'Ridge before tear-off' })).toHaveAttribute('src', before.url);
    // Taken at on the company's clock (16:05Z is 10:05 AM in Chicago), and where.
    expect(dialog).toHaveTextContent(/Taken.*Fri, Nov 20, 10:05 AM/);
    expect(within(dialog).getByRole('link', { name: /44\.97775, -93\.26501/ })).toHaveAttribute('href', expect.stringContaining('mlat=44.977750&mlon=-93.265010'));
    expect(within(dialog).getByRole('link', { name: 'Download' })).toHaveAttribute('href', `${before.url}&download=1`);
    expect(dialog).toHaveTextContent('1 of 2');

    await user.keyboard('{ArrowRight}');
    dialog = screen.getByRole('dialog', { name: 'Hail hits, north slope' });
    expect(dialog).toHaveTextContent('2 of 2');
    expect(dialog).toHaveTextContent('by Jordan Lee');
    await user.keyboard('{ArrowRight}');
    dialog = screen.getByRole('dialog', { name: 'Ridge before tear-off' });

    await user.click(within(dialog).getByRole('button', { name: 'Edit details' }));
    const form = within(dialog).getByRole('form', { name: 'Edit details' });
    const caption = within(form).getByLabelText('Caption');
    await user.clear(caption);
    await user.type(caption, 'Ridge cap, before');
    // Arrow keys type in the field: they do not move to another photo.
    await user.type(caption, '{ArrowLeft}{ArrowRight}');
    await user.selectOptions(within(form).getByLabelText('Kind'), 'DAMAGE');
    await user.click(within(form).getByLabelText('Shared with the adjuster'));
    await user.click(within(form).getByRole('button', { name: 'Save' }));

    dialog = await screen.findByRole('dialog', { name: 'Ridge cap, before' });
    expect(dialog).toHaveTextContent('Shared with the adjuster');
    expect(screen.getByRole('button', { name: 'Ridge cap, before, Damage' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('lets a field tech change and delete only their own photos', async () => {
    const mine = attachmentNode({ id: 'QXR0YWNobWVudDo1', fileName: 'mine.jpg' });
    renderGallery('FIELD_TECH', [
      { ...galleryMock(PROJECT_ID, [mine, damage]), maxUsageCount: 1 },
      // Asked again after the delete: the server lists it no more.
      galleryMock(PROJECT_ID, [damage]),
      mocked(DeleteAttachmentDocument, { deleteAttachment: { __typename: 'AttachmentPayload', attachment: { __typename: 'Attachment', id: mine.id, deletedAt: '2026-11-21T10:00:00.000Z' }, errors: [] } }, { variables: { id: mine.id } }),
    ]);
    await user.click(await screen.findByRole('button', { name: 'Hail hits, north slope, Damage' }));
    let dialog = screen.getByRole('dialog');
    expect(within(dialog).queryByRole('button', { name: 'Edit details' })).not.toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();

    await user.keyboard('{ArrowLeft}');
    dialog = screen.getByRole('dialog', { name: 'mine.jpg' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(dialog).toHaveTextContent('Delete mine.jpg? It moves to the trash');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.queryByRole('button', { name: 'mine.jpg, Damage' })).not.toBeInTheDocument();
  });
});

describe('AttachmentPicker', () => {
  function Harness({ onChange }: { onChange: (ids: string[]) => void }) {
    const [selected, setSelected] = useState<string[]>([]);
    return (
      <AttachmentPicker
        sources={[
          { ownerId: CLAIM_ID, label: 'Claim documents & photos' },
          { ownerId: PROJECT_ID, label: 'Project photos' },
        ]}
        selected={selected}
        photosOnly
        onChange={(ids) => {
          setSelected(ids);
          onChange(ids);
        }}
      />
    );
  }

  it('picks several photos of the claim and its project, in the order picked', async () => {
    const onChange = jest.fn();
    renderMocked([galleryMock(CLAIM_ID, [scope]), galleryMock(PROJECT_ID, [before, damage])], '/p', { '/p': <Harness onChange={onChange} /> });
    const group = await screen.findByRole('group', { name: 'Pick photos' });
    const project = within(group).getByRole('region', { name: 'Project photos' });
    await user.click(await within(project).findByRole('checkbox', { name: 'Hail hits, north slope, Damage' }));
    await user.click(within(project).getByRole('checkbox', { name: 'Ridge before tear-off, Before' }));
    expect(onChange).toHaveBeenLastCalledWith([damage.id, before.id]);
    expect(group).toHaveTextContent('2 picked');
    // The claim's PDF is not a photo.
    expect(within(group).getByRole('region', { name: 'Claim documents & photos' })).toHaveTextContent('No photos here yet.');

    await user.click(within(project).getByRole('checkbox', { name: 'Hail hits, north slope, Damage' }));
    expect(onChange).toHaveBeenLastCalledWith([before.id]);
    expect(group).toHaveTextContent('1 picked');
  });
});
