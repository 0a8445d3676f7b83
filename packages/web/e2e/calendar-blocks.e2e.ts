import { screenshot } from './browser';
import { useSuite } from './suite';

/**
 * The week calendar at desktop width in Chromium: overlapping appointments stay readable (each at least the minimum
 * width, the week scrolling sideways inside the calendar), long titles end in whole lines, and each appointment's
 * details show on hover and on keyboard focus.
 */
const MANAGER = 'manager@iswitchroofs.test';

jest.setTimeout(120_000);

const suite = useSuite();

it('overlapping appointments are readable at 1280 px, with their details on hover and focus', async () => {
  // A Wednesday three weeks ahead, 9 AM company time (America/Chicago: 15:00 UTC in winter, 14:00 in summer).
  const day = new Date(Date.now() + 21 * 86_400_000);
  day.setUTCDate(day.getUTCDate() + ((3 - day.getUTCDay() + 7) % 7));
  const date = day.toISOString().slice(0, 10);
  const offset = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Chicago', timeZoneName: 'shortOffset' })
    .formatToParts(new Date(`${date}T12:00:00Z`))
    .find((p) => p.type === 'timeZoneName')!.value; // GMT-6 or GMT-5
  const at = (h: number, m = 0) => new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), h - Number(offset.slice(3)), m)).toISOString();
  const { customers } = await suite.stack.api(MANAGER, `{ customers(first: 4) { edges { node { id } } } }`);
  const titles = [
    'Full replacement estimate – Summit Hill Townhome Association',
    'Storm damage inspection – Lindqvist residence',
    'Gutter repair estimate – Powderhorn Park Apartments',
  ];
  for (const [i, title] of titles.entries()) {
    const r = await suite.stack.api(
      MANAGER,
      `mutation($i: CreateAppointmentInput!) { createAppointment(input: $i) { errors { message } } }`,
      { i: { customerId: customers.edges[i].node.id, kind: i === 1 ? 'INSPECTION' : 'ESTIMATE', title, startsAt: at(9, i * 15), endsAt: at(10, 30 + i * 15) } },
    );
    expect(r.createAppointment.errors).toEqual([]);
  }

  const { page } = await suite.open(MANAGER, { width: 1280, height: 900 });
  await page.goto(`/appointments?view=week&date=${date}&who=all`);
  const blocks = page.getByRole('button', { name: /Summit Hill|Lindqvist|Powderhorn/ });
  await blocks.first().waitFor();
  await blocks.first().scrollIntoViewIfNeeded();
  const widths = await blocks.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
  expect(widths).toHaveLength(3);
  for (const w of widths) expect(w).toBeGreaterThanOrEqual(90);
  // Titles end in whole lines: the visible lines of each title fit in its block.
  const cut = await blocks.evaluateAll((els) =>
    els.filter((e) => {
      const title = e.children[1] as HTMLElement;
      return title.getBoundingClientRect().bottom > e.getBoundingClientRect().bottom + 1;
    }).length,
  );
  expect(cut).toBe(0);
  await screenshot(page, 'calendar-01-overlapping-week');

  // Details on hover…
  await page.getByRole('button', { name: /Summit Hill/ }).hover();
  const tip = page.getByRole('tooltip').filter({ hasText: titles[0]! });
  await tip.waitFor();
  await screenshot(page, 'calendar-02-details-on-hover');
  await page.mouse.move(5, 5);
  await tip.waitFor({ state: 'hidden' });
  // …and on keyboard focus.
  await page.getByRole('button', { name: /Lindqvist/ }).focus();
  await page.getByRole('tooltip').filter({ hasText: titles[1]! }).waitFor();
  await screenshot(page, 'calendar-03-details-on-focus');
});
