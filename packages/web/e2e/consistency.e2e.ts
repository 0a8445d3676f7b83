import type { Page } from 'playwright-core';
import { expandStage } from './board';
import { screenshot } from './browser';
import { useSuite } from './suite';

/**
 * Issue 17's consistency fixes in Chromium over the demo company: moves the board offers, phone numbers in
 * notifications, who joined a crew, what the dashboard's numbers mean, whole-percent progress, all form errors at once,
 * why a page redirected, and "Skip to content".
 */
const SALES = 'sales@iswitchroofs.test';
const MANAGER = 'manager@iswitchroofs.test';
const ADMIN = 'admin@iswitchroofs.test';
const TECH = 'tech@iswitchroofs.test';

jest.setTimeout(120_000);

const suite = useSuite();

const column = (page: Page, label: string) => page.getByRole('region', { name: new RegExp(`^${label}:`) });

it('the board offers only the moves the server allows, in words', async () => {
  const { page } = await suite.open(SALES);
  await page.goto('/leads');
  // A lead this viewer may move (others' leads show no Move menu), not a repair (which may skip the inspection).
  const card = column(page, 'Contacted')
    .getByRole('article')
    .filter({ hasNotText: 'Repair', has: page.getByRole('button', { name: /^Move .* to…$/ }) })
    .first();
  await card.waitFor();
  const name = await card.getAttribute('aria-label');
  await card.getByRole('button', { name: `Move ${name} to…` }).click();
  const menu = page.getByRole('menu', { name: `Move ${name} to` });
  expect(await menu.getByRole('menuitem').allTextContents()).toEqual(['Move to Inspection scheduled', 'Back to New', 'Mark as lost']);
  // A won lead has no moves left (Won, folded at this width, opens first).
  await page.keyboard.press('Escape');
  await expandStage(page, 'Won');
  const won = column(page, 'Won').getByRole('article').first();
  await won.waitFor();
  await expect(won.getByRole('button', { name: /^Move/ }).count()).resolves.toBe(0);
  await screenshot(page, 'consistency-01-board-moves');
});

it('notifications show phone numbers as the app does everywhere else', async () => {
  const { me } = await suite.stack.api(SALES, '{ me { id } }');
  const due = new Date(Date.now() - 5 * 60_000).toISOString();
  await suite.stack.api(SALES, 'mutation($i: CreateLeadInput!) { createLead(input: $i) { errors { message } } }', {
    i: { contactName: 'Rory Quinn', contactPhone: '763-555-9486', source: 'PHONE', assigneeId: me.id, nextFollowUpAt: due },
  });
  await suite.stack.api(ADMIN, 'mutation { runJob(name: "follow-up-reminders") { errors { message } } }');
  const { page } = await suite.open(SALES);
  const bell = page.getByRole('button', { name: /^Notifications/ });
  for (let i = 0; i < 30 && !(await bell.getAttribute('aria-label'))?.includes('unread'); i++) await page.waitForTimeout(500);
  await page.goto('/notifications');
  const item = page.getByRole('listitem').filter({ hasText: 'Follow up with Rory Quinn' });
  await item.waitFor();
  expect(await item.textContent()).toContain('Phone: (763) 555-9486');
  expect(await item.textContent()).not.toContain('+17635559486');
  await screenshot(page, 'consistency-02-notification-phone');
});

it('the project history names who joined and left the crew', async () => {
  const { users } = await suite.stack.api(ADMIN, '{ users(first: 20, filter: { roles: [FIELD_TECH] }) { edges { node { id name } } } }');
  const techs = users.edges.map((e: { node: { id: string; name: string } }) => e.node).slice(0, 2);
  const { projects } = await suite.stack.api(MANAGER, '{ projects(first: 1, filter: { statuses: [PLANNING, SCHEDULED] }) { edges { node { id } } } }');
  const id = projects.edges[0].node.id as string;
  const assign = (memberIds: string[]) =>
    suite.stack.api(MANAGER, 'mutation($i: AssignProjectTeamInput!) { assignProjectTeam(input: $i) { errors { message } } }', { i: { id, memberIds } });
  await assign([techs[0].id]);
  await assign([techs[1].id]);
  const { page } = await suite.open(MANAGER);
  await page.goto(`/projects/${id}`);
  const history = page.locator('section').filter({ has: page.getByRole('heading', { name: 'History' }) });
  await history.getByText(`Crew: ${techs[1].name} joined; ${techs[0].name} left`).waitFor();
  expect(await history.textContent()).not.toMatch(/\d+ items?/);
  await history.scrollIntoViewIfNeeded();
  await screenshot(page, 'consistency-03-history-crew');
});

it('every dashboard number says what it counts, and why one is missing', async () => {
  for (const [who, name] of [[ADMIN, 'admin'], [SALES, 'sales']] as const) {
    const { page } = await suite.open(who, { width: 1280, height: 1000 });
    await page.goto('/?range=LAST_7_DAYS');
    for (const label of ['Win rate', 'Average deal', 'On budget', 'Open pipeline']) {
      const tile = page.getByRole('region', { name: label });
      await tile.waitFor();
      expect(await tile.getAttribute('aria-describedby')).toBeTruthy();
    }
    const winRate = (await page.getByRole('region', { name: 'Win rate' }).textContent()) ?? '';
    expect(winRate).toMatch(/won, \d+ lost; \d+ still open\.|is won or lost yet|No leads came in/);
    await page.getByText(/How far this period’s \d+ leads? got/).waitFor();
    await screenshot(page, `consistency-04-dashboard-${name}`);
  }
});

it('field techs: progress in whole percents, a redirect that says why, and Skip to content', async () => {
  const { projects } = await suite.stack.api(TECH, '{ projects(first: 5, filter: { statuses: [SCHEDULED, IN_PROGRESS] }) { edges { node { id } } } }');
  const id = projects.edges[0].node.id as string;
  await suite.stack.api(MANAGER, 'mutation($i: UpdateProjectInput!) { updateProject(input: $i) { errors { message } } }', { i: { id, completionPercentage: 66 } });

  const { page } = await suite.open(TECH);
  // On a page just loaded, the first key press reaches "Skip to content", which moves focus past the menu to the page.
  await page.goto('/projects');
  await page.getByRole('heading', { name: 'My projects', level: 1 }).waitFor();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
  await screenshot(page, 'consistency-05-skip-link');
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');

  // An office page: taken to the projects, told why.
  await page.goto('/customers');
  await page.waitForURL(/\/projects$/);
  await page.getByRole('alert').filter({ hasText: 'The customer list is open to admins, managers and salespeople only' }).waitFor();
  await screenshot(page, 'consistency-06-redirect-notice');

  await page.goto(`/projects/${id}`);
  const slider = page.getByRole('slider', { name: 'Completion percentage' });
  await slider.waitFor();
  expect(await slider.inputValue()).toBe('66');
  await page.keyboard.press('Tab'); // nothing more to check: Chromium kept 66 (a step of 5 snapped it to 65)
  await slider.scrollIntoViewIfNeeded();
  await screenshot(page, 'consistency-07-progress-66');
});

it('forms report every field problem at once; a lead needs a phone or an e-mail, neither alone required', async () => {
  const { page } = await suite.open(SALES);
  await page.goto('/customers');
  await page.getByRole('button', { name: 'New customer' }).first().click();
  const form = page.getByRole('dialog', { name: 'New customer' });
  await form.getByLabel('Name *').fill('Casey Morgan');
  await form.getByLabel('E-mail', { exact: true }).fill('casey.at.example');
  await form.getByLabel('Phone').fill('612-555-014');
  await form.getByRole('button', { name: 'Create customer' }).click();
  await form.getByText(/Enter a 10-digit phone number/).waitFor();
  await form.getByText('Enter an e-mail address like dana@example.com.').waitFor();
  await screenshot(page, 'consistency-08-customer-form-errors');
  await page.keyboard.press('Escape');

  await page.goto('/leads');
  await page.getByRole('button', { name: 'New lead' }).first().click();
  const lead = page.getByRole('dialog', { name: 'New lead' });
  const phone = lead.getByRole('textbox', { name: 'Phone', exact: true });
  await phone.waitFor();
  expect(await phone.getAttribute('aria-required')).not.toBe('true');
  await lead.getByText('A phone or an e-mail: one is enough.').waitFor();
  await screenshot(page, 'consistency-09-lead-form-contact');
});
