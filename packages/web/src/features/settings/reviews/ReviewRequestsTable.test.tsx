import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { dateTimeLabel } from '../../../lib/format';
import { meMock, renderWithApi } from '../testUtils';
import { ReviewRequestsTable } from './ReviewRequestsTable';
import { requestsMock, reviewRequest } from './testData';

const answered = reviewRequest({
  status: 'ANSWERED',
  answeredAt: '2026-11-21T09:00:00.000Z',
  rating: 4,
  referralCount: 2,
  remindersSent: 0,
  customer: { __typename: 'Customer', id: 'Q3VzdG9tZXI6Nw', name: 'Chris Olson' },
  project: { __typename: 'Project', id: 'UHJvamVjdDo3', name: 'Olson – gutters' },
});
const notSent = reviewRequest({
  status: 'NOT_SENT',
  channel: null,
  sentAt: null,
  remindersSent: 0,
  notSentReason: 'The customer has no e-mail or phone with consent.',
  customer: { __typename: 'Customer', id: 'Q3VzdG9tZXI6OA', name: 'Pat Nguyen' },
});
const scheduled = reviewRequest({ status: 'SCHEDULED', channel: 'SMS', sentAt: null, remindersSent: 0, sendAt: '2026-12-07T15:00:00.000Z' });
const expired = reviewRequest({ status: 'EXPIRED', remindersSent: 2, project: null });
const cancelled = reviewRequest({
  status: 'CANCELLED',
  sentAt: null,
  remindersSent: 0,
  cancelReason: 'PROJECT_DELETED',
  cancelledAt: '2026-11-21T16:30:00.000Z',
  customer: { __typename: 'Customer', id: 'Q3VzdG9tZXI6OQ', name: 'Lee Park' },
});

const row = (name: string) => screen.getByRole('row', { name: new RegExp(name) });

describe('ReviewRequestsTable', () => {
  it('shows each request’s customer, project, channel, status with the reason it was not sent, reminders and rating', async () => {
    renderWithApi(<ReviewRequestsTable />, [meMock('MANAGER'), requestsMock([answered, notSent, scheduled, expired, cancelled])], {
      routes: { '/projects/:id': <h1>Project page</h1> },
    });
    const table = await screen.findByRole('table', { name: 'Recent review requests' });
    expect(within(table).getAllByRole('row')).toHaveLength(6);

    const chris = row('Chris Olson');
    expect(within(chris).getByText('Answered')).toBeInTheDocument();
    expect(within(chris).getByText('E-mail')).toBeInTheDocument();
    expect(within(chris).getByRole('img', { name: '4 of 5 stars' })).toBeInTheDocument();
    expect(within(chris).getByText('2 neighbours referred')).toBeInTheDocument();

    const pat = row('Pat Nguyen');
    expect(within(pat).getByText('Not sent')).toBeInTheDocument();
    expect(within(pat).getByText('The customer has no e-mail or phone with consent.')).toBeInTheDocument();

    const due = within(table).getAllByRole('row')[3]!;
    expect(within(due).getByText('Scheduled')).toBeInTheDocument();
    expect(within(due).getByText('SMS')).toBeInTheDocument();
    expect(within(due).getByText(/^Due /)).toBeInTheDocument();

    const gone = within(table).getAllByRole('row')[4]!;
    expect(within(gone).getByText('Expired')).toBeInTheDocument();
    expect(within(gone).getByRole('cell', { name: '2' })).toBeInTheDocument();
    expect(within(gone).queryByRole('link')).not.toBeInTheDocument();

    const lee = row('Lee Park');
    expect(within(lee).getByText('Cancelled')).toBeInTheDocument();
    expect(within(lee).getByText('The project was moved to the trash before it went out.')).toBeInTheDocument();
    expect(within(lee).getByText(`Cancelled ${dateTimeLabel('2026-11-21T16:30:00.000Z')}`)).toBeInTheDocument();

    await userEvent.click(within(chris).getByRole('link', { name: 'Olson – gutters' }));
    expect(screen.getByTestId('location')).toHaveTextContent('/projects/UHJvamVjdDo3');
  });

  it('loads the next page after the last cursor and narrows by status', async () => {
    const more = reviewRequest({ customer: { __typename: 'Customer', id: 'Q3VzdG9tZXI6OQ', name: 'Robin Diaz' } });
    renderWithApi(<ReviewRequestsTable />, [
      meMock('ADMIN'),
      requestsMock([answered, notSent], { next: 'page-2', total: 3 }),
      requestsMock([more], { after: 'page-2', total: 3 }),
      requestsMock([notSent], { filter: { statuses: ['NOT_SENT'] } }),
    ]);
    await screen.findByRole('table', { name: 'Recent review requests' });
    expect(screen.getByText('2 of 3 requests')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByRole('row', { name: /Robin Diaz/ })).toBeInTheDocument();
    expect(row('Chris Olson')).toBeInTheDocument();
    expect(screen.getByText('3 of 3 requests')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();

    await userEvent.selectOptions(screen.getByLabelText('Status'), 'NOT_SENT');
    expect(await screen.findByText('1 of 1 requests')).toBeInTheDocument();
    expect(row('Pat Nguyen')).toBeInTheDocument();
    expect(screen.queryByRole('row', { name: /Chris Olson/ })).not.toBeInTheDocument();
  });

  it('narrows to cancelled requests', async () => {
    renderWithApi(<ReviewRequestsTable />, [meMock('ADMIN'), requestsMock([answered]), requestsMock([cancelled], { filter: { statuses: ['CANCELLED'] } })]);
    await screen.findByRole('table', { name: 'Recent review requests' });
    await userEvent.selectOptions(screen.getByLabelText('Status'), 'CANCELLED');
    expect(await screen.findByRole('row', { name: /Lee Park/ })).toBeInTheDocument();
    expect(screen.queryByRole('row', { name: /Chris Olson/ })).not.toBeInTheDocument();
  });

  it('says when there is no request with the chosen status', async () => {
    renderWithApi(<ReviewRequestsTable />, [
      meMock('ADMIN'),
      requestsMock([answered]),
      requestsMock([], { filter: { statuses: ['EXPIRED'] } }),
    ]);
    await screen.findByRole('table', { name: 'Recent review requests' });
    await userEvent.selectOptions(screen.getByLabelText('Status'), 'EXPIRED');
    expect(await screen.findByText('No review requests with the status “Expired”.')).toBeInTheDocument();
  });
});
