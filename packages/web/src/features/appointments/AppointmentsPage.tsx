import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useViewer, type Viewer } from '../../app/auth';
import { isOffice } from '../../app/nav';
import { useMediaQuery } from '../../lib/useMediaQuery';
import { Button, ErrorState, Notice, PageHeader } from '../../ui';
import { ExportButton } from '../export/ExportButton';
import { AgendaList } from './AgendaList';
import { KINDS, kindLabel, type CalendarEvent } from './appointment';
import { AppointmentDetailsDialog } from './AppointmentDetailsDialog';
import { BookAppointmentDialog } from './BookAppointmentDialog';
import { CalendarToolbar } from './CalendarToolbar';
import {
  CALENDAR_ORDER,
  daysOf,
  effectiveWho,
  exportFilterOf,
  filterOf,
  readCalendarState,
  stepDate,
  writeCalendarState,
  type CalendarState,
} from './calendarParams';
import { useCalendarAppointments, useOpenAppointment } from './calendarQuery';
import { EditAppointmentDialog } from './EditAppointmentDialog';
import { useStaff } from './staff';
import { TimeGrid } from './TimeGrid';
import { localizeTimes, rangeLabel, addDays, startOfDay } from './time';
import { useNow } from './useNow';
import { useMoveAppointment } from './useMoveAppointment';
import own from './AppointmentsPage.module.css';
import calendar from './calendar.module.css';
import styles from './page.module.css';

/** The appointments calendar: a week or a day of one person, a team or everyone the viewer may see. */
export default function AppointmentsPage() {
  const { viewer } = useViewer();
  return viewer ? <Calendar viewer={viewer} /> : null;
}

/** Who may move an appointment by dragging it (the server decides in the end). */
function movable(viewer: Viewer, event: CalendarEvent): boolean {
  const a = event.data;
  if (!isOffice(viewer.role) || (a.status !== 'SCHEDULED' && a.status !== 'CONFIRMED')) return false;
  return viewer.role !== 'SALES' || !a.assignee || a.assignee.id === viewer.id;
}

function Calendar({ viewer }: { viewer: Viewer }) {
  const [params, setParams] = useSearchParams();
  const phone = useMediaQuery('(max-width: 640px)');
  const now = useNow();
  const staff = useStaff(viewer);
  const office = isOffice(viewer.role);
  const state = readCalendarState(params);
  const view = state.view ?? (phone ? 'day' : 'week');
  const dateKey = state.date.getTime();
  const days = useMemo(() => daysOf(view, new Date(dateKey)), [view, dateKey]);
  const who = effectiveWho(state, viewer);
  // A new object each render: Apollo compares variables by value.
  const filter = filterOf(days, who, state.teamId, viewer.role);
  const { events, totalCount, loading, loadingMore, error, refetch } = useCalendarAppointments(filter);
  const shown = useMemo(
    () => (state.showCancelled ? events : events.filter((e) => e.data.status !== 'CANCELLED')),
    [events, state.showCancelled],
  );

  const move = useMoveAppointment();
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<string | null>(null);
  const [booking, setBooking] = useState<{ start?: Date } | null>(null);
  const [editing, setEditing] = useState(false);
  const open = useOpenAppointment(state.openId, events);
  const opened = open.event;

  const change = (patch: Partial<CalendarState>, replace = false) =>
    setParams(writeCalendarState({ ...state, ...patch }), { replace });
  // Opening and closing details keep one history entry (the URL still names the open appointment, for links).
  const setOpenId = (openId: string | null) => {
    setEditing(false);
    change({ openId }, true);
  };

  // A link to an appointment (a notification's) that does not say the day: show its day.
  const fetchedStart = open.fetched?.start.getTime();
  useEffect(() => {
    if (fetchedStart !== undefined && !params.has('date')) change({ date: startOfDay(new Date(fetchedStart)) }, true);
  }, [fetchedStart]);

  const moveEvent = async (event: CalendarEvent, start: Date) => {
    setNotice(null);
    setPending((p) => new Set(p).add(event.id));
    try {
      const errors = await move(event, start);
      if (errors.length) setNotice(`${event.data.title} was not moved: ${errors.map((e) => localizeTimes(e.message)).join(' ')}`);
    } catch {
      setNotice(`${event.data.title} was not moved: the server could not be reached. Try again.`);
    } finally {
      setPending((p) => {
        const next = new Set(p);
        next.delete(event.id);
        return next;
      });
    }
  };

  const someone = typeof who !== 'string';
  const bookFor = someone ? who.userId : who === 'unassigned' ? '' : undefined;
  const status = loading
    ? 'Loading…'
    : loadingMore
      ? `Loading ${events.length} of ${totalCount ?? '…'}…`
      : `${shown.length} appointment${shown.length === 1 ? '' : 's'}`;
  const lastDay = days[days.length - 1]!;

  return (
    <>
      <PageHeader
        title="Appointments"
        subtitle={
          !office
            ? 'Your appointments and those of your projects.'
            : phone
              ? 'Tap an appointment for its details.'
              : 'Click an empty slot to book; drag an appointment to move it.'
        }
        actions={
          <>
            <ExportButton list="appointments" filter={exportFilterOf(filter, state.showCancelled)} orderBy={CALENDAR_ORDER} />
            {office && (
              <Button variant="primary" onClick={() => setBooking({})}>
                Book appointment
              </Button>
            )}
          </>
        }
      />
      <CalendarToolbar
        viewer={viewer}
        staff={staff}
        view={view}
        rangeLabel={rangeLabel(days[0]!, addDays(lastDay, 1))}
        who={who}
        state={state}
        onChange={change}
        onStep={(direction) => change({ date: stepDate(view, state.date, direction) })}
        onToday={() => change({ date: startOfDay(new Date()) })}
        status={status}
      />
      {open.missing && (
        <Notice className={styles.notice} onDismiss={() => setOpenId(null)}>
          That appointment does not exist any more, or you may not see it.
        </Notice>
      )}
      {notice && (
        <Notice className={styles.notice} onDismiss={() => setNotice(null)}>
          {notice}
        </Notice>
      )}
      {error ? (
        <ErrorState title="The appointments could not be loaded" error={error} onRetry={() => void refetch()} />
      ) : phone ? (
        <AgendaList days={days} events={shown} now={now} showAssignee={!someone} onOpen={(e) => setOpenId(e.id)} pending={pending} />
      ) : (
        <>
          <TimeGrid
            days={days}
            events={shown}
            now={now}
            showAssignee={!someone}
            onSlot={office ? (start) => setBooking({ start }) : undefined}
            canMove={(e) => movable(viewer, e)}
            onMove={(e, start) => void moveEvent(e, start)}
            onOpen={(e) => setOpenId(e.id)}
            onOpenDay={view === 'week' ? (day) => change({ view: 'day', date: day }) : undefined}
            pending={pending}
          />
          <ul className={own.legend} aria-label="Types">
            {KINDS.map((k) => (
              <li key={k} className={calendar[`kind_${k}`]}>
                <span className={own.swatch} aria-hidden="true" />
                {kindLabel(k)}
              </li>
            ))}
          </ul>
        </>
      )}
      {booking && (
        <BookAppointmentDialog start={booking.start} assigneeId={bookFor} onClose={() => setBooking(null)} />
      )}
      {opened && !editing && (
        <AppointmentDetailsDialog
          event={opened}
          office={office}
          canEdit={office}
          onEdit={() => setEditing(true)}
          onClose={() => setOpenId(null)}
        />
      )}
      {opened && editing && <EditAppointmentDialog event={opened} people={staff.bookable} onClose={() => setOpenId(null)} />}
    </>
  );
}
