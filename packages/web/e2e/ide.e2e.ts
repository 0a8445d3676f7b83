import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, screenshot, watchPage } from './browser';
import { startStack, type Stack } from './stack';

/**
 * The GraphQL IDE (GraphiQL served by the API server at GET /graphql) with the network cut off: every request to a
 * host other than this machine is aborted, and none may be attempted. The docs, a query as a signed-in admin and a
 * live subscription all work from what the server itself serves.
 */
const ADMIN = 'admin@iswitchroofs.test';

jest.setTimeout(120_000);

let stack: Stack;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let watched: ReturnType<typeof watchPage>;
const aborted: string[] = [];
const editorWarnings: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync(path.resolve(__dirname, '../../ide/dist/index.html'))) {
    throw new Error('No built GraphQL IDE in packages/ide/dist: run `pnpm build` before the e2e tests.');
  }
  const [s, b] = await Promise.allSettled([startStack(), launchChromium()]);
  if (s.status === 'fulfilled') stack = s.value;
  if (b.status === 'fulfilled') browser = b.value;
  for (const r of [s, b]) if (r.status === 'rejected') throw r.reason;
  context = await browser.newContext({ baseURL: stack.url, viewport: { width: 1400, height: 900 } });
  context.setDefaultTimeout(20_000);
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return route.continue();
    aborted.push(url.href);
    return route.abort('internetdisconnected');
  });
  page = await context.newPage();
  watched = watchPage(page);
  page.on('console', (m) => {
    if (m.type() === 'warning' && m.text().startsWith('IDE: the editor')) editorWarnings.push(m.text());
  });
}, 120_000);

afterAll(async () => {
  // Bare values the editor threw (logged by the page, not errors of ours): printed, to learn what they are.
  if (editorWarnings.length) console.log(`IDE editor warnings:\n${editorWarnings.join('\n')}`);
  await browser?.close();
  await stack?.stop();
});

afterEach(async () => {
  if (page) await screenshot(page, `ide-${expect.getState().currentTestName?.replace(/\W+/g, '-') ?? 'step'}`);
  expect(aborted).toEqual([]);
  expect(watched.pageErrors).toEqual([]);
  expect(watched.cspViolations).toEqual([]);
});

/** The text Monaco shows in an editor (its spaces are non-breaking). */
const editorText = (selector: string) => async () => (await page.locator(selector).innerText()).replace(/\u00a0/g, ' ');
const responseText = editorText('.graphiql-response .result-window');
const queryText = editorText('.graphiql-query-editor');

/** Reads until `test` holds (the editors update asynchronously), failing with the last text read. */
async function until(read: () => Promise<string>, test: (text: string) => boolean, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = await read();
    if (test(text)) return text;
    if (Date.now() > deadline) throw new Error(`Timed out; last seen:\n${text}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Shows a sidebar plugin's pane (a no-op when it is showing). */
async function showPlugin(title: string) {
  const show = page.getByRole('button', { name: `Show ${title}` });
  if (await show.count()) await show.click();
  await page.getByRole('button', { name: `Hide ${title}` }).waitFor();
}

/** Opens a preloaded tab and waits for its operation in the editor. */
async function openTab(name: string) {
  await page.getByRole('tab', { name }).click();
  await until(queryText, (text) => text.includes(` ${name}`));
}

it('loads from this origin only and documents the schema: the Lead type and its description', async () => {
  const res = await page.goto('/graphql');
  expect(res?.status()).toBe(200);
  expect(res?.headers()['content-security-policy']).not.toMatch(/https?:/);
  await page.locator('.graphiql-container').waitFor();
  await showPlugin('Documentation Explorer');
  await page.locator('[data-cy="doc-explorer-input"]').fill('Lead');
  await page.getByRole('option', { name: /^Lead$/ }).first().click();
  await page.getByText('A sales opportunity moving through the pipeline, from first contact to a signed job.').waitFor();
});

it('signs in through the panel: the header editor shows the bearer token, a query answers with data', async () => {
  await showPlugin('Sign in');
  const panel = page.getByRole('region', { name: 'Sign in' });
  await panel.getByLabel('E-mail').fill(ADMIN);
  await panel.getByLabel('Password').fill('RoofDemo!2026');
  await panel.getByRole('button', { name: 'Sign in' }).click();
  await panel.getByRole('status').getByText(ADMIN).waitFor();
  await openTab('Me');
  await page.getByRole('button', { name: 'Headers' }).click();
  await until(editorText('section.graphiql-editor-tool[aria-label="Headers"]'), (text) => /"Authorization": "Bearer ey/.test(text));
  await page.getByRole('button', { name: /Execute query/ }).click();
  expect(await until(responseText, (text) => text.includes(ADMIN))).toContain('"role": "ADMIN"');
});

it('runs a subscription over the WebSocket: leadCreated hears a lead created through the API', async () => {
  // Frames are recorded from the socket's first moment (a listener added after awaiting it could miss the ack).
  const frames: string[] = [];
  page.once('websocket', (ws) => {
    ws.on('framesent', (f) => frames.push(`sent ${String(f.payload)}`));
    ws.on('framereceived', (f) => frames.push(`received ${String(f.payload)}`));
  });
  await openTab('LeadCreated');
  await page.getByRole('button', { name: /Execute query/ }).click();
  await until(async () => frames.join('\n'), (text) => text.includes('received {"type":"connection_ack"') && text.includes('"type":"subscribe"'));
  // The subscribe frame is sent; the server makes it live a moment later. A lead created before that is not heard,
  // so another is created until one is (each with its own name).
  for (let attempt = 1; ; attempt++) {
    const contactName = `Ide Listener ${attempt} ${Date.now().toString(36)}`;
    await stack.api(
      ADMIN,
      'mutation($i: CreateLeadInput!) { createLead(input: $i) { lead { id } errors { code } } }',
      { i: { contactName, contactPhone: '651-555-0177', source: 'WEBSITE', projectType: 'REPAIR' } },
    );
    // Monaco wraps long lines: compare with whitespace folded.
    const heard = await until(responseText, (text) => text.replace(/\s+/g, ' ').includes(contactName), 5_000).then(() => true, () => false);
    if (heard) break;
    if (attempt === 3) throw new Error(`leadCreated heard none of 3 leads; frames:\n${frames.join('\n')}`);
  }
});

it("with a partner's API key: the docs show the partner schema, SubmitReferral goes by its documentId", async () => {
  const { createPartner } = await stack.api(ADMIN, 'mutation($i: CreatePartnerInput!) { createPartner(input: $i) { partner { id } } }', {
    i: { name: `IDE Realty ${Date.now().toString(36)}`, kind: 'REALTOR' },
  });
  const { createApiKey } = await stack.api(ADMIN, 'mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret } }', {
    i: { name: 'IDE e2e', partnerId: createPartner.partner.id, scopes: ['PARTNER_READ', 'REFERRALS_READ', 'REFERRALS_WRITE'] },
  });
  await showPlugin('Sign in');
  const panel = page.getByRole('region', { name: 'Sign in' });
  await panel.getByRole('button', { name: 'Sign out' }).click();
  await panel.getByLabel('API key').fill(createApiKey.secret);
  await panel.getByRole('button', { name: 'Use key' }).click();
  await panel.getByRole('status').getByText(/Using API key crmk_/).waitFor();

  const sent = page.waitForRequest((r) => r.method() === 'POST' && (r.postData() ?? '').includes('"documentId"'));
  await openTab('SubmitReferral');
  await until(editorText('section.graphiql-editor-tool[aria-label="Headers"]'), (text) => text.includes(`"Authorization": "Bearer ${createApiKey.secret}"`));
  await page.getByRole('button', { name: /Execute query/ }).click();
  expect(JSON.parse((await sent).postData()!)).toMatchObject({ documentId: expect.stringMatching(/^sha256:/), operationName: 'SubmitReferral' });
  await until(responseText, (text) => text.includes('"stage": "RECEIVED"'));

  await showPlugin('Documentation Explorer');
  const docs = page.locator('.graphiql-plugin');
  await docs.getByText('ReferralStage', { exact: true }).first().waitFor();
  expect(await docs.getByText('Customer', { exact: true }).count()).toBe(0);
});

it('keeps a bare value thrown by the editor out of the page errors, as a warning (real Errors stay uncaught)', async () => {
  const warned = page.waitForEvent('console', (m) => m.type() === 'warning' && m.text().startsWith('IDE: the editor threw'));
  await page.evaluate(() => void setTimeout(() => { throw { cut: 'short' }; }));
  await warned;
  const rejected = page.waitForEvent('console', (m) => m.type() === 'warning' && m.text().startsWith('IDE: the editor rejected'));
  await page.evaluate(() => void Promise.reject({ cut: 'short' }));
  await rejected;
  // afterEach: no page errors.
});
