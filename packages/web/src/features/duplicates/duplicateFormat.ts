import type { DuplicateReason } from '../../gql/graphql';

export const REASON_LABELS: Record<DuplicateReason, string> = {
  EMAIL: 'same e-mail',
  PHONE: 'same phone',
  NAME_AND_ADDRESS: 'similar name at the same address',
};

export const reasonsLabel = (reasons: readonly DuplicateReason[]) => reasons.map((r) => REASON_LABELS[r]).join(', ');

export const scoreLabel = (score: number) => `${Math.round(score * 100)}%`;

/** What a merge moves, in words: "2 leads, 1 project and 14 interactions". */
export function movesLabel(moves: Record<string, number | string | undefined>): string {
  const nouns: Array<[string, string, string]> = [
    ['leads', 'lead', 'leads'],
    ['projects', 'project', 'projects'],
    ['appointments', 'appointment', 'appointments'],
    ['interactions', 'interaction', 'interactions'],
    ['reviews', 'review', 'reviews'],
    ['reviewRequests', 'review request', 'review requests'],
    ['messages', 'message', 'messages'],
    ['referredLeads', 'referred lead', 'referred leads'],
  ];
  const parts = nouns.flatMap(([key, one, many]) => {
    const n = Number(moves[key] ?? 0);
    return n > 0 ? [`${n} ${n === 1 ? one : many}`] : [];
  });
  if (!parts.length) return 'nothing else';
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}
