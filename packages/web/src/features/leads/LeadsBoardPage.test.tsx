import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { LeadsBoardDocument, UpdateLeadStatusDocument, type LeadStatus } from '../../gql/graphql';
import { BOARD_QUERY_VARIABLES } from './boardQuery';
import { DRAG_TYPE } from './LeadCard';
import LeadsBoardPage from './LeadsBoardPage';

const scoreFactors = [
  {
    __typename: 'ScoreFactor',
    factor: 'source_quality',
    points: 20,
    explanation: 'Referral leads close 2× more often',
  },
];
const lead = {
  __typename: 'Lead',
  id: 'TGVhZDox',
  contactName: 'Pat Lee',
  customer: null,
  status: 'NEW',
  score: 72,
  scoreFactors,
  source: 'REFERRAL',
  priority: 'HIGH',
  projectType: 'STORM_DAMAGE',
  estimatedValue: '14500.00',
  propertyAddress: { __typename: 'Address', city: 'Minneapolis' },
  assignee: { __typename: 'User', id: 'VXNlcjoy', name: 'Sam Ortiz' },
  updatedAt: '2026-11-20T10:00:00.000Z',
};
const list = (leads: object[]) => ({
  __typename: 'LeadConnection',
  totalCount: leads.length,
  edges: leads.map((node, i) => ({ __typename: 'LeadEdge', node, cursor: String(i) })),
});
const boardMock = {
  request: { query: LeadsBoardDocument, variables: BOARD_QUERY_VARIABLES },
  result: {
    data: {
      new: list([lead]),
      contacted: list([]),
      inspectionScheduled: list([]),
      estimateSent: list([]),
      won: list([]),
      lost: list([]),
    },
  },
};
const moveMock = (status: LeadStatus, payload: { lead: object | null; errors: object[] }): MockLink.MockedResponse => ({
  request: { query: UpdateLeadStatusDocument, variables: { input: { id: lead.id, status } } },
  result: { data: { updateLeadStatus: { __typename: 'LeadPayload', ...payload } } },
  delay: 400, // long enough to see the optimistic move
});

const column = (name: string) => screen.getByRole('region', { name: new RegExp(`^${name}:`) });
const renderBoard = (mocks: MockLink.MockedResponse[]) =>
  render(
    <MockedProvider mocks={[boardMock, ...mocks]}>
      <MemoryRouter initialEntries={['/leads']}>
        <LeadsBoardPage />
      </MemoryRouter>
    </MockedProvider>,
  );

describe('LeadsBoardPage', () => {
  it('moves a card at once and puts it back with the server’s reason when the move is refused', async () => {
    renderBoard([
      moveMock('WON', {
        lead: null,
        errors: [
          {
            __typename: 'UserError',
            field: ['status'],
            code: 'INVALID_TRANSITION',
            message: 'A lead cannot move from NEW to WON.',
          },
        ],
      }),
    ]);
    const card = await within(await screen.findByRole('region', { name: /^New:/ })).findByRole('article', {
      name: 'Pat Lee',
    });

    await userEvent.selectOptions(within(card).getByLabelText('Move Pat Lee to'), 'WON');

    expect(within(column('Won')).getByRole('article', { name: 'Pat Lee' })).toBeInTheDocument();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Pat Lee was not moved to Won: A lead cannot move from NEW to WON.',
    );
    expect(within(column('New')).getByRole('article', { name: 'Pat Lee' })).toBeInTheDocument();
    expect(within(column('Won')).queryByRole('article')).not.toBeInTheDocument();
  });

  it('moves a dropped card to the new stage and updates the column counts', async () => {
    renderBoard([
      moveMock('CONTACTED', { lead: { ...lead, status: 'CONTACTED', lostReason: null, score: 78 }, errors: [] }),
    ]);
    const card = await screen.findByRole('article', { name: 'Pat Lee' });

    const data = new Map<string, string>();
    const dataTransfer = {
      setData: (type: string, value: string) => data.set(type, value),
      getData: (type: string) => data.get(type) ?? '',
      get types() {
        return [...data.keys()];
      },
    };
    fireEvent.dragStart(card, { dataTransfer });
    fireEvent.dragOver(column('Contacted'), { dataTransfer });
    fireEvent.drop(column('Contacted'), { dataTransfer });
    expect(data.get(DRAG_TYPE)).toBe(lead.id);

    // The server's answer (rescored to 78) replaces the optimistic card.
    expect(await within(column('Contacted')).findByRole('button', { name: 'Score 78 of 100' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('article', { name: 'Pat Lee' })).not.toHaveAttribute('aria-busy'));
    expect(column('Contacted')).toHaveAccessibleName('Contacted: 1 leads');
    expect(column('New')).toHaveAccessibleName('New: 0 leads');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('explains the score on hover or focus', async () => {
    renderBoard([]);
    const score = await screen.findByRole('button', { name: 'Score 72 of 100' });
    await userEvent.hover(score);
    expect(screen.getByRole('tooltip')).toHaveTextContent('+20 Referral leads close 2× more often');
    expect(score).toHaveAccessibleDescription(/Why 72\?/);
  });

  it('links each card to its lead page and offers the table view', async () => {
    renderBoard([]);
    const card = await screen.findByRole('article', { name: 'Pat Lee' });
    const link = within(card).getByRole('link', { name: 'Pat Lee' });
    expect(link).toHaveAttribute('href', `/leads/${lead.id}`);
    // Dragging the name drags the card, not the link's URL.
    expect(link).toHaveAttribute('draggable', 'false');
    expect(screen.getByRole('link', { name: 'Board' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Table' })).toHaveAttribute('href', '/leads/list');
    expect(screen.getByRole('button', { name: 'New lead' })).toBeInTheDocument();
  });
});
