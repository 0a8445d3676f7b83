/** The demo company's calendar (no double booking) and communication log. */
import type { Customer, DemoContext, Lead } from './demo-crm';
import type { Project } from './demo-projects';
import { addDays, between, DAY_MS, localDate, localTime, minDate, weekday } from './random';
import { APPOINTMENT_TITLES, CHANNELS, INTERACTION_TEXT, INTERACTION_TYPES, OUTCOMES, type AppointmentKind, type InteractionType } from './texts';

export interface Appointment {
  id: string;
  customer_id: string;
  lead_id: string | null;
  project_id: string | null;
  kind: AppointmentKind;
  title: string;
  starts_at: Date;
  ends_at: Date;
  assignee_id: string | null;
  location: string;
  status: 'SCHEDULED' | 'CONFIRMED' | 'COMPLETED' | 'CANCELLED' | 'NO_SHOW';
  notes: string | null;
  team_id: string;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface Interaction {
  id: string;
  customer_id: string;
  lead_id: string | null;
  project_id: string | null;
  type: InteractionType;
  channel: string | null;
  direction: 'INBOUND' | 'OUTBOUND' | 'INTERNAL';
  subject: string;
  notes: string;
  outcome: string | null;
  user_id: string | null;
  team_id: string;
  occurred_at: Date;
  created_at: Date;
  updated_at: Date;
}

export const APPOINTMENT_COLUMNS = ['id', 'customer_id', 'lead_id', 'project_id', 'kind', 'title', 'starts_at', 'ends_at', 'assignee_id', 'location', 'status', 'notes', 'team_id', 'created_by', 'created_at', 'updated_at'];
export const INTERACTION_COLUMNS = ['id', 'customer_id', 'lead_id', 'project_id', 'type', 'channel', 'direction', 'subject', 'notes', 'outcome', 'user_id', 'team_id', 'occurred_at', 'created_at', 'updated_at'];

const APPOINTMENT_NOTES = ['Customer will be home; park on the street.', 'Bring the sample board.', 'Adjuster attending.', 'Side gate code 4417.', 'Ladder access from the driveway.'];

/** Busy intervals per user: a booking is refused when it overlaps one already taken. */
class Calendar {
  private busy = new Map<string, Array<[number, number]>>();

  book(user: string, start: Date, end: Date): boolean {
    const list = this.busy.get(user) ?? [];
    if (list.some(([s, e]) => start.getTime() < e && s < end.getTime())) return false;
    list.push([start.getTime(), end.getTime()]);
    this.busy.set(user, list);
    return true;
  }
}

interface Request {
  customer: Customer;
  lead?: Lead | null;
  project?: Project | null;
  kind: AppointmentKind;
  day: string;
  minutes: number;
  /** Who should go, best first; the first one free at some time that day gets it. */
  assignees: Array<string | null | undefined>;
  early?: boolean;
}

export function makeAppointments(ctx: DemoContext, customers: Customer[], leads: Lead[], projects: Project[], target: number): Appointment[] {
  const { rng, now, today } = ctx;
  const from = addDays(today, -60);
  const to = addDays(today, 30);
  const inWindow = (d: string | null): d is string => d !== null && d >= from && d <= to;
  const workday = (d: string) => (weekday(d) === 0 ? addDays(d, 1) : d);
  const cal = new Calendar();
  const out: Appointment[] = [];

  const add = (r: Request) => {
    const team = ctx.teams[r.customer.team]!;
    const starts = rng.shuffle(Array.from({ length: 19 }, (_, i) => 480 + i * 30)).filter((m) => m + r.minutes <= 1110);
    if (r.early) starts.unshift(450, 480);
    const people = [...new Set([...r.assignees, ...team.all].filter((u): u is string => !!u))];
    let assignee: string | null = null;
    let start = localTime(r.day, starts[0]!);
    search: for (const user of people) {
      for (const m of starts) {
        const s = localTime(r.day, m);
        if (cal.book(user, s, new Date(s.getTime() + r.minutes * 60_000))) {
          [assignee, start] = [user, s];
          break search;
        }
      }
    }
    const end = new Date(start.getTime() + r.minutes * 60_000);
    const status: Appointment['status'] =
      end < now
        ? rng.weighted([['COMPLETED', 85], ['CANCELLED', 9], ['NO_SHOW', 6]])
        : start > now
          ? rng.weighted([['SCHEDULED', 60], ['CONFIRMED', 33], ['CANCELLED', 7]])
          : 'CONFIRMED';
    const createdAt = minDate(new Date(start.getTime() - rng.real(1, 14) * DAY_MS), now);
    out.push({
      id: rng.uuid(),
      customer_id: r.customer.id,
      lead_id: r.lead?.id ?? r.project?.lead_id ?? null,
      project_id: r.project?.id ?? null,
      kind: r.kind,
      title: `${APPOINTMENT_TITLES[r.kind]} – ${r.customer.name}`,
      starts_at: start,
      ends_at: end,
      assignee_id: assignee,
      location: r.customer.location,
      status,
      notes: rng.chance(0.35) ? rng.pick(APPOINTMENT_NOTES) : null,
      team_id: team.id,
      created_by: assignee ?? team.managers[0] ?? null,
      created_at: createdAt,
      updated_at: status === 'COMPLETED' || status === 'NO_SHOW' ? end : createdAt,
    });
  };

  const techsOf = (c: Customer) => ctx.teams[c.team]!.techs;
  for (const p of projects) {
    if (['SCHEDULED', 'IN_PROGRESS', 'COMPLETED'].includes(p.status) && inWindow(p.start_date)) {
      add({ customer: p.customer, project: p, kind: 'INSTALL', day: p.start_date, minutes: rng.pick([120, 150, 180]), assignees: techsOf(p.customer), early: true });
    }
    const walkthrough = p.status === 'COMPLETED' && p.end_date ? workday(addDays(p.end_date, rng.int(1, 7))) : null;
    if (inWindow(walkthrough)) {
      add({ customer: p.customer, project: p, kind: 'FOLLOW_UP', day: walkthrough, minutes: rng.pick([30, 45, 60]), assignees: [p.created_by] });
    }
  }
  for (const l of leads) {
    if (!l.customer) continue;
    const created = localDate(l.created_at);
    if (l.status === 'INSPECTION_SCHEDULED') {
      add({ customer: l.customer, lead: l, kind: 'INSPECTION', day: workday(addDays(today, rng.int(1, 14))), minutes: rng.pick([60, 75, 90]), assignees: [l.assignee_id, ...techsOf(l.customer)] });
    } else if (l.status === 'ESTIMATE_SENT' && inWindow(created)) {
      const inspection = workday(addDays(created, rng.int(1, 4)));
      add({ customer: l.customer, lead: l, kind: 'INSPECTION', day: inspection, minutes: rng.pick([60, 90]), assignees: [l.assignee_id, ...techsOf(l.customer)] });
      const estimate = workday(addDays(inspection, rng.int(2, 6)));
      if (estimate <= today) add({ customer: l.customer, lead: l, kind: 'ESTIMATE', day: estimate, minutes: rng.pick([45, 60]), assignees: [l.assignee_id] });
    } else if (l.status === 'WON' && l.converted_at && inWindow(localDate(l.converted_at))) {
      const day = addDays(localDate(l.converted_at), -rng.int(1, 5));
      if (inWindow(day)) add({ customer: l.customer, lead: l, kind: 'ESTIMATE', day: workday(day), minutes: rng.pick([45, 60, 90]), assignees: [l.assignee_id] });
    }
  }

  const leadsOf = group(leads.filter((l) => l.customer), (l) => l.customer!);
  const projectsOf = group(projects, (p) => p.customer);
  const active = customers.filter((c) => leadsOf.has(c) || projectsOf.has(c));
  while (out.length < target && active.length) {
    const customer = rng.pick(active);
    const project = projectsOf.has(customer) && rng.chance(0.5) ? rng.pick(projectsOf.get(customer)!) : null;
    const lead = !project && leadsOf.has(customer) ? rng.pick(leadsOf.get(customer)!) : null;
    const kind: AppointmentKind = project ? rng.weighted([['INSTALL', 40], ['FOLLOW_UP', 60]]) : rng.weighted([['INSPECTION', 45], ['ESTIMATE', 25], ['FOLLOW_UP', 30]]);
    const day = workday(addDays(from, rng.int(0, 90)));
    const assignees = kind === 'INSTALL' ? techsOf(customer) : [lead?.assignee_id];
    add({ customer, lead, project, kind, day: day > to ? to : day, minutes: rng.int(2, 12) * 15, assignees });
  }
  return out;
}

function group<T, K>(items: T[], key: (t: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const it of items) m.set(key(it), [...(m.get(key(it)) ?? []), it]);
  return m;
}

/** About `target` interactions, more for customers with more leads and jobs, each at a plausible moment. */
export function makeInteractions(ctx: DemoContext, customers: Customer[], leads: Lead[], projects: Project[], target: number): Interaction[] {
  const { rng, now } = ctx;
  const leadsOf = group(leads.filter((l) => l.customer), (l) => l.customer!);
  const projectsOf = group(projects, (p) => p.customer);
  const weights = customers.map((c) => 3 + 2 * (leadsOf.get(c)?.length ?? 0) + 4 * (projectsOf.get(c)?.length ?? 0) + rng.int(0, 4));
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.floor((w * target) / sum));
  for (let left = target - counts.reduce((a, b) => a + b, 0); left > 0; left--) counts[rng.int(0, counts.length - 1)]!++;

  return customers.flatMap((customer, i) => {
    const team = ctx.teams[customer.team]!;
    return Array.from({ length: counts[i]! }, (): Interaction => {
      const at = between(rng, customer.created_at, now);
      const jobs = (projectsOf.get(customer) ?? []).filter((p) => p.created_at <= at);
      const deals = (leadsOf.get(customer) ?? []).filter((l) => l.created_at <= at);
      const project = jobs.length && rng.chance(0.45) ? rng.pick(jobs) : null;
      const lead = project?.lead ?? (!project && deals.length && rng.chance(0.55) ? rng.pick(deals) : null);
      const type: InteractionType = project
        ? rng.weighted([['CALL', 25], ['SMS', 25], ['VISIT', 20], ['NOTE', 20], ['EMAIL', 10]])
        : rng.weighted(INTERACTION_TYPES);
      const direction = type === 'NOTE' ? 'INTERNAL' : type === 'VISIT' ? 'OUTBOUND' : rng.chance(0.35) ? 'INBOUND' : 'OUTBOUND';
      const seller = lead?.assignee_id ?? (team.sales.length ? rng.pick(team.sales) : null);
      const user =
        type === 'VISIT' && project && team.techs.length && rng.chance(0.6)
          ? rng.pick(team.techs)
          : type === 'NOTE' && team.all.length
            ? rng.pick(team.all)
            : (seller ?? team.all[0] ?? null);
      const [subject, notes] = rng.pick(INTERACTION_TEXT[type]);
      const outcomes = OUTCOMES[type];
      return {
        id: rng.uuid(),
        customer_id: customer.id,
        lead_id: lead?.id ?? null,
        project_id: project?.id ?? null,
        type,
        channel: CHANNELS[type],
        direction,
        subject,
        notes,
        outcome: outcomes.length ? rng.pick(outcomes) : null,
        user_id: user,
        team_id: team.id,
        occurred_at: at,
        created_at: at,
        updated_at: at,
      };
    });
  });
}
