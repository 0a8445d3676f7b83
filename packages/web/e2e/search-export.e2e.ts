import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { screenshot } from './browser';
import { useSuite } from './suite';

/**
 * Global search and CSV export in Chromium, over the demo company: Ctrl-K, typing part of a phone number and a name,
 * the arrow keys and Enter open a result (as a sales member and as a field tech); "Export CSV" on a filtered, sorted
 * list downloads exactly the rows the API lists for the same filter and order (as a manager and a sales member).
 */
const MANAGER = 'manager@iswitchroofs.test';
const SALES = 'sales@iswitchroofs.test';
const TECH = 'tech@iswitchroofs.test';

jest.setTimeout(120_000); // testTimeout in a project's config is ignored by multi-project runs

const suite = useSuite();
// The server package's CSV parser (the web package has none).
const { parse } = createRequire(path.resolve(__dirname, '../../server/package.json'))('csv-parse/sync') as {
  parse: (input: string | Buffer, options: Record<string, unknown>) => string[][];
};

const palette = (page: Page) => page.getByRole('dialog', { name: 'Search' });
const searchBox = (page: Page) => palette(page).getByRole('combobox');

/** The active result, as the combobox names it. */
async function activeOption(page: Page): Promise<string> {
  const id = await searchBox(page).getAttribute('aria-activedescendant');
  return (await page.locator(`[id="${id}"]`).textContent()) ?? '';
}

it('a sales member searches with the keyboard and opens a customer, then a lead', async () => {
  const { customers } = await suite.stack.api(SALES, `{ customers(first: 20, orderBy: { field: NAME }) { edges { node { id name phone } } } }`);
  const customer = customers.edges.map((e: { node: { id: string; name: string; phone: string | null } }) => e.node).find((c: { phone: string | null }) => c.phone)!;
  const digits = customer.phone!.replace(/\D/g, '').slice(-7);
  const typed = `${digits.slice(0, 3)}-${digits.slice(3)}`;

  const s = await suite.open(SALES);
  const { page } = s;
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.keyboard.press('Control+k');
  await searchBox(page).waitFor();
  expect(await searchBox(page).evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.type(typed);
  const option = palette(page).getByRole('option', { name: new RegExp(customer.name) }).first();
  await option.waitFor();
  // The match says which field it was: the phone, formatted.
  await palette(page).getByRole('group', { name: 'Customers' }).getByText(/^Phone: \(\d{3}\) \d{3}-\d{4}$/).first().waitFor();
  expect(await activeOption(page)).toContain(customer.name);
  await screenshot(page, 'search-palette-phone');
  await page.keyboard.press('Enter');
  await page.waitForURL(`**/customers/${customer.id}`);
  await page.getByRole('heading', { name: customer.name, level: 1 }).waitFor();
  expect(await palette(page).count()).toBe(0);

  // The header button, typing a name, the arrow keys into the next group, Enter.
  const { leads } = await suite.stack.api(SALES, `{ leads(first: 1, filter: { statuses: [NEW] }) { edges { node { id contactName customer { name } } } } }`);
  const lead = leads.edges[0].node;
  const leadName: string = lead.contactName ?? lead.customer.name;
  await page.getByRole('button', { name: 'Search' }).click();
  await page.keyboard.type(leadName);
  const leadOption = palette(page).getByRole('group', { name: 'Leads' }).getByRole('option').first();
  await leadOption.waitFor();
  const before = await palette(page).getByRole('group', { name: 'Customers' }).getByRole('option').count();
  for (let i = 0; i < before; i++) await page.keyboard.press('ArrowDown');
  expect(await leadOption.getAttribute('aria-selected')).toBe('true');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/leads\/[^/]+$/);
  // Esc closes without opening anything.
  await page.keyboard.press('Control+k');
  await searchBox(page).waitFor();
  await page.keyboard.press('Escape');
  expect(await palette(page).count()).toBe(0);
});

it("a field tech finds a crew project's customer and lands on their projects of that customer", async () => {
  const { projects } = await suite.stack.api(TECH, `{ projects(first: 1) { edges { node { id name customer { name } } } } }`);
  const project = projects.edges[0].node;
  const s = await suite.open(TECH);
  await s.page.getByRole('heading', { level: 1 }).first().waitFor();
  await s.page.keyboard.press('Control+k');
  await searchBox(s.page).waitFor();
  await s.page.keyboard.type(project.customer.name);
  await palette(s.page).getByRole('group', { name: 'Projects' }).getByRole('option').first().waitFor();
  expect(await palette(s.page).getByRole('group', { name: 'Leads' }).count()).toBe(0);
  expect(await palette(s.page).getByRole('group', { name: 'Partners' }).count()).toBe(0);
  await s.page.keyboard.press('Enter');
  await s.page.waitForURL((u) => u.pathname === '/projects' && u.searchParams.get('q') === project.customer.name);
});

/** Clicks "Export CSV" and reads the downloaded file. */
async function exportView(page: Page): Promise<{ name: string; bytes: Buffer; rows: Array<Record<string, string>> }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  const file = await download.path();
  const bytes = fs.readFileSync(file!);
  const [header, ...records] = parse(bytes, { bom: true });
  return { name: download.suggestedFilename(), bytes, rows: records.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!]))) };
}

it('a manager exports the filtered, sorted customers list: the file holds what the API lists', async () => {
  const s = await suite.open(MANAGER);
  await s.page.goto('/customers?type=RESIDENTIAL&sort=name');
  await s.page.getByRole('table').waitFor();
  const exported = await exportView(s.page);
  expect(exported.name).toMatch(/^customers-\d{4}-\d{2}-\d{2}\.csv$/);
  expect([...exported.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const api = await suite.stack.api(MANAGER, `{ all: customers(first: 100, filter: { customerTypes: [RESIDENTIAL] }, orderBy: { field: NAME, direction: ASC }) { totalCount edges { node { id name email } } } }`);
  expect(api.all.totalCount).toBeLessThanOrEqual(100);
  expect(exported.rows.map((r) => r.ID)).toEqual(api.all.edges.map((e: { node: { id: string } }) => e.node.id));
  expect(exported.rows.map((r) => [r.Name, r['E-mail']])).toEqual(api.all.edges.map((e: { node: { name: string; email: string | null } }) => [e.node.name, e.node.email ?? '']));
  expect(exported.rows.every((r) => r.Type === 'RESIDENTIAL')).toBe(true);
});

it("a sales member exports the leads table filtered by stage: their own and their team's open leads, as the API lists them", async () => {
  const s = await suite.open(SALES);
  await s.page.goto('/leads/list?status=NEW&sort=SCORE');
  await s.page.getByRole('table').waitFor();
  const exported = await exportView(s.page);
  const api = await suite.stack.api(SALES, `{ leads(first: 100, filter: { statuses: [NEW] }, orderBy: { field: SCORE, direction: DESC }) { totalCount edges { node { id status score } } } }`);
  expect(api.leads.totalCount).toBeLessThanOrEqual(100);
  expect(exported.rows.length).toBe(api.leads.totalCount);
  expect(exported.rows.map((r) => [r.ID, r.Status, r.Score])).toEqual(api.leads.edges.map((e: { node: { id: string; status: string; score: number } }) => [e.node.id, e.node.status, String(e.node.score)]));
  await screenshot(s.page, 'export-leads-table');
});
