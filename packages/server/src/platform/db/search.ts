/** `%term%` for LIKE/ILIKE with the wildcards in `term` escaped; null for a blank term. */
export function likePattern(term: string | null | undefined): string | null {
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
