import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ClaimSupplementsDocument, SendSupplementDocument } from '../../gql/graphql';
import { mocked } from '../../test/fixtures';
import { CLAIM_ID, claimDetail, line, supplement } from './testData';
import { renderClaimPage } from './testUtils';

/** The claim's `n`th supplement (from 1), with a line of its own. */
const nth = (n: number, overrides: Record<string, unknown> = {}) =>
  supplement({ id: `U3VwcGxlbWVudDo${n}`, title: `Supplement ${n}`, lineItems: [line(`U3VwcGxlbWVudExpbmU6${n}`, `Line of ${n}`, '1', '10.00', '10.00')], ...overrides });
const twelve = Array.from({ length: 12 }, (_, i) => nth(i + 1));

/** A claim of 12 supplements as its page reads it: the first 10 of them. */
const claim = claimDetail({ supplementCount: 12, supplements: twelve.slice(0, 10) });

/** `ClaimSupplements`: every supplement of the claim (asked once the user wants the rest). */
const restMock = (supplements: ReturnType<typeof nth>[]) =>
  mocked(
    ClaimSupplementsDocument,
    { claim: { __typename: 'InsuranceClaim', id: CLAIM_ID, supplementCount: supplements.length, supplements } } as never,
    { variables: { id: CLAIM_ID, first: supplements.length } },
  );

const card = async () => (await screen.findByRole('heading', { name: 'Supplements' })).closest('section')!;
const titles = (section: HTMLElement) => within(section).getAllByRole('listitem', { name: /^Supplement \d+$/ }).map((li) => li.getAttribute('aria-label'));

const user = userEvent.setup({ delay: null });

describe('SupplementsCard', () => {
  it('says it shows 10 of the 12 supplements and loads the rest, for packages too', async () => {
    renderClaimPage(claim, claim, [restMock(twelve)]);
    const section = await card();
    expect(titles(section)).toEqual(twelve.slice(0, 10).map((s) => s.title));
    expect(within(section).getByText('Showing 10 of 12 supplements')).toBeInTheDocument();
    const packageFor = screen.getByRole('combobox', { name: 'For' });
    expect(within(packageFor).queryByRole('option', { name: 'Supplement 12' })).not.toBeInTheDocument();

    await user.click(within(section).getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(titles(section)).toEqual(twelve.map((s) => s.title)));
    expect(within(section).queryByText(/Showing/)).not.toBeInTheDocument();
    expect(within(section).queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    expect(within(packageFor).getByRole('option', { name: 'Supplement 12' })).toBeInTheDocument();
  });

  it('reads the rest again when the claim changes, so a supplement past the first 10 shows its new stage', async () => {
    const sent = nth(11, { status: 'SENT', sentAt: '2026-11-22T15:00:00.000Z' });
    const after = [...twelve.slice(0, 10), sent, twelve[11]!];
    renderClaimPage(claim, claim, [
      restMock(twelve),
      mocked(
        SendSupplementDocument,
        {
          sendSupplement: {
            __typename: 'SupplementPayload',
            // The claim answers with its first 10 only; the 11th changed, and the claim with it.
            supplement: { __typename: 'Supplement', id: sent.id, claim: { ...claim, updatedAt: '2026-11-22T15:00:00.000Z' } },
            errors: [],
          },
        } as never,
        { variables: { id: sent.id } },
      ),
      restMock(after),
    ]);
    const section = await card();
    await user.click(within(section).getByRole('button', { name: 'Load more' }));
    const eleventh = await within(section).findByRole('listitem', { name: 'Supplement 11' });
    await user.click(within(eleventh).getByRole('button', { name: 'Mark sent' }));
    await waitFor(() => expect(within(within(section).getByRole('listitem', { name: 'Supplement 11' })).getByText('Sent')).toBeInTheDocument());
    expect(titles(section)).toHaveLength(12);
  });

  it('shows no count when every supplement is shown', async () => {
    renderClaimPage(claimDetail({ supplements: twelve.slice(0, 3) }));
    const section = await card();
    expect(titles(section)).toHaveLength(3);
    expect(within(section).queryByText(/Showing/)).not.toBeInTheDocument();
  });
});
