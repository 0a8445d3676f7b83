import type { MockLink } from '@apollo/client/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import {
  InteractionAuthorsDocument,
  InteractionFilterLabelsDocument,
  InteractionsLogDocument,
  LinkedInteractionDocument,
  type InteractionFilter,
} from '../../gql/graphql';
import { dayBoundary } from '../../lib/dateInputs';
import { captureExports, signedInTestApi } from '../../test/exports';
import { renderMocked } from '../../test/renderMocked';
import { renderRoutes } from '../../test/testApi';
import InteractionsPage, { LOG_PAGE_SIZE } from './InteractionsPage';
import { EMPTY_PARAMS, readLogParams, toInteractionFilter, writeLogParams } from './logParams';
import { interactionNode, meMock } from './testFixtures';

const PROJECT_ID = 'UHJvamVjdDox';

const logMock = (filter: InteractionFilter, nodes: object[]): MockLink.MockedResponse => ({
  request: { query: InteractionsLogDocument, variables: { first: LOG_PAGE_SIZE, filter } },
  result: {
    data: {
      interactions: {
        __typename: 'InteractionConnection',
        totalCount: nodes.length,
        edges: nodes.map((node, i) => ({ __typename: 'InteractionEdge', cursor: `c${i}`, node })),
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: nodes.length ? `c${nodes.length - 1}` : null },
      },
    },
  },
});

const authorsMock: MockLink.MockedResponse = {
  request: { query: InteractionAuthorsDocument },
  result: {
    data: {
      teams: [
        {
          __typename: 'Team',
          id: 'VGVhbTox',
          name: 'North Metro',
          members: [{ __typename: 'User', id: 'VXNlcjoz', name: 'Riley Brooks' }],
        },
      ],
    },
  },
};

const labelsMock: MockLink.MockedResponse = {
  request: {
    query: InteractionFilterLabelsDocument,
    variables: { customerId: '', projectId: PROJECT_ID, withCustomer: false, withProject: true },
  },
  result: { data: { project: { __typename: 'Project', id: PROJECT_ID, name: 'Hansen – full replacement' } } },
};

function Location() {
  const { search } = useLocation();
  return <output data-testid="location">{search}</output>;
}

function renderLog(path: string, mocks: MockLink.MockedResponse[]) {
  renderMocked([meMock('SALES'), authorsMock, labelsMock, ...mocks], path, {
    '/interactions': (
      <>
        <InteractionsPage />
        <Location />
      </>
    ),
  });
}

jest.setTimeout(20_000);

describe('interactions filter', () => {
  it('turns the URL into an InteractionFilter with only the given conditions', () => {
    const params = readLogParams(
      new URLSearchParams('type=VISIT,CALL,BOGUS&dir=INBOUND&user=U1&customer=C1&project=P1&from=2026-11-01&to=2026-11-30&q=%20gutter%20'),
    );
    expect(toInteractionFilter(params)).toEqual({
      types: ['CALL', 'VISIT'],
      directions: ['INBOUND'],
      userId: 'U1',
      customerId: 'C1',
      projectId: 'P1',
      occurredAt: { from: dayBoundary('2026-11-01', false), to: dayBoundary('2026-11-30', true) },
      search: 'gutter',
    });
    expect(toInteractionFilter(EMPTY_PARAMS)).toEqual({});
    expect(toInteractionFilter({ ...EMPTY_PARAMS, to: '2026-11-30' })).toEqual({
      occurredAt: { to: new Date('2026-11-30T23:59:59.999').toISOString() },
    });
    expect(writeLogParams(params).toString()).toBe(
      'type=CALL%2CVISIT&dir=INBOUND&user=U1&customer=C1&project=P1&from=2026-11-01&to=2026-11-30&q=+gutter+',
    );
  });
});

describe('InteractionsPage', () => {
  it('queries with the URL’s filters, and a changed filter updates both the URL and the query', async () => {
    const base = {
      types: ['CALL' as const],
      directions: ['INBOUND' as const],
      projectId: PROJECT_ID,
      occurredAt: { from: dayBoundary('2026-11-01', false)!, to: dayBoundary('2026-11-30', true)! },
    };
    renderLog(`/interactions?type=CALL&dir=INBOUND&project=${PROJECT_ID}&from=2026-11-01&to=2026-11-30`, [
      logMock(base, [interactionNode({ subject: 'Only inbound calls' })]),
      logMock({ ...base, types: ['CALL', 'VISIT'] }, [interactionNode({ id: 'SW50ZXJhY3Rpb246Mg', type: 'VISIT', subject: 'Calls and visits' })]),
    ]);
    const user = userEvent.setup({ delay: null });

    expect(await screen.findByText('Only inbound calls')).toBeInTheDocument();
    expect(await screen.findByText(/Project: Hansen – full replacement/)).toBeInTheDocument();
    expect(screen.getByText('Showing 1 of 1')).toBeInTheDocument();

    const kinds = screen.getByRole('group', { name: 'Kinds' });
    expect(within(kinds).getByRole('button', { name: 'Call' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(within(kinds).getByRole('button', { name: 'Visit' }));

    expect(await screen.findByText('Calls and visits')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('type=CALL%2CVISIT');
    expect(screen.getByTestId('location')).toHaveTextContent(`project=${PROJECT_ID}`);
  });

  it('exports the log as filtered now, newest first', async () => {
    const sent = captureExports();
    const filter = { types: ['CALL' as const], directions: ['INBOUND' as const], projectId: PROJECT_ID };
    const api = signedInTestApi([meMock('SALES'), authorsMock, labelsMock, logMock(filter, [interactionNode({ subject: 'Only inbound calls' })])]);
    renderRoutes(api, `/interactions?type=CALL&dir=INBOUND&project=${PROJECT_ID}`, { '/interactions': <InteractionsPage /> });
    const user = userEvent.setup({ delay: null });
    expect(await screen.findByText('Only inbound calls')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({ url: '/export/interactions.csv', body: { filter, orderBy: { field: 'OCCURRED_AT', direction: 'DESC' } } });
    expect(await screen.findByRole('button', { name: 'Export CSV' })).toBeEnabled();
  });

  it('narrows by direction from the select', async () => {
    renderLog('/interactions', [
      logMock({}, [interactionNode()]),
      logMock({ directions: ['OUTBOUND'] }, [interactionNode({ id: 'SW50ZXJhY3Rpb246Mw', subject: 'Outbound only' })]),
    ]);
    const user = userEvent.setup({ delay: null });
    expect(await screen.findByText('Discussed shingle colours')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Direction'), 'OUTBOUND');
    expect(await screen.findByText('Outbound only')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('?dir=OUTBOUND');
  });

  it('shows the interaction a link points at above the log, and closes it', async () => {
    const linked = interactionNode({ id: 'SW50ZXJhY3Rpb246OQ', subject: 'Adjuster called back' });
    renderLog(`/interactions?id=${linked.id}`, [
      { request: { query: LinkedInteractionDocument, variables: { id: linked.id } }, result: { data: { interaction: linked } } },
      logMock({}, [interactionNode()]),
    ]);
    const user = userEvent.setup({ delay: null });
    const card = (await screen.findByRole('heading', { name: 'Linked interaction' })).closest('section')!;
    expect(await within(card).findByText('Adjuster called back')).toBeInTheDocument();
    expect(await screen.findByText('Discussed shingle colours')).toBeInTheDocument();

    await user.click(within(card).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('heading', { name: 'Linked interaction' })).not.toBeInTheDocument();
    expect(screen.getByTestId('location')).toBeEmptyDOMElement();
  });
});
