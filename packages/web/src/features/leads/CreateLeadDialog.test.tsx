import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { CreateLeadDocument, LeadFormCustomerDocument } from '../../gql/graphql';
import * as fixtures from '../../test/fixtures';
import { CreateLeadDialog } from './CreateLeadDialog';

const meMock = fixtures.meMock('SALES', { id: 'VXNlcjoy' });

const createMock = (input: object, payload: object): MockLink.MockedResponse => ({
  request: { query: CreateLeadDocument, variables: { input } },
  result: { data: { createLead: { __typename: 'LeadPayload', ...payload } } },
});

const renderDialog = (mocks: MockLink.MockedResponse[], customerId?: string) =>
  render(
    <MockedProvider mocks={[meMock, ...mocks]}>
      <MemoryRouter>
        <CreateLeadDialog onClose={() => undefined} customerId={customerId} />
      </MemoryRouter>
    </MockedProvider>,
  );

async function fillContact(phone: string) {
  const user = userEvent.setup();
  const dialog = screen.getByRole('dialog', { name: 'New lead' });
  await user.type(within(dialog).getByLabelText(/^Contact name/), 'Pat Lee');
  await user.type(within(dialog).getByLabelText(/^Phone/), phone);
  await user.selectOptions(within(dialog).getByLabelText(/^Source/), 'STORM_CANVASS');
  await user.click(within(dialog).getByRole('button', { name: 'Create lead' }));
}

describe('CreateLeadDialog', () => {
  it('checks required fields before asking the server', async () => {
    renderDialog([]);
    await userEvent.click(screen.getByRole('button', { name: 'Create lead' }));

    expect(screen.getByLabelText(/^Contact name/)).toHaveAccessibleDescription(/Enter a contact name or choose a customer/);
    expect(screen.getByLabelText(/^Phone/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText(/^Source/)).toHaveAccessibleDescription('Choose where the lead came from.');
  });

  it('marks neither phone nor e-mail required (one of them is enough) and flags a bad phone with a bad e-mail', async () => {
    renderDialog([]);
    const dialog = screen.getByRole('dialog', { name: 'New lead' });
    const phone = within(dialog).getByRole('textbox', { name: 'Phone' });
    const email = within(dialog).getByRole('textbox', { name: 'E-mail' });
    for (const field of [phone, email]) expect(field).not.toHaveAttribute('aria-required', 'true');
    expect(phone).toHaveAccessibleDescription('A phone or an e-mail: one is enough.');

    const user = userEvent.setup();
    await user.type(within(dialog).getByLabelText(/^Contact name/), 'Pat Lee');
    await user.type(email, 'pat@example');
    await user.type(phone, '651-555-010');
    await user.selectOptions(within(dialog).getByLabelText(/^Source/), 'STORM_CANVASS');
    await user.click(within(dialog).getByRole('button', { name: 'Create lead' }));
    expect(email).toHaveAccessibleDescription('Enter a valid e-mail address, e.g. dana@example.com.');
    expect(phone).toHaveAccessibleDescription(/this one has 9 digits/);
    // Nothing was sent: no mock answers createLead.
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('takes an e-mail alone as the way to reach the contact', async () => {
    renderDialog([]);
    const dialog = screen.getByRole('dialog', { name: 'New lead' });
    const user = userEvent.setup();
    await user.type(within(dialog).getByLabelText(/^Contact name/), 'Pat Lee');
    await user.type(within(dialog).getByRole('textbox', { name: 'E-mail' }), 'pat@example.com');
    await user.click(within(dialog).getByRole('button', { name: 'Create lead' }));
    expect(within(dialog).getByRole('textbox', { name: 'Phone' })).toHaveAttribute('aria-invalid', 'false');
  });

  it('shows the server’s UserError next to its field, and the others above the form', async () => {
    renderDialog([
      createMock(
        { source: 'STORM_CANVASS', priority: 'MEDIUM', contactName: 'Pat Lee', contactPhone: '555-555-5555' },
        {
          lead: null,
          errors: [
            { __typename: 'UserError', field: ['contactPhone'], code: 'INVALID', message: 'Contact phone is not a valid phone number.' },
            { __typename: 'UserError', field: null, code: 'FORBIDDEN', message: 'Try again later.' },
          ],
        },
      ),
    ]);
    await fillContact('555-555-5555');

    const phone = screen.getByLabelText(/^Phone/);
    expect(await screen.findByText('Contact phone is not a valid phone number.')).toBeInTheDocument();
    expect(phone).toHaveAttribute('aria-invalid', 'true');
    expect(phone).toHaveAccessibleDescription(/Contact phone is not a valid phone number\./);
    expect(screen.getByLabelText(/^Contact name/)).toHaveAttribute('aria-invalid', 'false');
    expect(screen.getByRole('alert')).toHaveTextContent('Try again later.');
    // Still the form: nothing was created.
    expect(screen.getByRole('dialog', { name: 'New lead' })).toBeInTheDocument();
  });

  it('after creating, shows the score with its reasons, the auto-assignee and a link to the lead', async () => {
    renderDialog([
      createMock(
        { source: 'STORM_CANVASS', priority: 'MEDIUM', contactName: 'Pat Lee', contactPhone: '651-555-0101' },
        {
          errors: [],
          lead: {
            __typename: 'Lead',
            id: 'TGVhZDo5',
            contactName: 'Pat Lee',
            customer: null,
            status: 'NEW',
            score: 64,
            scoreFactors: [
              { __typename: 'ScoreFactor', factor: 'source_quality', points: 22, explanation: 'Storm canvass leads convert well' },
              { __typename: 'ScoreFactor', factor: 'aging', points: -2, explanation: 'Not contacted yet' },
            ],
            source: 'STORM_CANVASS',
            priority: 'MEDIUM',
            projectType: null,
            estimatedValue: null,
            propertyAddress: { __typename: 'Address', city: null },
            assignee: { __typename: 'User', id: 'VXNlcjoz', name: 'Riley Brooks' },
            updatedAt: '2026-11-22T10:00:00.000Z',
          },
        },
      ),
    ]);
    await fillContact('651-555-0101');

    const dialog = await screen.findByRole('dialog', { name: 'Lead created' });
    expect(within(dialog).getByText(/Riley Brooks/)).toBeInTheDocument();
    expect(within(dialog).getByText('Score 64 of 100. Why?')).toBeInTheDocument();
    const factors = within(dialog).getByRole('list', { name: 'Score factors' });
    expect(factors).toHaveTextContent('+22Source qualityStorm canvass leads convert well');
    expect(factors).toHaveTextContent('-2AgingNot contacted yet');
    expect(within(dialog).getByRole('link', { name: 'Open lead' })).toHaveAttribute('href', '/leads/TGVhZDo5');
  });

  it('preselects the customer the page was opened with', async () => {
    renderDialog(
      [
        {
          request: { query: LeadFormCustomerDocument, variables: { id: 'Q3VzdG9tZXI6MQ' } },
          result: {
            data: {
              customer: {
                __typename: 'Customer',
                id: 'Q3VzdG9tZXI6MQ',
                name: 'Dana Hansen',
                email: 'dana@example.com',
                phone: '+16125550142',
                address: { __typename: 'Address', street: '1208 Maple Ave', city: 'Minneapolis', state: 'MN', zip: '55401' },
              },
            },
          },
        },
      ],
      'Q3VzdG9tZXI6MQ',
    );

    expect(await screen.findByText('Dana Hansen')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Remove customer Dana Hansen' })).toBeInTheDocument();
    // The property defaults to the customer's address; contact fields are optional now.
    expect(screen.getByLabelText('Street')).toHaveValue('1208 Maple Ave');
    expect(screen.getByLabelText('Contact name')).toBeInTheDocument();
  });
});
