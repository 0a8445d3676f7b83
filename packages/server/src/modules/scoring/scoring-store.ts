import type { EntityManager } from 'typeorm';
import type { LeadPriority, LeadSource, LeadStatus, ProjectType } from '../../generated/graphql';
import { RECENT_DAYS, type InteractionStats, type LeadFacts, type ScoreResult } from './lead-score';

interface FactsRow {
  id: string;
  source: LeadSource;
  status: LeadStatus;
  priority: LeadPriority;
  project_type: ProjectType | null;
  estimated_value: string | null;
  notes: string | null;
  created_at: Date;
  has_name: boolean;
  has_phone: boolean;
  has_email: boolean;
  full_address: boolean;
  recent_count: string;
  recent_inbound: boolean;
  last_at: Date | null;
  referrer_name: string | null;
  referrer_closed: number | null;
  referrer_won: number | null;
}

const fullAddress = (a: string) =>
  `(${a}.address_street IS NOT NULL AND ${a}.address_city IS NOT NULL AND ${a}.address_state IS NOT NULL AND ${a}.address_zip IS NOT NULL)`;

/**
 * Facts and interaction statistics of the leads in $1 (deleted leads too), and for a referred lead its partner's
 * record (its other referrals, not deleted, that closed, and the won ones); one statement for any number.
 */
const FACTS_SQL = `
  SELECT l.id, l.source, l.status, l.priority, l.project_type, l.estimated_value, l.notes, l.created_at,
    coalesce(l.contact_name, c.name) IS NOT NULL AS has_name,
    coalesce(l.contact_phone, c.phone) IS NOT NULL AS has_phone,
    coalesce(l.contact_email, c.email) IS NOT NULL AS has_email,
    ${fullAddress('l')} OR coalesce(${fullAddress('c')}, false) AS full_address,
    s.recent_count, s.recent_inbound, s.last_at,
    pr.name AS referrer_name, rr.closed AS referrer_closed, rr.won AS referrer_won
  FROM leads l
  LEFT JOIN customers c ON c.id = l.customer_id
  LEFT JOIN partners pr ON pr.id = l.referred_partner_id
  LEFT JOIN LATERAL (
    SELECT count(*) FILTER (WHERE o.status IN ('WON', 'LOST'))::int AS closed, count(*) FILTER (WHERE o.status = 'WON')::int AS won
    FROM leads o
    WHERE o.referred_partner_id = l.referred_partner_id AND o.id <> l.id AND o.deleted_at IS NULL
  ) rr ON l.referred_partner_id IS NOT NULL
  CROSS JOIN LATERAL (
    SELECT count(*) FILTER (WHERE i.occurred_at >= now() - interval '${RECENT_DAYS} days') AS recent_count,
           coalesce(bool_or(i.direction = 'INBOUND') FILTER (WHERE i.occurred_at >= now() - interval '${RECENT_DAYS} days'), false) AS recent_inbound,
           max(i.occurred_at) AS last_at
    FROM interactions i
    WHERE i.lead_id = l.id AND i.deleted_at IS NULL
  ) s
  WHERE l.id = ANY($1)`;

export interface LeadScoringInput {
  id: string;
  facts: LeadFacts;
  stats: InteractionStats;
}

/** What scoring needs about each lead in `ids`, in no particular order (missing ids are left out). */
export async function loadScoringInputs(m: EntityManager, ids: string[]): Promise<LeadScoringInput[]> {
  if (!ids.length) return [];
  const rows: FactsRow[] = await m.query(FACTS_SQL, [ids]);
  return rows.map((r) => ({
    id: r.id,
    facts: {
      source: r.source,
      status: r.status,
      priority: r.priority,
      projectType: r.project_type,
      estimatedValue: r.estimated_value,
      notes: r.notes,
      createdAt: r.created_at,
      contact: { name: r.has_name, phone: r.has_phone, email: r.has_email, fullAddress: r.full_address },
      referrer: r.referrer_name === null ? null : { name: r.referrer_name, closed: r.referrer_closed ?? 0, won: r.referrer_won ?? 0 },
    },
    stats: { recentCount: Number(r.recent_count), recentInbound: r.recent_inbound, lastAt: r.last_at },
  }));
}

/** A lead whose score (or its reasons) a rescore changed. */
export interface RescoredLead {
  id: string;
  teamId: string | null;
  assigneeId: string | null;
}

/**
 * Stores scores in one statement. Not audited and `updated_at` stays: a score is derived data, and the nightly
 * rescore must not make every open lead look edited. Returns the time stored as `scored_at` and the leads whose score
 * or reasons changed (they are live news: `leadUpdated`).
 */
export async function storeScores(m: EntityManager, scores: Array<{ id: string } & ScoreResult>): Promise<{ scoredAt: Date; changed: RescoredLead[] }> {
  const payload = JSON.stringify(scores.map((s) => ({ id: s.id, score: s.score, factors: s.factors })));
  // `o` reads the rows as they were before this statement (one snapshot), so it tells what the update changed.
  type Row = { scored_at: Date; id: string; team_id: string | null; assignee_id: string | null; changed: boolean };
  // TypeORM answers an UPDATE … RETURNING with [rows, affected count].
  const [rows]: [Row[], number] = await m.query(
    `UPDATE leads l SET score = v.score, score_factors = v.factors, scored_at = now()
     FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, score smallint, factors jsonb), leads o
     WHERE l.id = v.id AND o.id = l.id
     RETURNING l.scored_at, l.id, l.team_id, l.assignee_id,
               (o.score IS DISTINCT FROM v.score OR o.score_factors IS DISTINCT FROM v.factors) AS changed`,
    [payload],
  );
  return {
    scoredAt: rows[0]?.scored_at ?? new Date(),
    changed: rows.filter((r) => r.changed).map((r) => ({ id: r.id, teamId: r.team_id, assigneeId: r.assignee_id })),
  };
}
