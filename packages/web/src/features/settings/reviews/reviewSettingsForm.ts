import type { ReviewPlatform, ReviewSettingsInput, ReviewSettings_FieldsFragment } from '../../../gql/graphql';
import type { SelectOption } from '../../../ui';
import { platformLabel, REVIEW_PLATFORMS } from '../../reviews/reviewFormat';

/** The platforms with a public profile (`INTERNAL` reviews have none), in menu order. */
export const PUBLIC_PLATFORMS = REVIEW_PLATFORMS.filter((p) => p !== 'INTERNAL');
export const PLATFORM_OPTIONS: readonly SelectOption[] = PUBLIC_PLATFORMS.map((p) => ({ value: p, label: platformLabel(p) }));

/** The placeholders the server fills in (`fillMessage` in the reviews module), with what the preview puts there. */
export const SAMPLE_VALUES = { customer: 'Dana Hansen', company: 'iSwitch Roofs', project: 'Roof replacement' } as const;
export type Placeholder = keyof typeof SAMPLE_VALUES;

/** `{customer}`, `{company}` and `{project}` in `text`, filled in as the server does. */
export const fillPlaceholders = (text: string, values: Record<Placeholder, string> = SAMPLE_VALUES): string =>
  text.replace(/\{(customer|company|project)\}/g, (_, k: Placeholder) => values[k]);

/** One profile link row; `key` keeps React's row identity while rows are added and removed. */
export interface LinkRow {
  key: string;
  platform: ReviewPlatform;
  url: string;
}

/** What the form shows: numbers as typed. */
export interface Values {
  enabled: boolean;
  delayHours: string;
  /** The first and second reminder (empty: none). */
  reminders: [string, string];
  expiryDays: string;
  messageText: string;
  links: LinkRow[];
  referralAsk: boolean;
}

let rows = 0;
export const linkRow = (platform: ReviewPlatform, url = ''): LinkRow => ({ key: `link-${++rows}`, platform, url });

export const toValues = (s: ReviewSettings_FieldsFragment): Values => ({
  enabled: s.enabled,
  delayHours: String(s.delayHours),
  reminders: [String(s.reminderDays[0] ?? ''), String(s.reminderDays[1] ?? '')],
  expiryDays: String(s.expiryDays),
  messageText: s.messageText,
  links: s.profileLinks.map((l) => linkRow(l.platform, l.url)),
  referralAsk: s.referralAsk,
});

/** The first platform no row uses yet (for a new row), or null when every one has its row. */
export const unusedPlatform = (links: readonly LinkRow[]): ReviewPlatform | null =>
  PUBLIC_PLATFORMS.find((p) => !links.some((l) => l.platform === p)) ?? null;

const reminderDaysOf = (v: Values) => v.reminders.map((d) => d.trim()).filter(Boolean).map(Number);
const linksOf = (v: Values) => v.links.map((l) => ({ platform: l.platform, url: l.url.trim() }));
const wholeIn = (text: string, min: number, max: number) => /^\d{1,4}$/.test(text.trim()) && +text >= min && +text <= max;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The input paths the form shows next to their field (`profileLinks.0.url` for each row's). */
export const shownFields = (v: Values): string[] => [
  'enabled',
  'delayHours',
  'reminderDays',
  'expiryDays',
  'messageText',
  'profileLinks',
  'referralAsk',
  ...v.links.flatMap((_, i) => [`profileLinks.${i}.platform`, `profileLinks.${i}.url`]),
];

/** The checks the server makes that the browser can make first, by input path (what the SDL says of each field). */
export function problems(v: Values): Record<string, string | undefined> {
  const found: Record<string, string | undefined> = {
    delayHours: wholeIn(v.delayHours, 0, 720) ? undefined : 'Enter whole hours from 0 to 720.',
    reminderDays: v.reminders.every((d) => !d.trim() || wholeIn(d, 1, 30)) ? undefined : 'Reminders are whole days from 1 to 30.',
    expiryDays: wholeIn(v.expiryDays, 7, 90) ? undefined : 'Enter whole days from 7 to 90.',
    messageText:
      v.messageText.trim().length < 10 || v.messageText.trim().length > 1000 ? 'The message must be 10 to 1,000 characters.' : undefined,
  };
  v.links.forEach((l, i) => {
    if (!/^https:\/\/\S+$/i.test(l.url.trim())) found[`profileLinks.${i}.url`] = 'Enter the https:// link of the profile.';
  });
  return found;
}

/** Only the fields that differ from the saved settings (the API changes only the given ones). */
export function changes(v: Values, s: ReviewSettings_FieldsFragment): ReviewSettingsInput {
  const input: ReviewSettingsInput = {};
  if (v.enabled !== s.enabled) input.enabled = v.enabled;
  if (Number(v.delayHours.trim()) !== s.delayHours) input.delayHours = Number(v.delayHours.trim());
  if (!same(reminderDaysOf(v), s.reminderDays)) input.reminderDays = reminderDaysOf(v);
  if (Number(v.expiryDays.trim()) !== s.expiryDays) input.expiryDays = Number(v.expiryDays.trim());
  if (v.messageText.trim() !== s.messageText) input.messageText = v.messageText.trim();
  const links = linksOf(v);
  if (!same(links, s.profileLinks.map(({ platform, url }) => ({ platform, url })))) input.profileLinks = links;
  if (v.referralAsk !== s.referralAsk) input.referralAsk = v.referralAsk;
  return input;
}
