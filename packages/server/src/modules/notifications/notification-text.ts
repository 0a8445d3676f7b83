import { zonedFormat } from '../../platform/time-zone';

/** `Tue, Jun 1, 9:00 AM CDT`: a time in notification texts and their e-mails, in the company's time zone. */
export const localTime = (at: Date, timeZone: string): string =>
  zonedFormat(timeZone, { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(at);

/** An enum value as words: `IN_PROGRESS` → `In progress`. */
export const enumLabel = (value: string): string => value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, ' ');

/** `+16125550142` → `(612) 555-0142`, as the app shows phone numbers (`phoneLabel` in the web app); others as stored. */
export function phoneLabel(phone: string): string {
  const us = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(phone);
  return us ? `(${us[1]}) ${us[2]}-${us[3]}` : phone;
}
