import { InMemoryCache } from '@apollo/client';
import type { MockLink } from '@apollo/client/testing';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LeadsBoardDocument, MeDocument, UpdateLeadStatusDocument, type LeadStatus, type MeQuery } from '../../gql/graphql';
import { fakeDataTransfer } from '../../test/dataTransfer';
import { meMock } from '../../test/fixtures';
import { renderMocked } from '../../test/renderMocked';
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
  allowedStatuses: ['CONTACTED', 'LOST'],
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
const boardMock = (shown: (typeof lead)[]) => {
  const at = (status: string) => list(shown.filter((l) => l.status === status));
  return {
    request: { query: LeadsBoardDocument, variables: BOARD_QUERY_VARIABLES },
    result: {
      data: {
        new: at('NEW'),
        contacted: at('CONTACTED'),
        inspectionScheduled: at('INSPECTION_SCHEDULED'),
        estimateSent: at('ESTIMATE_SENT'),
        won: at('WON'),
        lost: at('LOST'),
      },
    },
  };
};
const moveMock = (status: LeadStatus, payload: { lead: object | null; errors: object[] }): MockLink.MockedResponse => ({
  request: { query: UpdateLeadStatusDocument, variables: { input: { id: lead.id, status } } },
  result: { data: { updateLeadStatus: { __typename: 'LeadPayload', ...payload } } },
  delay: 400, // long enough to see the optimistic move
});

const column = (name: string) => screen.getByRole('region', { name: new RegExp(`^${name}:`) });
/** The signed-in viewer in the cache, as the app shell leaves it (the board reads it from there only). */
const VIEWER = meMock().result as { data: MeQuery };
const cacheWithViewer = () => {
  const cache = new InMemoryCache();
  cache.writeQuery({ query: MeDocument, data: VIEWER.data });
  return cache;
};
const renderBoard = (mocks: MockLink.MockedResponse[], shown: (typeof lead)[] = [lead], cache = cacheWithViewer()) =>
  renderMocked(
    [boardMock(shown), ...mocks],
    '/leads',
    { '/leads': <LeadsBoardPage />, '/leads/:id': <p>The lead’s page</p> },
    cache,
  );
const openMoveMenu = async (name: string) => {
  await userEvent.click(within(screen.getByRole('article', { name })).getByRole('button', { name: `Move ${name} to…` }));
  return screen.getByRole('menu', { name: `Move ${name} to` });
};
/** The elements of `root` that Tab stops at. */
const tabStops = (root: HTMLElement) =>
  [...root.querySelectorAll<HTMLElement>('a[href], button, select, input, [tabindex]')].filter(
    (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled,
  );

beforeEach(() => window.localStorage.clear());

describe('LeadsBoardPage', () => {
  it('offers only the moves the server allows, in words', async () => {
    renderBoard([]);
    await screen.findByRole('article', { name: 'Pat Lee' });
    const menu = await openMoveMenu('Pat Lee');
    expect(within(menu).getAllByRole('menuitem').map((o) => o.textContent)).toEqual(['Move to Contacted', 'Mark as lost']);
    expect(within(menu).getAllByRole('menuitem')[0]).toHaveFocus();
  });

  it('offers no menu for a lead that cannot move', async () => {
    renderBoard([], [{ ...lead, status: 'WON', allowedStatuses: [] }]);
    await userEvent.click(await screen.findByRole('button', { name: 'Expand Won (1 leads)' }));
    const card = await screen.findByRole('article', { name: 'Pat Lee' });
    expect(within(card).queryByRole('button', { name: /^Move/ })).not.toBeInTheDocument();
    // M on the card opens nothing either.
    act(() => within(card).getByRole('link', { name: 'Pat Lee' }).focus());
    await userEvent.keyboard('m');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  });

  it('moves a card at once and puts it back with the server’s reason when the move is refused', async () => {
    renderBoard([
      moveMock('CONTACTED', {
        lead: null,
        errors: [
          {
            __typename: 'UserError',
            field: ['status'],
            code: 'INVALID_TRANSITION',
            message: 'The lead is already at Contacted.',
          },
        ],
      }),
    ]);
    await within(await screen.findByRole('region', { name: /^New:/ })).findByRole('article', { name: 'Pat Lee' });

    await userEvent.click(within(await openMoveMenu('Pat Lee')).getByRole('menuitem', { name: 'Move to Contacted' }));

    expect(within(column('Contacted')).getByRole('article', { name: 'Pat Lee' })).toBeInTheDocument();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Pat Lee was not moved to Contacted: The lead is already at Contacted.',
    );
    expect(within(column('New')).getByRole('article', { name: 'Pat Lee' })).toBeInTheDocument();
    expect(within(column('Contacted')).queryByRole('article')).not.toBeInTheDocument();
  });

  it('does not take a card into a stage it may not move to, and says why in stage names', async () => {
    renderBoard([]); // no mutation is expected: MockedProvider would fail on one
    const card = await screen.findByRole('article', { name: 'Pat Lee' });
    const dataTransfer = fakeDataTransfer();
    fireEvent.dragStart(card, { dataTransfer });
    expect(fireEvent.dragOver(column('Won'), { dataTransfer })).toBe(true); // not prevented: no drop here
    expect(fireEvent.dragOver(column('Contacted'), { dataTransfer })).toBe(false);
    fireEvent.drop(column('Won'), { dataTransfer });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Pat Lee was not moved. It cannot move from New to Won. From New it can move to Contacted or Lost.',
    );
    expect(screen.getByRole('alert').textContent).not.toMatch(/NEW|WON/);
    expect(within(column('New')).getByRole('article', { name: 'Pat Lee' })).toBeInTheDocument();
  });

  it('moves a dropped card to the new stage and updates the column counts', async () => {
    renderBoard([
      moveMock('CONTACTED', {
        lead: { ...lead, status: 'CONTACTED', allowedStatuses: ['INSPECTION_SCHEDULED', 'NEW', 'LOST'], lostReason: null, score: 78 },
        errors: [],
      }),
    ]);
    const card = await screen.findByRole('article', { name: 'Pat Lee' });

    const dataTransfer = fakeDataTransfer();
    fireEvent.dragStart(card, { dataTransfer });
    fireEvent.dragOver(column('Contacted'), { dataTransfer });
    fireEvent.drop(column('Contacted'), { dataTransfer });
    expect(dataTransfer.getData(DRAG_TYPE)).toBe(lead.id);

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

  it('folds Won and Lost into strips that expand on click or Enter, remembered per user', async () => {
    const won = { ...lead, id: 'TGVhZDoy', contactName: 'Wren Ahl', status: 'WON', allowedStatuses: [] };
    const { unmount } = renderBoard([], [lead, won]);
    // jsdom's window cannot fit six expanded stages: Won and Lost start as strips with their counts.
    const expandWon = await screen.findByRole('button', { name: 'Expand Won (1 leads)' });
    expect(expandWon).toHaveAttribute('aria-expanded', 'false');
    expect(expandWon).toHaveTextContent('Won1');
    expect(within(column('Won')).queryByRole('article')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Expand Lost (0 leads)' })).toBeInTheDocument();

    await userEvent.click(expandWon);
    expect(within(column('Won')).getByRole('article', { name: 'Wren Ahl' })).toBeInTheDocument();
    // The keyboard stays on the toggle, now in the stage's header.
    expect(screen.getByRole('button', { name: 'Collapse Won' })).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Collapse Won' })).toHaveAttribute('aria-expanded', 'true');

    act(() => screen.getByRole('button', { name: 'Expand Lost (0 leads)' }).focus());
    await userEvent.keyboard('{Enter}');
    expect(within(column('Lost')).getByText('No leads here.')).toBeInTheDocument();
    expect(JSON.parse(window.localStorage.getItem(`crm.leadsBoard.collapsed.${VIEWER.data.me!.id}`)!)).toEqual({
      WON: false,
      LOST: false,
    });

    // Shown again, the board keeps the choice.
    unmount();
    renderBoard([], [lead, won]);
    expect(await within(await screen.findByRole('region', { name: /^Won:/ })).findByRole('article', { name: 'Wren Ahl' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Collapse Won' }));
    expect(screen.getByRole('button', { name: 'Expand Won (1 leads)' })).toHaveFocus();
    expect(within(column('Won')).queryByRole('article')).not.toBeInTheDocument();
  });

  it('takes a dropped card into a collapsed stage', async () => {
    renderBoard([]);
    const card = await screen.findByRole('article', { name: 'Pat Lee' });
    const dataTransfer = fakeDataTransfer();
    fireEvent.dragStart(card, { dataTransfer });
    expect(fireEvent.dragOver(column('Lost'), { dataTransfer })).toBe(false); // taken
    fireEvent.drop(column('Lost'), { dataTransfer });
    // Lost asks why first.
    expect(await screen.findByRole('dialog')).toHaveTextContent(/Pat Lee/);
  });

  it('makes each card one tab stop and each stage one, moving between cards with the arrows', async () => {
    const second = { ...lead, id: 'TGVhZDoz', contactName: 'Ana Ruiz', score: 40 };
    const third = { ...lead, id: 'TGVhZDo0', contactName: 'Bo Chen', score: 30 };
    const contacted = { ...lead, id: 'TGVhZDo1', contactName: 'Cy Moss', status: 'CONTACTED', allowedStatuses: ['NEW'] };
    renderBoard([], [lead, second, third, contacted]);
    const link = async (name: string) => within(await screen.findByRole('article', { name })).getByRole('link', { name });
    await link('Cy Moss');

    // At most one stop per card (its name), and one card per stage takes Tab: the first, then the last one focused.
    for (const card of screen.getAllByRole('article')) expect(tabStops(card).length).toBeLessThanOrEqual(1);
    expect(tabStops(column('New'))).toEqual([await link('Pat Lee')]);
    expect(tabStops(column('Contacted'))).toEqual([await link('Cy Moss')]);
    expect(within(column('New')).getByRole('button', { name: 'Score 72 of 100' })).toHaveAttribute('tabindex', '-1');
    expect(within(column('New')).getByRole('button', { name: 'Move Pat Lee to…' })).toHaveAttribute('tabindex', '-1');
    expect(await link('Pat Lee')).toHaveAccessibleDescription(/M opens its Move menu/);

    const patLee = await link('Pat Lee');
    act(() => patLee.focus());
    await userEvent.keyboard('{ArrowDown}');
    expect(await link('Ana Ruiz')).toHaveFocus();
    await userEvent.keyboard('{End}');
    expect(await link('Bo Chen')).toHaveFocus();
    await userEvent.keyboard('{Home}{ArrowDown}');
    expect(await link('Ana Ruiz')).toHaveFocus();
    expect(tabStops(column('New'))).toEqual([await link('Ana Ruiz')]);
    await userEvent.keyboard('{ArrowRight}');
    expect(await link('Cy Moss')).toHaveFocus();
    await userEvent.keyboard('{ArrowRight}'); // Estimate sent and the rest are empty or folded: it stays
    expect(await link('Cy Moss')).toHaveFocus();
    await userEvent.keyboard('{ArrowLeft}');
    expect(await link('Pat Lee')).toHaveFocus();

    // Tab leaves the stage for the next one; Shift+Tab comes back to the card last focused.
    await userEvent.tab();
    expect(await link('Cy Moss')).toHaveFocus();
    await userEvent.tab();
    expect(screen.getByRole('button', { name: 'Expand Won (0 leads)' })).toHaveFocus();
    await userEvent.tab({ shift: true });
    await userEvent.tab({ shift: true });
    expect(await link('Pat Lee')).toHaveFocus();

    // S shows the score's reasons, Escape comes back to the card.
    await userEvent.keyboard('s');
    expect(within(column('New')).getByRole('button', { name: 'Score 72 of 100' })).toHaveFocus();
    expect(screen.getByRole('tooltip')).toHaveTextContent('Referral leads close 2× more often');
    await userEvent.keyboard('{Escape}');
    expect(await link('Pat Lee')).toHaveFocus();

    // M opens the Move menu on its first entry; arrows move in it, Escape closes it back onto the card.
    await userEvent.keyboard('m');
    const menu = screen.getByRole('menu', { name: 'Move Pat Lee to' });
    expect(within(menu).getByRole('menuitem', { name: 'Move to Contacted' })).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    expect(within(menu).getByRole('menuitem', { name: 'Mark as lost' })).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    expect(within(menu).getByRole('menuitem', { name: 'Move to Contacted' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(await link('Pat Lee')).toHaveFocus();

    // Enter opens the lead.
    await userEvent.keyboard('{Enter}');
    expect(await screen.findByText('The lead’s page')).toBeInTheDocument();
  });

  it('keeps the keyboard on a card it moved with the menu', async () => {
    renderBoard([
      moveMock('CONTACTED', {
        lead: { ...lead, status: 'CONTACTED', allowedStatuses: ['INSPECTION_SCHEDULED', 'NEW', 'LOST'], lostReason: null },
        errors: [],
      }),
    ]);
    const card = await screen.findByRole('article', { name: 'Pat Lee' });
    act(() => within(card).getByRole('link', { name: 'Pat Lee' }).focus());
    await userEvent.keyboard('m{Enter}');
    await waitFor(() => expect(within(column('Contacted')).getByRole('link', { name: 'Pat Lee' })).toHaveFocus());
    await waitFor(() => expect(screen.getByRole('article', { name: 'Pat Lee' })).not.toHaveAttribute('aria-busy'));
    expect(within(column('Contacted')).getByRole('link', { name: 'Pat Lee' })).toHaveFocus();
  });

  it('keeps a card’s open Move menu when a live update draws the card anew in another stage', async () => {
    const cache = cacheWithViewer();
    renderBoard([], [lead], cache);
    await screen.findByRole('article', { name: 'Pat Lee' });
    await openMoveMenu('Pat Lee');

    // Another user moved the lead: the live update lands in the cache, and the card is drawn in its new stage.
    act(() => {
      cache.modify({
        id: cache.identify(lead),
        fields: { status: () => 'CONTACTED', allowedStatuses: () => ['INSPECTION_SCHEDULED', 'NEW', 'LOST'] },
      });
    });

    const card = await within(column('Contacted')).findByRole('article', { name: 'Pat Lee' });
    expect(within(column('New')).queryByRole('article')).not.toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'Move Pat Lee to…' })).toHaveAttribute('aria-expanded', 'true');
    const menu = screen.getByRole('menu', { name: 'Move Pat Lee to' });
    expect(within(menu).getAllByRole('menuitem').map((o) => o.textContent)).toEqual([
      'Move to Inspection scheduled',
      'Back to New',
      'Mark as lost',
    ]);
    // Escape closes it, as before the update.
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  });
});
