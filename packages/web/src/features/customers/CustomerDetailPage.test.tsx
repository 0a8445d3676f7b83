import { InMemoryCache } from '@apollo/client';
import type { MockLink } from '@apollo/client/testing';
import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { typePolicies } from '../../app/cachePolicies';
import { CustomerDetailDocument, CustomerTimelineDocument, type Role } from '../../gql/graphql';
import { renderMocked } from '../../test/renderMocked';
import CustomerDetailPage from './CustomerDetailPage';
import { TIMELINE_PAGE_SIZE } from './CustomerTimeline';
import { meMock } from './testData';

// Other suites may share the machine: no keystroke delays, and room for a slow run.
const user = userEvent.setup({ delay: null });
jest.setTimeout(20_000);
configure({ asyncUtilTimeout: 4000 });

const ID = 'Q3VzdG9tZXI6MQ';

const noReferrals = { leads: 0, wins: 0, wonRevenue: '0.00' };

const customer = (deletedAt: string | null = null, referrals: typeof noReferrals = noReferrals) => ({
  __typename: 'Customer',
  id: ID,
  name: 'Mary Wagner',
  email: 'mwagner@example.org',
  phone: '+17635555614',
  address: { __typename: 'Address', street: '4982 University Ave NE', city: 'Plymouth', state: 'MN', zip: '55447' },
  customerType: 'RESIDENTIAL',
  segment: 'Insurance Claim',
  emailOptIn: true,
  smsOptIn: false,
  lifetimeValue: '16104.00',
  referrals: { __typename: 'CustomerReferrals', ...referrals },
  owningTeam: { __typename: 'Team', id: 'VGVhbTox', name: 'North Metro' },
  createdBy: { __typename: 'User', id: 'VXNlcjox', name: 'Sam Carter' },
  createdAt: '2026-08-22T12:00:00.000Z',
  updatedAt: '2026-11-03T12:00:00.000Z',
  deletedAt,
  projects: [
    {
      __typename: 'Project',
      id: 'UHJvamVjdDox',
      name: 'Mary Wagner – full replacement',
      status: 'COMPLETED',
      projectType: 'FULL_REPLACEMENT',
      budget: '16104.00',
      completionPercentage: 100,
      startDate: '2026-09-19',
      endDate: null,
    },
  ],
  leads: [
    {
      __typename: 'Lead',
      id: 'TGVhZDox',
      contactName: null,
      status: 'ESTIMATE_SENT',
      source: 'REFERRAL',
      score: 77,
      projectType: 'STORM_DAMAGE',
      estimatedValue: '18537.00',
      assignee: { __typename: 'User', id: 'VXNlcjox', name: 'Sam Carter' },
      createdAt: '2026-08-22T12:00:00.000Z',
    },
  ],
  appointments: [],
  reviews: [
    {
      __typename: 'Review',
      id: 'UmV2aWV3OjE',
      platform: 'GOOGLE',
      rating: 4,
      authorName: 'Mary W.',
      text: 'Good work after the hail storm.',
      status: 'RESPONDED',
      postedAt: '2026-10-01T12:00:00.000Z',
      project: { __typename: 'Project', id: 'UHJvamVjdDox', name: 'Mary Wagner – full replacement' },
    },
  ],
});

const interaction = (n: number, type: string) => ({
  __typename: 'Interaction',
  id: `SW50ZXJhY3Rpb246${n}`,
  type,
  direction: type === 'NOTE' ? 'INTERNAL' : 'OUTBOUND',
  channel: null,
  subject: `Entry ${n}`,
  notes: null,
  outcome: null,
  occurredAt: `2026-11-${String(20 - n).padStart(2, '0')}T15:00:00.000Z`,
  user: { __typename: 'User', id: 'VXNlcjox', name: 'Sam Carter' },
  customer: null,
  lead: null,
  project: null,
});

const timelinePage = (nodes: ReturnType<typeof interaction>[], hasNextPage: boolean) => ({
  __typename: 'InteractionConnection',
  totalCount: 3,
  edges: nodes.map((node) => ({ __typename: 'InteractionEdge', cursor: `c${node.id}`, node })),
  pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: `c${nodes[nodes.length - 1]!.id}` },
});

const detailMock = (result: object | null): MockLink.MockedResponse => ({
  request: { query: CustomerDetailDocument, variables: { id: ID } },
  result: { data: { customer: result } },
});

function renderDetail(mocks: MockLink.MockedResponse[], role: Role = 'SALES') {
  return renderMocked(
    [meMock(role), ...mocks],
    `/customers/${ID}`,
    { '/customers/:id': <CustomerDetailPage /> },
    new InMemoryCache({ typePolicies }),
  );
}

describe('CustomerDetailPage', () => {
  it('says the customer was not found when the server returns null', async () => {
    renderDetail([detailMock(null)]);
    expect(await screen.findByText('Customer not found')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Customers/ })).toHaveAttribute('href', '/customers');
  });

  it('shows the customer, links related records and pages the timeline with "Show older"', async () => {
    const [a, b, c] = [interaction(1, 'CALL'), interaction(2, 'NOTE'), interaction(3, 'VISIT')];
    renderDetail([
      detailMock(customer()),
      {
        request: { query: CustomerTimelineDocument, variables: { customerId: ID, first: TIMELINE_PAGE_SIZE } },
        result: { data: { interactions: timelinePage([a, b], true) } },
      },
      {
        request: {
          query: CustomerTimelineDocument,
          variables: { customerId: ID, first: TIMELINE_PAGE_SIZE, after: `c${b.id}` },
        },
        result: { data: { interactions: timelinePage([c], false) } },
      },
    ]);

    expect(await screen.findByRole('heading', { level: 1, name: 'Mary Wagner' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '(763) 555-5614' })).toHaveAttribute('href', 'tel:+17635555614');
    expect(within(screen.getByRole('list', { name: 'Projects' })).getByRole('link', { name: 'Mary Wagner – full replacement' })).toHaveAttribute(
      'href',
      '/projects/UHJvamVjdDox',
    );
    expect(screen.getByRole('link', { name: 'Storm damage' })).toHaveAttribute('href', '/leads/TGVhZDox');
    // Consent in the contact facts.
    expect(screen.getByText('E-mail opt-in').nextElementSibling).toHaveTextContent('Yes, marketing and review requests');
    expect(screen.getByText('SMS opt-in').nextElementSibling).toHaveTextContent('No');
    // No referrals yet: no referrals fact.
    expect(screen.queryByText('Referrals')).not.toBeInTheDocument();
    // The customer's reviews, each linking to the review and its project.
    const reviews = screen.getByRole('list', { name: 'Reviews' });
    expect(within(reviews).getByRole('link', { name: 'Review by Mary W.' })).toHaveAttribute('href', '/reviews/UmV2aWV3OjE');
    expect(within(reviews).getByRole('img', { name: '4 of 5 stars' })).toBeInTheDocument();
    expect(within(reviews).getByText('Responded')).toBeInTheDocument();
    expect(within(reviews).getByRole('link', { name: 'Mary Wagner – full replacement' })).toHaveAttribute('href', '/projects/UHJvamVjdDox');
    // Sales may edit but not delete.
    expect(screen.getByRole('button', { name: 'Edit' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();

    const timeline = await screen.findByRole('list', { name: 'Interactions, newest first' });
    expect(within(timeline).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      expect.stringContaining('Call: Entry 1'),
      expect.stringContaining('Note: Entry 2'),
    ]);

    await user.click(screen.getByRole('button', { name: /Show older \(1 more\)/ }));

    expect(await within(timeline).findByText('Entry 3')).toBeInTheDocument();
    expect(within(timeline).getAllByRole('listitem')).toHaveLength(3);
    expect(screen.queryByRole('button', { name: /Show older/ })).not.toBeInTheDocument();
  });

  it('offers Restore (and, to admins, deleting for good) on a deleted customer', async () => {
    renderDetail(
      [
        detailMock(customer('2026-11-20T09:00:00.000Z')),
        {
          request: { query: CustomerTimelineDocument, variables: { customerId: ID, first: TIMELINE_PAGE_SIZE } },
          result: { data: { interactions: { ...timelinePage([interaction(1, 'CALL')], false), totalCount: 1 } } },
        },
      ],
      'ADMIN',
    );
    expect(await screen.findByRole('button', { name: 'Restore' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Delete for good' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit' })).not.toBeInTheDocument();
    expect(screen.getByText('Deleted', { selector: 'span' })).toBeInTheDocument();
  });

  it.each([
    [{ leads: 3, wins: 1, wonRevenue: '14500.00' }, '3 leads referred, 1 won for $14,500'],
    [{ leads: 1, wins: 0, wonRevenue: '0.00' }, '1 lead referred, none won yet'],
  ])('shows the neighbours the customer referred from the rating page and what they brought: %o', async (referrals, label) => {
    renderDetail([
      detailMock(customer(null, referrals)),
      {
        request: { query: CustomerTimelineDocument, variables: { customerId: ID, first: TIMELINE_PAGE_SIZE } },
        result: { data: { interactions: { ...timelinePage([interaction(1, 'CALL')], false), totalCount: 1 } } },
      },
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Mary Wagner' })).toBeInTheDocument();
    expect(screen.getByText('Referrals').nextElementSibling).toHaveTextContent(label);
  });
});
