import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CreatePartnerDocument } from '../../gql/graphql';
import { meMock, userError } from '../../test/fixtures';
import { PartnerFormDialog } from './PartnerFormDialog';
import { partnerRow } from './testData';

const user = userEvent.setup({ delay: null });

const input = {
  name: 'Lakes Realty',
  kind: 'INSURANCE_ADJUSTER',
  status: 'ACTIVE',
  referralFee: { kind: 'PERCENT', percent: 5, cap: '1500' },
  notes: 'Met at the home show.',
  contacts: [{ name: 'Dana Lee', email: 'dana@lakes.example', role: 'Broker' }],
};

function renderDialog(result: jest.Mock, onSaved = jest.fn()) {
  render(
    <MockedProvider mocks={[meMock('SALES'), { request: { query: CreatePartnerDocument, variables: { input } }, result }]}>
      <PartnerFormDialog onClose={() => undefined} onSaved={onSaved} />
    </MockedProvider>,
  );
  return onSaved;
}

async function fill() {
  const dialog = screen.getByRole('dialog', { name: 'New partner' });
  await user.type(within(dialog).getByLabelText('Name *'), 'Lakes Realty');
  await user.selectOptions(within(dialog).getByLabelText('Kind'), 'INSURANCE_ADJUSTER');
  await user.selectOptions(within(dialog).getByLabelText('Fee'), 'PERCENT');
  await user.type(within(dialog).getByLabelText('Percent of the contract *'), '5');
  await user.type(within(dialog).getByLabelText('Cap per fee ($)'), '$1,500');
  await user.click(within(dialog).getByRole('button', { name: 'Add a contact' }));
  await user.type(within(dialog).getByLabelText('Contact 1 name *'), 'Dana Lee');
  await user.type(within(dialog).getByLabelText('Contact 1 role'), 'Broker');
  await user.type(within(dialog).getByLabelText('Contact 1 e-mail'), 'dana@lakes.example');
  await user.type(within(dialog).getByLabelText('Notes'), 'Met at the home show.');
  await user.click(within(dialog).getByRole('button', { name: 'Create partner' }));
  return dialog;
}

describe('PartnerFormDialog', () => {
  it('checks the fee terms and contacts before asking the server', async () => {
    renderDialog(jest.fn());
    const dialog = screen.getByRole('dialog', { name: 'New partner' });
    await user.selectOptions(within(dialog).getByLabelText('Fee'), 'FLAT');
    await user.click(within(dialog).getByRole('button', { name: 'Add a contact' }));
    await user.click(within(dialog).getByRole('button', { name: 'Create partner' }));
    expect(within(dialog).getByLabelText('Name *')).toHaveAccessibleDescription('Name must be 2 to 200 characters.');
    expect(within(dialog).getByLabelText('Amount per won job ($) *')).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).getByLabelText('Contact 1 name *')).toHaveAttribute('aria-invalid', 'true');
  });

  it('creates the partner with its fee terms and contacts', async () => {
    const created = partnerRow('Lakes Realty', {
      kind: 'INSURANCE_ADJUSTER',
      notes: 'Met at the home show.',
      referralFee: { __typename: 'ReferralFeeTerms', kind: 'PERCENT', percent: 5, flatAmount: null, cap: '1500.00' },
      contacts: [{ __typename: 'PartnerContact', id: 'UGFydG5lckNvbnRhY3Q6MQ', name: 'Dana Lee', email: 'dana@lakes.example', phone: null, role: 'Broker' }],
    });
    const result = jest.fn(() => ({ data: { createPartner: { __typename: 'PartnerPayload', partner: created, errors: [] } } }));
    const onSaved = renderDialog(result);
    await fill();
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith({ id: created.id }));
    expect(result).toHaveBeenCalledTimes(1);
  });

  it('shows a refusal next to its contact field', async () => {
    const result = jest.fn(() => ({
      data: {
        createPartner: {
          __typename: 'PartnerPayload',
          partner: null,
          errors: [userError(['contacts', '0', 'email'], 'TAKEN', 'Another contact already has this e-mail.')],
        },
      },
    }));
    const onSaved = renderDialog(result);
    const dialog = await fill();
    const email = within(dialog).getByLabelText('Contact 1 e-mail');
    await waitFor(() => expect(email).toHaveAccessibleDescription('Another contact already has this e-mail.'));
    expect(onSaved).not.toHaveBeenCalled();
  });
});
