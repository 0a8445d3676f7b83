/** The demo company's customer reviews: two of every three projects reviewed, across platforms and ratings. */
import type { EntityManager } from 'typeorm';

const TEXTS: Record<number, string> = {
  5: 'The crew was on time, cleaned up every nail and the new roof looks great.',
  4: 'Good work and fair price; the start slipped a few days because of rain.',
  3: 'Roof is fine, but communication about the schedule could be better.',
  2: 'Took much longer than promised and I had to call several times.',
  1: 'Gutters were damaged during the job and nobody called back.',
};

/**
 * Inserts reviews of the demo projects (reproducibly, by the projects' order): platform and stars cycle so every
 * platform and rating appears; every fourth is answered by the team's manager; one-star reviews are flagged.
 */
export async function seedReviews(m: EntityManager, now: Date): Promise<number> {
  const rows: unknown[] = await m.query(
    `INSERT INTO reviews (platform, rating, text, author_name, posted_at, url, customer_id, project_id, team_id, status, flag_reason,
                          response_text, responded_by, responded_at, created_at, updated_at)
     SELECT r.platform, r.rating, ($2::jsonb ->> r.rating::text), r.author, r.posted_at,
            CASE WHEN r.platform <> 'INTERNAL' THEN 'https://reviews.example.com/' || lower(r.platform) || '/' || r.n END,
            r.customer_id, r.project_id, r.team_id,
            CASE WHEN r.rating = 1 THEN 'FLAGGED' WHEN r.n % 4 = 0 AND r.manager_id IS NOT NULL THEN 'RESPONDED' ELSE 'NEW' END,
            CASE WHEN r.rating = 1 THEN 'Customer says gutters were damaged: check with the crew lead.' END,
            CASE WHEN r.rating > 1 AND r.n % 4 = 0 AND r.manager_id IS NOT NULL THEN 'Thank you for the review – we appreciate your feedback.' END,
            CASE WHEN r.rating > 1 AND r.n % 4 = 0 THEN r.manager_id END,
            CASE WHEN r.rating > 1 AND r.n % 4 = 0 AND r.manager_id IS NOT NULL THEN r.posted_at END,
            r.posted_at, r.posted_at
       FROM (SELECT p.n, p.id AS project_id, p.customer_id, p.team_id, t.manager_id,
                    (ARRAY['GOOGLE', 'FACEBOOK', 'YELP', 'BBB', 'ANGI', 'NEXTDOOR', 'INTERNAL'])[1 + (p.n % 7)::int] AS platform,
                    (ARRAY[5, 5, 4, 5, 3, 4, 5, 2, 5, 1, 4])[1 + (p.n % 11)::int] AS rating,
                    split_part(c.name, ' ', 1) || ' ' || left(split_part(c.name, ' ', 2), 1) || '.' AS author,
                    least(p.created_at + (5 + p.n % 40) * interval '1 day', $1::timestamptz) AS posted_at
               FROM (SELECT pr.*, row_number() OVER (ORDER BY pr.created_at, pr.id) AS n FROM projects pr) p
               JOIN customers c ON c.id = p.customer_id
               LEFT JOIN teams t ON t.id = p.team_id
              WHERE p.n % 3 <> 0) r
     RETURNING id`,
    [now, JSON.stringify(TEXTS)],
  );
  return rows.length;
}
