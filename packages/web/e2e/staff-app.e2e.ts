import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expandStage, moveWithMenu } from './board';
import { ARTIFACTS, screenshot, watchPage } from './browser';
import { useSuite } from './suite';

/**
 * The staff app end to end, in Chromium against the real server and PostgreSQL with the demo company: a salesperson
 * takes a new customer from the first form to a project while a manager watches the board live, then a field tech
 * on a phone sees only the projects they are on.
 */
const SALES = 'sales@iswitchroofs.test';
const MANAGER = 'manager@iswitchroofs.test';
const TECH = 'tech@iswitchroofs.test';
const ADMIN = 'admin@iswitchroofs.test';

jest.setTimeout(120_000); // testTimeout in a project's config is ignored by multi-project runs

const suite = useSuite();
const customerName = `Harper Lindqvist ${Date.now().toString(36)}`;
let projectId: string;
let projectName: string;

const open = suite.open;

/** The text of the message a field announces with `aria-describedby` (its error). */
async function describedBy(field: Locator): Promise<string> {
  return field.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ')
      .trim(),
  );
}

const column = (page: Page, label: string) => page.getByRole('region', { name: new RegExp(`^${label}:`) });

it('sales: a customer (field error first), a lead seen live by the manager, the board to WON, convert, the project', async () => {
  const manager = await open(MANAGER);
  await manager.page.goto('/leads');
  await column(manager.page, 'New').waitFor();

  const { page } = await open(SALES);
  await page.goto('/customers');
  await page.getByRole('heading', { name: 'Customers', level: 1 }).waitFor();
  await page.getByRole('table').or(page.getByRole('list')).first().waitFor();
  await screenshot(page, '01-customers');

  // A bad e-mail is refused next to the E-mail field, and nothing is created.
  await page.getByRole('button', { name: 'New customer' }).first().click();
  const form = page.getByRole('dialog', { name: 'New customer' });
  await form.getByLabel('Name *').fill(customerName);
  const email = form.getByLabel('E-mail', { exact: true });
  await email.fill('harper.at.example');
  await form.getByRole('button', { name: 'Create customer' }).click();
  await form.locator('[aria-invalid="true"]').first().waitFor();
  expect(await email.getAttribute('aria-invalid')).toBe('true');
  expect(await describedBy(email)).toMatch(/e-mail/i);
  await screenshot(page, '02-customer-form-validation');

  await email.fill('harper.lindqvist@example.com');
  await form.getByLabel('Phone').fill('(612) 555-0142');
  await form.getByLabel('Street').fill('4410 Lyndale Ave S');
  await form.getByLabel('City').fill('Minneapolis');
  await form.getByLabel('State').fill('MN');
  await form.getByLabel('ZIP').fill('55419');
  await form.getByRole('button', { name: 'Create customer' }).click();
  await page.waitForURL(/\/customers\/[^/]+$/);
  await page.getByRole('heading', { name: customerName, level: 1 }).waitFor();
  await screenshot(page, '03-customer-detail');

  // A lead for this customer, kept by the salesperson who brought it in.
  await page.getByRole('link', { name: 'New lead' }).click();
  const leadForm = page.getByRole('dialog', { name: 'New lead' });
  await leadForm.getByText(customerName).first().waitFor();
  await leadForm.getByLabel('Source *').selectOption('REFERRAL');
  await leadForm.getByLabel('Project type').selectOption('FULL_REPLACEMENT');
  await leadForm.getByLabel('Estimated value ($)').fill('18500');
  await leadForm.getByLabel('Assign to').selectOption({ label: 'Me (Sam Carter)' });
  await leadForm.getByRole('button', { name: 'Create lead' }).click();
  const created = page.getByRole('dialog', { name: 'Lead created' });
  await created.getByText('Sam Carter').waitFor();
  await screenshot(page, '04-lead-created');

  // The manager's board shows the new lead without a reload (leadCreated over the WebSocket).
  await column(manager.page, 'New').getByRole('article', { name: customerName }).waitFor();
  await screenshot(manager.page, '05-manager-board-live-lead');

  // Across the board: drag to Contacted, then the keyboard-friendly menu for the later stages.
  await created.getByRole('button', { name: 'Done' }).click();
  const card = column(page, 'New').getByRole('article', { name: customerName });
  await card.waitFor();
  await card.dragTo(column(page, 'Contacted'));
  await column(page, 'Contacted').getByRole('article', { name: customerName }).waitFor();
  await moveWithMenu(page, customerName, 'Inspection scheduled');
  await moveWithMenu(page, customerName, 'Estimate sent');
  await moveWithMenu(page, customerName, 'Won');
  await screenshot(page, '06-leads-board-won');

  // The manager's board follows the moves too (leadUpdated).
  await expandStage(manager.page, 'Won');
  await column(manager.page, 'Won').getByRole('article', { name: customerName }).waitFor();

  // Convert the won lead: its project opens.
  await column(page, 'Won').getByRole('link', { name: customerName }).click();
  await page.waitForURL(/\/leads\/[^/]+$/);
  await screenshot(page, '07-lead-detail');
  await page.getByRole('button', { name: 'Convert to project' }).first().click();
  await page.getByRole('dialog').getByRole('button', { name: 'Convert to project' }).click();
  await page.waitForURL(/\/projects\/[^/]+$/);
  projectId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
  projectName = (await suite.stack.api(SALES, 'query($id: ID!) { project(id: $id) { name } }', { id: projectId })).project.name;
  expect(projectName).toContain(customerName);
  await page.getByRole('heading', { name: projectName, level: 1 }).waitFor();
  await page.getByRole('link', { name: customerName }).first().waitFor();
  await screenshot(page, '08-project-detail');
  await manager.context.close();
});

it('field tech on a phone: sees only the projects they are on, and the new one once put on its crew', async () => {
  const tech = await suite.stack.api(TECH, '{ me { id } }');
  const mine = await suite.stack.api(TECH, '{ projects(first: 100) { totalCount edges { node { id name } } } }');
  const all = await suite.stack.api(ADMIN, '{ projects(first: 100) { edges { node { id name } } } }');
  const myIds = new Set<string>(mine.projects.edges.map((e: { node: { id: string } }) => e.node.id));
  const notMine = all.projects.edges
    .map((e: { node: { id: string; name: string } }) => e.node)
    .find((p: { id: string }) => !myIds.has(p.id) && p.id !== projectId);
  expect(myIds.has(projectId)).toBe(false);
  expect(notMine).toBeDefined();

  // The office puts the tech on the new project's crew.
  const assigned = await suite.stack.api(
    MANAGER,
    'mutation($i: AssignProjectTeamInput!) { assignProjectTeam(input: $i) { errors { message } } }',
    { i: { id: projectId, memberIds: [tech.me.id] } },
  );
  expect(assigned.assignProjectTeam.errors).toEqual([]);

  const { page } = await open(TECH, { width: 375, height: 812 });
  await page.waitForURL(/\/projects$/);
  await page.getByRole('heading', { name: 'My projects', level: 1 }).waitFor();
  await page.getByRole('link', { name: projectName }).waitFor();
  // Every project shown is one of the tech's (the list shows their open ones): the new one, never another crew's.
  const shownIds = await page
    .getByRole('list', { name: 'My projects' })
    .getByRole('heading', { level: 2 })
    .getByRole('link')
    .evaluateAll((links) => links.map((a) => decodeURIComponent(new URL((a as HTMLAnchorElement).href).pathname.split('/').pop()!)));
  expect(shownIds.length).toBeGreaterThan(1);
  expect(shownIds).toContain(projectId);
  expect(shownIds.filter((id) => id !== projectId && !myIds.has(id))).toEqual([]);
  expect(shownIds).not.toContain(notMine.id);
  await screenshot(page, '09-tech-my-projects-phone');

  // A project they are not on does not exist for them.
  await page.goto(`/projects/${encodeURIComponent(notMine.id)}`);
  await page.getByText(/not found/i).first().waitFor();

  // Progress from the phone.
  await page.goto(`/projects/${encodeURIComponent(projectId)}`);
  const progress = page.getByRole('form', { name: 'Update progress' });
  await progress.getByLabel('Completion percentage').fill('40');
  await progress.getByRole('button', { name: 'Save progress' }).click();
  await page.getByText(/saved/i).first().waitFor();
  const after = await suite.stack.api(TECH, 'query($id: ID!) { project(id: $id) { completionPercentage } }', { id: projectId });
  expect(after.project.completionPercentage).toBe(40);
  await screenshot(page, '10-tech-project-progress-phone');
});

it('every page renders for its roles without errors', async () => {
  const anonymous = await suite.browser.newContext({ viewport: { width: 1280, height: 860 }, baseURL: suite.stack.url });
  const login = await anonymous.newPage();
  const watched = watchPage(login);
  await login.goto('/leads');
  await login.waitForURL(/\/login/);
  await login.getByRole('button', { name: /sign in/i }).waitFor();
  await screenshot(login, 'page-login');
  await anonymous.close();
  expect(watched).toEqual({ pageErrors: [], cspViolations: [] });

  const pages: Array<[string, string, string | RegExp]> = [
    [MANAGER, '/', 'Dashboard'],
    [MANAGER, '/leads/list', 'Leads'],
    [MANAGER, '/projects', 'Projects'],
    [MANAGER, '/appointments', 'Appointments'],
    [MANAGER, '/interactions', /Interactions|Communication log/],
    [MANAGER, '/notifications', 'Notifications'],
    [MANAGER, '/settings/teams', 'Settings'],
    [ADMIN, '/settings/users', 'Settings'],
    [ADMIN, '/settings/jobs', 'Settings'],
    [TECH, '/appointments', 'Appointments'],
  ];
  const byRole = new Map<string, Page>();
  for (const [email, path, title] of pages) {
    let page = byRole.get(email);
    if (!page) {
      page = (await open(email)).page;
      byRole.set(email, page);
    }
    await page.goto(path);
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    const role = email.split('@')[0];
    await screenshot(page, `page-${role}-${path === '/' ? 'dashboard' : path.slice(1).replaceAll('/', '-')}`);
  }
});

it('on a 375 px phone no page scrolls sideways (wide content scrolls inside its own box)', async () => {
  const { page } = await open(SALES, { width: 375, height: 812 });
  const wide: string[] = [];
  for (const path of ['/', '/customers', '/leads', '/leads/list', '/projects', '/appointments', '/interactions', '/settings/profile']) {
    await page.goto(path);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 375) wide.push(`${path}: ${width}px`);
    if (path === '/leads') await screenshot(page, 'page-sales-leads-board-phone');
  }
  expect(wide).toEqual([]);
});


it('the first dashboard load: scripts and styles arrive brotli-compressed, under a strict CSP', async () => {
  const { page } = await open(MANAGER);
  const response = await page.goto('/');
  await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
  await page.waitForLoadState('networkidle');
  const csp = (await response!.headerValue('content-security-policy')) ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe');

  // What the browser fetched for the dashboard, as received (encoded) and as used (decoded).
  const assets = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e as PerformanceResourceTiming)
      .filter((e) => new URL(e.name).pathname.startsWith('/assets/'))
      .map((e) => ({ path: new URL(e.name).pathname, encoded: e.encodedBodySize, decoded: e.decodedBodySize })),
  );
  const scripts = assets.filter((a) => a.path.endsWith('.js'));
  expect(scripts.some((s) => s.path.includes('DashboardPage'))).toBe(true);
  const sum = (xs: typeof assets, key: 'encoded' | 'decoded') => xs.reduce((n, a) => n + a[key], 0);
  const js = { files: scripts.length, decodedBytes: sum(scripts, 'decoded'), transferredBytes: sum(scripts, 'encoded') };
  fs.writeFileSync(path.join(ARTIFACTS, 'dashboard-first-load.json'), `${JSON.stringify({ js, assets }, null, 2)}\n`);
  // Brotli: a quarter of the raw size or better for every big asset (raw, this was about 1.1 MB of JavaScript).
  for (const a of assets.filter((x) => x.decoded > 10_000)) expect(a.encoded).toBeLessThan(a.decoded / 3);
  expect(js.transferredBytes).toBeLessThan(js.decodedBytes / 3);
});

it("a page's code is fetched when the page is first opened, not before: a hashed chunk, brotli, cached for good", async () => {
  const { page } = await open(MANAGER);
  await page.goto('/');
  await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
  await page.waitForLoadState('networkidle');
  const loaded = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.endsWith('.js')),
  );
  expect(loaded.filter((p) => /\/DashboardPage-[\w-]+\.js$/.test(p))).toHaveLength(1);
  expect(loaded.filter((p) => /\/(Claims|Customers|Projects|Settings|LeadsBoard)Page-/.test(p))).toEqual([]);

  const chunk = page.waitForResponse((r) => /^\/assets\/ClaimsPage-[\w-]+\.js$/.test(new URL(r.url()).pathname));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Claims' }).click();
  const response = await chunk;
  await page.getByRole('heading', { name: 'Insurance claims', level: 1 }).waitFor();
  expect(response.status()).toBe(200);
  expect(await response.allHeaders()).toMatchObject({
    'cache-control': 'public, max-age=31536000, immutable',
    'content-encoding': 'br',
    'content-type': expect.stringMatching(/^(text|application)\/javascript/),
  });
});
