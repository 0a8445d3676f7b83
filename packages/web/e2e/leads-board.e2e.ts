import type { Locator, Page } from 'playwright-core';
import { boardColumn } from './board';
import { screenshot } from './browser';
import { useSuite } from './suite';

/**
 * The leads board at 1280×800 in Chromium (issue 17, density): all six stages in view beside the sidebar with no
 * sideways scrolling (compact cards, Won and Lost folded into strips that expand and fold again, remembered), one tab
 * stop per card and per stage, the keyboard between cards and into the Move menu, and a card dropped on a folded
 * stage.
 */
const MANAGER = 'manager@iswitchroofs.test';
const SIZE = { width: 1280, height: 800 };
const STAGES = ['New', 'Contacted', 'Inspection scheduled', 'Estimate sent', 'Won', 'Lost'];

jest.setTimeout(120_000);

const suite = useSuite();

const column = boardColumn;

/** Every stage inside the window, and the board not scrolling sideways. */
async function expectSixStagesInView(page: Page) {
  for (const label of STAGES) {
    const box = (await column(page, label).boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(SIZE.width);
  }
  const board = page.locator('[data-status="NEW"]').locator('..');
  const { scroll, client } = await board.evaluate((b) => ({ scroll: b.scrollWidth, client: b.clientWidth }));
  expect(scroll).toBeLessThanOrEqual(client);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(SIZE.width);
}

/** The elements in `scope` that Tab stops at. */
const tabStops = (scope: Locator) =>
  scope.evaluate((root) =>
    Array.from(root.querySelectorAll<HTMLElement>('a[href], button, select, input, [tabindex]')).filter(
      (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled,
    ).length,
  );

const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim());

it('shows all six stages at 1280 px, with Won and Lost folding into strips', async () => {
  const { page } = await suite.open(MANAGER, SIZE);
  await page.goto('/leads');
  await column(page, 'New').getByRole('article').first().waitFor();

  // A window this narrow cannot fit six expanded stages: Won and Lost start folded, with their counts.
  const expandWon = page.getByRole('button', { name: /^Expand Won \(\d+ leads\)$/ });
  await expect(expandWon.getAttribute('aria-expanded')).resolves.toBe('false');
  await expect(column(page, 'Won').getByRole('article').count()).resolves.toBe(0);
  await expectSixStagesInView(page);
  await screenshot(page, 'board-after-collapsed');

  // Expanded by a click and by Enter, the six still fit (narrower columns).
  await expandWon.click();
  await column(page, 'Won').getByRole('article').first().waitFor();
  await page.getByRole('button', { name: /^Expand Lost/ }).focus();
  await page.keyboard.press('Enter');
  await column(page, 'Lost').getByRole('article').first().waitFor();
  await expect(page.getByRole('button', { name: 'Collapse Lost' }).evaluate((b) => b === document.activeElement)).resolves.toBe(true);
  await expectSixStagesInView(page);
  await screenshot(page, 'board-after-1280');

  // The choice is the user's, kept across visits; folding again is kept too.
  const { me } = await suite.stack.api(MANAGER, '{ me { id } }');
  const kept = await page.evaluate((key) => window.localStorage.getItem(key), `crm.leadsBoard.collapsed.${me.id}`);
  expect(JSON.parse(kept!)).toEqual({ WON: false, LOST: false });
  await page.reload();
  await column(page, 'Won').getByRole('article').first().waitFor();
  await page.getByRole('button', { name: 'Collapse Won' }).click();
  await page.reload();
  await page.getByRole('button', { name: /^Expand Won/ }).waitFor();
  await column(page, 'Lost').getByRole('article').first().waitFor();
  await expectSixStagesInView(page);
});

it('makes a card one tab stop, reachable and movable by keyboard', async () => {
  const { page } = await suite.open(MANAGER, SIZE);
  await page.goto('/leads');
  const newCards = column(page, 'New').getByRole('article');
  await newCards.nth(1).waitFor();

  // One tab stop per card at most (its name), and one per stage.
  const perCard = await page.getByRole('article').evaluateAll((cards) =>
    cards.map((c) => Array.from(c.querySelectorAll<HTMLElement>('a, button, select, [tabindex]')).filter((e) => e.tabIndex >= 0).length),
  );
  expect(Math.max(...perCard)).toBe(1);
  for (const label of STAGES.slice(0, 4)) await expect(tabStops(column(page, label))).resolves.toBe(1);

  // Tab goes from stage to stage, not card to card.
  const first = await newCards.first().getAttribute('aria-label');
  await newCards.first().getByRole('link').focus();
  await page.keyboard.press('Tab');
  expect(await focusedName(page)).toBe(await column(page, 'Contacted').getByRole('article').first().getAttribute('aria-label'));
  await page.keyboard.press('Shift+Tab');
  expect(await focusedName(page)).toBe(first);

  // Arrows move between cards and stages.
  await page.keyboard.press('ArrowDown');
  const second = await newCards.nth(1).getAttribute('aria-label');
  expect(await focusedName(page)).toBe(second);
  await page.keyboard.press('ArrowRight');
  expect(await focusedName(page)).toBe(await column(page, 'Contacted').getByRole('article').nth(1).getAttribute('aria-label'));
  await page.keyboard.press('ArrowLeft');
  expect(await focusedName(page)).toBe(second);

  // M opens the Move menu with only the server's moves, Escape comes back; Enter opens the lead.
  await page.keyboard.press('m');
  const menu = page.getByRole('menu', { name: `Move ${second} to` });
  await menu.waitFor();
  expect(await menu.getByRole('menuitem').allTextContents()).toEqual(['Move to Contacted', 'Mark as lost']);
  await screenshot(page, 'board-after-move-menu');
  await page.keyboard.press('Escape');
  await menu.waitFor({ state: 'detached' });
  expect(await focusedName(page)).toBe(second);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/leads\/[^/]+$/);
  await page.getByRole('heading', { level: 1, name: second! }).waitFor();
});

it('takes a card dropped on a folded stage', async () => {
  const { page } = await suite.open(MANAGER, SIZE);
  await page.goto('/leads');
  const card = column(page, 'New').getByRole('article').first();
  await card.waitFor();
  const name = await card.getAttribute('aria-label');
  await card.dragTo(page.getByRole('button', { name: /^Expand Lost/ }));
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  expect(await dialog.textContent()).toContain(name);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(column(page, 'New').getByRole('article', { name: name! }).count()).resolves.toBe(1);
});
