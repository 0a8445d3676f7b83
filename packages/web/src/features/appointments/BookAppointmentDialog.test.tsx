import { InMemoryCache } from '@apollo/client';
import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { configure, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { typePolicies } from '../../app/cachePolicies';
import { BookingContextDocument, CreateAppointmentDocument } from '../../gql/graphql';
import { BookAppointmentDialog } from './BookAppointmentDialog';
import { conflictError, meMock, riley, staffMock } from './testData';

// The first render of a page loads many modules: give slow (shared, busy) machines time.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(20_000);

const customer = { __typename: 'Customer', id: 'Q3VzdG9tZXI6MQ', name: 'Mai Swanson' } as const;
const start = new Date(2026, 10, 23, 10, 0);
const end = new Date(2026, 10, 23, 11, 0);
const taken = [new Date(2026, 10, 23, 10, 30), new Date(2026, 10, 23, 11, 30)] as const;

const contextMock: MockLink.MockedResponse = {
  request: {
    query: BookingContextDocument,
    variables: { customerId: customer.id, leadId: '', projectId: '', withCustomer: true, withLead: false, withProject: false },
  },
  result: { data: { customer } },
};

const createMock = (errors: object[]): MockLink.MockedResponse => ({
  request: {
    query: CreateAppointmentDocument,
    variables: {
      input: {
        customerId: customer.id,
        kind: 'INSPECTION',
        startsAt: start.toISOString(),
        endsAt: end.toISOString(),
        assigneeId: riley.id,
      },
    },
  },
  result: { data: { createAppointment: { __typename: 'AppointmentPayload', appointment: null, errors } } },
});

function renderDialog(mocks: MockLink.MockedResponse[], onClose = jest.fn()) {
  render(
    <MockedProvider mocks={[meMock('SALES'), staffMock, contextMock, ...mocks]} cache={new InMemoryCache({ typePolicies })}>
      <MemoryRouter>
        <BookAppointmentDialog customerId={customer.id} start={start} assigneeId={riley.id} onClose={onClose} />
      </MemoryRouter>
    </MockedProvider>,
  );
  return onClose;
}

describe('BookAppointmentDialog', () => {
  it('shows a double booking as the server’s message under the start time, in local time, and stays open', async () => {
    const onClose = renderDialog([createMock([conflictError('startsAt', ...taken)])]);

    expect(await screen.findByText('Mai Swanson')).toBeInTheDocument();
    expect(screen.getByLabelText('Date')).toHaveValue('2026-11-23');
    expect(screen.getByLabelText('Start time')).toHaveValue('10:00');
    await waitFor(() => expect(screen.getByLabelText('Attendee')).toHaveDisplayValue('Riley Brooks'));

    await userEvent.click(screen.getByRole('button', { name: 'Book' }));

    const startTime = screen.getByLabelText('Start time');
    await waitFor(() => expect(startTime).toHaveAttribute('aria-invalid', 'true'));
    expect(startTime).toHaveAccessibleDescription(
      'The assignee is already booked then (Mon, Nov 23, 10:30 AM to Mon, Nov 23, 11:30 AM).',
    );
    expect(screen.getByLabelText('Attendee')).toHaveAttribute('aria-invalid', 'false');
    expect(screen.getByLabelText('Duration')).toHaveAttribute('aria-invalid', 'false');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('shows refusals about fields it does not have above the form', async () => {
    renderDialog([
      createMock([{ __typename: 'UserError', field: ['leadId'], code: 'NOT_FOUND', message: 'No such lead of this customer.' }]),
    ]);
    await screen.findByText('Mai Swanson');
    await waitFor(() => expect(screen.getByLabelText('Attendee')).toHaveDisplayValue('Riley Brooks'));

    await userEvent.click(screen.getByRole('button', { name: 'Book' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('No such lead of this customer.');
  });

  it('asks for the date and time before sending', async () => {
    renderDialog([]);
    await screen.findByText('Mai Swanson');
    await userEvent.clear(screen.getByLabelText('Start time'));

    await userEvent.click(screen.getByRole('button', { name: 'Book' }));

    expect(screen.getByLabelText('Start time')).toHaveAccessibleDescription('Enter a date and a start time.');
  });
});
