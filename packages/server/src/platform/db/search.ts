import { Brackets } from 'typeorm';
import { badUserInput } from '../errors';

/** The longest search text accepted: longer patterns only cost time (trigram matching grows with the pattern). */
export const MAX_SEARCH_LENGTH = 200;

/** `%term%` for LIKE/ILIKE with the wildcards in `term` escaped; null for a blank term. */
export function likePattern(term: string | null | undefined): string | null {
  if (term && term.length > MAX_SEARCH_LENGTH) {
    throw badUserInput(`Search text is at most ${MAX_SEARCH_LENGTH} characters.`, 'filter.search');
  }
  const t = term?.trim().toLowerCase();
  return t ? `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
}

/** For phone-like terms (`(612) 555-01`), the digits alone, to match stored E.164 numbers; null otherwise. */
export function phoneDigits(term: string | null | undefined): string | null {
  const t = term?.trim() ?? '';
  if (!/^[\d\s()+.-]+$/.test(t)) return null;
  const digits = t.replace(/\D/g, '');
  return digits.length >= 3 ? `%${digits}%` : null;
}

/**
 * The condition for a free-text search box over a trigram-indexed `text` column, also matching phone-like input
 * against the E.164 `phone` column; `extra` adds alternatives (it is told whether `:digits` is bound). Null for a
 * blank search.
 */
export function searchMatch(search: string | null | undefined, columns: { text: string; phone: string }, extra?: (withDigits: boolean) => string): Brackets | null {
  const like = likePattern(search);
  if (!like) return null;
  const digits = phoneDigits(search);
  return new Brackets((w) => {
    w.where(`${columns.text} LIKE :like`, { like });
    if (digits) w.orWhere(`${columns.phone} LIKE :digits`, { digits });
    if (extra) w.orWhere(extra(digits !== null));
  });
}
