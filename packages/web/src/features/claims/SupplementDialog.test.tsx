import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CreateSupplementDocument } from '../../gql/graphql';
import { meMock, mocked, userError } from '../../test/fixtures';
import { renderMocked } from '../../test/renderMocked';
import { SupplementDialog } from './SupplementDialog';
import { CLAIM_ID, supplement } from './testData';

const user = userEvent.setup({ delay: null });

const render = (mocks = [meMock('SALES')], props: Partial<Parameters<typeof SupplementDialog>[0]> = {}) => {
  const onClose = jest.fn();
  renderMocked(mocks, '/', { '/': <SupplementDialog claimId={CLAIM_ID} onClose={onClose} {...props} /> });
  return onClose;
};

describe('SupplementDialog', () => {
  it('totals each line as quantity × unit price to the cent, and the supplement, while typing', async () => {
    render();
    const dialog = screen.getByRole('dialog', { name: 'Draft a supplement' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Description 1 *' }), 'Drip edge - aluminum');
    await user.type(within(dialog).getByRole('textbox', { name: 'Quantity 1 *' }), '212.5');
    await user.type(within(dialog).getByRole('textbox', { name: 'Unit price 1 *' }), '3.17');
    // 212.5 × 3.17 = 673.625 → half up.
    expect(within(dialog).getByRole('status', { name: 'Line 1 total' })).toHaveTextContent('$673.63');

    await user.click(within(dialog).getByRole('button', { name: 'Add a line' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Quantity 2 *' }), '0.1');
    expect(within(dialog).getByRole('status', { name: 'Line 2 total' })).toHaveTextContent('—');
    await user.type(within(dialog).getByRole('textbox', { name: 'Unit price 2 *' }), '0.70');
    // 0.1 × 0.7 is 0.06999… in floating point; the cents are exact.
    expect(within(dialog).getByRole('status', { name: 'Line 2 total' })).toHaveTextContent('$0.07');
    expect(within(dialog).getByRole('status', { name: 'Requested total' })).toHaveTextContent('$673.70');

    await user.click(within(dialog).getByRole('button', { name: 'Remove line 2' }));
    expect(within(dialog).getByRole('status', { name: 'Requested total' })).toHaveTextContent('$673.63');
  });

  it('checks every line before asking and shows the server’s refusal at the line’s field', async () => {
    const input = {
      claimId: CLAIM_ID,
      title: 'Drip edge',
      lineItems: [{ description: 'Drip edge - aluminum', code: null, quantity: '212.5', unit: 'LF', unitPrice: '3.17' }],
    };
    const refused = mocked(
      CreateSupplementDocument,
      { createSupplement: { __typename: 'SupplementPayload', supplement: null, errors: [userError(['lineItems', '0', 'quantity'], 'OUT_OF_RANGE', 'The line total is too large.')] } } as never,
      { variables: { input } as never },
    );
    const onClose = render([meMock('SALES'), refused]);
    const dialog = screen.getByRole('dialog', { name: 'Draft a supplement' });
    await user.click(within(dialog).getByRole('button', { name: 'Save as draft' }));
    expect(within(dialog).getByRole('textbox', { name: 'Title *' })).toHaveAccessibleDescription('The title must be 2 to 200 characters.');
    expect(within(dialog).getByRole('textbox', { name: 'Quantity 1 *' })).toHaveAccessibleDescription('More than 0, up to four decimals.');
    expect(within(dialog).getByRole('textbox', { name: 'Unit price 1 *' })).toHaveAttribute('aria-invalid', 'true');

    await user.type(within(dialog).getByRole('textbox', { name: 'Title *' }), 'Drip edge');
    await user.type(within(dialog).getByRole('textbox', { name: 'Description 1 *' }), 'Drip edge - aluminum');
    await user.type(within(dialog).getByRole('textbox', { name: 'Quantity 1 *' }), '212.5');
    await user.type(within(dialog).getByRole('textbox', { name: 'Unit 1' }), 'LF');
    await user.type(within(dialog).getByRole('textbox', { name: 'Unit price 1 *' }), '$3.17');
    await user.click(within(dialog).getByRole('button', { name: 'Save as draft' }));
    await waitFor(() => expect(within(dialog).getByRole('textbox', { name: 'Quantity 1 *' })).toHaveAccessibleDescription('The line total is too large.'));
    expect(onClose).not.toHaveBeenCalled();
  });

  it('edits a draft with its lines', () => {
    render([meMock('SALES')], { supplement: supplement() as never });
    const dialog = screen.getByRole('dialog', { name: 'Edit Drip edge and ice shield' });
    expect(within(dialog).getByRole('textbox', { name: 'Quantity 2 *' })).toHaveValue('3.3333');
    // 3.3333 × 99.14 = 330.463362 → 330.46
    expect(within(dialog).getByRole('status', { name: 'Line 2 total' })).toHaveTextContent('$330.46');
    expect(within(dialog).getByRole('status', { name: 'Requested total' })).toHaveTextContent('$1,004.09');
  });
});
