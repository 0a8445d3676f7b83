import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  CreateWebhookEndpointDocument,
  DeleteWebhookEndpointDocument,
  PartnerPickerSearchDocument,
  RotateWebhookSecretDocument,
  SendTestWebhookDocument,
  UpdateWebhookEndpointDocument,
  type CreateWebhookEndpointInput,
  type CreateWebhookEndpointMutation,
} from '../../../gql/graphql';
import { mocked, type Unmask } from '../../../test/fixtures';
import { meMock, renderWithApi, userError } from '../testUtils';
import { delivery, endpoint, endpointsMock, eventTypesMock } from './testData';
import { WebhooksSettings } from './WebhooksSettings';

const user = userEvent.setup({ delay: null });
const SECRET = 'whsec_cd34ZmFrZS1zaWduaW5nLXNlY3JldA';
const ID = 'V2ViaG9va0VuZHBvaW50OjE';

const lakes = {
  __typename: 'Partner',
  id: 'UGFydG5lcjox',
  name: 'Lakes Realty',
  kind: 'REALTOR',
  contacts: [],
} as const;

const partnerSearchMock = {
  request: { query: PartnerPickerSearchDocument, variables: { search: 'lakes' } },
  result: { data: { partners: { __typename: 'PartnerConnection', edges: [{ __typename: 'PartnerEdge', node: lakes }] } } },
};

type SecretPayload = Unmask<CreateWebhookEndpointMutation>['createWebhookEndpoint'];
const createMock = (input: CreateWebhookEndpointInput, payload: Partial<SecretPayload>) =>
  mocked(
    CreateWebhookEndpointDocument,
    { createWebhookEndpoint: { __typename: 'WebhookSecretPayload', endpoint: null, secret: null, errors: [], ...payload } },
    { variables: { input } },
  );

const eventBoxes = (dialog: HTMLElement) =>
  within(within(dialog).getByRole('group', { name: 'Events' }))
    .getAllByRole('checkbox')
    .map((c) => c.closest('label')!.querySelector('code')!.textContent);

async function openCreate() {
  await user.click(await screen.findByRole('button', { name: 'New endpoint' }));
  const dialog = screen.getByRole('dialog', { name: 'New webhook endpoint' });
  await within(dialog).findByRole('checkbox', { name: /lead\.created/ });
  return dialog;
}

describe('WebhooksSettings', () => {
  it('lists endpoints with their events, state, failures in a row and secret prefix', async () => {
    renderWithApi(<WebhooksSettings />, [
      meMock('ADMIN'),
      endpointsMock([
        endpoint({ consecutiveFailures: 2 }),
        endpoint({
          id: 'V2ViaG9va0VuZHBvaW50OjI',
          url: 'https://lakes.example.com/crm',
          description: null,
          partnerId: 'UGFydG5lcjox',
          eventTypes: ['referral.updated'],
          active: false,
          disabledReason: 'Disabled after 15 failed deliveries in a row.',
          consecutiveFailures: 15,
          secretPrefix: 'whsec_zz99',
        }),
      ]),
    ]);
    const row = (await screen.findByText('https://erp.example.com/hooks/crm')).closest('tr')!;
    expect(row).toHaveTextContent('ERP lead sync');
    expect(row).toHaveTextContent('Company');
    expect(row).toHaveTextContent('lead.createdlead.updated');
    expect(row).toHaveTextContent('Active');
    expect(row).toHaveTextContent('2 failures in a row');
    expect(row).toHaveTextContent('whsec_ab12…');
    expect(within(row).getByRole('button', { name: 'Disable https://erp.example.com/hooks/crm' })).toBeInTheDocument();

    const disabled = screen.getByText('https://lakes.example.com/crm').closest('tr')!;
    expect(within(disabled).getByRole('link', { name: 'Partner' })).toHaveAttribute('href', '/partners/UGFydG5lcjox');
    expect(disabled).toHaveTextContent('Disabled');
    expect(disabled).toHaveTextContent('Disabled after 15 failed deliveries in a row.');
    expect(disabled).toHaveTextContent('referral.updated');
    // A disabled endpoint is enabled again, not sent test events.
    expect(within(disabled).getByRole('button', { name: 'Enable https://lakes.example.com/crm' })).toBeInTheDocument();
    expect(within(disabled).getByRole('button', { name: 'Send a test event to https://lakes.example.com/crm' })).toBeDisabled();
  });

  it('creates a company endpoint and shows its signing secret once', async () => {
    const created = endpoint({ id: 'V2ViaG9va0VuZHBvaW50OjM', url: 'https://erp.example.com/new', eventTypes: ['lead.created', 'project.updated'] });
    renderWithApi(<WebhooksSettings />, [
      meMock('ADMIN'),
      endpointsMock([]),
      eventTypesMock(),
      createMock(
        { url: 'https://erp.example.com/new', description: 'New sync', eventTypes: ['lead.created', 'project.updated'] },
        { endpoint: created, secret: SECRET },
      ),
    ]);
    expect(await screen.findByText('No webhook endpoints yet')).toBeInTheDocument();
    const dialog = await openCreate();
    // A company endpoint is offered the staff events only.
    expect(eventBoxes(dialog)).toEqual(['lead.created', 'lead.updated', 'project.updated', 'partner.updated']);
    await user.type(within(dialog).getByLabelText('URL'), 'https://erp.example.com/new');
    await user.type(within(dialog).getByLabelText('Description'), 'New sync');
    await user.click(within(dialog).getByRole('checkbox', { name: /lead\.created/ }));
    await user.click(within(dialog).getByRole('checkbox', { name: /project\.updated/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Create endpoint' }));

    const secret = await screen.findByRole('dialog', { name: 'Endpoint created: https://erp.example.com/new' });
    expect(within(secret).getByLabelText('Webhook signing secret')).toHaveTextContent(SECRET);
    expect(within(secret).getByRole('alert')).toHaveTextContent('Copy the signing secret now. This is the only time it is shown');
    expect(secret).toHaveTextContent('webhook-signature');
    await user.click(within(secret).getByRole('button', { name: 'I have stored it' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.queryByText(SECRET)).not.toBeInTheDocument();
  });

  it('offers a partner endpoint the referral events only, and sends the partner', async () => {
    renderWithApi(<WebhooksSettings />, [
      meMock('ADMIN'),
      endpointsMock([]),
      eventTypesMock(),
      partnerSearchMock,
      createMock(
        { url: 'https://lakes.example.com/crm', eventTypes: ['referral.created'], partnerId: 'UGFydG5lcjox' },
        { endpoint: endpoint({ url: 'https://lakes.example.com/crm', partnerId: 'UGFydG5lcjox' }), secret: SECRET },
      ),
    ]);
    const dialog = await openCreate();
    await user.click(within(dialog).getByRole('checkbox', { name: /lead\.created/ }));
    await user.type(within(dialog).getByRole('combobox', { name: 'Partner (optional)' }), 'lakes');
    await user.click(await screen.findByRole('option', { name: /Lakes Realty/ }));
    expect(eventBoxes(dialog)).toEqual(['referral.created', 'referral.updated']);
    // The company events chosen before do not carry over.
    expect(within(dialog).getByRole('checkbox', { name: /referral\.created/ })).not.toBeChecked();
    await user.type(within(dialog).getByLabelText('URL'), 'https://lakes.example.com/crm');
    await user.click(within(dialog).getByRole('checkbox', { name: /referral\.created/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Create endpoint' }));
    expect(await screen.findByRole('dialog', { name: 'Endpoint created: https://lakes.example.com/crm' })).toBeInTheDocument();
  });

  it('asks for an address and an event, and shows the server’s refusals next to their fields', async () => {
    renderWithApi(<WebhooksSettings />, [
      meMock('ADMIN'),
      endpointsMock([]),
      eventTypesMock(),
      createMock(
        { url: 'https://10.0.0.5/hook', eventTypes: ['lead.created'] },
        {
          errors: [
            userError(['url'], 'INVALID', 'The address is private; use a public one.'),
            userError(['eventTypes'], 'INVALID', 'lead.deleted is not one of your events.'),
            userError(null, 'FORBIDDEN', 'Webhooks are turned off.'),
          ],
        },
      ),
    ]);
    const dialog = await openCreate();
    await user.click(within(dialog).getByRole('button', { name: 'Create endpoint' }));
    expect(within(dialog).getByText('Enter the full address, starting with https://.')).toBeInTheDocument();
    expect(within(dialog).getByText('Choose at least one event.')).toBeInTheDocument();

    await user.type(within(dialog).getByLabelText('URL'), 'https://10.0.0.5/hook');
    await user.click(within(dialog).getByRole('checkbox', { name: /lead\.created/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Create endpoint' }));
    const url = within(dialog).getByLabelText('URL');
    await waitFor(() => expect(url).toHaveAccessibleDescription(expect.stringContaining('The address is private; use a public one.')));
    expect(url).toHaveAttribute('aria-invalid', 'true');
    expect(within(within(dialog).getByRole('group', { name: 'Events' })).getByText('lead.deleted is not one of your events.')).toBeInTheDocument();
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Webhooks are turned off.');
  });

  it('edits an endpoint’s URL and events; the row shows the saved values and the focus goes back to Edit', async () => {
    const update = jest.fn(() => ({
      data: {
        updateWebhookEndpoint: {
          __typename: 'WebhookEndpointPayload',
          endpoint: endpoint({ url: 'https://erp.example.com/v2/hooks', eventTypes: ['lead.created', 'lead.updated', 'project.updated'] }),
          errors: [],
        },
      },
    }));
    renderWithApi(<WebhooksSettings />, [
      meMock('ADMIN'),
      endpointsMock([endpoint()]),
      eventTypesMock(),
      {
        request: {
          query: UpdateWebhookEndpointDocument,
          // Only what changed is sent: the description stays as it was.
          variables: { input: { id: ID, url: 'https://erp.example.com/v2/hooks', eventTypes: ['lead.created', 'lead.updated', 'project.updated'] } },
        },
        result: update,
      },
    ]);
    const edit = await screen.findByRole('button', { name: 'Edit https://erp.example.com/hooks/crm' });
    await user.click(edit);
    const dialog = screen.getByRole('dialog', { name: 'Edit webhook endpoint' });
    const url = within(dialog).getByLabelText('URL');
    expect(url).toHaveValue('https://erp.example.com/hooks/crm');
    expect(url).toHaveFocus();
    expect(within(dialog).getByLabelText('Description')).toHaveValue('ERP lead sync');
    expect(await within(dialog).findByRole('checkbox', { name: /lead\.created/ })).toBeChecked();
    expect(within(dialog).getByRole('checkbox', { name: /lead\.updated/ })).toBeChecked();
    // The partner events are not offered to a company endpoint.
    expect(eventBoxes(dialog)).toEqual(['lead.created', 'lead.updated', 'project.updated', 'partner.updated']);

    await user.clear(url);
    await user.type(url, 'https://erp.example.com/v2/hooks');
    await user.click(within(dialog).getByRole('checkbox', { name: /project\.updated/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(update).toHaveBeenCalledTimes(1);
    const row = screen.getByText('https://erp.example.com/v2/hooks', { selector: 'strong' }).closest('tr')!;
    expect(row).toHaveTextContent('lead.createdlead.updatedproject.updated');
    expect(screen.getByRole('status')).toHaveTextContent('https://erp.example.com/v2/hooks is saved.');
    expect(within(row).getByRole('button', { name: 'Edit https://erp.example.com/v2/hooks' })).toHaveFocus();
  });

  it('shows the server refusing a new URL next to the URL field, and keeps the endpoint as it was', async () => {
    renderWithApi(<WebhooksSettings />, [
      meMock('ADMIN'),
      endpointsMock([endpoint()]),
      eventTypesMock(),
      mocked(
        UpdateWebhookEndpointDocument,
        {
          updateWebhookEndpoint: {
            __typename: 'WebhookEndpointPayload',
            endpoint: null,
            errors: [userError(['url'], 'INVALID', 'The URL points at a private address.')],
          },
        },
        { variables: { input: { id: ID, url: 'https://10.0.0.5/hook' } } },
      ),
    ]);
    const edit = await screen.findByRole('button', { name: 'Edit https://erp.example.com/hooks/crm' });
    await user.click(edit);
    const dialog = screen.getByRole('dialog', { name: 'Edit webhook endpoint' });
    const url = within(dialog).getByLabelText('URL');
    await user.clear(url);
    await user.type(url, 'https://10.0.0.5/hook');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(url).toHaveAccessibleDescription(expect.stringContaining('The URL points at a private address.')));
    expect(url).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(url).toHaveFocus());
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByText('https://erp.example.com/hooks/crm')).toBeInTheDocument();
    expect(edit).toHaveFocus();
  });

  it('rotates the signing secret with grace minutes and shows the new one once', async () => {
    renderWithApi(<WebhooksSettings />, [
      meMock('ADMIN'),
      endpointsMock([endpoint()]),
      mocked(
        RotateWebhookSecretDocument,
        {
          rotateWebhookSecret: {
            __typename: 'WebhookSecretPayload',
            endpoint: endpoint({ secretPrefix: 'whsec_cd34', previousSecretValidUntil: '2026-11-22T10:30:00.000Z' }),
            secret: SECRET,
            errors: [],
          },
        },
        { variables: { id: ID, graceMinutes: 30 } },
      ),
    ]);
    await user.click(await screen.findByRole('button', { name: 'Rotate the secret of https://erp.example.com/hooks/crm' }));
    const dialog = screen.getByRole('dialog', { name: 'Rotate the signing secret?' });
    const grace = within(dialog).getByLabelText('Old secret keeps working for (minutes)');
    expect(grace).toHaveValue('1440');
    await user.clear(grace);
    await user.type(grace, '30');
    await user.click(within(dialog).getByRole('button', { name: 'Rotate secret' }));
    const secret = await screen.findByRole('dialog', { name: 'New signing secret for https://erp.example.com/hooks/crm' });
    expect(within(secret).getByLabelText('Webhook signing secret')).toHaveTextContent(SECRET);
    expect(secret).toHaveTextContent('Deliveries are signed with the previous secret too until');
    await user.click(within(secret).getByRole('button', { name: 'I have stored it' }));
    expect(await screen.findByText('whsec_cd34…')).toBeInTheDocument();
  });

  it('disables an endpoint and enables it again', async () => {
    const disable = jest.fn(() => ({
      data: { updateWebhookEndpoint: { __typename: 'WebhookEndpointPayload', endpoint: endpoint({ active: false, disabledReason: 'Disabled by hand.' }), errors: [] } },
    }));
    const enable = jest.fn(() => ({
      data: { updateWebhookEndpoint: { __typename: 'WebhookEndpointPayload', endpoint: null, errors: [userError(['active'], 'INVALID', 'The URL no longer passes the checks.')] } },
    }));
    renderWithApi(<WebhooksSettings />, [
      meMock('ADMIN'),
      endpointsMock([endpoint()]),
      { request: { query: UpdateWebhookEndpointDocument, variables: { input: { id: ID, active: false } } }, result: disable },
      { request: { query: UpdateWebhookEndpointDocument, variables: { input: { id: ID, active: true } } }, result: enable },
    ]);
    await user.click(await screen.findByRole('button', { name: 'Disable https://erp.example.com/hooks/crm' }));
    await waitFor(() => expect(disable).toHaveBeenCalledTimes(1));
    expect(await screen.findByRole('status')).toHaveTextContent('is disabled: no events are sent to it');
    const row = screen.getByText('https://erp.example.com/hooks/crm').closest('tr')!;
    expect(row).toHaveTextContent('Disabled by hand.');

    await user.click(within(row).getByRole('button', { name: 'Enable https://erp.example.com/hooks/crm' }));
    // A refusal is said above the list.
    expect(await screen.findByRole('alert')).toHaveTextContent('The URL no longer passes the checks.');
    expect(enable).toHaveBeenCalledTimes(1);
  });

  it('sends a test event', async () => {
    renderWithApi(<WebhooksSettings />, [
      meMock('ADMIN'),
      endpointsMock([endpoint()]),
      mocked(
        SendTestWebhookDocument,
        { sendTestWebhook: { __typename: 'WebhookDeliveryPayload', delivery: delivery({ id: 'V2ViaG9va0RlbGl2ZXJ5Ojk', eventId: 'evt_test_9', eventType: 'webhook.test', status: 'PENDING', attempts: 0, attemptLog: [] }), errors: [] } },
        { variables: { endpointId: ID } },
      ),
    ]);
    await user.click(await screen.findByRole('button', { name: 'Send a test event to https://erp.example.com/hooks/crm' }));
    expect(await screen.findByText(/A webhook\.test event \(evt_test_9\) is on its way/)).toBeInTheDocument();
  });

  it('deletes an endpoint after confirmation', async () => {
    const remove = jest.fn(() => ({
      data: { deleteWebhookEndpoint: { __typename: 'WebhookEndpointPayload', endpoint: { __typename: 'WebhookEndpoint', id: ID }, errors: [] } },
    }));
    renderWithApi(<WebhooksSettings />, [
      meMock('ADMIN'),
      endpointsMock([endpoint()]),
      { request: { query: DeleteWebhookEndpointDocument, variables: { id: ID } }, result: remove },
    ]);
    await user.click(await screen.findByRole('button', { name: 'Delete https://erp.example.com/hooks/crm' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete this webhook endpoint?' });
    expect(dialog).toHaveTextContent('its delivery log is removed');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Delete endpoint' }));
    await waitFor(() => expect(remove).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });
});
