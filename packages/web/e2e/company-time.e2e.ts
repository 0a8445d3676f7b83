import { screenshot } from './browser';
import { useSuite } from './suite';

/**
 * Dates and times are the company's (COMPANY_TIME_ZONE, Minneapolis) in a browser whose clock is in Tokyo: the
 * evening of a day at the office is not the next morning on the screen, and the shell says which zone is shown.
 */
const SALES = 'sales@iswitchroofs.test';
const ZONE = 'America/Chicago';

jest.setTimeout(120_000);

const suite = useSuite(() => ({ COMPANY_TIME_ZONE: ZONE }));

const inZone = (iso: string, options: Intl.DateTimeFormatOptions, timeZone = ZONE) =>
  new Intl.DateTimeFormat('en-US', { ...options, timeZone }).format(new Date(iso));
/** Text as shown, whichever space (plain, or the narrow one newer ICU puts before AM/PM) the browser's ICU writes. */
const shown = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[\s\u202f]/g, '[\\s\\u202f]'));
const DATE_TIME: Intl.DateTimeFormatOptions = { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' };

it('shows every date and time in the company’s zone, labelled, in a browser set to Tokyo', async () => {
  // 02:30 UTC, ten days ahead: 8:30 or 9:30 PM the day before in Minneapolis, 11:30 AM that day in Tokyo.
  const day = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
  const at = `${day}T02:30:00.000Z`;
  const { me } = await suite.stack.api(SALES, `{ me { id } }`);
  const created = await suite.stack.api(
    SALES,
    `mutation($i: CreateLeadInput!) { createLead(input: $i) { lead { id } errors { message } } }`,
    { i: { contactName: 'Tokyo Test', contactPhone: '612-555-0199', source: 'WEBSITE', nextFollowUpAt: at, assigneeId: me.id } },
  );
  const leadId: string = created.createLead.lead.id;
  const { customers } = await suite.stack.api(SALES, `{ customers(first: 1) { edges { node { id } } } }`);
  await suite.stack.api(
    SALES,
    `mutation($i: CreateAppointmentInput!) { createAppointment(input: $i) { errors { message } } }`,
    { i: { customerId: customers.edges[0].node.id, kind: 'ESTIMATE', title: 'Evening estimate', startsAt: at, endsAt: `${day}T03:30:00.000Z`, assigneeId: me.id } },
  );

  const { page } = await suite.open(SALES, { width: 1280, height: 860 }, { timezoneId: 'Asia/Tokyo' });
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('Asia/Tokyo');
  const zoneName = inZone(at, { timeZoneName: 'short' }).split(' ').pop()!; // CST or CDT

  // The shell names the zone the app shows.
  await page.getByText(`Company time (${zoneName})`).waitFor();

  // The lead page: the follow-up at the office's evening, with the zone's name.
  await page.goto(`/leads/${leadId}`);
  const expected = `${inZone(at, DATE_TIME)} ${zoneName}`;
  expect(expected).not.toContain(inZone(at, { weekday: 'short', month: 'short', day: 'numeric' }, 'Asia/Tokyo'));
  await page.getByText(shown(expected)).waitFor();
  await screenshot(page, 'company-time-01-lead-follow-up');

  // Editing it shows and keeps the office's clock.
  await page.getByRole('button', { name: 'Edit' }).first().click();
  const input = page.getByRole('dialog').getByLabel('Next follow-up');
  const wall = new Intl.DateTimeFormat('sv-SE', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
    .format(new Date(at))
    .replace(' ', 'T');
  expect(await input.inputValue()).toBe(wall);
  await page.keyboard.press('Escape');

  // The calendar puts the appointment on the office's day (the day before Tokyo's).
  const officeDay = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date(at));
  await page.goto(`/appointments?view=day&date=${officeDay}&who=all`);
  const block = page.getByRole('button', { name: /Evening estimate/ }).first();
  await block.scrollIntoViewIfNeeded();
  await screenshot(page, 'company-time-02-calendar-day');

  // A project's creation date is the office's calendar day.
  const { projects } = await suite.stack.api(SALES, `{ projects(first: 20) { edges { node { id createdAt createdBy { id } } } } }`);
  const project = projects.edges.map((e: { node: object }) => e.node).find((p: { createdBy: unknown }) => p.createdBy) as { id: string; createdAt: string };
  await page.goto(`/projects/${project.id}`);
  const time = page.locator(`time[datetime="${project.createdAt}"]`).first();
  await time.waitFor();
  expect(await time.textContent()).toBe(inZone(project.createdAt, { month: 'short', day: 'numeric', year: 'numeric' }));
});
