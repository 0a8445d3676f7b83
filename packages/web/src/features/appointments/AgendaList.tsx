import { Fragment } from 'react';
import { enumLabel } from '../../lib/format';
import { Badge, cx } from '../../ui';
import { STATUS_TONE, withWhom, type CalendarEvent } from './appointment';
import { eventLabel } from './EventBlock';
import { segmentsOfDay } from './layout';
import { longDayLabel, sameDay, timeLabel } from './time';
import styles from './AgendaList.module.css';
import kinds from './calendar.module.css';

export interface AgendaListProps {
  days: readonly Date[];
  events: readonly CalendarEvent[];
  now: Date;
  showAssignee: boolean;
  onOpen: (event: CalendarEvent) => void;
  pending: ReadonlySet<string>;
}

/** The days as lists of appointments in time order (phones), with a line at the current time today. */
export function AgendaList({ days, events, now, showAssignee, onOpen, pending }: AgendaListProps) {
  return (
    <div className={styles.agenda}>
      {days.map((day) => {
        const today = sameDay(day, now);
        const segments = segmentsOfDay(events, day);
        const nowIndex = today ? segments.findIndex((s) => s.item.end > now) : -1;
        const nowLine = (
          <li className={styles.agendaNow}>Now {timeLabel(now)}</li>
        );
        return (
          <section key={day.getTime()} className={styles.agendaDay} aria-label={longDayLabel(day)}>
            <h2 className={today ? styles.agendaToday : undefined}>
              {today ? `Today · ${longDayLabel(day)}` : longDayLabel(day)}
            </h2>
            {segments.length === 0 ? (
              <p className={styles.agendaEmpty}>Nothing booked.</p>
            ) : (
              <ul className={styles.agendaList}>
                {segments.map(({ item }, i) => {
                  const a = item.data;
                  const who = withWhom(a);
                  return (
                    <Fragment key={item.id}>
                      {i === nowIndex && nowLine}
                      <li>
                        <button
                          type="button"
                          className={cx(styles.agendaItem, kinds[`kind_${a.kind}`])}
                          aria-label={eventLabel(item)}
                          aria-busy={pending.has(item.id) || undefined}
                          onClick={() => onOpen(item)}
                        >
                          <span className={styles.agendaTime}>
                            <span>{timeLabel(item.start)}</span>
                            <span>{timeLabel(item.end)}</span>
                          </span>
                          <span className={styles.agendaBody}>
                            <span className={styles.agendaTitle}>{a.title}</span>
                            <span className={styles.agendaMeta}>
                              {[who && !a.title.includes(who) ? who : null, a.location, showAssignee ? (a.assignee?.name ?? 'Unassigned') : null]
                                .filter(Boolean)
                                .join(' · ')}
                            </span>
                            {a.status !== 'SCHEDULED' && (
                              <span>
                                <Badge tone={STATUS_TONE[a.status]}>{enumLabel(a.status)}</Badge>
                              </span>
                            )}
                          </span>
                        </button>
                      </li>
                    </Fragment>
                  );
                })}
                {today && nowIndex === -1 && nowLine}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
