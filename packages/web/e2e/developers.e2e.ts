import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { screenshot } from './browser';
import { useSuite } from './suite';

/**
 * Settings → Developers end to end: an admin registers a webhook endpoint in the staff app (the signing secret shown
 * once); creating a lead sends it a signed `lead.created`, checked here as a receiver would (Standard Webhooks HMAC);
 * the delivery shows in the endpoint's deliveries. Editing the endpoint's description shows the new one in its row.
 */
jest.setTimeout(120_000);

const suite = useSuite();
const received: Array<{ headers: http.IncomingHttpHeaders; body: string }> = [];
let arrived: () => void;
const firstDelivery = new Promise<void>((resolve) => (arrived = resolve));
const receiver = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    received.push({ headers: req.headers, body });
    res.writeHead(204).end();
    arrived();
  });
});

beforeAll(() => new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve)));
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

/** Standard Webhooks: HMAC-SHA256 over `id.timestamp.body` with the base64 key after `whsec_`. */
function verified(secret: string, r: { headers: http.IncomingHttpHeaders; body: string }): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${r.headers['webhook-id']}.${r.headers['webhook-timestamp']}.${r.body}`).digest();
  return String(r.headers['webhook-signature']).split(' ').some((s) => {
    const sig = Buffer.from(s.split(',')[1] ?? '', 'base64');
    return sig.length === expected.length && timingSafeEqual(sig, expected);
  });
}

it('admin: registers a webhook from the developer page; a new lead arrives signed as lead.created', async () => {
  const { page } = await suite.open('admin@iswitchroofs.test');
  await page.goto('/settings/developers');
  await page.getByRole('link', { name: /GraphQL IDE/i }).first().waitFor();
  await page.getByRole('button', { name: 'New endpoint' }).click();
  const form = page.getByRole('dialog', { name: 'New webhook endpoint' });
  const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/crm`;
  await form.getByLabel('URL').fill(hookUrl);
  await form.getByLabel('Description').fill('Marketing CRM sync');
  await form.getByRole('checkbox', { name: /lead\.created/ }).check();
  await form.getByRole('button', { name: 'Create endpoint' }).click();
  const secretBox = page.getByLabel('Webhook signing secret');
  await secretBox.waitFor();
  const secret = (await secretBox.textContent())!.trim();
  expect(secret).toMatch(/^whsec_/);
  await screenshot(page, 'developers-01-webhook-secret');
  await page.keyboard.press('Escape');

  const created = await suite.stack.api('sales@iswitchroofs.test', 'mutation { createLead(input: { contactName: "Iris Holm", contactPhone: "612-555-0188", source: WEBSITE }) { lead { id } } }');
  await firstDelivery;
  const delivery = received[0]!;
  expect(verified(secret, delivery)).toBe(true);
  expect(JSON.parse(delivery.body)).toMatchObject({ type: 'lead.created', data: { id: created.createLead.lead.id, contactName: 'Iris Holm' } });
  await page.getByText(hookUrl).first().waitFor();
  await screenshot(page, 'developers-02-endpoints');

  await page.getByRole('button', { name: `Edit ${hookUrl}` }).click();
  const edit = page.getByRole('dialog', { name: 'Edit webhook endpoint' });
  await edit.getByLabel('Description').fill('Marketing CRM sync (EU)');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await edit.waitFor({ state: 'detached' });
  await page.getByRole('row').filter({ hasText: hookUrl }).getByText('Marketing CRM sync (EU)').waitFor();
});
