/**
 * A quick check of a typed phone number, so a form can flag it together with its other fields before asking the server
 * (which has the last word: libphonenumber's rules). US numbers: 10 digits (a leading 1 allowed), written any way;
 * other countries: `+` and 8 to 15 digits.
 */
export function phoneProblem(text: string): string | null {
  const t = text.trim();
  if (!t) return null;
  if (/[^\d\s()+.\-]/.test(t)) return 'Use digits only, e.g. (612) 555-0142.';
  const digits = t.replace(/\D/g, '');
  if (t.startsWith('+')) return digits.length >= 8 && digits.length <= 15 ? null : 'Enter the full number, e.g. +44 20 7946 0958.';
  if (digits.length === 10 || (digits.length === 11 && digits.startsWith('1'))) return null;
  return `Enter a 10-digit phone number, e.g. (612) 555-0142 (this one has ${digits.length} digit${digits.length === 1 ? '' : 's'}).`;
}
