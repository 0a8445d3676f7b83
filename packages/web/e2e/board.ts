import type { Page } from 'playwright-core';

/** A stage of the leads board by its name (its region is labelled `Won: 42 leads`). */
export const boardColumn = (page: Page, label: string) => page.getByRole('region', { name: new RegExp(`^${label}:`) });

/** Expands a folded stage (Won and Lost start folded where six expanded stages do not fit, as at 1280 px). */
export async function expandStage(page: Page, label: string): Promise<void> {
  const strip = boardColumn(page, label).getByRole('button', { name: new RegExp(`^Expand ${label} \\(`) });
  if (await strip.count()) await strip.click();
}

/** Moves the lead `name` forward to the stage `label` with its card's Move menu, and waits until it is there. */
export async function moveWithMenu(page: Page, name: string, label: string): Promise<void> {
  await expandStage(page, label);
  const item = label === 'Won' ? 'Mark as won' : label === 'Lost' ? 'Mark as lost' : `Move to ${label}`;
  const menu = page.getByRole('menu', { name: `Move ${name} to` });
  // A live update landing between the click and the choice can re-render the card, and its open menu with it (a
  // user opens it again): so does this, at most twice, and says so.
  for (let attempt = 1; ; attempt++) {
    if (!(await menu.isVisible())) await page.getByRole('article', { name }).getByRole('button', { name: `Move ${name} to…` }).click();
    try {
      await menu.getByRole('menuitem', { name: item }).click({ timeout: 5_000 });
      break;
    } catch (err) {
      if (attempt === 3) throw err;
      console.log(`moveWithMenu: the Move menu of ${name} closed before "${item}" was chosen; opening it again`);
    }
  }
  await boardColumn(page, label).getByRole('article', { name }).waitFor();
  await page.waitForFunction(() => !document.querySelector('article[aria-busy="true"]'));
}
