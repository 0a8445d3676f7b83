import type { Viewer } from '../../app/auth';
import { Button, cx, Select, type SelectOption } from '../../ui';
import { picksPeople, picksTeams, type CalendarState, type CalendarView, type Who } from './calendarParams';
import type { Staff } from './staff';
import styles from './page.module.css';

export interface CalendarToolbarProps {
  viewer: Viewer;
  staff: Staff;
  view: CalendarView;
  rangeLabel: string;
  who: Who;
  state: CalendarState;
  onChange: (patch: Partial<CalendarState>) => void;
  onStep: (direction: -1 | 1) => void;
  onToday: () => void;
  status: string;
}

const whoValue = (who: Who) => (typeof who === 'string' ? who : who.userId);
const whoOf = (value: string): Who => (value === 'all' || value === 'unassigned' ? value : { userId: value });

/** Whose calendar a role may choose: admins and managers anyone of their teams; sales theirs or the open slots. */
function whoOptions(viewer: Viewer, staff: Staff, teamId: string | null): SelectOption[] {
  if (viewer.role === 'SALES') {
    return [
      { value: viewer.id, label: 'My appointments' },
      { value: 'unassigned', label: 'Unassigned in my team' },
      { value: 'all', label: 'Mine and unassigned' },
    ];
  }
  const teams = teamId ? staff.teams.filter((t) => t.id === teamId) : staff.teams;
  const people = new Map(teams.flatMap((t) => t.members).filter((m) => m.id !== viewer.id).map((m) => [m.id, m]));
  return [
    { value: 'all', label: teamId ? 'Everyone in the team' : 'Everyone' },
    { value: 'unassigned', label: 'Unassigned' },
    { value: viewer.id, label: `Me (${viewer.name})` },
    ...[...people.values()].sort((a, b) => a.name.localeCompare(b.name)).map((m) => ({ value: m.id, label: m.name })),
  ];
}

/** Today / previous / next, week or day, whose calendar and which team, cancelled shown or not. */
export function CalendarToolbar({ viewer, staff, view, rangeLabel, who, state, onChange, onStep, onToday, status }: CalendarToolbarProps) {
  const options = viewer.role === 'FIELD_TECH' ? [] : whoOptions(viewer, staff, state.teamId);
  // A person from the URL that the list does not know (yet) stays selectable.
  if (typeof who !== 'string' && options.length && !options.some((o) => o.value === who.userId)) {
    options.push({ value: who.userId, label: 'Someone else' });
  }
  return (
    <div className={styles.toolbar}>
      <div className={styles.nav}>
        <Button onClick={onToday}>Today</Button>
        <div className={styles.arrows}>
          <Button variant="ghost" aria-label={`Previous ${view}`} onClick={() => onStep(-1)}>
            ‹
          </Button>
          <Button variant="ghost" aria-label={`Next ${view}`} onClick={() => onStep(1)}>
            ›
          </Button>
        </div>
        <h2 className={styles.range} aria-live="polite">
          {rangeLabel}
        </h2>
      </div>
      <div className={styles.controls}>
        <div className={styles.segmented} role="group" aria-label="View">
          {(['week', 'day'] as const).map((v) => (
            <button
              key={v}
              type="button"
              className={cx(styles.segment, view === v && styles.segmentOn)}
              aria-pressed={view === v}
              onClick={() => onChange({ view: v })}
            >
              {v === 'week' ? 'Week' : 'Day'}
            </button>
          ))}
        </div>
        {picksTeams(viewer.role) && staff.teams.length > 1 && (
          <Select
            label="Team"
            hideLabel
            className={styles.picker}
            value={state.teamId ?? ''}
            options={[{ value: '', label: viewer.role === 'ADMIN' ? 'All teams' : 'All my teams' }, ...staff.teams.map((t) => ({ value: t.id, label: t.name }))]}
            onChange={(e) => onChange({ teamId: e.target.value || null, who: null })}
          />
        )}
        {options.length > 0 && (
          <Select
            label={picksPeople(viewer.role) ? 'Person' : 'Show'}
            hideLabel
            className={styles.picker}
            value={whoValue(who)}
            options={options}
            onChange={(e) => onChange({ who: whoOf(e.target.value) })}
          />
        )}
        <label className={styles.check}>
          <input type="checkbox" checked={state.showCancelled} onChange={(e) => onChange({ showCancelled: e.target.checked })} />
          Show cancelled
        </label>
        <span className={styles.status} role="status">
          {status}
        </span>
      </div>
    </div>
  );
}
