import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  CreateApiKeyDocument,
  RevokeApiKeyDocument,
  RotateApiKeyDocument,
  UpdateApiKeyDocument,
} from '../../../gql/graphql';
import { ApiKeysSettings } from './ApiKeysSettings';
import { usageByDay } from './ApiUsageChart';
import { meMock, renderWithApi } from '../testUtils';
import { apiKey, apiKeysMock, usageMock } from './testData';

const user = userEvent.setup({ delay: null });
const SECRET = 'crmk_ef56gh78.s3cr3t-shown-once';

describe('ApiKeysSettings', () => {
  it('lists keys with their partner, scopes, state and last use', async () => {
    renderWithApi(<ApiKeysSettings />, [meMock('ADMIN'), apiKeysMock([apiKey(), apiKey({ id: 'QXBpS2V5OjI', name: 'ERP sync', partner: null, status: 'REVOKED', lastUsedAt: null, scopes: ['PARTNER_READ', 'REFERRALS_READ'] })])]);
    const row = (await screen.findByText('Lakes referral form')).closest('tr')!;
    expect(row).toHaveTextContent('crmk_ab12cd34…');
    expect(within(row).getByRole('link', { name: 'Lakes Realty' })).toHaveAttribute('href', '/partners/UGFydG5lcjox');
    expect(row).toHaveTextContent('referrals:write');
    expect(row).toHaveTextContent('from 203.0.113.7');
    expect(row).toHaveTextContent('Never'); // expiry
    const revoked = screen.getByText('ERP sync').closest('tr')!;
    expect(revoked).toHaveTextContent('Company');
    expect(revoked).toHaveTextContent('Revoked');
    // A revoked key can be looked at, not rotated or revoked again.
    expect(within(revoked).queryByRole('button', { name: 'Rotate ERP sync' })).not.toBeInTheDocument();
    expect(within(revoked).getByRole('button', { name: 'Usage of ERP sync' })).toBeInTheDocument();
  });

  it('creates a key and shows its secret once, with a copy button and a warning', async () => {
    const created = apiKey({ id: 'QXBpS2V5OjM', name: 'ERP sync', prefix: 'crmk_ef56gh78', partner: null, scopes: ['REFERRALS_READ'], lastUsedAt: null });
    renderWithApi(<ApiKeysSettings />, [
      meMock('ADMIN'),
      apiKeysMock([]),
      {
        request: {
          query: CreateApiKeyDocument,
          variables: {
            input: { name: 'ERP sync', scopes: ['REFERRALS_READ'], allowFreeFormQueries: true, rateLimitPerMinute: 120, costPerMinute: 20000 },
          },
        },
        result: { data: { createApiKey: { __typename: 'ApiKeySecretPayload', apiKey: created, secret: SECRET, errors: [] } } },
      },
    ]);
    expect(await screen.findByText('No API keys yet')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'New API key' }));
    const dialog = screen.getByRole('dialog', { name: 'New API key' });
    await user.type(within(dialog).getByLabelText('Name'), 'ERP sync');
    await user.click(within(dialog).getByRole('checkbox', { name: /partner:read/ }));
    await user.clear(within(dialog).getByLabelText('Requests per minute'));
    await user.type(within(dialog).getByLabelText('Requests per minute'), '120');
    await user.click(within(dialog).getByRole('checkbox', { name: /Allow free-form queries/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Create key' }));

    const secret = await screen.findByRole('dialog', { name: 'Key created: ERP sync' });
    expect(within(secret).getByLabelText('API key secret')).toHaveTextContent(SECRET);
    expect(within(secret).getByRole('alert')).toHaveTextContent('This is the only time it is shown');
    await user.click(within(secret).getByRole('button', { name: 'Copy' }));
    // user-event's clipboard stands in for the browser's.
    expect(await navigator.clipboard.readText()).toBe(SECRET);
    expect(await within(secret).findByText('Copied to the clipboard.')).toBeInTheDocument();

    await user.click(within(secret).getByRole('button', { name: 'I have stored it' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.queryByText(SECRET)).not.toBeInTheDocument();
  });

  it('edits a key’s name and scopes; the row shows them and the focus goes back to Edit', async () => {
    const update = jest.fn(() => ({
      data: {
        updateApiKey: {
          __typename: 'ApiKeyPayload',
          apiKey: apiKey({ name: 'Lakes web form', scopes: ['REFERRALS_WRITE', 'REFERRALS_READ'] }),
          errors: [],
        },
      },
    }));
    renderWithApi(<ApiKeysSettings />, [
      meMock('ADMIN'),
      apiKeysMock([apiKey()]),
      {
        request: {
          query: UpdateApiKeyDocument,
          // Only what changed is sent: limits, expiry and query mode stay.
          variables: { input: { id: 'QXBpS2V5OjE', name: 'Lakes web form', scopes: ['REFERRALS_WRITE', 'REFERRALS_READ'] } },
        },
        result: update,
      },
    ]);
    const edit = await screen.findByRole('button', { name: 'Edit Lakes referral form' });
    await user.click(edit);
    const dialog = screen.getByRole('dialog', { name: 'Edit API key' });
    const name = within(dialog).getByLabelText('Name');
    expect(name).toHaveValue('Lakes referral form');
    expect(name).toHaveFocus();
    expect(dialog).toHaveTextContent('acts for Lakes Realty');
    expect(within(dialog).getByRole('checkbox', { name: /referrals:write/ })).toBeChecked();
    expect(within(dialog).getByRole('checkbox', { name: /referrals:read/ })).not.toBeChecked();
    expect(within(dialog).getByLabelText('Requests per minute')).toHaveValue('60');

    await user.clear(name);
    await user.type(name, 'Lakes web form');
    await user.click(within(dialog).getByRole('checkbox', { name: /referrals:read/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(update).toHaveBeenCalledTimes(1);
    const row = screen.getByText('Lakes web form', { selector: 'strong' }).closest('tr')!;
    expect(row).toHaveTextContent('referrals:writereferrals:read');
    expect(screen.getByRole('status')).toHaveTextContent('Lakes web form is saved.');
    expect(within(row).getByRole('button', { name: 'Edit Lakes web form' })).toHaveFocus();
  });

  it('shows the server refusing a scope next to the scopes', async () => {
    renderWithApi(<ApiKeysSettings />, [
      meMock('ADMIN'),
      apiKeysMock([apiKey()]),
      {
        request: { query: UpdateApiKeyDocument, variables: { input: { id: 'QXBpS2V5OjE', scopes: ['REFERRALS_WRITE', 'WEBHOOKS_MANAGE'] } } },
        result: {
          data: {
            updateApiKey: {
              __typename: 'ApiKeyPayload',
              apiKey: null,
              errors: [{ __typename: 'UserError', field: ['scopes'], code: 'INVALID', message: 'This partner may not manage webhooks.' }],
            },
          },
        },
      },
    ]);
    await user.click(await screen.findByRole('button', { name: 'Edit Lakes referral form' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit API key' });
    await user.click(within(dialog).getByRole('checkbox', { name: /webhooks:manage/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    const scopes = within(dialog).getByRole('group', { name: 'Scopes' });
    expect(await within(scopes).findByText('This partner may not manage webhooks.')).toBeInTheDocument();
  });

  it('asks for at least one scope', async () => {
    renderWithApi(<ApiKeysSettings />, [meMock('ADMIN'), apiKeysMock([])]);
    await user.click(await screen.findByRole('button', { name: 'New API key' }));
    const dialog = screen.getByRole('dialog', { name: 'New API key' });
    await user.type(within(dialog).getByLabelText('Name'), 'ERP sync');
    await user.click(within(dialog).getByRole('checkbox', { name: /partner:read/ }));
    await user.click(within(dialog).getByRole('checkbox', { name: /referrals:read/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Create key' }));
    expect(within(dialog).getByText('Choose at least one scope.')).toBeInTheDocument();
  });

  it('rotates a key with grace minutes and shows the new secret once', async () => {
    renderWithApi(<ApiKeysSettings />, [
      meMock('ADMIN'),
      apiKeysMock([apiKey()]),
      {
        request: { query: RotateApiKeyDocument, variables: { id: 'QXBpS2V5OjE', graceMinutes: 30 } },
        result: {
          data: {
            rotateApiKey: {
              __typename: 'ApiKeySecretPayload',
              apiKey: apiKey({ previousSecretValidUntil: '2026-11-22T10:30:00.000Z' }),
              secret: SECRET,
              errors: [],
            },
          },
        },
      },
    ]);
    await user.click(await screen.findByRole('button', { name: 'Rotate Lakes referral form' }));
    const dialog = screen.getByRole('dialog', { name: 'Rotate Lakes referral form?' });
    const grace = within(dialog).getByLabelText('Old secret keeps working for (minutes)');
    await user.clear(grace);
    await user.type(grace, '30');
    await user.click(within(dialog).getByRole('button', { name: 'Rotate key' }));
    const secret = await screen.findByRole('dialog', { name: 'New secret for Lakes referral form' });
    expect(within(secret).getByLabelText('API key secret')).toHaveTextContent(SECRET);
    expect(secret).toHaveTextContent('The previous secret keeps working until');
  });

  it('revokes a key after confirmation', async () => {
    const revoke = jest.fn(() => ({
      data: { revokeApiKey: { __typename: 'ApiKeyPayload', apiKey: apiKey({ status: 'REVOKED', revokedAt: '2026-11-22T10:00:00.000Z' }), errors: [] } },
    }));
    renderWithApi(<ApiKeysSettings />, [
      meMock('ADMIN'),
      apiKeysMock([apiKey()]),
      { request: { query: RevokeApiKeyDocument, variables: { id: 'QXBpS2V5OjE' } }, result: revoke },
    ]);
    await user.click(await screen.findByRole('button', { name: 'Revoke Lakes referral form' }));
    const dialog = screen.getByRole('dialog', { name: 'Revoke Lakes referral form?' });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Revoke key' }));
    await waitFor(() => expect(revoke).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('charts a key’s requests and errors per day', async () => {
    const today = new Date().toISOString().slice(0, 10);
    renderWithApi(<ApiKeysSettings />, [
      meMock('ADMIN'),
      apiKeysMock([apiKey()]),
      usageMock([{ day: today, count: 40, errors: 12 }], 'QXBpS2V5OjE'),
    ]);
    await user.click(await screen.findByRole('button', { name: 'Usage of Lakes referral form' }));
    const dialog = screen.getByRole('dialog', { name: 'Usage of Lakes referral form' });
    expect(await within(dialog).findByText(/in the last 30 days/)).toHaveTextContent('40 requests, 12 with errors, in the last 30 days');
    const bars = within(dialog).getByRole('list', { name: 'Requests per day' });
    expect(within(bars).getAllByRole('listitem')).toHaveLength(30);
    expect(bars).toHaveTextContent('40 requests, 12 errors');
  });
});

describe('usageByDay', () => {
  it('puts the daily totals on the last 30 days, oldest first, empty days as zero', () => {
    const days = usageByDay(
      [
        { __typename: 'ApiUsageDay', day: '2026-11-22', count: 0, errors: 0 },
        { __typename: 'ApiUsageDay', day: '2026-11-20', count: 5, errors: 1 },
      ],
      new Date('2026-11-22T12:00:00Z'),
    );
    expect(days).toHaveLength(30);
    expect(days[0]!.day).toBe('2026-10-24');
    expect(days[27]).toEqual({ day: '2026-11-20', requests: 5, errors: 1 });
    expect(days[29]).toEqual({ day: '2026-11-22', requests: 0, errors: 0 });
  });
});
