import { createRequire } from 'node:module';
import fs from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { screenshot } from './browser';
import { useSuite } from './suite';

/**
 * Issue 18's photo path end to end in Chromium over the demo company: a field tech on a 375 px phone uploads three
 * photos to a storm project of theirs that has an insurance claim; the office opens the claim, picks two of those
 * photos into a supplement, generates the claim package for that supplement, waits (live) until it is ready and
 * downloads the PDF — a PDF holding exactly those two photos.
 */
const TECH = 'tech@iswitchroofs.test';
const OFFICE = ['manager@iswitchroofs.test', 'sales@iswitchroofs.test'];
const PHONE = { width: 375, height: 812 };
const FILES = [
  ['#8a6d3b', 'ridge-hail.jpg'],
  ['#4a5d6b', 'north-slope.jpg'],
  ['#6b4a4a', 'gutter-dent.jpg'],
] as const;

jest.setTimeout(180_000);

const suite = useSuite();

// The server package's sharp makes the photos (the web package does not depend on it); pdf-lib reads the package.
const serverRequire = createRequire(path.resolve(__dirname, '../../server/package.json'));
type Sharp = (o: { create: { width: number; height: number; channels: 3; background: string } }) => { jpeg(o: { quality: number }): { toBuffer(): Promise<Buffer> } };
const sharp = serverRequire('sharp') as Sharp;

const jpeg = (background: string) => sharp({ create: { width: 640, height: 480, channels: 3, background } }).jpeg({ quality: 80 }).toBuffer();

/** The images embedded in a PDF (image XObjects). */
function imagesIn(pdf: PDFDocument): number {
  return pdf.context.enumerateIndirectObjects().filter(([, o]) => o instanceof PDFRawStream && o.dict.get(PDFName.of('Subtype')) === PDFName.of('Image')).length;
}

const claim = { id: '', projectId: '', office: '', supplementId: '', supplementTitle: 'Ridge and slope hail (e2e)' };

beforeAll(async () => {
  // A storm project of the tech's with a claim that an office user of its team sees.
  const { claims } = await suite.stack.api(TECH, '{ claims(first: 50) { edges { node { id project { id } } } } }');
  const onProjects = (claims.edges as Array<{ node: { id: string; project: { id: string } | null } }>).map((e) => e.node).filter((c) => c.project);
  for (const c of onProjects) {
    for (const email of OFFICE) {
      const seen = await suite.stack.api(email, 'query($id: ID!) { claim(id: $id) { id } }', { id: c.id });
      if (seen.claim && !claim.id) Object.assign(claim, { id: c.id, projectId: c.project!.id, office: email });
    }
  }
  expect(claim.id).not.toBe('');
  // A fresh draft supplement to pick the photos into (the demo's own come with two photos picked already).
  const created = await suite.stack.api(
    claim.office,
    'mutation($input: CreateSupplementInput!) { createSupplement(input: $input) { supplement { id } errors { message } } }',
    { input: { claimId: claim.id, title: claim.supplementTitle, lineItems: [{ description: 'Ridge cap - laminated', code: 'RFG RIDGC', quantity: '42', unit: 'LF', unitPrice: '8.74' }] } },
  );
  expect(created.createSupplement.errors).toEqual([]);
  claim.supplementId = created.createSupplement.supplement.id;
}, 60_000);

it('a field tech on a phone uploads three photos to the project the claim is on', async () => {
  const files = await Promise.all(FILES.map(async ([colour, name]) => ({ name, mimeType: 'image/jpeg', buffer: await jpeg(colour) })));
  const { page } = await suite.open(TECH, PHONE);
  await page.goto(`/projects/${claim.projectId}`);
  const card = page.locator('section').filter({ has: page.getByRole('heading', { name: /^Photos & documents/ }) });
  await card.getByLabel('Kind').selectOption('DAMAGE');
  await screenshot(page, 'claim-photos-01-phone-project');
  await card.getByLabel('Add photos').setInputFiles(files);
  for (const { name } of files) {
    await card.getByRole('progressbar', { name }).and(page.locator('[aria-valuetext="Uploaded"]')).waitFor();
  }
  await screenshot(page, 'claim-photos-02-phone-uploaded');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

  const { attachments } = await suite.stack.api(TECH, 'query($o: ID!) { attachments(ownerId: $o, first: 50) { edges { node { fileName uploadedBy { email } } } } }', { o: claim.projectId });
  const mine = (attachments.edges as Array<{ node: { fileName: string; uploadedBy: { email: string } | null } }>).filter((e) => e.node.uploadedBy?.email === TECH && FILES.some(([, n]) => n === e.node.fileName));
  expect(mine.map((e) => e.node.fileName).sort()).toEqual(['gutter-dent.jpg', 'north-slope.jpg', 'ridge-hail.jpg']);
});

it('the office picks two of them into a supplement, generates its claim package and downloads the PDF with both photos', async () => {
  const { page } = await suite.open(claim.office);
  await page.goto(`/claims/${claim.id}`);
  const item = page.getByRole('listitem', { name: claim.supplementTitle });
  await item.getByRole('button', { name: 'Pick photos' }).click();
  const dialog = page.getByRole('dialog', { name: `Photos for ${claim.supplementTitle}` });
  const project = dialog.getByRole('region', { name: 'Project photos' });
  await project.getByRole('checkbox', { name: /ridge-hail\.jpg/ }).click();
  await project.getByRole('checkbox', { name: /north-slope\.jpg/ }).click();
  await screenshot(page, 'claim-photos-03-office-pick');
  await dialog.getByRole('button', { name: 'Use 2 photos' }).click();
  await dialog.waitFor({ state: 'detached' });
  const picked = item.getByRole('list', { name: `Photos going with ${claim.supplementTitle}` });
  await picked.getByRole('listitem').nth(1).waitFor();
  expect(await picked.getByRole('listitem').count()).toBe(2);

  const packages = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Claim package' }) });
  await packages.getByRole('combobox', { name: 'For' }).selectOption({ label: claim.supplementTitle });
  await packages.getByText('Its lines and the 2 photos picked into it.').waitFor();
  await packages.getByRole('button', { name: 'Generate package' }).click();
  const newest = packages.getByRole('list', { name: 'Claim packages' }).getByRole('listitem').first();
  await newest.getByText(claim.supplementTitle).waitFor();
  await packages.scrollIntoViewIfNeeded();
  await screenshot(page, 'claim-photos-04-office-package-queued');

  // The job builds it; the claim's live stream turns it ready in place (no reload).
  const link = newest.getByRole('link', { name: /^Download PDF/ });
  await link.waitFor({ timeout: 60_000 });
  expect(await newest.textContent()).toContain('2 photos');
  await screenshot(page, 'claim-photos-05-office-package-ready');

  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^Claim .* package\.pdf$/);
  const bytes = await fs.readFile((await download.path())!);
  expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
  const pdf = await PDFDocument.load(bytes);
  expect(imagesIn(pdf)).toBe(2);
  expect(pdf.getPageCount()).toBeGreaterThanOrEqual(2);

  // The server agrees: the package holds the two photos and says how many pages it has.
  const { claim: read } = await suite.stack.api(claim.office, 'query($id: ID!) { claim(id: $id) { packages { status photoCount pageCount supplement { id } } } }', { id: claim.id });
  expect(read.packages[0]).toEqual({ status: 'READY', photoCount: 2, pageCount: pdf.getPageCount(), supplement: { id: claim.supplementId } });
});
