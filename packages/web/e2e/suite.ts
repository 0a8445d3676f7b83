import type { Browser } from 'playwright-core';
import { launchChromium, signIn, type ContextOptions, type Session } from './browser';
import { startStack, type Stack } from './stack';

export interface Suite {
  stack: Stack;
  browser: Browser;
  /** A fresh browser context signed in as `email`; checked after the test (no uncaught errors, no CSP violations). */
  open(email: string, viewport?: { width: number; height: number }, options?: ContextOptions): Promise<Session>;
}

/**
 * One stack (server over its own database) and one Chromium for a test file, started together before its tests and
 * stopped after them; every session opened through `open` is checked after each test: a healthy app throws nothing
 * uncaught in any page it showed, and needs nothing its CSP forbids. `env`: settings the server starts with (read
 * when it starts, after earlier `beforeAll`s).
 */
export function useSuite(env: () => Record<string, string> = () => ({})): Suite {
  const sessions: Session[] = [];
  const suite = {
    open: async (email: string, viewport?: { width: number; height: number }, options?: ContextOptions) => {
      const session = await signIn(suite.browser, suite.stack.url, email, viewport, options);
      sessions.push(session);
      return session;
    },
  } as Suite;
  beforeAll(async () => {
    // Settled, not all: a browser that fails to start must not leave the server running (afterAll stops what started).
    const [s, b] = await Promise.allSettled([startStack(env()), launchChromium()]);
    if (s.status === 'fulfilled') suite.stack = s.value;
    if (b.status === 'fulfilled') suite.browser = b.value;
    for (const r of [s, b]) if (r.status === 'rejected') throw r.reason;
  }, 120_000);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.stack?.stop();
  });
  afterEach(() => {
    for (const s of sessions.splice(0)) {
      expect(s.pageErrors).toEqual([]);
      expect(s.cspViolations).toEqual([]);
    }
  });
  return suite;
}
