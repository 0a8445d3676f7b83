import type { Page } from 'playwright-core';
import { moveWithMenu } from './board';
import { screenshot } from './browser';
import { useSuite } from './suite';

/**
 * The partner loop end to end, in Chromium against the real server: an admin creates a realtor partner and an API key
 * for it (the secret shown once); the realtor's system sends a referral with that key (a plain fetch, as curl would);
 * the salesperson sees it arrive live on the board, wins it and converts it; the realtor's `myReferrals` shows WON and
 * the accrued fee.
 */
const ADMIN = 'admin@iswitchroofs.test';
const SALES = 'sales@iswitchroofs.test';

jest.setTimeout(120_000); // testTimeout in a project's config is ignored by multi-project runs

const suite = useSuite();
const suffix = Date.now().toString(36);
const partnerName = `Harbor Realty ${suffix}`;
const homeowner = `Noor Amari ${suffix}`;

/** A registered partner operation by name, as a partner's client runs it: its documentId from the published manifest. */
async function asPartner(key: string, operation: string, variables: Record<string, unknown> = {}) {
  const manifest = (await (await fetch(`${suite.stack.url}/graphql/operations.json`)).json()) as { operations: Array<{ id: string; name: string }> };
  const documentId = manifest.operations.find((o) => o.name === operation)!.id;
  const res = await fetch(`${suite.stack.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ documentId, variables }),
  });
  const body = (await res.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(`${operation}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

const column = (page: Page, label: string) => page.getByRole('region', { name: new RegExp(`^${label}:`) });

it('admin: a partner and its key; realtor: a referral by API; sales: live on the board, won, converted; realtor: WON with its fee', async () => {
  // The admin creates the realtor, in the salesperson's team, on 5 % of the contract.
  const admin = await suite.open(ADMIN);
  await admin.page.goto('/partners');
  await admin.page.getByRole('heading', { name: 'Partners', level: 1 }).waitFor();
  await admin.page.getByRole('button', { name: 'New partner' }).first().click();
  const form = admin.page.getByRole('dialog', { name: 'New partner' });
  await form.getByLabel('Name *').fill(partnerName);
  await form.getByLabel('Kind').selectOption('REALTOR');
  // The Team field appears once the admin's teams have loaded: wait for it (a partner without a team gets referrals
  // with none).
  await form.getByLabel('Team').selectOption({ label: 'North Metro' });
  await form.getByLabel('Fee').selectOption('PERCENT');
  await form.getByLabel('Percent of the contract *').fill('5');
  await form.getByRole('button', { name: /create/i }).click();
  await admin.page.waitForURL(/\/partners\/[^/]+$/);
  await admin.page.getByRole('heading', { name: partnerName, level: 1 }).waitFor();
  await screenshot(admin.page, 'partners-01-partner-detail');

  // …and a key for it: every partner scope; the secret is shown once.
  await admin.page.goto('/settings/api-keys');
  await admin.page.getByRole('button', { name: 'New API key' }).first().click();
  const keyForm = admin.page.getByRole('dialog', { name: 'New API key' });
  await keyForm.getByLabel('Name').fill('Harbor website form');
  await keyForm.getByRole('combobox').fill(partnerName.slice(0, 14));
  await keyForm.getByRole('option', { name: new RegExp(partnerName) }).click();
  for (const scope of ['partner:read', 'referrals:read', 'referrals:write']) {
    const box = keyForm.getByRole('checkbox', { name: new RegExp(scope) });
    if (!(await box.isChecked())) await box.check();
  }
  await keyForm.getByRole('button', { name: 'Create key' }).click();
  const secretBox = admin.page.getByLabel('API key secret');
  await secretBox.waitFor();
  const key = (await secretBox.textContent())!.trim();
  expect(key).toMatch(/^crmk_[a-z0-9]{8}_/);
  await screenshot(admin.page, 'partners-02-secret-once');
  await admin.context.close();

  // The sales reps of the realtor's team watch their boards (the team's rules will pick one of them).
  const reps = await suite.stack.api(ADMIN, '{ users(first: 50, filter: { roles: [SALES] }) { edges { node { email team { name } } } } }');
  const northReps: string[] = reps.users.edges.map((e: { node: { email: string; team: { name: string } | null } }) => e.node).filter((u: { team: { name: string } | null }) => u.team?.name === 'North Metro').map((u: { email: string }) => u.email);
  expect(northReps).toContain(SALES);
  const boards = new Map<string, Page>();
  for (const email of northReps) {
    const { page: board } = await suite.open(email);
    await board.goto('/leads');
    await column(board, 'New').waitFor();
    boards.set(email, board);
  }

  // The realtor's website sends a referral with the key.
  const sent = await asPartner(key, 'SubmitReferral', {
    input: { contactName: homeowner, contactPhone: '612-555-0177', propertyAddress: { zip: '55419' }, projectType: 'FULL_REPLACEMENT', externalReference: `HB-${suffix}` },
  });
  expect(sent.submitReferral.errors).toEqual([]);
  const referralId = sent.submitReferral.referral.id;

  // It appears on its assignee's board without a reload, and goes to WON.
  const { lead } = await suite.stack.api(ADMIN, 'query($id: ID!) { lead(id: $id) { source assignee { email } owningTeam { name } } }', { id: referralId });
  expect(lead).toMatchObject({ source: 'PARTNER', owningTeam: { name: 'North Metro' } });
  const page = boards.get(lead.assignee.email)!;
  expect(page).toBeDefined();
  await column(page, 'New').getByRole('article', { name: homeowner }).waitFor();
  await screenshot(page, 'partners-03-referral-live-on-board');
  for (const label of ['Contacted', 'Inspection scheduled', 'Estimate sent', 'Won']) await moveWithMenu(page, homeowner, label);
  expect((await asPartner(key, 'MyReferral', { id: referralId })).myReferral).toMatchObject({ stage: 'WON', bookedAt: null, fee: null });

  // Converted into a project of $16,000: the realtor's 5 % accrues.
  await column(page, 'Won').getByRole('link', { name: homeowner }).click();
  await page.waitForURL(/\/leads\/[^/]+$/);
  await page.getByText(partnerName).first().waitFor();
  await page.getByRole('button', { name: 'Convert to project' }).first().click();
  const convert = page.getByRole('dialog');
  await convert.getByLabel('Budget ($)').fill('16000');
  await convert.getByRole('button', { name: 'Convert to project' }).click();
  await page.waitForURL(/\/projects\/[^/]+$/);
  await screenshot(page, 'partners-04-converted');

  const mine = await asPartner(key, 'MyReferrals', { first: 10 });
  expect(mine.myReferrals.edges.map((e: { node: unknown }) => e.node)).toEqual([
    expect.objectContaining({ id: referralId, contactName: homeowner, stage: 'WON', bookedAt: expect.any(String), fee: expect.objectContaining({ amount: '800.00', status: 'ACCRUED' }) }),
  ]);
});
