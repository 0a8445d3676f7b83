import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GenerateClaimPackageDocument } from '../../gql/graphql';
import { dateTimeLabel } from '../../lib/format';
import { mocked } from '../../test/fixtures';
import { attachmentNode } from '../attachments/testData';
import { CLAIM_ID, claimDetail, claimPackage, supplement } from './testData';
import { renderClaimPage } from './testUtils';

const draft = supplement({ photos: [attachmentNode(), attachmentNode()] });

const card = async () => (await screen.findByRole('heading', { name: 'Claim package' })).closest('section')!;

const user = userEvent.setup({ delay: null });

describe('ClaimPackagesCard', () => {
  it('generates a package for the chosen supplement (its picked photos) and shows it queued', async () => {
    const claim = claimDetail({ supplements: [draft] });
    const queued = claimPackage();
    renderClaimPage(claim, claim, [
      mocked(
        GenerateClaimPackageDocument,
        {
          generateClaimPackage: {
            __typename: 'ClaimPackagePayload',
            claimPackage: { __typename: 'ClaimPackage', id: queued.id, claim: { __typename: 'InsuranceClaim', id: CLAIM_ID, packages: [queued] } },
            errors: [],
          },
        } as never,
        { variables: { input: { claimId: CLAIM_ID, supplementId: draft.id } } },
      ),
    ]);
    const section = within(await card());
    expect(section.getByText('No claim packages yet.')).toBeInTheDocument();
    const scope = section.getByRole('combobox', { name: 'For' });
    expect(scope).toHaveValue(draft.id);
    expect(scope).toHaveAccessibleDescription('Its lines and the 2 photos picked into it.');
    await user.selectOptions(scope, '');
    expect(scope).toHaveAccessibleDescription("The claim's summary and its own photos.");
    await user.selectOptions(scope, draft.id);
    await user.click(section.getByRole('button', { name: 'Generate package' }));

    const item = await section.findByRole('listitem', { name: `Package of ${dateTimeLabel(queued.createdAt)}` });
    expect(within(item).getByText('Queued')).toBeInTheDocument();
    expect(item).toHaveTextContent('Drip edge and ice shield');
    expect(item).toHaveTextContent(`2 photos · Requested by Sam Carter ${dateTimeLabel(queued.createdAt)}`);
    expect(within(item).queryByRole('link')).not.toBeInTheDocument();
  });

  it('turns ready from the live stream, with its pages and a link that downloads the PDF', async () => {
    const queued = claimPackage();
    const ready = claimPackage({
      status: 'READY',
      pageCount: 3,
      finishedAt: '2026-11-21T15:30:08.000Z',
      document: { __typename: 'Attachment', id: 'QXR0YWNobWVudDo5OQ', fileName: 'Claim 13-4471-Z92 package.pdf', url: '/files/QXR0YWNobWVudDo5OQ?variant=original&sig=x', urlExpiresAt: '2099-01-01T00:00:00.000Z' },
    });
    renderClaimPage(claimDetail({ supplements: [draft], packages: [queued] }), claimDetail({ supplements: [draft], packages: [ready] }));
    const section = within(await card());
    const link = await section.findByRole('link', { name: 'Download PDF: Claim 13-4471-Z92 package.pdf' });
    expect(link).toHaveAttribute('href', '/files/QXR0YWNobWVudDo5OQ?variant=original&sig=x&download=1');
    const item = section.getByRole('listitem', { name: `Package of ${dateTimeLabel(ready.createdAt)}` });
    expect(within(item).getByText('Ready')).toBeInTheDocument();
    expect(item).toHaveTextContent('2 photos · 3 pages');
  });

  it('shows why a package failed, newest first', async () => {
    const older = claimPackage({ id: 'Q2xhaW1QYWNrYWdlOjA', status: 'READY', pageCount: 2, supplement: null, photoCount: 1, createdAt: '2026-11-20T15:00:00.000Z', document: null });
    const failed = claimPackage({ status: 'FAILED', error: 'A photo could not be read', finishedAt: '2026-11-21T15:30:05.000Z' });
    renderClaimPage(claimDetail({ packages: [claimPackage(), older] }), claimDetail({ packages: [failed, older] }));
    const section = within(await card());
    const items = await section.findAllByRole('listitem');
    await screen.findByText(/It could not be built: A photo could not be read/);
    expect(within(items[0]!).getByText('Failed')).toBeInTheDocument();
    expect(items[1]).toHaveTextContent('The claim');
    expect(items[1]).toHaveTextContent('1 photo · 2 pages');
  });
});
