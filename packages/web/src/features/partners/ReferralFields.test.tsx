import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { CreateLeadDocument, PartnerPickerSearchDocument } from '../../gql/graphql';
import * as fixtures from '../../test/fixtures';
import { CreateLeadDialog } from '../leads/CreateLeadDialog';
import { toUpdateInput, leadFormFrom } from '../leads/leadForm';

const lakes = {
  __typename: 'Partner',
  id: 'UGFydG5lcjox',
  name: 'Lakes Realty',
  kind: 'REALTOR',
  contacts: [
    { __typename: 'PartnerContact', id: 'UGFydG5lckNvbnRhY3Q6MQ', name: 'Dana Lee', role: 'Broker' },
    { __typename: 'PartnerContact', id: 'UGFydG5lckNvbnRhY3Q6Mg', name: 'Ola Berg', role: null },
  ],
} as const;

const searchMock: MockLink.MockedResponse = {
  request: { query: PartnerPickerSearchDocument, variables: { search: 'lakes' } },
  result: { data: { partners: { __typename: 'PartnerConnection', edges: [{ __typename: 'PartnerEdge', node: lakes }] } } },
};

const user = userEvent.setup({ delay: null });

describe('the partner picker on the lead form', () => {
  it('appears with source PARTNER, picks a partner then one of its contacts, and sends the referral', async () => {
    const create = jest.fn(() => ({
      data: { createLead: { __typename: 'LeadPayload', lead: null, errors: [fixtures.userError(['referredBy', 'partnerId'], 'INVALID', 'This partnership has ended.')] } },
    }));
    render(
      <MockedProvider
        mocks={[
          fixtures.meMock('SALES'),
          searchMock,
          {
            request: {
              query: CreateLeadDocument,
              variables: {
                input: {
                  source: 'PARTNER',
                  priority: 'MEDIUM',
                  contactName: 'Pat Lee',
                  contactPhone: '651-555-0101',
                  referredBy: { partnerId: lakes.id, contactId: 'UGFydG5lckNvbnRhY3Q6Mg' },
                },
              },
            },
            result: create,
          },
        ]}
      >
        <MemoryRouter>
          <CreateLeadDialog onClose={() => undefined} />
        </MemoryRouter>
      </MockedProvider>,
    );
    const dialog = screen.getByRole('dialog', { name: 'New lead' });
    expect(within(dialog).queryByRole('combobox', { name: /Referring partner/ })).not.toBeInTheDocument();
    await user.type(within(dialog).getByLabelText(/^Contact name/), 'Pat Lee');
    await user.type(within(dialog).getByLabelText(/^Phone/), '651-555-0101');
    await user.selectOptions(within(dialog).getByLabelText(/^Source/), 'PARTNER');

    await user.type(within(dialog).getByRole('combobox', { name: 'Referring partner (optional)' }), 'lakes');
    await user.click(await screen.findByRole('option', { name: /Lakes Realty/ }));
    expect(within(dialog).getByText('Realtor · 2 contacts')).toBeInTheDocument();
    const contact = within(dialog).getByRole('combobox', { name: 'Contact at the partner' });
    expect(within(contact).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'No one in particular',
      'Dana Lee (Broker)',
      'Ola Berg',
    ]);
    await user.selectOptions(contact, 'UGFydG5lckNvbnRhY3Q6Mg');

    await user.click(within(dialog).getByRole('button', { name: 'Create lead' }));
    await waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    // The server's refusal about the partner shows next to the picker.
    await waitFor(() => expect(within(dialog).getByText('This partnership has ended.')).toBeInTheDocument());

    // Another source: the picker goes away (and no referral is sent).
    await user.selectOptions(within(dialog).getByLabelText(/^Source/), 'WEBSITE');
    expect(within(dialog).queryByText('Lakes Realty')).not.toBeInTheDocument();
  });

  it('on edit, sends the referral only when it changed, and clears it when the source leaves PARTNER', () => {
    const lead = {
      propertyAddress: {},
      source: 'PARTNER' as const,
      priority: 'MEDIUM' as const,
      referredBy: { partner: lakes, contact: { id: 'UGFydG5lckNvbnRhY3Q6MQ' } },
    };
    const initial = leadFormFrom(lead);
    expect(toUpdateInput('TGVhZDox', initial, initial)).not.toHaveProperty('referredBy');
    expect(toUpdateInput('TGVhZDox', { ...initial, partnerContactId: '' }, initial).referredBy).toEqual({ partnerId: lakes.id });
    expect(toUpdateInput('TGVhZDox', { ...initial, source: 'WEBSITE' }, initial).referredBy).toBeNull();
    // A partner lead whose referral the viewer cannot see (null) keeps it when nothing is picked.
    const hidden = leadFormFrom({ ...lead, referredBy: null });
    expect(toUpdateInput('TGVhZDox', hidden, hidden)).not.toHaveProperty('referredBy');
  });
});
