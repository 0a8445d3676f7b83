import type { DataSource } from 'typeorm';
import type { DashboardRange, FunnelStep, MonthRevenue, PipelineStage, ProjectStatusCount, SnapshotSeries, SourceRoi } from '../../generated/graphql';
import { viewerTeamIds, type Viewer } from '../../platform/auth/viewer';
import type { Cache } from '../../platform/cache/cache';
import { badUserInput, forbidden, notFound } from '../../platform/errors';
import { rangeBounds, scopeKey, type WidgetScope } from './dashboard-scope';
import * as leads from './lead-widgets';
import * as projects from './project-widgets';
import { seriesMetrics, timeSeries, writeSnapshot } from './snapshots';
import { TOP_PARTNERS_MAX, topPartners, type PartnerPerformanceModel } from '../partners/partner-performance';
import { dashboardReputation, type ReputationModel } from '../reviews/reputation';
import { claimsSummary, type ClaimsSummaryModel } from '../claims/claim-dashboard';

/**
 * What GraphQL's `Dashboard` resolves from: who is asking and for what. Each widget field is computed (and cached)
 * on its own by DashboardService when asked for.
 */
export interface DashboardModel extends WidgetScope {
  range: DashboardRange;
}

/** What GraphQL's `LeaderboardRow` resolves from. */
export interface LeaderboardRowModel {
  userId: string;
  leads: number;
  wins: number;
  revenue: string;
  avgResponseHours: number | null;
}

/** Cache entity of every widget; the app invalidates it after each commit that changes a dashboard input. */
export const DASHBOARD_CACHE = 'dashboard';
const TTL_SECONDS = 300;
/** Widgets that move without a write announcing it (time passing, messages going out). */
const SHORT_TTL_SECONDS = 60;
/** Cache key part of the widgets that do not depend on the period. */
const CURRENT = 'now';

/**
 * Computes the dashboard's widgets, each with one SQL statement, cached on its own under
 * `dashboard:<widget>:<scope>:<range>` (TTL plus invalidation on every relevant commit).
 */
export class DashboardService {
  constructor(
    private readonly ds: DataSource,
    private readonly cache: Cache,
    /** The company's time zone (COMPANY_TIME_ZONE): where the year, its months and the snapshots' days begin. */
    readonly timeZone: string,
  ) {}

  /**
   * The dashboard the viewer asked for. Admins: the company, or the given team; managers: one of their teams (the
   * first when none is given); sales: their own numbers (`team` is ignored). `team` is null when none was asked for,
   * else the key of the one asked for (`id` null when the given ID named no team).
   */
  async resolve(viewer: Viewer, range: DashboardRange, team: { id: string | null } | null): Promise<DashboardModel> {
    const { from, to } = rangeBounds(range, new Date(), this.timeZone);
    return { range, from, to, ...(await this.scopeOf(viewer, team)) };
  }

  pipeline(d: DashboardModel): Promise<PipelineStage[]> {
    return this.cached(d, 'pipeline', () => leads.pipeline(this.ds, d));
  }

  funnel(d: DashboardModel): Promise<FunnelStep[]> {
    return this.cached(d, 'funnel', () => leads.funnel(this.ds, d));
  }

  winRate(d: DashboardModel): Promise<number | null> {
    return this.cached(d, 'winRate', () => leads.winRate(this.ds, d));
  }

  sourceRoi(d: DashboardModel): Promise<SourceRoi[]> {
    return this.cached(d, 'sourceRoi', () => leads.sourceRoi(this.ds, d));
  }

  leaderboard(d: DashboardModel): Promise<LeaderboardRowModel[]> {
    return this.cached(d, 'leaderboard', () => leads.leaderboard(this.ds, d));
  }

  /** The partners whose referrals of the period won the most (at most `first`, 1 to 20). */
  topPartners(d: DashboardModel, first: number | null | undefined): Promise<PartnerPerformanceModel[]> {
    const n = first ?? 5;
    if (!Number.isInteger(n) || n < 1 || n > TOP_PARTNERS_MAX) throw badUserInput(`\`first\` must be between 1 and ${TOP_PARTNERS_MAX}.`, 'first');
    return this.cached(d, 'topPartners', () => topPartners(this.ds, d, n), { range: `${d.range}:${n}` });
  }

  /**
   * Review numbers of the period over the dashboard's scope (reviews). Review writes stale it at once; its request
   * counts also move when the message job sends a request, which announces nothing, so it lives a minute, not five.
   */
  reputation(d: DashboardModel): Promise<ReputationModel> {
    return this.cached(d, 'reputation', () => dashboardReputation(this.ds, d), { ttl: SHORT_TTL_SECONDS });
  }

  /** Insurance claims of the scope: open ones by stage and depreciation to collect (now), supplements sent in the period. */
  claims(d: DashboardModel): Promise<ClaimsSummaryModel> {
    return this.cached(d, 'claims', () => claimsSummary(this.ds, d));
  }

  averageDealSize(d: DashboardModel): Promise<string | null> {
    return this.cached(d, 'averageDealSize', () => projects.averageDealSize(this.ds, d));
  }

  revenueByMonth(d: DashboardModel): Promise<MonthRevenue[]> {
    return this.cached(d, 'revenueByMonth', () => projects.revenueByMonth(this.ds, d, this.timeZone));
  }

  projectStatus(d: DashboardModel): Promise<ProjectStatusCount[]> {
    return this.cached(d, 'projectStatus', () => projects.projectStatus(this.ds, d), { range: CURRENT });
  }

  onBudgetRatio(d: DashboardModel): Promise<number | null> {
    return this.cached(d, 'onBudgetRatio', () => projects.onBudgetRatio(this.ds, d), { range: CURRENT });
  }

  /** Ids only (entities are loaded through the request's loaders, so visibility rules apply). */
  upcomingAppointmentIds(d: DashboardModel): Promise<string[]> {
    return this.cached(d, 'upcomingAppointments', () => projects.upcomingAppointmentIds(this.ds, d), {
      range: CURRENT,
      ttl: SHORT_TTL_SECONDS,
    });
  }

  /** Daily snapshot values of `metrics` (all known ones when omitted). */
  timeSeries(d: DashboardModel, metrics: readonly string[] | null | undefined): Promise<SnapshotSeries[]> {
    const list = seriesMetrics(metrics);
    if (!list) throw badUserInput('Ask for at most 20 metrics.', 'metrics');
    return this.cached(d, 'timeSeries', () => timeSeries(this.ds, d, list, this.timeZone), { range: `${d.range}:${list.join(',')}` });
  }

  /** Writes the analytics snapshot of `date` (YYYY-MM-DD, a company day), idempotently; returns the metrics written. */
  async snapshot(date: string): Promise<string[]> {
    const metrics = await writeSnapshot(this.ds, date, this.timeZone);
    await this.cache.invalidate(DASHBOARD_CACHE);
    return metrics;
  }

  private cached<T>(d: DashboardModel, widget: string, compute: () => Promise<T>, o: { range?: string; ttl?: number } = {}): Promise<T> {
    return this.cache.wrap(DASHBOARD_CACHE, `${widget}:${scopeKey(d)}:${o.range ?? d.range}`, o.ttl ?? TTL_SECONDS, compute);
  }

  private async scopeOf(viewer: Viewer, team: { id: string | null } | null): Promise<Pick<WidgetScope, 'teamId' | 'userId'>> {
    if (viewer.role === 'SALES') return { teamId: null, userId: viewer.id };
    const teamId = team?.id ?? null;
    if (team && !teamId) throw badUserInput('`teamId` is not a team ID.', 'teamId');
    if (viewer.role === 'ADMIN') {
      if (teamId && !(await this.teamExists(teamId))) throw notFound('No such team.');
      return { teamId, userId: null };
    }
    if (viewer.role !== 'MANAGER') throw forbidden();
    const teams = viewerTeamIds(viewer);
    const chosen = teamId ?? teams[0];
    if (!chosen) throw forbidden('You manage no team.');
    if (!teams.includes(chosen)) throw forbidden('You may only see the dashboard of your own teams.');
    return { teamId: chosen, userId: null };
  }

  private async teamExists(id: string): Promise<boolean> {
    const rows: unknown[] = await this.ds.query('SELECT 1 FROM teams WHERE id = $1', [id]);
    return rows.length > 0;
  }
}
