/** The demo company's customers and sales pipeline, generated in memory (rows keyed by column name). */
import { BUSINESS_FIRST, BUSINESS_KIND, COMMERCIAL_SEGMENTS, EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES, REGIONS, RESIDENTIAL_SEGMENTS, STREETS, slug, type Place } from './names';
import { addDays, between, DAY_MS, daysBefore, localTime, minDate, type Rng } from './random';
import { JOB, LEAD_NOTES, LEAD_SCORE, LEAD_SOURCES, LOST_REASONS, OPEN_STATUSES, PRIORITY_BONUS, PRIORITY_WEIGHTS, PROJECT_TYPES, type LeadSource, type LeadStatus, type Priority, type ProjectType } from './texts';

export interface TeamStaff {
  id: string;
  managers: string[];
  sales: string[];
  techs: string[];
  all: string[];
}

export interface DemoContext {
  rng: Rng;
  now: Date;
  /** Today's date in Minnesota. */
  today: string;
  teams: TeamStaff[];
  emails: Set<string>;
  phones: Set<string>;
}

interface Address {
  address_street: string;
  address_city: string;
  address_state: 'MN';
  address_zip: string;
}

export interface Customer extends Address {
  id: string;
  name: string;
  email: string;
  phone: string;
  customer_type: 'RESIDENTIAL' | 'COMMERCIAL';
  segment: string;
  team_id: string;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  /** Not columns: team index, where appointments happen. */
  team: number;
  location: string;
}

export interface Lead extends Partial<Address> {
  id: string;
  customer_id: string | null;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  source: LeadSource;
  status: LeadStatus;
  lost_reason: string | null;
  score: number;
  assignee_id: string | null;
  team_id: string;
  project_type: ProjectType;
  estimated_value: string;
  priority: Priority;
  notes: string | null;
  next_follow_up_at: Date | null;
  converted_at: Date | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  team: number;
  customer: Customer | null;
}

export const CUSTOMER_COLUMNS = ['id', 'name', 'email', 'phone', 'address_street', 'address_city', 'address_state', 'address_zip', 'customer_type', 'segment', 'team_id', 'created_by', 'created_at', 'updated_at'];
export const LEAD_COLUMNS = ['id', 'customer_id', 'contact_name', 'contact_email', 'contact_phone', 'address_street', 'address_city', 'address_state', 'address_zip', 'source', 'status', 'lost_reason', 'score', 'assignee_id', 'team_id', 'project_type', 'estimated_value', 'priority', 'notes', 'next_follow_up_at', 'converted_at', 'created_by', 'created_at', 'updated_at'];

/** Share of customers per team: North Metro, South Metro, Storm Response. */
const TEAM_WEIGHTS = [40, 35, 25];
const HISTORY_DAYS = 548;

/** How many leads of each status (sums to 400): a funnel where about a quarter of closed leads are lost. */
const FUNNEL: Array<[LeadStatus, number]> = [
  ['NEW', 70],
  ['CONTACTED', 66],
  ['INSPECTION_SCHEDULED', 48],
  ['ESTIMATE_SENT', 44],
  ['WON', 96],
  ['LOST', 76],
];

/** [days ago from, to] a lead of that status was created; and how often it already belongs to a customer. */
const LEAD_AGE: Record<LeadStatus, { from: number; to: number; linked: number }> = {
  NEW: { from: 0, to: 10, linked: 0.25 },
  CONTACTED: { from: 2, to: 28, linked: 0.4 },
  INSPECTION_SCHEDULED: { from: 4, to: 40, linked: 0.85 },
  ESTIMATE_SENT: { from: 6, to: 75, linked: 0.9 },
  WON: { from: 12, to: HISTORY_DAYS, linked: 1 },
  LOST: { from: 10, to: HISTORY_DAYS, linked: 0.7 },
};

export const pickTeam = (rng: Rng): number => rng.weighted(TEAM_WEIGHTS.map((w, i) => [i, w] as const));

function address(ctx: DemoContext, team: number): Address & { place: Place } {
  const place = ctx.rng.pick(REGIONS[team % REGIONS.length]!);
  return {
    place,
    address_street: `${ctx.rng.int(100, 9899)} ${ctx.rng.pick(STREETS)}`,
    address_city: place.city,
    address_state: 'MN',
    address_zip: ctx.rng.pick(place.zips),
  };
}

function uniqueEmail(ctx: DemoContext, local: string, domain: string): string {
  let email = `${local}@${domain}`;
  while (ctx.emails.has(email)) email = `${local}${ctx.rng.int(2, 999)}@${domain}`;
  ctx.emails.add(email);
  return email;
}

function uniquePhone(ctx: DemoContext, area: string): string {
  let phone: string;
  do phone = `+1${area}555${String(ctx.rng.int(0, 9999)).padStart(4, '0')}`;
  while (ctx.phones.has(phone));
  ctx.phones.add(phone);
  return phone;
}

function person(ctx: DemoContext, area: string): { first: string; last: string; name: string; email: string; phone: string } {
  const { rng } = ctx;
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  const [f, l] = [slug(first), slug(last).replace(/\./g, '')];
  const local = rng.pick([`${f}.${l}`, `${f}${l}`, `${f[0]}${l}`, `${f}.${l}${rng.int(1, 99)}`, `${l}.${f}`]);
  return { first, last, name: `${first} ${last}`, email: uniqueEmail(ctx, local, rng.pick(EMAIL_DOMAINS)), phone: uniquePhone(ctx, area) };
}

const staffOf = (t: TeamStaff) => [...t.managers, ...t.sales];

export function makeCustomers(ctx: DemoContext, count: number): Customer[] {
  const { rng, now } = ctx;
  return Array.from({ length: count }, () => {
    const team = pickTeam(rng);
    const { place, ...addr } = address(ctx, team);
    const commercial = rng.chance(0.12);
    const p = person(ctx, place.area);
    const business = `${rng.pick(BUSINESS_FIRST)} ${rng.pick(BUSINESS_KIND)}`;
    const createdAt = daysBefore(now, rng.real(0, HISTORY_DAYS));
    return {
      id: rng.uuid(),
      name: commercial ? business : p.name,
      email: commercial ? uniqueEmail(ctx, `office.${slug(business)}`, 'example.com') : p.email,
      phone: p.phone,
      ...addr,
      customer_type: commercial ? 'COMMERCIAL' : 'RESIDENTIAL',
      segment: rng.pick(commercial ? COMMERCIAL_SEGMENTS : RESIDENTIAL_SEGMENTS),
      team_id: ctx.teams[team]!.id,
      created_by: rng.pick(staffOf(ctx.teams[team]!)),
      created_at: createdAt,
      updated_at: between(rng, createdAt, now),
      team,
      location: `${addr.address_street}, ${addr.address_city}, MN ${addr.address_zip}`,
    };
  });
}

/** A customer for a lead, preferring those with fewer leads so the pipeline spreads over the customer base. */
function customerFor(ctx: DemoContext, customers: Customer[], leadCount: Map<Customer, number>): Customer {
  const a = ctx.rng.pick(customers);
  const b = ctx.rng.pick(customers);
  const c = (leadCount.get(a) ?? 0) <= (leadCount.get(b) ?? 0) ? a : b;
  leadCount.set(c, (leadCount.get(c) ?? 0) + 1);
  return c;
}

export function makeLeads(ctx: DemoContext, customers: Customer[]): Lead[] {
  const { rng, now, today } = ctx;
  const statuses = rng.shuffle(FUNNEL.flatMap(([s, n]) => Array<LeadStatus>(n).fill(s)));
  const leadCount = new Map<Customer, number>();
  return statuses.map((status) => {
    const age = LEAD_AGE[status];
    const recentWin = status === 'WON' && rng.chance(0.4);
    const createdAt = daysBefore(now, rng.real(age.from, recentWin ? 100 : age.to));
    const customer = rng.chance(age.linked) ? customerFor(ctx, customers, leadCount) : null;
    // The customer record was created from (or before) its first lead.
    if (customer && customer.created_at > createdAt) customer.created_at = daysBefore(createdAt, rng.real(0, 1));
    if (customer && customer.updated_at < customer.created_at) customer.updated_at = customer.created_at;
    const team = customer?.team ?? pickTeam(rng);
    const staff = ctx.teams[team]!;
    const source: LeadSource = rng.weighted(LEAD_SOURCES.map(([s, w]) => [s, s === 'STORM_CANVASS' && team === 2 ? 40 : w] as const));
    const projectType: ProjectType =
      source === 'STORM_CANVASS' && rng.chance(0.6) ? 'STORM_DAMAGE' : rng.weighted(PROJECT_TYPES);
    const priority = rng.weighted(PRIORITY_WEIGHTS[projectType === 'STORM_DAMAGE' ? 'storm' : 'other']);
    const score = Math.max(0, Math.min(100, rng.int(...LEAD_SCORE[status]) + PRIORITY_BONUS[priority]));
    const unassigned = (status === 'NEW' && rng.chance(0.35)) || (status === 'CONTACTED' && rng.chance(0.08));
    const assignee = unassigned || staff.sales.length === 0 ? null : rng.pick(staff.sales);
    const open = OPEN_STATUSES.includes(status);
    const convertedAt = status === 'WON' ? minDate(new Date(createdAt.getTime() + rng.real(5, 45) * DAY_MS), daysBefore(now, 2)) : null;
    let contact: Pick<Lead, 'contact_name' | 'contact_email' | 'contact_phone'> & Partial<Address>;
    if (customer) {
      contact = { contact_name: null, contact_email: null, contact_phone: null, ...pickAddress(customer) };
    } else {
      const { place, ...addr } = address(ctx, team);
      const p = person(ctx, place.area);
      contact = { contact_name: p.name, contact_email: rng.chance(0.85) ? p.email : null, contact_phone: p.phone, ...addr };
    }
    return {
      id: rng.uuid(),
      customer_id: customer?.id ?? null,
      ...contact,
      source,
      status,
      lost_reason: status === 'LOST' ? rng.pick(LOST_REASONS) : null,
      score,
      assignee_id: assignee,
      team_id: staff.id,
      project_type: projectType,
      estimated_value: rng.money(JOB[projectType].min, JOB[projectType].max),
      priority,
      notes: rng.chance(0.5) ? rng.pick(LEAD_NOTES) : null,
      next_follow_up_at: open ? localTime(addDays(today, rng.int(-3, 14)), rng.pick([9, 10, 11, 13, 14, 15, 16]) * 60) : null,
      converted_at: convertedAt,
      created_by: source === 'WEBSITE' || source === 'ADS' ? null : (assignee ?? staff.managers[0] ?? null),
      created_at: createdAt,
      updated_at:
        convertedAt ?? (status === 'LOST' ? minDate(new Date(createdAt.getTime() + rng.real(3, 60) * DAY_MS), now) : between(rng, createdAt, now)),
      team,
      customer,
    };
  });
}

function pickAddress(c: Customer): Address {
  return { address_street: c.address_street, address_city: c.address_city, address_state: 'MN', address_zip: c.address_zip };
}

