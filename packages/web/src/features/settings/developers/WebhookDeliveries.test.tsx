import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RedeliverWebhookDocument } from '../../../gql/graphql';
import { meMock, renderWithApi, userError } from '../testUtils';
import { deliveriesMock, delivery, endpoint, endpointsMock } from './testData';
import { WebhooksSettings } from './WebhooksSettings';

const user = userEvent.setup({ delay: null });

const pending = delivery({
  id: 'V2ViaG9va0RlbGl2ZXJ5OjI',
  eventId: 'evt_1843',
  eventType: 'lead.updated',
  status: 'PENDING',
  attempts: 1,
  nextAttemptAt: '2026-11-20T11:00:00.000Z',
  attemptLog: [
    { __typename: 'WebhookAttempt', number: 1, at: '2026-11-20T10:30:00.000Z', statusCode: 500, latencyMs: 87, responseExcerpt: 'oops', error: null, succeeded: false },
  ],
});

async function openDeliveries() {
  await user.click(await screen.findByRole('button', { name: 'Deliveries to https://erp.example.com/hooks/crm' }));
  const dialog = screen.getByRole('dialog', { name: 'Deliveries to https://erp.example.com/hooks/crm' });
  await within(dialog).findByText('evt_1842');
  return dialog;
}

describe('an endpoint’s deliveries', () => {
  it('shows each delivery’s event, status, attempts and last answer, and more on request', async () => {
    renderWithApi(<WebhooksSettings />, [
      meMock('ADMIN'),
      endpointsMock([endpoint()]),
      deliveriesMock([delivery(), pending], { next: 'c_2', total: 3 }),
      deliveriesMock([delivery({ id: 'V2ViaG9va0RlbGl2ZXJ5OjM', eventId: 'evt_1700', status: 'SUCCEEDED', attempts: 1, attemptLog: [] })], {
        after: 'c_2',
        total: 3,
      }),
    ]);
    const dialog = await openDeliveries();
    const dead = within(dialog).getByText('evt_1842').closest('tr')!;
    expect(dead).toHaveTextContent('lead.created');
    expect(dead).toHaveTextContent('Dead');
    // The newest attempt: 503 after 1,240 ms.
    expect(dead).toHaveTextContent('503 in 1,240 ms');
    const next = within(dialog).getByText('evt_1843').closest('tr')!;
    expect(next).toHaveTextContent('Pending');
    expect(next).toHaveTextContent('500 in 87 ms');
    expect(next).not.toHaveTextContent('—'); // its next attempt is shown

    await user.click(within(dialog).getByRole('button', { name: 'Load more' }));
    expect(await within(dialog).findByText('evt_1700')).toBeInTheDocument();
    expect(within(dialog).getByText('evt_1842')).toBeInTheDocument();
  });

  it('expands a delivery to its attempt log and payload', async () => {
    renderWithApi(<WebhooksSettings />, [meMock('ADMIN'), endpointsMock([endpoint()]), deliveriesMock([delivery()])]);
    const dialog = await openDeliveries();
    const toggle = within(dialog).getByRole('button', { name: 'Details of evt_1842' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const attempts = within(dialog).getByRole('table', { name: 'Attempts of evt_1842' });
    const rows = within(attempts).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual(['2', '1']);
    expect(rows[0]).toHaveTextContent('503');
    expect(rows[0]).toHaveTextContent('Service Unavailable');
    expect(rows[1]).toHaveTextContent('No answer');
    expect(rows[1]).toHaveTextContent('timeout after 10 s');
    expect(within(dialog).getByLabelText('Payload of evt_1842')).toHaveTextContent('"type": "lead.created"');

    await user.click(toggle);
    expect(within(dialog).queryByRole('table', { name: 'Attempts of evt_1842' })).not.toBeInTheDocument();
  });

  it('redelivers a delivery, and says why when the server refuses', async () => {
    const redeliver = jest.fn(() => ({
      data: { redeliverWebhook: { __typename: 'WebhookDeliveryPayload', delivery: delivery({ status: 'PENDING', attempts: 0 }), errors: [] } },
    }));
    const refused = jest.fn(() => ({
      data: {
        redeliverWebhook: {
          __typename: 'WebhookDeliveryPayload',
          delivery: null,
          errors: [userError(['deliveryId'], 'INVALID', 'The endpoint is disabled; turn it on first.')],
        },
      },
    }));
    renderWithApi(<WebhooksSettings />, [
      meMock('ADMIN'),
      endpointsMock([endpoint()]),
      deliveriesMock([delivery(), pending]),
      { request: { query: RedeliverWebhookDocument, variables: { deliveryId: 'V2ViaG9va0RlbGl2ZXJ5OjE' } }, result: redeliver },
      { request: { query: RedeliverWebhookDocument, variables: { deliveryId: 'V2ViaG9va0RlbGl2ZXJ5OjI' } }, result: refused },
    ]);
    const dialog = await openDeliveries();
    await user.click(within(dialog).getByRole('button', { name: 'Redeliver evt_1842' }));
    await waitFor(() => expect(redeliver).toHaveBeenCalledTimes(1));
    expect(await within(dialog).findByText('evt_1842 is sent again now, with the same event id and body.')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Redeliver evt_1843' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The endpoint is disabled; turn it on first.');
  });
});
