import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SettingsMessagesDocument } from '../../gql/graphql';
import { MessagesSettings } from './MessagesSettings';
import { meMock, renderWithApi } from './testUtils';

const node = (over: Record<string, unknown>) => ({
  __typename: 'Message',
  id: 'm1',
  channel: 'EMAIL',
  purpose: 'REVIEW',
  recipient: 'dana@example.com',
  template: 'review-request',
  subject: 'How did we do, Dana?',
  text: 'Hi Dana,',
  html: '<p>Hi <b>Dana</b></p><script>parent.hacked = true</script>',
  status: 'SENT',
  attempts: 1,
  provider: 'outbox',
  providerId: null,
  error: null,
  createdAt: '2026-11-22T10:00:00.000Z',
  sendAfter: null,
  sentAt: '2026-11-22T10:00:01.000Z',
  customer: { __typename: 'Customer', id: 'c1', name: 'Dana Hansen' },
  ...over,
});

const messagesMock = {
  request: { query: SettingsMessagesDocument, variables: { first: 20, filter: {} } },
  result: {
    data: {
      messages: {
        __typename: 'MessageConnection',
        totalCount: 2,
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c2' },
        edges: [
          { __typename: 'MessageEdge', node: node({}) },
          { __typename: 'MessageEdge', node: node({ id: 'm2', channel: 'SMS', purpose: 'TRANSACTIONAL', recipient: '+16515550111', subject: null, html: null, text: 'Late: see you at 8', status: 'FAILED', error: 'SMS provider answered 400' }) },
        ],
      },
    },
  },
};

describe('MessagesSettings', () => {
  it('lists the messages and previews an e-mail in a sandboxed frame, an SMS as text', async () => {
    renderWithApi(<MessagesSettings />, [meMock('ADMIN'), messagesMock]);
    const table = await screen.findByRole('table', { name: 'Messages' });
    expect(within(table).getByText('How did we do, Dana?')).toBeInTheDocument();
    expect(within(table).getByText('Failed')).toBeInTheDocument();

    await userEvent.click(within(table).getAllByRole('button', { name: 'Preview' })[0]!);
    const frame = screen.getByTitle('Preview of How did we do, Dana?');
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toContain('<b>Dana</b>');
    expect(screen.getByText(/local outbox \(not sent out\)/)).toBeInTheDocument();

    await userEvent.click(within(table).getAllByRole('button', { name: 'Preview' })[0]!);
    expect(screen.getByText('Late: see you at 8', { selector: 'pre' })).toBeInTheDocument();
    expect(screen.getByText('SMS provider answered 400')).toBeInTheDocument();
  });
});
