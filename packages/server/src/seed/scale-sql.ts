/**
 * Set-based SQL for the large-scale seed: every value is a pure function of the customer ordinal `k` (and a slot),
 * hashed with hashint8extended, so rows reference each other by recomputing ids (md5 of the ordinal) instead of
 * looking them up, and a batch is one INSERT ... SELECT FROM generate_series per table.
 *
 * Ids: customer md5('c'||k), its two leads md5('l'||k||'.0'|'.1'), the project of an even k md5('p'||k).
 * Lead 0 of a customer is its first deal (created with the customer; won for 80% of even k, then it has the project);
 * lead 1 is a newer one, often not yet attached to a customer.
 */
import { JOB, LEAD_SCORE, LEAD_SOURCES, PRIORITY_WEIGHTS, PROJECT_TYPES, type LeadStatus } from './texts';

/** Named parameters (`$now`, `$from`, ...) to positional ones. */
export function bind(sql: string, values: Record<string, unknown>): [string, unknown[]] {
  const order: string[] = [];
  const text = sql.replace(/\$([a-z][a-z_]*)/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`no value for $${name}`);
    if (!order.includes(name)) order.push(name);
    return `$${order.indexOf(name) + 1}`;
  });
  return [text, order.map((n) => values[n])];
}

export const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const h = (x: string, salt: number) => `(hashint8extended(${x}, ${salt}) & 2147483647)`;
/** Uniform in [0, 1), reproducible for (x, salt). */
export const r = (x: string, salt: number) => `(${h(x, salt)}::float8 / 2147483648.0)`;
/** An element of an array (NULL when it is empty). */
export const pick = (arr: string, x: string, salt: number) => `(${arr})[1 + (${h(x, salt)} % greatest(cardinality(${arr}), 1))::int]`;
/** CASE over cumulative weights; `u` must be uniform in [0, 1). */
export function weighted(u: string, options: ReadonlyArray<readonly [string, number]>): string {
  const total = options.reduce((s, [, w]) => s + w, 0);
  let acc = 0;
  const whens = options.slice(0, -1).map(([v, w]) => `WHEN ${u} < ${(acc += w) / total} THEN ${v}`);
  return `CASE ${whens.join(' ')} ELSE ${options[options.length - 1]![0]} END`;
}
const quoted = (options: ReadonlyArray<readonly [string, number]>) => options.map(([v, w]) => [lit(v), w] as const);
export const array = (values: Array<string | number>, type: string) =>
  `ARRAY[${values.map((v) => (typeof v === 'number' ? v : lit(v))).join(', ')}]::${type}[]`;

export const NOW = '$now::timestamptz';
export const TODAY = '$today::date';
export const TZ = `'America/Chicago'`;
const DAYS = (n: string) => `interval '1 day' * (${n})`;

// Project types by index (1-based in SQL) with their value range and crew days.
const TYPES = PROJECT_TYPES.map(([t]) => t);
export const TYPE_INDEX = weighted(r('x', 40), PROJECT_TYPES.map(([, w], i) => [String(i + 1), w] as const));
export const typeOf = (ti: string) => `(${array(TYPES, 'text')})[${ti}]`;
export const typeWordsOf = (ti: string) => `replace(lower(${typeOf(ti)}), '_', ' ')`;
export const valueOf = (ti: string, x: string) =>
  `round(((${array(TYPES.map((t) => JOB[t].min), 'float8')})[${ti}] + ((${array(TYPES.map((t) => JOB[t].max - JOB[t].min), 'float8')})[${ti}]) * ${r(x, 45)})::numeric, 2)`;
export const daysOf = (ti: string, x: string) =>
  `((${array(TYPES.map((t) => JOB[t].days[0]), 'int')})[${ti}] + floor(((${array(TYPES.map((t) => JOB[t].days[1] - JOB[t].days[0] + 1), 'int')})[${ti}]) * ${r(x, 50)})::int)`;

/** Columns of customer `k` (needs the team row `st`); the same in every statement that refers to the customer. */
const CUSTOMER = `
  ${pick('$first::text[]', 'k', 1)} AS first_name,
  ${pick('$last::text[]', 'k', 2)} AS last_name,
  ${r('k', 3)} < 0.12 AS commercial,
  ${pick('$biz_first::text[]', 'k', 5)} || ' ' || ${pick('$biz_kind::text[]', 'k', 6)} AS business,
  ${pick('st.places', 'k', 4)} AS place,
  (100 + ${h('k', 7)} % 9800) || ' ' || ${pick('$streets::text[]', 'k', 8)} AS street,
  ${NOW} - ${DAYS(`548 * ${r('k', 11)}`)} AS c_created`;

/** Customers of the batch with their team (`k % teams`); `join`/`where` add slots or filter. */
export const customerBase = (extra = '', join = '', where = '') => `
  SELECT k, st.t, st.id AS team_id, st.manager, st.sales, st.techs, st.staff, st.places AS team_places, ${CUSTOMER} ${extra}
    FROM generate_series($from::bigint, $to::bigint) k
    JOIN pg_temp.seed_team st ON st.t = (k % $teams::int) ${join}
   ${where}`;

/** The customer's name (as in INSERT_CUSTOMERS), for names of projects and titles of appointments. */
export const NAME = `(CASE WHEN commercial THEN business ELSE first_name || ' ' || last_name END)`;
export const LOCATION = `street || ', ' || split_part(place, '|', 1) || ', MN ' || split_part(place, '|', 2)`;
export const WON = `(k % 2 = 0 AND ${r('k', 20)} < 0.8)`;
/** When lead 0 of an even customer was won, i.e. when its project was created. */
export const CONVERTED = `greatest(c_created, least(${NOW} - interval '1 hour', c_created + ${DAYS(`7 + 33 * ${r('k', 22)}`)}))`;
const emailName = (col: string) => `lower(regexp_replace(${col}, '[^A-Za-z]', '', 'g'))`;
const phone = (place: string, digits: string) => `'+1' || split_part(${place}, '|', 3) || '555' || lpad((${digits})::text, 4, '0')`;

export const INSERT_CUSTOMERS = `
INSERT INTO customers (id, name, email, phone, address_street, address_city, address_state, address_zip,
                       customer_type, segment, team_id, created_by, created_at, updated_at)
SELECT md5('c' || k)::uuid,
       ${NAME},
       CASE WHEN commercial THEN 'office.' || trim(both '.' from lower(regexp_replace(business, '[^A-Za-z0-9]+', '.', 'g')))
            ELSE ${emailName('first_name')} || '.' || ${emailName('last_name')} END || '.' || k || '@example.net',
       ${phone('place', 'k % 10000')},
       street, split_part(place, '|', 1), 'MN', split_part(place, '|', 2),
       CASE WHEN commercial THEN 'COMMERCIAL' ELSE 'RESIDENTIAL' END,
       CASE WHEN commercial THEN ${pick('$segments_commercial::text[]', 'k', 9)} ELSE ${pick('$segments_residential::text[]', 'k', 9)} END,
       team_id, ${pick('staff', 'k', 10)}, c_created, c_created + (${NOW} - c_created) * ${r('k', 12)}
  FROM (${customerBase()}) c`;

const LEAD_STATUS = `CASE WHEN slot = 0 THEN
    CASE WHEN ${WON} THEN 'WON'
         WHEN c_created < ${NOW} - interval '120 days' AND ${r('k', 23)} < 0.7 THEN 'LOST'
         ELSE ${weighted(r('k', 21), quoted([['LOST', 50], ['ESTIMATE_SENT', 20], ['INSPECTION_SCHEDULED', 15], ['CONTACTED', 15]]))} END
  ELSE ${weighted(r('k', 30), quoted([['NEW', 35], ['CONTACTED', 30], ['INSPECTION_SCHEDULED', 15], ['ESTIMATE_SENT', 10], ['LOST', 10]]))} END`;

const scoreBound = (i: 0 | 1) =>
  `CASE status ${Object.entries(LEAD_SCORE).map(([s, b]) => `WHEN ${lit(s)} THEN ${b[i]}`).join(' ')} END`;
const OPEN: LeadStatus[] = ['NEW', 'CONTACTED', 'INSPECTION_SCHEDULED', 'ESTIMATE_SENT'];

export const INSERT_LEADS = `
INSERT INTO leads (id, customer_id, contact_name, contact_email, contact_phone, address_street, address_city, address_state,
                   address_zip, source, status, lost_reason, score, assignee_id, team_id, project_type, estimated_value,
                   priority, notes, next_follow_up_at, converted_at, created_by, created_at, updated_at)
SELECT md5('l' || k || '.' || slot)::uuid,
       CASE WHEN linked THEN md5('c' || k)::uuid END,
       CASE WHEN NOT linked THEN cf || ' ' || cl END,
       CASE WHEN NOT linked AND ${r('x', 104)} < 0.85 THEN ${emailName('cf')} || '.' || ${emailName('cl')} || '.l' || k || '@example.org' END,
       CASE WHEN NOT linked THEN ${phone('cplace', `${h('x', 103)} % 10000`)} END,
       CASE WHEN linked THEN street ELSE cstreet END,
       split_part(CASE WHEN linked THEN place ELSE cplace END, '|', 1), 'MN',
       split_part(CASE WHEN linked THEN place ELSE cplace END, '|', 2),
       source, status,
       CASE WHEN status = 'LOST' THEN ${pick('$lost_reasons::text[]', 'x', 42)} END,
       least(100, greatest(0, ${scoreBound(0)} + floor((${scoreBound(1)} - ${scoreBound(0)} + 1) * ${r('x', 43)})::int
             + CASE priority WHEN 'LOW' THEN -5 WHEN 'HIGH' THEN 5 WHEN 'URGENT' THEN 10 ELSE 0 END)),
       assignee, team_id, ${typeOf('ti')}, ${valueOf('ti', 'x')}, priority,
       CASE WHEN ${r('x', 47)} < 0.5 THEN ${pick('$lead_notes::text[]', 'x', 48)} END,
       CASE WHEN status IN (${OPEN.map(lit).join(', ')}) THEN date_trunc('hour', ${NOW} + interval '1 hour' * (-72 + 408 * ${r('x', 49)})) END,
       CASE WHEN status = 'WON' THEN ${CONVERTED} END,
       CASE WHEN source IN ('WEBSITE', 'ADS') THEN NULL ELSE coalesce(assignee, manager) END,
       l_created,
       CASE status WHEN 'WON' THEN ${CONVERTED}
                   WHEN 'LOST' THEN least(${NOW}, l_created + ${DAYS(`3 + 57 * ${r('x', 51)}`)})
                   ELSE l_created + (${NOW} - l_created) * ${r('x', 52)} END
  FROM (
    SELECT b.*,
           CASE WHEN slot = 0 THEN c_created
                WHEN linked THEN c_created + (${NOW} - c_created) * ${r('x', 32)}
                ELSE ${NOW} - ${DAYS(`180 * power(${r('x', 33)}, 2)`)} END AS l_created,
           CASE WHEN (status = 'NEW' AND ${r('x', 44)} < 0.35) OR (status = 'CONTACTED' AND ${r('x', 44)} < 0.08) THEN NULL
                ELSE ${pick('sales', 'x', 26)} END AS assignee,
           CASE WHEN ${typeOf('ti')} = 'STORM_DAMAGE' THEN ${weighted(r('x', 46), quoted(PRIORITY_WEIGHTS.storm))}
                ELSE ${weighted(r('x', 46), quoted(PRIORITY_WEIGHTS.other))} END AS priority
      FROM (
        SELECT a.*, slot = 0 OR status NOT IN ('NEW', 'CONTACTED') OR ${r('x', 31)} < 0.35 AS linked
          FROM (
            SELECT c.*, (${LEAD_STATUS}) AS status, ${TYPE_INDEX} AS ti,
                   ${weighted(r('x', 41), quoted(LEAD_SOURCES))} AS source,
                   ${pick('$first::text[]', 'x', 101)} AS cf, ${pick('$last::text[]', 'x', 102)} AS cl,
                   ${pick('team_places', 'x', 105)} AS cplace,
                   (100 + ${h('x', 106)} % 9800) || ' ' || ${pick('$streets::text[]', 'x', 107)} AS cstreet
              FROM (${customerBase(', slot, k * 2 + slot AS x', 'CROSS JOIN (VALUES (0), (1)) AS s(slot)')}) c
          ) a
      ) b
  ) l`;

/** Won leads point at their project (a second step: leads and projects reference each other). */
export const LINK_WON_LEADS = `
UPDATE leads l SET converted_project_id = md5('p' || k)::uuid
  FROM generate_series($from::bigint, $to::bigint) k
 WHERE ${WON} AND l.id = md5('l' || k || '.0')::uuid`;

