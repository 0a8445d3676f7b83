/** Set-based SQL for the large-scale seed, continued: projects with crews, the calendar and the communication log. */
import { array, CONVERTED, customerBase, daysOf, lit, LOCATION, NAME, NOW, pick, r, TODAY, TYPE_INDEX, typeOf, typeWordsOf, TZ, valueOf, weighted, WON } from './scale-sql';
import { APPOINTMENT_TITLES, CHANNELS, INTERACTION_TEXT, INTERACTION_TYPES, OUTCOMES } from './texts';

const quoted = (options: Array<[string, number]>) => options.map(([v, w]) => [lit(v), w] as const);
const DAYS = (n: string) => `interval '1 day' * (${n})`;

/** One project per even customer; for 80% of them lead 0 was won and became this project. */
export const INSERT_PROJECTS = `
INSERT INTO projects (id, customer_id, lead_id, name, project_type, status, budget, actual_cost, start_date, end_date,
                      completion_percentage, team_id, created_by, created_at, updated_at)
SELECT md5('p' || k)::uuid, md5('c' || k)::uuid, CASE WHEN won THEN md5('l' || k || '.0')::uuid END,
       ${NAME} || ' – ' || ${typeWordsOf('ti')}, ${typeOf('ti')}, status, budget,
       round((budget * CASE status
         WHEN 'COMPLETED' THEN CASE WHEN ${r('k', 56)} < 0.25 THEN 1.02 + 0.23 * ${r('k', 57)} ELSE 0.82 + 0.18 * ${r('k', 57)} END
         WHEN 'IN_PROGRESS' THEN (0.4 + 0.6 * pct / 100.0) * (0.9 + 0.25 * ${r('k', 57)})
         WHEN 'SCHEDULED' THEN CASE WHEN ${r('k', 56)} < 0.5 THEN 0.25 + 0.15 * ${r('k', 57)} ELSE 0 END
         WHEN 'CANCELLED' THEN CASE WHEN ${r('k', 56)} < 0.3 THEN 0.02 + 0.04 * ${r('k', 57)} ELSE 0 END
         ELSE 0 END)::numeric, 2),
       start_date, start_date + days - 1, pct, team_id,
       CASE WHEN won THEN ${pick('sales', 'x', 26)} ELSE manager END,
       conv,
       CASE WHEN status = 'COMPLETED' THEN least(${NOW}, (start_date + days - 1 + time '17:00') AT TIME ZONE ${TZ})
            ELSE conv + (${NOW} - conv) * ${r('k', 58)} END
  FROM (
    SELECT p.*,
      CASE status
        WHEN 'PLANNING' THEN CASE WHEN ${r('k', 53)} < 0.5 THEN ${TODAY} + (10 + floor(31 * ${r('k', 54)}))::int END
        WHEN 'SCHEDULED' THEN ${TODAY} + (1 + floor(24 * ${r('k', 54)}))::int
        WHEN 'IN_PROGRESS' THEN greatest(${TODAY} - floor(days * ${r('k', 54)})::int, conv_date)
        WHEN 'COMPLETED' THEN greatest(conv_date, least(conv_date + (3 + floor(23 * ${r('k', 54)}))::int, ${TODAY} - days - 1))
      END AS start_date,
      CASE status WHEN 'COMPLETED' THEN 100 WHEN 'IN_PROGRESS' THEN 10 + floor(81 * ${r('k', 55)})::int ELSE 0 END AS pct
    FROM (
      SELECT b.*, (conv AT TIME ZONE ${TZ})::date AS conv_date, ${daysOf('ti', 'k')} AS days,
        round(least(60000, ${valueOf('ti', 'x')} * (0.95 + 0.17 * ${r('k', 52)}))::numeric, 2) AS budget,
        CASE WHEN conv > ${NOW} - interval '14 days' THEN ${weighted(r('k', 51), quoted([['PLANNING', 45], ['SCHEDULED', 45], ['IN_PROGRESS', 10]]))}
             WHEN conv > ${NOW} - interval '45 days' THEN ${weighted(r('k', 51), quoted([['SCHEDULED', 25], ['IN_PROGRESS', 35], ['COMPLETED', 35], ['CANCELLED', 5]]))}
             ELSE ${weighted(r('k', 51), quoted([['COMPLETED', 88], ['CANCELLED', 12]]))} END AS status
      FROM (SELECT c.*, ${CONVERTED} AS conv, ${WON} AS won, ${TYPE_INDEX} AS ti
              FROM (${customerBase(', k * 2 AS x', '', 'WHERE k % 2 = 0')}) c) b
    ) p
  ) q`;

/** The crew: the team's field tech, often the sales rep who won it, sometimes the manager. */
export const INSERT_MEMBERS = `
INSERT INTO project_members (project_id, user_id, assigned_at)
SELECT md5('p' || k)::uuid, u, least(${NOW}, conv + ${DAYS(`3 * ${r('k', 61)}`)})
  FROM (SELECT c.*, ${CONVERTED} AS conv FROM (${customerBase('', '', 'WHERE k % 2 = 0')}) c) p
 CROSS JOIN LATERAL unnest(ARRAY[
   ${pick('techs', 'k', 60)},
   CASE WHEN ${r('k', 62)} < 0.55 THEN ${pick('sales', 'k * 2', 26)} END,
   CASE WHEN ${r('k', 63)} < 0.15 THEN manager END]) AS u
 WHERE u IS NOT NULL
ON CONFLICT DO NOTHING`;

/** Start of each of the 4 daily slots (minutes after local midnight); slots are 150 minutes apart. */
export const SLOT_STARTS = [480, 630, 780, 930];
export const SLOT_MAX_MINUTES = 120;

/**
 * One appointment per customer. The first `$capacity` of each team (by ordinal within this run) get a staff member
 * in a grid slot that nobody else of this run uses (distinct user/day/slot for distinct ordinals), and only if that
 * person has nothing overlapping already (demo data, earlier runs); the rest stay unassigned.
 */
export const INSERT_APPOINTMENTS = `
INSERT INTO appointments (id, customer_id, lead_id, project_id, kind, title, starts_at, ends_at, assignee_id, location,
                          status, notes, team_id, created_by, created_at, updated_at)
SELECT gen_random_uuid(), md5('c' || k)::uuid,
       CASE WHEN kind <> 'INSTALL' THEN md5('l' || k || '.0')::uuid END,
       CASE WHEN kind = 'INSTALL' THEN md5('p' || k)::uuid END,
       kind,
       CASE kind ${Object.entries(APPOINTMENT_TITLES).map(([k, t]) => `WHEN ${lit(k)} THEN ${lit(t)}`).join(' ')} END || ' – ' || ${NAME},
       starts_at, ends_at, assignee, ${LOCATION},
       CASE WHEN ends_at < ${NOW} THEN ${weighted(r('k', 85), quoted([['COMPLETED', 85], ['CANCELLED', 9], ['NO_SHOW', 6]]))}
            WHEN starts_at > ${NOW} THEN ${weighted(r('k', 85), quoted([['SCHEDULED', 60], ['CONFIRMED', 33], ['CANCELLED', 7]]))}
            ELSE 'CONFIRMED' END,
       NULL, team_id, coalesce(assignee, manager), created, created
  FROM (
    SELECT s.*,
      CASE WHEN candidate IS NOT NULL AND NOT EXISTS (
             SELECT 1 FROM appointments a
              WHERE a.assignee_id = s.candidate AND a.deleted_at IS NULL AND a.status NOT IN ('CANCELLED', 'NO_SHOW')
                AND tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(s.starts_at, s.ends_at, '[)'))
           THEN candidate END AS assignee,
      least(${NOW}, starts_at - ${DAYS(`1 + 13 * ${r('k', 86)}`)}) AS created
    FROM (
      SELECT g.*, (day + make_interval(mins => minute)) AT TIME ZONE ${TZ} AS starts_at,
             (day + make_interval(mins => minute + duration)) AT TIME ZONE ${TZ} AS ends_at
      FROM (
        SELECT c.*,
          CASE WHEN k % 2 = 0 AND ${r('k', 80)} < 0.4 THEN 'INSTALL'
               ELSE ${weighted(r('k', 81), quoted([['INSPECTION', 40], ['ESTIMATE', 25], ['FOLLOW_UP', 35]]))} END AS kind,
          CASE WHEN slot_no < $capacity::int THEN staff[1 + (o % cardinality(staff))::int] END AS candidate,
          CASE WHEN slot_no < $capacity::int THEN ($days::date[])[1 + (slot_no % $day_count::int)::int]
               ELSE ${pick('$days::date[]', 'k', 82)} END AS day,
          CASE WHEN slot_no < $capacity::int THEN (${array(SLOT_STARTS, 'int')})[1 + (slot_no / $day_count::int)::int]
               ELSE 480 + 30 * floor(17 * ${r('k', 83)})::int END AS minute,
          CASE WHEN slot_no < $capacity::int THEN 30 + 15 * floor(${(SLOT_MAX_MINUTES - 30) / 15 + 1} * ${r('k', 84)})::int
               ELSE 30 + 15 * floor(11 * ${r('k', 84)})::int END AS duration
        FROM (SELECT b.*, o / greatest(cardinality(staff), 1) AS slot_no
                FROM (${customerBase(', (k - $base::bigint - 1) / $teams::int AS o')}) b) c
      ) g
    ) s
  ) a`;

// Interaction texts flattened into arrays, addressed by the type's offset and count.
const TYPES = INTERACTION_TYPES.map(([t]) => t);
const offsets = (counts: number[]) => counts.map((_, i) => counts.slice(0, i).reduce((a, b) => a + b, 0));
const textCounts = TYPES.map((t) => INTERACTION_TEXT[t].length);
const outcomeCounts = TYPES.map((t) => OUTCOMES[t].length);
export const INTERACTION_ARRAYS = {
  subjects: TYPES.flatMap((t) => INTERACTION_TEXT[t].map(([s]) => s)),
  interaction_notes: TYPES.flatMap((t) => INTERACTION_TEXT[t].map(([, n]) => n)),
  outcomes: TYPES.flatMap((t) => OUTCOMES[t]),
};
const nth = (arr: string, counts: number[], salt: number) =>
  `(${arr})[(${array(offsets(counts), 'int')})[ti] + 1 + floor(${r('x', salt)} * (${array(counts, 'int')})[ti])::int % greatest((${array(counts, 'int')})[ti], 1)]`;

/** Ten interactions per customer over its lifetime; some about its first deal or its project. */
export const INSERT_INTERACTIONS = `
INSERT INTO interactions (id, customer_id, lead_id, project_id, type, channel, direction, subject, notes, outcome,
                          user_id, team_id, occurred_at, created_at, updated_at)
SELECT gen_random_uuid(), md5('c' || k)::uuid,
       CASE WHEN (on_project AND won) OR (NOT on_project AND ${r('x', 74)} < 0.5) THEN md5('l' || k || '.0')::uuid END,
       CASE WHEN on_project THEN md5('p' || k)::uuid END,
       type, nullif((${array(TYPES.map((t) => CHANNELS[t] ?? ''), 'text')})[ti], ''),
       CASE type WHEN 'NOTE' THEN 'INTERNAL' WHEN 'VISIT' THEN 'OUTBOUND'
                 ELSE CASE WHEN ${r('x', 76)} < 0.35 THEN 'INBOUND' ELSE 'OUTBOUND' END END,
       ${nth('$subjects::text[]', textCounts, 75)}, ${nth('$interaction_notes::text[]', textCounts, 75)},
       CASE WHEN (${array(outcomeCounts, 'int')})[ti] > 0 THEN ${nth('$outcomes::text[]', outcomeCounts, 77)} END,
       CASE type WHEN 'NOTE' THEN ${pick('staff', 'x', 78)}
                 WHEN 'VISIT' THEN CASE WHEN ${r('x', 79)} < 0.6 THEN ${pick('techs', 'x', 78)} ELSE ${pick('sales', 'x', 78)} END
                 ELSE ${pick('sales', 'x', 78)} END,
       team_id, occurred, occurred, occurred
  FROM (
    SELECT i.*, (${array(TYPES, 'text')})[ti] AS type,
           k % 2 = 0 AND occurred >= ${CONVERTED} AND ${r('x', 73)} < 0.45 AS on_project, ${WON} AS won
      FROM (SELECT c.*, c_created + (${NOW} - c_created) * ${r('x', 71)} AS occurred,
                   ${weighted(r('x', 72), INTERACTION_TYPES.map(([, w], i) => [String(i + 1), w] as const))} AS ti
              FROM (${customerBase(', k * 16 + n AS x', 'CROSS JOIN generate_series(1, 10) AS n')}) c) i
  ) j`;
