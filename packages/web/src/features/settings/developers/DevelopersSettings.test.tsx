import { screen, within } from '@testing-library/react';
import { meMock, renderWithApi } from '../testUtils';
import SettingsPage from '../SettingsPage';
import { apiKey, apiKeysMock, endpoint, endpointsMock, usageMock } from './testData';

describe('Settings → Developers', () => {
  it('brings together the links, the API keys, their use per day and the webhook endpoints', async () => {
    const today = new Date().toISOString().slice(0, 10);
    renderWithApi(
      <SettingsPage />,
      [
        meMock('ADMIN'),
        apiKeysMock([apiKey()]),
        usageMock([{ day: today, count: 42, errors: 2 }]),
        endpointsMock([endpoint()]),
      ],
      { path: '/settings/developers', pattern: '/settings/*' },
    );
    expect(await screen.findByRole('heading', { name: 'Developers' })).toBeInTheDocument();
    const ide = screen.getByRole('link', { name: /GraphQL IDE/ });
    expect(ide).toHaveAttribute('href', '/graphql');
    expect(ide).toHaveAttribute('target', '_blank');
    expect(screen.getByRole('link', { name: /Download the schema/ })).toHaveAttribute('href', '/graphql/schema.graphql');
    expect(screen.getByRole('link', { name: /partners’ schema/ })).toHaveAttribute('href', '/graphql/schema.graphql?audience=partner');
    expect(screen.getByText('docs/partners.md')).toBeInTheDocument();
    expect(screen.getByText('docs/webhooks.md')).toBeInTheDocument();

    expect(screen.getByRole('heading', { name: 'API keys' })).toBeInTheDocument();
    expect(await screen.findByText('Lakes referral form')).toBeInTheDocument();

    // Usage across every key, by day.
    const usage = screen.getByRole('region', { name: 'API usage' });
    expect(await within(usage).findByText(/in the last 30 days/)).toHaveTextContent('42 requests, 2 with errors');
    expect(within(within(usage).getByRole('list', { name: 'Requests per day' })).getAllByRole('listitem')).toHaveLength(30);

    expect(screen.getByRole('heading', { name: 'Webhook endpoints' })).toBeInTheDocument();
    expect(await screen.findByText('https://erp.example.com/hooks/crm')).toBeInTheDocument();
  });
});
