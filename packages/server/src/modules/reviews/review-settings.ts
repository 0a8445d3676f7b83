import type { ReviewPlatform, ReviewSettingsInput } from '../../generated/graphql';
import type { Validator } from '../../platform/validation';

export const REVIEW_SETTINGS_KEY = 'reviews.requests';

/** How review requests are made and sent (the `ReviewSettings` type). */
export interface ReviewSettingsValue {
  enabled: boolean;
  delayHours: number;
  reminderDays: number[];
  expiryDays: number;
  messageText: string;
  profileLinks: Array<{ platform: ReviewPlatform; url: string }>;
  referralAsk: boolean;
}

export const DEFAULT_REVIEW_SETTINGS: ReviewSettingsValue = {
  enabled: true,
  delayHours: 24,
  reminderDays: [3, 7],
  expiryDays: 30,
  messageText: 'Thank you for choosing {company} for {project}. Would you take a minute to tell us how we did?',
  profileLinks: [],
  referralAsk: true,
};

const PLATFORMS: readonly ReviewPlatform[] = ['GOOGLE', 'FACEBOOK', 'YELP', 'BBB', 'ANGI', 'NEXTDOOR'];
const int = (x: unknown, min: number, max: number): x is number => typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max;

/** The stored setting over the defaults: anything missing or malformed falls back to its default. */
export function reviewSettingsFrom(stored: unknown): ReviewSettingsValue {
  const s = (stored ?? {}) as Partial<Record<keyof ReviewSettingsValue, unknown>>;
  const d = DEFAULT_REVIEW_SETTINGS;
  const days = Array.isArray(s.reminderDays) && s.reminderDays.every((x) => int(x, 1, 30)) ? (s.reminderDays as number[]).slice(0, 2) : d.reminderDays;
  const links = Array.isArray(s.profileLinks)
    ? (s.profileLinks as Array<{ platform?: unknown; url?: unknown }>).filter(
        (l): l is { platform: ReviewPlatform; url: string } => PLATFORMS.includes(l?.platform as ReviewPlatform) && typeof l.url === 'string',
      )
    : d.profileLinks;
  return {
    enabled: typeof s.enabled === 'boolean' ? s.enabled : d.enabled,
    delayHours: int(s.delayHours, 0, 720) ? s.delayHours : d.delayHours,
    reminderDays: days,
    expiryDays: int(s.expiryDays, 7, 90) ? s.expiryDays : d.expiryDays,
    messageText: typeof s.messageText === 'string' && s.messageText.trim() ? s.messageText : d.messageText,
    profileLinks: links,
    referralAsk: typeof s.referralAsk === 'boolean' ? s.referralAsk : d.referralAsk,
  };
}

/** `current` with the given changes, validated (every problem reported on its field). */
export function changedReviewSettings(v: Validator, current: ReviewSettingsValue, input: ReviewSettingsInput): ReviewSettingsValue {
  const next = { ...current };
  if (input.enabled != null) next.enabled = input.enabled;
  if (input.referralAsk != null) next.referralAsk = input.referralAsk;
  if (input.delayHours != null) next.delayHours = v.intRange('delayHours', input.delayHours, 0, 720) ?? current.delayHours;
  if (input.expiryDays != null) next.expiryDays = v.intRange('expiryDays', input.expiryDays, 7, 90) ?? current.expiryDays;
  if (input.reminderDays != null) {
    const days = input.reminderDays;
    if (days.length > 2) v.add('reminderDays', 'INVALID', 'At most two reminders.');
    else if (days.some((d) => !int(d, 1, 30))) v.add('reminderDays', 'OUT_OF_RANGE', 'Reminder days must be between 1 and 30.');
    else if (days.some((d, i) => i > 0 && d <= days[i - 1]!)) v.add('reminderDays', 'INVALID', 'Reminder days must increase.');
    else next.reminderDays = [...days];
  }
  if (input.messageText != null) next.messageText = v.text('messageText', input.messageText, { min: 10, max: 1000, required: true }) ?? current.messageText;
  if (input.profileLinks != null) {
    const seen = new Set<ReviewPlatform>();
    next.profileLinks = [];
    input.profileLinks.forEach((l, i) => {
      if (l.platform === 'INTERNAL') v.add(`profileLinks.${i}.platform`, 'INVALID', 'INTERNAL reviews have no public profile.');
      else if (seen.has(l.platform)) v.add(`profileLinks.${i}.platform`, 'CONFLICT', 'One link per platform.');
      const url = v.url(`profileLinks.${i}.url`, l.url, { max: 2000, httpsOnly: true, required: true });
      seen.add(l.platform);
      if (url) next.profileLinks.push({ platform: l.platform, url });
    });
  }
  const checked = !v.errors.some((e) => e.field?.[0] === 'expiryDays' || e.field?.[0] === 'reminderDays');
  if (checked && next.reminderDays.length && next.expiryDays <= next.reminderDays[next.reminderDays.length - 1]!) {
    v.add('expiryDays', 'INVALID', 'The link must stay valid after the last reminder.');
  }
  return next;
}
