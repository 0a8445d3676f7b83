/** The demo company's jobs: one project per won lead plus direct repeat work, each with a crew. */
import type { Customer, DemoContext, Lead } from './demo-crm';
import { addDays, between, DAY_MS, daysBefore, localDate, localTime, minDate, type Rng } from './random';
import { JOB, projectName, type ProjectType } from './texts';

export type ProjectStatus = 'PLANNING' | 'SCHEDULED' | 'IN_PROGRESS' | 'COMPLETED' | 'CANCELLED';

export interface Project {
  id: string;
  customer_id: string;
  lead_id: string | null;
  name: string;
  project_type: ProjectType;
  status: ProjectStatus;
  budget: string;
  actual_cost: string;
  start_date: string | null;
  end_date: string | null;
  completion_percentage: number;
  team_id: string;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  team: number;
  customer: Customer;
  lead: Lead | null;
}

export interface Member {
  project_id: string;
  user_id: string;
  assigned_at: Date;
}

export const PROJECT_COLUMNS = ['id', 'customer_id', 'lead_id', 'name', 'project_type', 'status', 'budget', 'actual_cost', 'start_date', 'end_date', 'completion_percentage', 'team_id', 'created_by', 'created_at', 'updated_at'];
export const MEMBER_COLUMNS = ['project_id', 'user_id', 'assigned_at'];

const DIRECT_TYPES: Array<[ProjectType, number]> = [['REPAIR', 35], ['GUTTERS', 20], ['INSPECTION', 20], ['SIDING', 15], ['OTHER', 10]];

/** Status by how long ago the job was sold: fresh ones are being planned, old ones are done. */
function statusFor(rng: Rng, ageDays: number): ProjectStatus {
  if (ageDays < 14) return rng.weighted([['PLANNING', 45], ['SCHEDULED', 45], ['IN_PROGRESS', 10]]);
  if (ageDays < 45) return rng.weighted([['SCHEDULED', 25], ['IN_PROGRESS', 35], ['COMPLETED', 35], ['CANCELLED', 5]]);
  return rng.weighted([['COMPLETED', 88], ['CANCELLED', 12]]);
}

const later = (a: string, b: string) => (a > b ? a : b);
const money = (n: number) => Math.max(0, n).toFixed(2);

/** Dates, progress and cost consistent with the status. */
function progress(ctx: DemoContext, type: ProjectType, status: ProjectStatus, createdAt: Date, budget: number) {
  const { rng, today } = ctx;
  const created = localDate(createdAt);
  const days = rng.int(...JOB[type].days);
  const span = (start: string) => ({ start_date: start, end_date: addDays(start, days - 1) });
  switch (status) {
    case 'PLANNING': {
      const start = rng.chance(0.5) ? addDays(today, rng.int(10, 40)) : null;
      return { ...(start ? span(start) : { start_date: null, end_date: null }), completion_percentage: 0, actual_cost: '0.00' };
    }
    case 'SCHEDULED': {
      const materials = rng.chance(0.5) ? budget * rng.real(0.25, 0.4) : 0;
      return { ...span(addDays(today, rng.int(1, 24))), completion_percentage: 0, actual_cost: money(materials) };
    }
    case 'IN_PROGRESS': {
      const offset = rng.int(0, days - 1);
      const start = later(addDays(today, -offset), created);
      const pct = Math.min(90, Math.max(10, Math.round(((offset + rng.real(0.2, 0.9)) / days) * 100)));
      return { ...span(start), completion_percentage: pct, actual_cost: money(budget * (0.4 + 0.6 * (pct / 100)) * rng.real(0.9, 1.15)) };
    }
    case 'COMPLETED': {
      let start = addDays(created, rng.int(3, 25));
      const latest = addDays(today, -days - 1);
      if (start > latest) start = later(latest, created);
      const over = rng.chance(0.25);
      return { ...span(start), completion_percentage: 100, actual_cost: money(budget * (over ? rng.real(1.02, 1.25) : rng.real(0.82, 1.0))) };
    }
    case 'CANCELLED':
      return { start_date: null, end_date: null, completion_percentage: 0, actual_cost: money(rng.chance(0.3) ? budget * rng.real(0.02, 0.06) : 0) };
  }
}

function project(ctx: DemoContext, customer: Customer, lead: Lead | null, type: ProjectType, createdAt: Date, budget: number): Project {
  const { rng, now } = ctx;
  const ageDays = (now.getTime() - createdAt.getTime()) / DAY_MS;
  const status = statusFor(rng, ageDays);
  const p = progress(ctx, type, status, createdAt, budget);
  const team = ctx.teams[customer.team]!;
  return {
    id: rng.uuid(),
    customer_id: customer.id,
    lead_id: lead?.id ?? null,
    name: projectName(customer.name, type),
    project_type: type,
    status,
    budget: budget.toFixed(2),
    ...p,
    team_id: team.id,
    created_by: lead?.assignee_id ?? team.managers[0] ?? null,
    created_at: createdAt,
    updated_at: status === 'COMPLETED' && p.end_date ? minDate(localTime(p.end_date, 17 * 60), now) : between(rng, createdAt, now),
    team: customer.team,
    customer,
    lead,
  };
}

/** A project for every won lead, then `direct` more for existing customers (repeat and walk-in work). */
export function makeProjects(ctx: DemoContext, customers: Customer[], leads: Lead[], direct: number): Project[] {
  const { rng, now } = ctx;
  const won = leads
    .filter((l) => l.status === 'WON' && l.customer)
    .map((l) => project(ctx, l.customer!, l, l.project_type, l.converted_at!, Math.min(60_000, Number(l.estimated_value) * rng.real(0.95, 1.12))));
  const older = customers.filter((c) => c.created_at < daysBefore(now, 20));
  const repeat = Array.from({ length: direct }, () => {
    const customer = rng.pick(older);
    const type = rng.weighted(DIRECT_TYPES);
    const createdAt = between(rng, new Date(customer.created_at.getTime() + DAY_MS), daysBefore(now, 1));
    return project(ctx, customer, null, type, createdAt, rng.real(JOB[type].min, JOB[type].max));
  });
  return [...won, ...repeat];
}

/** The crew: the team's field tech on nearly every job, often the sales rep, the manager on big ones. */
export function makeMembers(ctx: DemoContext, projects: Project[]): Member[] {
  const { rng, now } = ctx;
  return projects.flatMap((p) => {
    const team = ctx.teams[p.team]!;
    const users = new Set<string>();
    const early = p.status === 'PLANNING' || p.status === 'CANCELLED';
    for (const tech of team.techs) if (rng.chance(early ? 0.7 : 1)) users.add(tech);
    const rep = p.lead?.assignee_id ?? (team.sales.length ? rng.pick(team.sales) : null);
    if (rep && rng.chance(0.55)) users.add(rep);
    if (Number(p.budget) > 25_000 && team.managers[0] && rng.chance(0.35)) users.add(team.managers[0]);
    if (users.size === 0 && team.all.length) users.add(team.techs[0] ?? rng.pick(team.all));
    return [...users].map((user_id) => ({
      project_id: p.id,
      user_id,
      assigned_at: minDate(new Date(p.created_at.getTime() + rng.real(0, 3) * DAY_MS), now),
    }));
  });
}
