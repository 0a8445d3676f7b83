/** The company works in Minneapolis: times in notification texts are local there. */
export const COMPANY_TIME_ZONE = 'America/Chicago';

const LOCAL = new Intl.DateTimeFormat('en-US', {
  timeZone: COMPANY_TIME_ZONE,
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
});

/** `Tue, Jun 1, 9:00 AM CDT`. */
export const localTime = (at: Date): string => LOCAL.format(at);

/** An enum value as words: `IN_PROGRESS` → `In progress`. */
export const enumLabel = (value: string): string => value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, ' ');
