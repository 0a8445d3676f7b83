import type { Browser } from 'playwright-core';
import { launchChromium, screenshot, signIn } from './browser';
import { startStack, type Stack } from './stack';

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

it('serves the SPA and the API from one origin: sign in lands on the dashboard', async () => {
  const { page, context, pageErrors } = await signIn(browser, stack.url, 'manager@iswitchroofs.test');
  await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
  await screenshot(page, 'dashboard');
  expect(pageErrors).toEqual([]);
  await context.close();
});
