import type { DataSource } from 'typeorm';
import type { DashboardRange } from '../../generated/graphql';
import type { Cache } from '../../platform/cache/cache';

/**
 * What GraphQL's `Dashboard` resolves from: who is asking and for what. Each widget field is computed (and cached)
 * on its own by DashboardService when asked for.
 */
export interface DashboardModel {
  range: DashboardRange;
  from: Date;
  to: Date;
  /** The team reported on; null for the company (admins) or for a sales member's own numbers. */
  teamId: string | null;
  /** Set for sales members: only their own leads and deals count. */
  userId: string | null;
}

/** What GraphQL's `LeaderboardRow` resolves from. */
export interface LeaderboardRowModel {
  userId: string;
  leads: number;
  wins: number;
  revenue: string;
  avgResponseHours: number | null;
}

/** Computes the dashboard's widgets, each cached on its own. */
export class DashboardService {
  constructor(
    protected readonly ds: DataSource,
    protected readonly cache: Cache,
  ) {}
}
