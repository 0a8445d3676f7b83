import type { MockLink } from '@apollo/client/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  ClaimDetailDocument,
  ClaimPageUpdatedDocument,
  SetSupplementPhotosDocument,
  UpdateClaimDocument,
  UpdateClaimStatusDocument,
  type Role,
} from '../../gql/graphql';
import { calendarDateLabel } from '../../lib/format';
import { meMock, mocked, userError } from '../../test/fixtures';
import { renderMocked } from '../../test/renderMocked';
import { attachmentNode, galleryMock } from '../attachments/testData';
import ClaimDetailPage from './ClaimDetailPage';
import { CLAIM_ID, claimDetail, claimMoney, claimMoves, dayFromToday, supplement } from './testData';

type Claim = ReturnType<typeof claimDetail>;

const PROJECT_ID = 'UHJvamVjdDox';

const detailMock = (claim: Claim | null) => mocked(ClaimDetailDocument, { claim } as never, { variables: { id: CLAIM_ID } });

const statusMock = (input: Record<string, unknown>, payload: { claim: Claim | null; errors: ReturnType<typeof userError>[] }) =>
  mocked(UpdateClaimStatusDocument, { updateClaimStatus: { __typename: 'InsuranceClaimPayload', ...payload } } as never, {
    variables: { input: { id: CLAIM_ID, reason: null, ...input } } as never,
  });

/** The page's own live stream: here one event with the claim as it is (what another user changed). */
const liveMock = (claim: Claim) =>
  mocked(ClaimPageUpdatedDocument, { claimUpdated: { __typename: 'ClaimEvent', eventId: '41', claim } } as never, { variables: { claimId: CLAIM_ID } });

const renderPage = (role: Role, mocks: MockLink.MockedResponse[], live = claimDetail()) =>
  renderMocked([meMock(role), liveMock(live), galleryMock(CLAIM_ID, []), galleryMock(PROJECT_ID, []), ...mocks], `/claims/${CLAIM_ID}`, {
    '/claims/:id': <ClaimDetailPage />,
  });

const user = userEvent.setup({ delay: null });

describe('ClaimDetailPage', () => {
  it('shows the money as the server computed it, to the cent, with the deadline warning', async () => {
    const deadline = dayFromToday(3);
    const claim = claimDetail({ depreciationDeadline: deadline, money: claimMoney({ carrierOwes: '4210.30' }) });
    renderPage('SALES', [detailMock(claim)], claim);
    expect(await screen.findByRole('heading', { name: 'State Farm claim 13-4471-Z92' })).toBeInTheDocument();
    const balances = within(screen.getByLabelText('Balances'));
    expect(balances.getByText('Homeowner owes').nextElementSibling).toHaveTextContent('$1,000.00');
    expect(balances.getByText('Carrier still owes').nextElementSibling).toHaveTextContent('$4,210.30');
    expect(balances.getByText('Depreciation to collect').nextElementSibling).toHaveTextContent('$4,210.30');
    expect(balances.getByText(calendarDateLabel(deadline))).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('$4,210.30 of recoverable depreciation must be claimed in 3 days');

    const scope = within(screen.getByLabelText('Scope'));
    expect(scope.getByText('RCV').closest('div')).toHaveTextContent('$18,450.75');
    expect(scope.getByText('ACV').closest('div')).toHaveTextContent('$13,625.45');
    expect(scope.getByText('Non-recoverable depreciation').closest('div')).toHaveTextContent('$615.00');

    const payments = screen.getByRole('table', { name: 'Carrier payments' });
    expect(within(payments).getByRole('row', { name: /CHK 20931/ })).toHaveTextContent('ACV cheque');
    expect(within(payments).getByRole('row', { name: /CHK 20931/ })).toHaveTextContent('$12,625.45');
    // The history, newest first, with who moved it.
    const history = screen.getByRole('heading', { name: 'Status history' }).closest('section')!;
    expect(within(history).getAllByRole('listitem')[0]).toHaveTextContent('Inspection scheduled → Inspected');
    expect(within(history).getAllByRole('listitem')[2]).toHaveTextContent('Recorded as Filed');
  });

  it('offers exactly the allowed moves and asks a reason where the server says it will; the server’s refusal shows at the field', async () => {
    const approved = claimDetail({
      status: 'APPROVED',
      allowedMoves: claimMoves(['SUPPLEMENT_REQUESTED', false], ['PAID', false], ['INSPECTED', true], ['CLOSED', true]),
    });
    renderPage('SALES', [
      detailMock(claimDetail()),
      statusMock(
        { status: 'INSPECTION_SCHEDULED', reason: 'Roof not walked' },
        { claim: null, errors: [userError(['reason'], 'INVALID', 'Say what the re-inspection is for.')] },
      ),
      statusMock({ status: 'APPROVED' }, { claim: approved, errors: [] }),
    ]);
    const move = await screen.findByRole('combobox', { name: 'Move to' });
    expect(within(move).getAllByRole('option').slice(1).map((o) => o.textContent)).toEqual([
      'Approved',
      'Partially approved',
      'Denied',
      'Inspection scheduled',
      'Closed',
    ]);

    await user.selectOptions(move, 'INSPECTION_SCHEDULED');
    await user.click(screen.getByRole('button', { name: 'Move to Inspection scheduled' }));
    const reason = screen.getByRole('textbox', { name: 'Reason *' });
    expect(reason).toHaveAccessibleDescription(/Say why the claim moves to Inspection scheduled/);
    await user.type(reason, 'Roof not walked');
    await user.click(screen.getByRole('button', { name: 'Move to Inspection scheduled' }));
    await waitFor(() => expect(reason).toHaveAccessibleDescription(/Say what the re-inspection is for\./));
    expect(reason).toHaveAttribute('aria-invalid', 'true');

    await user.selectOptions(move, 'APPROVED');
    expect(screen.queryByRole('textbox', { name: 'Reason *' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Move to Approved' }));
    const stage = screen.getByRole('heading', { name: 'Stage' }).closest('section')!;
    await waitFor(() => expect(within(stage).getByRole('combobox', { name: 'Move to' })).toHaveTextContent('Paid'));
    expect(within(within(stage).getByRole('combobox', { name: 'Move to' })).getAllByRole('option')).toHaveLength(5);
  });

  it('edits the claim and shows the server’s UserError next to its amount', async () => {
    renderPage('MANAGER', [
      detailMock(claimDetail()),
      mocked(
        UpdateClaimDocument,
        {
          updateClaim: {
            __typename: 'InsuranceClaimPayload',
            claim: null,
            errors: [userError(['money', 'recoverableDepreciation'], 'OUT_OF_RANGE', 'The depreciation cannot exceed the approved replacement cost.')],
          },
        } as never,
        {
          variables: {
            input: {
              id: CLAIM_ID,
              carrier: 'State Farm',
              claimNumber: '13-4471-Z92',
              policyNumber: 'HO-88213',
              dateOfLoss: '2026-06-14',
              causeOfLoss: 'HAIL',
              notes: null,
              adjuster: { name: 'Kim Ode', phone: '+16125550199' },
              money: { recoverableDepreciation: '20000.00' },
            },
          } as never,
        },
      ),
    ]);
    await user.click(await screen.findByRole('button', { name: 'Edit claim' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit the claim 13-4471-Z92' });
    const field = within(dialog).getByRole('textbox', { name: 'Recoverable depreciation' });
    expect(field).toHaveValue('4210.30');
    await user.clear(field);
    await user.type(field, '20000.00');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(field).toHaveAccessibleDescription(/cannot exceed the approved replacement cost/));
    expect(field).toHaveAttribute('aria-invalid', 'true');
  });

  it('shows the claim’s documents and its project’s photos, and each supplement’s photos once opened', async () => {
    const claim = claimDetail({ supplements: [supplement({ status: 'SENT', sentAt: '2026-11-21T15:00:00.000Z' })] });
    renderPage('SALES', [detailMock(claim), galleryMock('U3VwcGxlbWVudDox', [attachmentNode({ caption: 'Drip edge missing at the eave' })])], claim);
    expect(await screen.findByRole('heading', { name: 'Claim documents & photos' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Project photos' })).toBeInTheDocument();
    const item = screen.getByRole('listitem', { name: 'Drip edge and ice shield' });
    expect(within(item).getByText('$1,004.09')).toBeInTheDocument();
    await user.click(within(item).getByRole('button', { name: 'Photos' }));
    expect(await within(item).findByRole('heading', { name: /Supplement photos/ })).toBeInTheDocument();
  });

  it('picks photos of the claim and its project into a supplement, in the order picked', async () => {
    const draft = supplement();
    const hail = attachmentNode({ caption: 'Hail hits, north slope' });
    const drip = attachmentNode({ caption: 'Drip edge missing at the eave' });
    const scope = attachmentNode({ kind: 'INSURANCE_SCOPE', caption: 'Carrier scope', contentType: 'application/pdf', thumbnailUrl: null });
    const claim = claimDetail({ supplements: [draft] });
    const withPhotos = claimDetail({ supplements: [{ ...draft, photos: [drip, hail] }] });
    renderMocked(
      [
        meMock('SALES'),
        liveMock(claim),
        detailMock(claim),
        galleryMock(CLAIM_ID, [scope]),
        galleryMock(PROJECT_ID, [hail, drip]),
        galleryMock(draft.id, []),
        mocked(SetSupplementPhotosDocument, { setSupplementPhotos: { __typename: 'SupplementPayload', supplement: { __typename: 'Supplement', id: draft.id, claim: withPhotos }, errors: [] } } as never, {
          variables: { input: { supplementId: draft.id, attachmentIds: [drip.id, hail.id] } },
        }),
      ],
      `/claims/${CLAIM_ID}`,
      { '/claims/:id': <ClaimDetailPage /> },
    );
    const item = await screen.findByRole('listitem', { name: 'Drip edge and ice shield' });
    await user.click(within(item).getByRole('button', { name: 'Pick photos' }));
    const dialog = screen.getByRole('dialog', { name: 'Photos for Drip edge and ice shield' });
    const project = within(dialog).getByRole('region', { name: 'Project photos' });
    await user.click(await within(project).findByRole('checkbox', { name: /Drip edge missing at the eave/ }));
    await user.click(within(project).getByRole('checkbox', { name: /Hail hits, north slope/ }));
    // Only photos are offered: the claim's PDF scope is not.
    expect(within(within(dialog).getByRole('region', { name: 'Claim documents & photos' })).queryByRole('checkbox')).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Use 2 photos' }));
    const picked = await within(item).findByRole('list', { name: 'Photos going with Drip edge and ice shield' });
    expect(within(picked).getAllByRole('img').map((i) => i.getAttribute('alt'))).toEqual(['Drip edge missing at the eave', 'Hail hits, north slope']);
    expect(within(item).getByRole('button', { name: 'Photos to send (2)' })).toBeInTheDocument();
  });

  it('is read-only for field techs', async () => {
    renderPage('FIELD_TECH', [detailMock(claimDetail())]);
    await screen.findByRole('heading', { name: 'State Farm claim 13-4471-Z92' });
    expect(screen.queryByRole('combobox', { name: 'Move to' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit claim' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Record a payment' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Draft a supplement' })).not.toBeInTheDocument();
  });
});

describe('ClaimDetailPage live', () => {
  it('takes another user’s change from the claim’s live stream in place', async () => {
    const paid = claimDetail({ status: 'PAID', allowedMoves: claimMoves(['CLOSED', true], ['SUPPLEMENT_REQUESTED', false]), money: claimMoney({ paymentsReceived: '16835.75', depreciationToCollect: '0.00' }) });
    renderPage('SALES', [detailMock(claimDetail())], paid);
    const stage = (await screen.findByRole('heading', { name: 'Stage' })).closest('section')!;
    await waitFor(() => expect(within(stage).getByText('Paid')).toBeInTheDocument());
    expect(within(screen.getByLabelText('Supplements and payments')).getByText('Payments received').closest('div')).toHaveTextContent('$16,835.75');
  });
});
