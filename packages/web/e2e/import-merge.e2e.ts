import fs from 'node:fs';
import { screenshot } from './browser';
import { useSuite } from './suite';

/**
 * CSV import and merging duplicates in Chromium, over the demo company, as a manager: a file with a bad row is
 * uploaded, mapped, checked and imported; the rejected row is listed with its reason and comes back in the downloaded
 * error report. Then two look-alike customers (imported the same way, with a call logged on each) are merged from the
 * duplicates queue, and the survivor's timeline shows both calls and the merge.
 */
const MANAGER = 'manager@iswitchroofs.test';

jest.setTimeout(180_000); // testTimeout in a project's config is ignored by multi-project runs

const suite = useSuite();

const stamp = Date.now().toString(36);

/** Uploads `csv` as customers on the Import page and opens its mapping. */
async function upload(page: import('playwright-core').Page, csv: string, name: string) {
  await page.goto('/imports');
  await page.getByRole('combobox', { name: 'The file holds' }).selectOption('CUSTOMER');
  await page.getByLabel('CSV file', { exact: true }).setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Upload' }).click();
  await page.waitForURL(/\/imports\/[^/]+$/);
  await page.getByRole('heading', { name, level: 1 }).waitFor();
}

/** Checks the mapped file and imports it; waits until it is done. */
async function checkAndImport(page: import('playwright-core').Page, rows: number) {
  await page.getByRole('button', { name: 'Check file' }).click();
  await page.getByRole('heading', { name: 'Dry run' }).waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: `Import ${rows} rows` }).click();
  await page.getByRole('heading', { name: 'Import finished' }).waitFor({ timeout: 60_000 });
}

it('imports a CSV file with a bad row: the good rows land, the bad one is reported and downloadable', async () => {
  const { page } = await suite.open(MANAGER);
  const csv = [
    'Full Name,E-mail,Phone,Street,City,State,Zip',
    `Avery Import ${stamp},avery.${stamp}@example.com,(612) 555-0142,1208 Maple Ave,Minneapolis,MN,55401`,
    `Blake Import ${stamp},blake.${stamp}@example.com,651-555-0199,77 Oak St,St Paul,MN,55102`,
    `Casey Broken ${stamp},not-an-email,555-12,,,Minnesota,5540`,
  ].join('\n');
  await upload(page, csv, `import-${stamp}.csv`);

  // The mapping is suggested from the headers.
  const columns = page.getByRole('table', { name: 'Columns of the file' });
  expect(await columns.getByRole('combobox', { name: 'Field for column Full Name' }).inputValue()).toBe('NAME');
  expect(await columns.getByRole('combobox', { name: 'Field for column E-mail' }).inputValue()).toBe('EMAIL');
  await screenshot(page, 'import-mapping');
  await page.getByRole('button', { name: 'Check file' }).click();
  await page.getByRole('heading', { name: 'Dry run' }).waitFor({ timeout: 60_000 });
  const counts = page.getByRole('list', { name: 'Row counts' });
  await expect(counts.textContent()).resolves.toMatch(/2 new.*1 rejected/);
  // The dry run lists the rejected row first, with why, by column.
  const dry = page.getByRole('table', { name: 'Dry run results' });
  const badRow = dry.getByRole('row').filter({ hasText: `Casey Broken ${stamp}` });
  await badRow.waitFor();
  const reasons = (await badRow.textContent()) ?? '';
  expect(reasons).toContain('E-mail: "not-an-email" is not a valid e-mail address.');
  expect(reasons).toContain('Phone: Phone is not a valid phone number.');
  expect(reasons).toContain('Zip: ZIP must look like 55401 or 55401-1234.');
  await screenshot(page, 'import-dry-run');
  // Nothing was saved by the dry run.
  const before = await suite.stack.api(MANAGER, `query($s: String) { customers(filter: { search: $s }) { totalCount } }`, { s: stamp });
  expect(before.customers.totalCount).toBe(0);

  await page.getByRole('button', { name: 'Import 2 rows' }).click();
  await page.getByRole('heading', { name: 'Import finished' }).waitFor({ timeout: 60_000 });
  await expect(page.getByRole('list', { name: 'Row counts' }).textContent()).resolves.toMatch(/2 new.*1 rejected/);
  await page.getByRole('table', { name: 'Import results' }).getByRole('row').filter({ hasText: `Casey Broken ${stamp}` }).waitFor();
  await screenshot(page, 'import-finished');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download error report' }).click()]);
  expect(download.suggestedFilename()).toBe(`import-${stamp}-errors.csv`);
  const report = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(report[0]).toBe('Full Name,E-mail,Phone,Street,City,State,Zip,Row,Errors');
  expect(report).toHaveLength(2);
  expect(report[1]).toMatch(new RegExp(`^Casey Broken ${stamp},not-an-email,555-12,,,Minnesota,5540,4,"`));
  expect(report[1]).toContain('ZIP must look like 55401 or 55401-1234.');

  // The good rows are customers of the manager's team now.
  const after = await suite.stack.api(MANAGER, `query($s: String) { customers(filter: { search: $s }, orderBy: { field: NAME }) { edges { node { name owningTeam { name } } } } }`, { s: stamp });
  expect(after.customers.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual([`Avery Import ${stamp}`, `Blake Import ${stamp}`]);
  expect(after.customers.edges.every((e: { node: { owningTeam: { name: string } } }) => e.node.owningTeam.name === 'North Metro')).toBe(true);
});

it('merges two look-alike customers from the duplicates queue: one customer, one timeline', async () => {
  const { page } = await suite.open(MANAGER);
  const older = `Jamie Rivera ${stamp}`;
  const newer = `Jamie Riviera ${stamp}`;
  await upload(page, ['Name,Email,Phone,Street,City,State,Zip', `${older},,(763) 555-0101,12 Birch Ln,Edina,MN,55424`, `${newer},jamie.${stamp}@example.com,763-555-0101,12 Birch Ln,Edina,MN,55424`].join('\n'), `twins-${stamp}.csv`);
  await checkAndImport(page, 2);

  const find = await suite.stack.api(MANAGER, `query($s: String) { customers(filter: { search: $s }, orderBy: { field: CREATED_AT, direction: ASC }) { edges { node { id name } } } }`, { s: `Jamie Ri` });
  const ids = Object.fromEntries(find.customers.edges.map((e: { node: { id: string; name: string } }) => [e.node.name, e.node.id]));
  const log = `mutation($i: LogInteractionInput!) { logInteraction(input: $i) { errors { message } } }`;
  await suite.stack.api(MANAGER, log, { i: { customerId: ids[older], type: 'CALL', subject: `Call with ${older}` } });
  await suite.stack.api(MANAGER, log, { i: { customerId: ids[newer], type: 'CALL', subject: `Call with ${newer}` } });

  // The import queued the duplicates scan: the pair reaches the queue.
  const queue = `{ duplicateCustomers(first: 100) { edges { node { customers { name } } } } }`;
  const inQueue = async () =>
    (await suite.stack.api(MANAGER, queue)).duplicateCustomers.edges.some((e: { node: { customers: Array<{ name: string }> } }) => e.node.customers.some((c) => c.name === newer));
  for (let i = 0; i < 60 && !(await inQueue()); i++) await new Promise((r) => setTimeout(r, 1000));
  expect(await inQueue()).toBe(true);

  await page.getByRole('link', { name: 'Duplicates' }).click();
  await page.getByRole('heading', { name: 'Duplicates', level: 1 }).waitFor();
  const row = page.getByRole('row').filter({ hasText: newer });
  await row.waitFor();
  expect(await row.textContent()).toContain('same phone, similar name at the same address');
  await row.getByRole('button', { name: /^Merge Jamie Ri/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge customers' });
  // Jamie Rivera stays; its empty e-mail takes the other's address; the name stays its own until chosen otherwise.
  await dialog.getByRole('group', { name: 'Which customer stays' }).getByRole('radio', { name: new RegExp(`^${older}`) }).check();
  await dialog.getByText(`Moves to ${older}:`).waitFor();
  expect(await dialog.getByRole('radio', { name: `E-mail: jamie.${stamp}@example.com (merged)` }).isChecked()).toBe(true);
  expect(await dialog.getByRole('radio', { name: `Name: ${older} (stays)` }).isChecked()).toBe(true);
  await dialog.getByRole('radio', { name: `Name: ${newer} (merged)` }).check();
  await dialog.getByText('1 interaction').waitFor();
  await screenshot(page, 'merge-dialog');
  await dialog.getByRole('button', { name: `Merge into ${older}` }).click();

  // The survivor's page: the chosen name, and one timeline with both calls and the merge.
  await page.waitForURL(`**/customers/${ids[older]}`);
  await page.getByRole('heading', { name: newer, level: 1 }).waitFor();
  const timeline = page.getByRole('list', { name: 'Interactions, newest first' });
  await timeline.getByText(`Merged with ${newer}`).waitFor();
  await timeline.getByText(`Call with ${newer}`).waitFor();
  await timeline.getByText(`Call with ${older}`).waitFor();
  await screenshot(page, 'merged-timeline');

  // The merged customer is deleted and points to the survivor.
  const merged = await suite.stack.api(MANAGER, `query($id: ID!) { customer(id: $id) { deletedAt mergedInto { id } } }`, { id: ids[newer] });
  expect(merged.customer).toMatchObject({ deletedAt: expect.any(String), mergedInto: { id: ids[older] } });
  await page.goto(`/customers/${ids[newer]}`);
  await page.getByText('Merged into').waitFor();
  expect(await page.getByRole('link', { name: newer }).getAttribute('href')).toBe(`/customers/${ids[older]}`);
});
