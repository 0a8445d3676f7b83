import { InMemoryCache } from '@apollo/client';
import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { act, configure, createEvent, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation } from 'react-router';
import { typePolicies } from '../../app/cachePolicies';
import { AppointmentByIdDocument, AppointmentsCalendarDocument, UpdateAppointmentDocument, type Role } from '../../gql/graphql';
import { toDateInput } from '../../lib/dateInputs';
import { fakeDataTransfer } from '../../test/dataTransfer';
import { captureExports, signedInTestApi } from '../../test/exports';
import { renderRoutes } from '../../test/testApi';
import AppointmentsPage from './AppointmentsPage';
import { CALENDAR_ORDER, daysOf, filterOf } from './calendarParams';
import { DRAG_TYPE } from './EventBlock';
import { MIN_DAY_PX, MIN_EVENT_PX } from './layout';
import { addDays, atMinutes, longDayLabel, startOfDay } from './time';
import { appointment, conflictError, meMock, staffMock } from './testData';

// The first render of a page loads many modules: give slow (shared, busy) machines time.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(20_000);

const at = (h: number, m = 0, d = 23) => new Date(2026, 10, d, h, m);
const mai = appointment('QXBwOjE', 'Inspection – Mai Swanson', at(10, 30), at(11, 30), {
  notes: 'Park on the street.',
  lead: { __typename: 'Lead', id: 'TGVhZDox', contactName: 'Mai Swanson' },
});
const kim = appointment('QXBwOjI', 'Inspection – Kim Larson', at(15, 30), at(16, 30));

const calendarMock = (role: Role, nodes: object[], who: 'all' | { userId: string } = 'all'): MockLink.MockedResponse => ({
  request: {
    query: AppointmentsCalendarDocument,
    variables: { filter: filterOf(daysOf('week', at(0)), who, null, role) },
  },
  result: {
    data: {
      appointments: {
        __typename: 'AppointmentConnection',
        totalCount: nodes.length,
        edges: nodes.map((node, i) => ({ __typename: 'AppointmentEdge', cursor: `c${i}`, node })),
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: `c${nodes.length - 1}` },
      },
    },
  },
});

function Location() {
  const { search } = useLocation();
  return <span data-testid="location">{search}</span>;
}

function renderPage(role: Role, mocks: MockLink.MockedResponse[], path = '/appointments?view=week&date=2026-11-23') {
  return render(
    <MockedProvider mocks={[meMock(role), staffMock, ...mocks]} cache={new InMemoryCache({ typePolicies })}>
      <MemoryRouter initialEntries={[path]}>
        <AppointmentsPage />
        <Location />
      </MemoryRouter>
    </MockedProvider>,
  );
}

/** jsdom has no layout: every box is 624 px tall from the top (13 hours of 48 px, 7 AM to 8 PM). */
const HOUR = 48;
const yOf = (h: number, m = 0) => (h - 7) * HOUR + (m / 60) * HOUR;
beforeEach(() => {
  jest.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({
    x: 0, y: 0, top: 0, left: 0, bottom: 624, right: 100, width: 100, height: 624, toJSON: () => ({}),
  });
});
afterEach(() => jest.restoreAllMocks());

const monday = () => screen.getByRole('region', { name: /^Monday, November 23/ });
const event = (name: RegExp) => screen.getByRole('button', { name });

/** jsdom has no DragEvent, so `clientY` is set on the event by hand. */
function drag(kind: 'dragStart' | 'dragOver' | 'drop', element: HTMLElement, dataTransfer: object, clientY: number) {
  const e = createEvent[kind](element, { dataTransfer });
  Object.defineProperty(e, 'clientY', { value: clientY });
  fireEvent(element, e);
}

describe('AppointmentsPage', () => {
  it('moves a dragged appointment at once and puts it back with the server’s message when it is refused', async () => {
    renderPage('MANAGER', [
      calendarMock('MANAGER', [mai, kim]),
      {
        request: {
          query: UpdateAppointmentDocument,
          variables: { input: { id: mai.id, startsAt: at(15, 30).toISOString(), endsAt: at(16, 30).toISOString() } },
        },
        result: {
          data: {
            updateAppointment: { __typename: 'AppointmentPayload', appointment: null, errors: [conflictError('startsAt', at(15, 30), at(16, 30))] },
          },
        },
        delay: 1000, // long enough to see the optimistic move
      },
    ]);
    const block = await screen.findByRole('button', { name: /^Inspection – Mai Swanson, 10:30 AM – 11:30 AM/ });
    expect(within(monday()).getAllByRole('button')).toHaveLength(2);

    const dt = fakeDataTransfer();
    drag('dragStart', block, dt, yOf(10, 40)); // held 10 minutes below its start
    expect(dt.getData(DRAG_TYPE)).toBe(mai.id);
    drag('dragOver', monday(), dt, yOf(15, 40));
    expect(within(monday()).getByText('3:30 PM', { selector: 'div' })).toBeInTheDocument(); // where it would land
    drag('drop', monday(), dt, yOf(15, 40));

    // Drawn at the new time while the server thinks…
    await waitFor(() => expect(event(/^Inspection – Mai Swanson, 3:30 PM – 4:30 PM/)).toHaveAttribute('aria-busy', 'true'));
    // …then back where it was, with the server's reason.
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Inspection – Mai Swanson was not moved: The assignee is already booked then (Mon, Nov 23, 3:30 PM to Mon, Nov 23, 4:30 PM).',
    );
    await waitFor(() => expect(event(/^Inspection – Mai Swanson, 10:30 AM – 11:30 AM/)).not.toHaveAttribute('aria-busy'));
  });

  it('places overlapping appointments side by side', async () => {
    const overlapping = appointment('QXBwOjM', 'Estimate – Ann Lee', at(11), at(12));
    renderPage('MANAGER', [calendarMock('MANAGER', [mai, overlapping])]);
    const first = await screen.findByRole('button', { name: /^Inspection – Mai Swanson/ });
    const second = event(/^Estimate – Ann Lee/);
    expect(first.style.width).toBe('calc(50% - 3px)');
    expect(first.style.left).toBe('calc(0% + 1px)');
    expect(second.style.left).toBe('calc(50% + 1px)');
    // 10:30 in a 7 AM – 8 PM day: 3.5 of 13 hours from the top.
    expect(parseFloat(first.style.top)).toBeCloseTo((3.5 / 13) * 100);
  });

  it('gives overlapping appointments a readable width: the crowded day is widened, the week scrolls sideways', async () => {
    const ann = appointment('QXBwOjM', 'Estimate – Ann Lee', at(11), at(12));
    const bo = appointment('QXBwOjQ', 'Estimate – Bo Nilsen', at(11), at(12));
    const { container } = renderPage('MANAGER', [calendarMock('MANAGER', [mai, ann, bo])]);
    await screen.findByRole('button', { name: /^Inspection – Mai Swanson/ });
    const grid = container.querySelector<HTMLElement>('[style*="grid-template-columns"]')!;
    const tracks = grid.style.gridTemplateColumns;
    // Monday puts three side by side: three times the narrowest readable block; the other days the narrowest day.
    expect(tracks).toContain(`minmax(${3 * MIN_EVENT_PX + 4}px, 3fr)`);
    expect(tracks.match(new RegExp(`minmax\\(${MIN_DAY_PX}px, 1fr\\)`, 'g'))).toHaveLength(6);
  });

  it('shows an appointment’s details on hover and on keyboard focus, and titles in whole lines', async () => {
    const long = appointment('QXBwOjU', 'Full replacement estimate – Summit Hill Townhome Association', at(13), at(14));
    renderPage('MANAGER', [calendarMock('MANAGER', [long])]);
    const block = await screen.findByRole('button', { name: /^Full replacement estimate/ });
    // No title attribute cut short by the browser: the details are a tooltip the block is described by.
    expect(block).not.toHaveAttribute('title');
    const tip = document.getElementById(block.getAttribute('aria-describedby')!)!;
    expect(tip).toHaveAttribute('role', 'tooltip');
    expect(tip).not.toBeVisible();
    act(() => block.focus());
    expect(tip).toBeVisible();
    expect(tip).toHaveTextContent('Full replacement estimate – Summit Hill Townhome Association');
    expect(tip).toHaveTextContent('Mon, Nov 23 · 1:00 PM – 2:00 PM');
    expect(tip).toHaveTextContent('Attended by Sam Carter');
    expect(tip).toHaveTextContent('6139 Bryant Ave S');
    act(() => block.blur());
    expect(tip).not.toBeVisible();
    await userEvent.hover(block);
    expect(tip).toBeVisible();
    await userEvent.unhover(block);
    expect(tip).not.toBeVisible();
    // An hour is 48 px: the time and one whole line of title, ellipsised, not a second line cut in half.
    const title = within(block).getByText(/^Full replacement estimate/);
    expect(title.style.webkitLineClamp).toBe('1');
  });

  it('opens the booking form at the clicked slot, for the person shown', async () => {
    renderPage('SALES', [calendarMock('SALES', [mai], { userId: 'VXNlcjoy' })]);
    await screen.findByRole('button', { name: /^Inspection – Mai Swanson/ });

    fireEvent.click(monday(), { clientY: yOf(13, 40) });

    const dialog = await screen.findByRole('dialog', { name: 'Book an appointment' });
    expect(within(dialog).getByLabelText('Date')).toHaveValue('2026-11-23');
    expect(within(dialog).getByLabelText('Start time')).toHaveValue('13:30');
    expect(within(dialog).getByRole('combobox', { name: 'Customer' })).toHaveValue('');
    await waitFor(() => expect(within(dialog).getByLabelText('Attendee')).toHaveDisplayValue('Sam Carter'));
  });

  it('shows the details with links, and cancels after a confirmation', async () => {
    renderPage('MANAGER', [
      calendarMock('MANAGER', [mai]),
      {
        request: { query: UpdateAppointmentDocument, variables: { input: { id: mai.id, status: 'CANCELLED' } } },
        result: {
          data: {
            updateAppointment: {
              __typename: 'AppointmentPayload',
              appointment: { ...mai, status: 'CANCELLED', updatedAt: new Date().toISOString() },
              errors: [],
            },
          },
        },
      },
    ]);
    await userEvent.click(await screen.findByRole('button', { name: /^Inspection – Mai Swanson/ }));

    const dialog = screen.getByRole('dialog', { name: 'Inspection – Mai Swanson' });
    expect(within(dialog).getAllByRole('link').map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Mai Swanson', '/customers/customer-QXBwOjE'],
      ['Mai Swanson', '/leads/TGVhZDox'],
    ]);
    expect(dialog).toHaveTextContent('Park on the street.');

    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel appointment…' }));
    expect(within(dialog).getByRole('button', { name: 'Keep it' })).toHaveFocus();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel appointment' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    // Cancelled appointments are hidden unless asked for.
    expect(screen.queryByRole('button', { name: /^Inspection – Mai Swanson/ })).not.toBeInTheDocument();
    await userEvent.click(screen.getByLabelText('Show cancelled'));
    expect(event(/^Inspection – Mai Swanson, 10:30 AM – 11:30 AM, Sam Carter, Cancelled/)).toBeInTheDocument();
  });

  it('opens a linked appointment (a notification’s) on its own week', async () => {
    // Three weeks from today, so that it is never in the week shown first.
    const day = addDays(startOfDay(new Date()), 21);
    const later = appointment('QXBwOjQ', 'Inspection – Lee Park', atMinutes(day, 630), atMinutes(day, 690));
    const other = appointment('QXBwOjU', 'Estimate – Ann Lee', atMinutes(day, 900), atMinutes(day, 960), { kind: 'ESTIMATE' });
    const weekOf = (date: Date, nodes: object[]) => ({
      ...calendarMock('MANAGER', nodes),
      request: { query: AppointmentsCalendarDocument, variables: { filter: filterOf(daysOf('week', date), 'all', null, 'MANAGER') } },
    });
    renderPage(
      'MANAGER',
      [
        weekOf(new Date(), []),
        { request: { query: AppointmentByIdDocument, variables: { id: later.id } }, result: { data: { appointment: later } } },
        weekOf(day, [later, other]),
      ],
      `/appointments?id=${later.id}`,
    );

    expect(await screen.findByRole('dialog', { name: 'Inspection – Lee Park' })).toHaveTextContent(longDayLabel(day));
    const date = toDateInput(day);
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(`?date=${date}&id=${later.id}`));
    expect(await screen.findByRole('button', { name: /^Estimate – Ann Lee/ })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.getByTestId('location')).toHaveTextContent(new RegExp(`^\\?date=${date}$`));
  });

  it('shows the day as an agenda list on phones', async () => {
    const matchMedia = jest.fn().mockReturnValue({ matches: true, addEventListener: jest.fn(), removeEventListener: jest.fn() });
    Object.defineProperty(window, 'matchMedia', { value: matchMedia, configurable: true });
    try {
      render(
        <MockedProvider
          mocks={[
            meMock('SALES'),
            staffMock,
            {
              request: {
                query: AppointmentsCalendarDocument,
                variables: { filter: filterOf(daysOf('day', at(0)), { userId: 'VXNlcjoy' }, null, 'SALES') },
              },
              result: calendarMock('SALES', [mai]).result,
            },
          ]}
          cache={new InMemoryCache({ typePolicies })}
        >
          <MemoryRouter initialEntries={['/appointments?date=2026-11-23']}>
            <AppointmentsPage />
          </MemoryRouter>
        </MockedProvider>,
      );
      await screen.findByRole('button', { name: /^Inspection – Mai Swanson/ });
      const day = screen.getByRole('region', { name: 'Monday, November 23' });
      expect(within(day).getByRole('listitem')).toHaveTextContent('10:30 AM11:30 AMInspection – Mai Swanson');
      expect(screen.getByRole('button', { name: 'Day', pressed: true })).toBeInTheDocument();
    } finally {
      Reflect.deleteProperty(window, 'matchMedia');
    }
  });

  it('exports the appointments shown as CSV, for field techs too: the week and people shown, cancelled ones only when shown', async () => {
    const sent = captureExports();
    const api = signedInTestApi([meMock('FIELD_TECH'), staffMock, calendarMock('FIELD_TECH', [mai, kim])], new InMemoryCache({ typePolicies }));
    renderRoutes(api, '/appointments?view=week&date=2026-11-23', { '/appointments': <AppointmentsPage /> });
    const user = userEvent.setup();
    expect(await screen.findByRole('button', { name: /Kim Larson/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Book appointment' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    const filter = filterOf(daysOf('week', at(0)), 'all', null, 'FIELD_TECH');
    expect(sent[0]).toEqual({
      url: '/export/appointments.csv',
      body: { filter: { ...filter, statuses: ['SCHEDULED', 'CONFIRMED', 'COMPLETED', 'NO_SHOW'] }, orderBy: CALENDAR_ORDER },
    });

    await user.click(screen.getByRole('checkbox', { name: /cancelled/i }));
    await user.click(await screen.findByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]!.body).toEqual({ filter, orderBy: CALENDAR_ORDER });
  });
});
