import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { configure, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { makeFragmentData } from '../../gql';
import { CreateCustomerDocument, UpdateCustomerDocument } from '../../gql/graphql';
import { CustomerFormDialog, CustomerFormFragment } from './CustomerFormDialog';
import { dana } from './testData';
import { meMock, userError } from '../../test/fixtures';

const saved = {
  ...dana,
  customerType: 'RESIDENTIAL',
  segment: null,
  emailOptIn: false,
  smsOptIn: false,
  owningTeam: { __typename: 'Team', id: 'VGVhbTox', name: 'North Metro' },
  lifetimeValue: '0.00',
  createdAt: '2026-11-22T10:00:00.000Z',
  updatedAt: '2026-11-22T10:00:00.000Z',
  deletedAt: null,
} as const;


/** createCustomer with `input`, answered with `payload`. */
const createMock = (input: object, payload: { customer: object | null; errors: object[] }) => ({
  request: { query: CreateCustomerDocument, variables: { input } },
  result: { data: { createCustomer: { __typename: 'CustomerPayload', ...payload } } },
});

function renderForm(mocks: MockLink.MockedResponse[], customer?: Parameters<typeof CustomerFormDialog>[0]['customer']) {
  const onSaved = jest.fn();
  const onClose = jest.fn();
  render(
    <MockedProvider mocks={[meMock('SALES'), ...mocks]}>
      <CustomerFormDialog customer={customer} onClose={onClose} onSaved={onSaved} />
    </MockedProvider>,
  );
  return { onSaved, onClose };
}

const nameField = () => screen.getByRole('textbox', { name: /^Name/ });
const emailField = () => screen.getByRole('textbox', { name: 'E-mail' });

// Other suites may share the machine: no keystroke delays, and room for a slow run.
const user = userEvent.setup({ delay: null });
jest.setTimeout(20_000);
configure({ asyncUtilTimeout: 4000 });

describe('CustomerFormDialog', () => {
  it('shows required-field errors without asking the server', async () => {
    const { onSaved } = renderForm([]);

    await user.click(screen.getByRole('button', { name: 'Create customer' }));

    expect(nameField()).toHaveAttribute('aria-invalid', 'true');
    expect(nameField()).toHaveAccessibleDescription(/Name is required\./);
    await waitFor(() => expect(nameField()).toHaveFocus());

    await user.type(nameField(), 'Dana Hansen');
    await user.type(emailField(), 'dana@example');
    await user.click(screen.getByRole('button', { name: 'Create customer' }));

    expect(nameField()).toHaveAttribute('aria-invalid', 'false');
    expect(emailField()).toHaveAccessibleDescription('Enter an e-mail address like dana@example.com.');
    // No mock answers createCustomer: had it been sent, an alert with the failure would show.
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('flags a 9-digit phone together with a bad e-mail, without asking the server', async () => {
    const { onSaved } = renderForm([]);
    await user.type(nameField(), 'Dana Hansen');
    await user.type(emailField(), 'dana@example');
    await user.type(screen.getByRole('textbox', { name: 'Phone' }), '612-555-014');
    await user.click(screen.getByRole('button', { name: 'Create customer' }));

    expect(emailField()).toHaveAccessibleDescription('Enter an e-mail address like dana@example.com.');
    const phone = screen.getByRole('textbox', { name: 'Phone' });
    expect(phone).toHaveAttribute('aria-invalid', 'true');
    expect(phone).toHaveAccessibleDescription(/Enter a 10-digit phone number, e\.g\. \(612\) 555-0142 \(this one has 9 digits\)\./);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('shows the server’s UserErrors next to their field and the others in an alert', async () => {
    const { onSaved } = renderForm([
      createMock(
        { name: 'Dana Hansen', customerType: 'RESIDENTIAL', email: 'mwagner@example.org', phone: '555-555-5555' },
        {
          customer: null,
          errors: [
            userError(['email'], 'TAKEN', 'Another customer already has this e-mail address.'),
            userError(['phone'], 'INVALID', 'Phone is not a valid phone number.'),
            userError(null, 'FORBIDDEN', 'You may not add customers right now.'),
          ],
        },
      ),
    ]);

    await user.type(nameField(), 'Dana Hansen');
    await user.type(emailField(), 'mwagner@example.org');
    await user.type(screen.getByRole('textbox', { name: 'Phone' }), '555-555-5555');
    await user.click(screen.getByRole('button', { name: 'Create customer' }));

    expect(await screen.findByText('Another customer already has this e-mail address.')).toBeInTheDocument();
    expect(emailField()).toHaveAttribute('aria-invalid', 'true');
    expect(emailField()).toHaveAccessibleDescription('Another customer already has this e-mail address.');
    expect(screen.getByRole('textbox', { name: 'Phone' })).toHaveAccessibleDescription(
      /Phone is not a valid phone number\./,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('You may not add customers right now.');
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('shows a value the server refused as a GraphQL error (BAD_USER_INPUT with extensions.field) next to its field', async () => {
    const { onSaved } = renderForm([
      {
        request: {
          query: CreateCustomerDocument,
          variables: { input: { name: 'Dana Hansen', customerType: 'RESIDENTIAL', email: 'dana@example.c0m' } },
        },
        result: {
          errors: [
            new GraphQLError(
              'Variable "$input" got invalid value "dana@example.c0m" at "input.email"; Email must be a valid e-mail address.',
              { extensions: { code: 'BAD_USER_INPUT', field: 'email' } },
            ),
          ],
        },
      },
    ]);

    await user.type(nameField(), 'Dana Hansen');
    await user.type(emailField(), 'dana@example.c0m');
    await user.click(screen.getByRole('button', { name: 'Create customer' }));

    await waitFor(() => expect(emailField()).toHaveAttribute('aria-invalid', 'true'));
    expect(emailField()).toHaveAccessibleDescription('Email must be a valid e-mail address.');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await waitFor(() => expect(emailField()).toHaveFocus());
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('creates the customer and hands it over', async () => {
    const { onSaved } = renderForm([
      createMock(
        {
          name: 'Dana Hansen',
          customerType: 'COMMERCIAL',
          address: { street: '1208 Maple Ave', state: 'MN', zip: '55401' },
          emailOptIn: true,
        },
        { customer: { ...saved, emailOptIn: true }, errors: [] },
      ),
    ]);

    await user.type(nameField(), '  Dana Hansen ');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Account type' }), 'COMMERCIAL');
    await user.type(screen.getByRole('textbox', { name: 'Street' }), '1208 Maple Ave');
    await user.type(screen.getByRole('textbox', { name: 'State' }), 'mn');
    await user.type(screen.getByRole('textbox', { name: 'ZIP' }), '55401');
    // Consent is off until ticked; only the e-mail one is given here.
    const emailOptIn = screen.getByRole('checkbox', { name: 'E-mail opt-in (marketing and review requests)' });
    expect(emailOptIn).not.toBeChecked();
    await user.click(emailOptIn);
    expect(screen.getByRole('checkbox', { name: 'SMS opt-in' })).not.toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Create customer' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalledWith({ id: saved.id }));
  });

  it('edits: starts from the customer and sends every field (consent too), clearing emptied ones', async () => {
    const customer = makeFragmentData(
      {
        __typename: 'Customer',
        id: saved.id,
        name: saved.name,
        email: saved.email,
        phone: saved.phone,
        address: saved.address,
        customerType: 'RESIDENTIAL' as const,
        segment: 'Homeowner',
        emailOptIn: true,
        smsOptIn: false,
        owningTeam: saved.owningTeam,
      },
      CustomerFormFragment,
    );
    const { onSaved } = renderForm(
      [
        {
          request: {
            query: UpdateCustomerDocument,
            variables: {
              input: {
                id: saved.id,
                name: 'Dana Hansen',
                customerType: 'RESIDENTIAL',
                email: null,
                phone: '+16125550142',
                address: { street: '1208 Maple Ave', city: 'Minneapolis', state: 'MN', zip: '55401' },
                segment: 'Insurance Claim',
                emailOptIn: false,
                smsOptIn: true,
              },
            },
          },
          result: {
            data: {
              updateCustomer: { __typename: 'CustomerPayload', customer: { ...saved, email: null }, errors: [] },
            },
          },
        },
      ],
      customer,
    );

    expect(screen.getByRole('dialog', { name: 'Edit Dana Hansen' })).toBeInTheDocument();
    expect(emailField()).toHaveValue('dana@example.com');
    await user.clear(emailField());
    const segment = screen.getByRole('combobox', { name: 'Segment' });
    await user.clear(segment);
    await user.type(segment, 'Insurance Claim');
    // The consent starts from the customer's, and both are sent.
    const emailOptIn = screen.getByRole('checkbox', { name: 'E-mail opt-in (marketing and review requests)' });
    expect(emailOptIn).toBeChecked();
    await user.click(emailOptIn);
    await user.click(screen.getByRole('checkbox', { name: 'SMS opt-in' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalledWith({ id: saved.id }));
  });
});
