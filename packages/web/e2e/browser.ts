import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Screenshots land here (not committed). */
export const ARTIFACTS = path.resolve(__dirname, '../../../test-artifacts/e2e');

/** Debian's Chromium (installed by .ci/run); test tools cannot download their own browsers here. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    throw new Error(`No Chromium at ${executablePath}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors seen so far (a healthy app has none). */
  pageErrors: string[];
  /** What Chromium refused under the server's Content-Security-Policy (the app must need nothing it forbids). */
  cspViolations: string[];
}

/** Collects uncaught errors and CSP violations (Chromium reports those as console errors) of a page. */
export function watchPage(page: Page): Pick<Session, 'pageErrors' | 'cspViolations'> {
  const pageErrors: string[] = [];
  const cspViolations: string[] = [];
  // With where it came from: a thrown non-Error reads only "Object" (seen once from the IDE on a loaded CI machine).
  page.on('pageerror', (e) => pageErrors.push(e.stack ? `${e.message} | ${e.stack.split('\n').slice(0, 6).join(' | ')}` : e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content.Security.Policy/i.test(m.text())) cspViolations.push(m.text());
  });
  return { pageErrors, cspViolations };
}

/** Settings of a browser context beyond its size: `timezoneId` makes the browser's clock another zone's. */
export interface ContextOptions {
  timezoneId?: string;
}

/** A fresh browser context (own storage, own socket) signed in through the login page as a demo user. */
export async function signIn(
  browser: Browser,
  url: string,
  email: string,
  viewport = { width: 1280, height: 860 },
  options: ContextOptions = {},
): Promise<Session> {
  const context = await browser.newContext({ viewport, baseURL: url, ...options });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const watched = watchPage(page);
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill('RoofDemo!2026');
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  return { context, page, ...watched };
}

/** Saves a full-page screenshot as test-artifacts/e2e/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}
