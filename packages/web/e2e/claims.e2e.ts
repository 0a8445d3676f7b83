import { screenshot } from './browser';
import { useSuite } from './suite';

/**
 * The claims screens in Chromium against the real server and the demo claims: the list with its money and deadlines,
 * filtered by carrier; a claim's page with the server's amounts to the cent; a stage move limited to the claim's
 * `allowedStatuses` (a step back asks its reason); a supplement drafted line by line (the line totals as the server
 * then stores them); a carrier payment that moves the balance; the dashboard's claims widget; the claim on a phone.
 */
const MANAGER = 'manager@iswitchroofs.test';

jest.setTimeout(120_000); // testTimeout in a project's config is ignored by multi-project runs

const suite = useSuite();

interface ClaimRow {
  id: string;
  carrier: string;
  claimNumber: string | null;
  status: string;
  allowedStatuses: string[];
  money: { paymentsReceived: string; carrierOwes: string | null };
}

const CLAIM_FIELDS = 'id carrier claimNumber status allowedStatuses money { paymentsReceived carrierOwes }';

async function claimsOf(email: string): Promise<ClaimRow[]> {
  const data = await suite.stack.api(email, `{ claims(first: 50) { edges { node { ${CLAIM_FIELDS} } } } }`);
  return data.claims.edges.map((e: { node: ClaimRow }) => e.node);
}

const claim = async (id: string): Promise<ClaimRow> =>
  (await suite.stack.api(MANAGER, `query($id: ID!) { claim(id: $id) { ${CLAIM_FIELDS} } }`, { id })).claim;

/** `1234.5` → `$1,234.50`, as the app shows a Money string. */
const usd = (value: string) => {
  const [whole, frac = ''] = value.replace('-', '').split('.');
  return `${value.startsWith('-') ? '-' : ''}$${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac.padEnd(2, '0').slice(0, 2)}`;
};

it('lists the demo claims, filters by carrier and opens one with its money to the cent', async () => {
  const claims = await claimsOf(MANAGER);
  expect(claims.length).toBeGreaterThan(0);
  const { page } = await suite.open(MANAGER);
  await page.getByRole('navigation').getByRole('link', { name: 'Claims' }).click();
  await page.getByRole('heading', { name: 'Insurance claims', level: 1 }).waitFor();
  await page.getByRole('status').filter({ hasText: `of ${claims.length} claims` }).waitFor();
  await screenshot(page, 'claims-01-list');

  const first = claims.find((c) => c.claimNumber)!;
  const carrierWord = first.carrier.split(' ')[0]!.toLowerCase();
  await page.getByRole('searchbox', { name: 'Carrier' }).fill(carrierWord);
  await page.getByRole('searchbox', { name: 'Carrier' }).press('Enter');
  await page.waitForURL((u) => u.searchParams.get('carrier') === carrierWord);
  const shown = claims.filter((c) => c.carrier.toLowerCase().includes(carrierWord));
  await page.getByRole('status').filter({ hasText: `Showing ${shown.length} of ${shown.length} claims` }).waitFor();

  await page.getByRole('link', { name: `Claim ${first.claimNumber} with ${first.carrier}` }).click();
  await page.getByRole('heading', { name: `${first.carrier} claim ${first.claimNumber}` }).waitFor();
  const received = page.getByLabel('Supplements and payments').locator('div', { hasText: 'Payments received' });
  await received.getByText(usd(first.money.paymentsReceived)).waitFor();
  await screenshot(page, 'claims-02-detail');
});

it('moves a claim only to its allowed stages, drafts a supplement and records a payment; the balance follows', async () => {
  const open = (await claimsOf(MANAGER)).find((c) => c.allowedStatuses.includes('CLOSED') && c.allowedStatuses.length > 1)!;
  const { page } = await suite.open(MANAGER);
  await page.goto(`/claims/${open.id}`);
  const stage = page.locator('section', { has: page.getByRole('heading', { name: 'Stage' }) });
  const move = stage.getByRole('combobox', { name: 'Move to' });
  await move.waitFor();
  const offered = (await move.locator('option').allTextContents()).slice(1);
  expect(offered).toHaveLength(open.allowedStatuses.length);

  // Closing asks a reason; the server takes the move with it.
  await move.selectOption('CLOSED');
  await stage.getByRole('button', { name: 'Move to Closed' }).click();
  await stage.getByText('Say why the claim moves to Closed.').waitFor();
  await screenshot(page, 'claims-03-move-needs-reason');
  await stage.getByRole('textbox', { name: 'Reason *' }).fill('Homeowner withdrew the claim');
  await stage.getByRole('button', { name: 'Move to Closed' }).click();
  await stage.getByText('Final stage.').waitFor();
  expect((await claim(open.id)).status).toBe('CLOSED');

  // Another open claim: a supplement and a payment.
  const other = (await claimsOf(MANAGER)).find((c) => c.status !== 'CLOSED' && c.id !== open.id)!;
  await page.goto(`/claims/${other.id}`);
  await page.getByRole('button', { name: 'Draft a supplement' }).click();
  const dialog = page.getByRole('dialog', { name: 'Draft a supplement' });
  await dialog.getByLabel('Title *').fill('Drip edge and starter');
  await dialog.getByLabel('Description 1 *').fill('Drip edge - aluminum');
  await dialog.getByLabel('Quantity 1 *').fill('212.5');
  await dialog.getByLabel('Unit 1').fill('LF');
  await dialog.getByLabel('Unit price 1 *').fill('3.17');
  await dialog.getByRole('button', { name: 'Add a line' }).click();
  await dialog.getByLabel('Description 2 *').fill('Starter strip');
  await dialog.getByLabel('Quantity 2 *').fill('0.1');
  await dialog.getByLabel('Unit price 2 *').fill('0.70');
  await dialog.getByRole('status', { name: 'Requested total' }).getByText('$673.70').waitFor();
  await screenshot(page, 'claims-04-supplement-lines');
  await dialog.getByRole('button', { name: 'Save as draft' }).click();
  await dialog.waitFor({ state: 'detached' });
  const drafted = page.getByRole('listitem', { name: 'Drip edge and starter' });
  await drafted.getByText('$673.70').waitFor();

  await page.getByRole('button', { name: 'Record a payment' }).click();
  const pay = page.getByRole('dialog', { name: 'Record a carrier payment' });
  await pay.getByLabel('Kind').selectOption('DEPRECIATION');
  await pay.getByLabel('Amount *').fill('1,234.56');
  await pay.getByLabel('Reference').fill('CHK 77001');
  await pay.getByRole('button', { name: 'Record payment' }).click();
  await pay.waitFor({ state: 'detached' });
  const after = await claim(other.id);
  const received = page.getByLabel('Supplements and payments').locator('div', { hasText: 'Payments received' });
  await received.getByText(usd(after.money.paymentsReceived)).waitFor();
  if (after.money.carrierOwes) await page.getByLabel('Balances').getByText(usd(after.money.carrierOwes)).first().waitFor();
  await page.getByRole('table', { name: 'Carrier payments' }).getByRole('row', { name: /CHK 77001/ }).waitFor();
  await screenshot(page, 'claims-05-after-payment');
});

it('shows the claims widget on the dashboard and a claim on a phone', async () => {
  const { page } = await suite.open(MANAGER);
  const widget = page.locator('section', { has: page.getByRole('heading', { name: 'Insurance claims' }) });
  await widget.getByText('Depreciation to collect').waitFor();
  await widget.scrollIntoViewIfNeeded();
  await screenshot(page, 'claims-06-dashboard');

  const phone = await suite.open(MANAGER, { width: 375, height: 812 });
  const [first] = await claimsOf(MANAGER);
  await phone.page.goto(`/claims/${first!.id}`);
  await phone.page.getByRole('heading', { name: 'Money' }).waitFor();
  const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await screenshot(phone.page, 'claims-07-phone');
});
