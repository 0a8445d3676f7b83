import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { screenshot } from './browser';
import { useSuite } from './suite';

/**
 * Photos and documents (issue 18, item 2) in Chromium over the demo company: a field tech on a phone uploads three
 * photos to their project from the "Add photos" control and sees them in the gallery with thumbnails (made by the
 * background job); the office sees the same gallery, filters it, opens a photo large and downloads it through its
 * signed URL.
 */
const TECH = 'tech@iswitchroofs.test';
const MANAGER = 'manager@iswitchroofs.test';
const PHONE = { width: 375, height: 812 };

jest.setTimeout(150_000);

const suite = useSuite();

// The server package's sharp makes the photos (the web package does not depend on it).
type Sharp = (o: { create: { width: number; height: number; channels: 3; background: string } }) => { jpeg(o: { quality: number }): { toBuffer(): Promise<Buffer> } };
const sharp = createRequire(path.resolve(__dirname, '../../server/package.json'))('sharp') as Sharp;

/** A small JPEG of one colour, as a phone's camera would send it (smaller). */
const jpeg = (background: string) => sharp({ create: { width: 640, height: 480, channels: 3, background } }).jpeg({ quality: 80 }).toBuffer();

const gallery = (page: Page) => page.locator('section').filter({ has: page.getByRole('heading', { name: /^Photos & documents/ }) });

/** Whether every thumbnail in the gallery has loaded as an image. */
const thumbnailsLoaded = (page: Page, count: number) =>
  page.waitForFunction(
    (n) => {
      const imgs = Array.from(document.querySelectorAll<HTMLImageElement>('section img')).filter((i) => i.src.includes('variant=thumbnail'));
      return imgs.length >= n && imgs.every((i) => i.complete && i.naturalWidth > 0);
    },
    count,
    { timeout: 60_000 },
  );

let projectId = '';

it('a field tech on a phone uploads three photos to their project and sees them with thumbnails', async () => {
  const { projects } = await suite.stack.api(TECH, '{ projects(first: 5, filter: { statuses: [SCHEDULED, IN_PROGRESS] }) { edges { node { id name } } } }');
  projectId = projects.edges[0].node.id as string;
  const files = await Promise.all(
    [['#8a6d3b', 'ridge-hail.jpg'], ['#4a5d6b', 'north-slope.jpg'], ['#6b4a4a', 'gutter-dent.jpg']].map(async ([colour, name]) => ({
      name: name!,
      mimeType: 'image/jpeg',
      buffer: await jpeg(colour!),
    })),
  );

  const { page } = await suite.open(TECH, PHONE);
  await page.goto(`/projects/${projectId}`);
  const card = gallery(page);
  await card.getByText('No photos or documents yet').waitFor();
  await card.getByLabel('Kind').selectOption('DAMAGE');
  await card.getByLabel('Caption (optional)').fill('Hail damage, north side');
  await card.getByLabel('Caption (optional)').scrollIntoViewIfNeeded();
  // The camera control: images and PDFs, the rear camera, several at once.
  const camera = card.getByLabel('Add photos');
  expect(await camera.getAttribute('capture')).toBe('environment');
  expect(await camera.getAttribute('multiple')).not.toBeNull();
  await camera.setInputFiles(files);

  for (const { name } of files) {
    await card.getByRole('progressbar', { name }).and(page.locator('[aria-valuetext="Uploaded"]')).waitFor();
  }
  await screenshot(page, 'photos-01-phone-uploaded');

  await thumbnailsLoaded(page, 3);
  const tiles = card.getByRole('button', { name: /, Damage$/ });
  expect(await tiles.count()).toBe(3);
  // Nothing wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await tiles.first().scrollIntoViewIfNeeded();
  await screenshot(page, 'photos-02-phone-gallery');

  await tiles.first().click();
  const viewer = page.getByRole('dialog');
  await viewer.getByRole('img').waitFor();
  expect(await viewer.textContent()).toContain('1 of 3');
  expect(await viewer.textContent()).toContain('Hail damage, north side');
  await page.keyboard.press('ArrowRight');
  await viewer.getByText('2 of 3').waitFor();
  await screenshot(page, 'photos-03-phone-viewer');

  // Each upload was stored once (the same attachments, whatever the retries).
  const { attachments } = await suite.stack.api(TECH, 'query($o: ID!) { attachments(ownerId: $o) { totalCount edges { node { fileName uploadedBy { email } } } } }', { o: projectId });
  expect(attachments.totalCount).toBe(3);
  expect(attachments.edges.map((e: { node: { fileName: string } }) => e.node.fileName).sort()).toEqual(['gutter-dent.jpg', 'north-slope.jpg', 'ridge-hail.jpg']);
});

it('the office sees the gallery, filters it by kind, and downloads a photo through its signed URL', async () => {
  const { page } = await suite.open(MANAGER);
  await page.goto(`/projects/${projectId}`);
  const card = gallery(page);
  await card.getByRole('heading', { name: 'Photos & documents (3)' }).waitFor();
  await thumbnailsLoaded(page, 3);

  await card.getByLabel('Show').selectOption('AFTER');
  await card.getByText('No after photos or documents').waitFor();
  await card.getByLabel('Show').selectOption('DAMAGE');
  await thumbnailsLoaded(page, 3);
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, 'photos-04-office-gallery');

  await card.getByRole('button', { name: /ridge-hail|Hail damage/ }).first().click();
  const viewer = page.getByRole('dialog');
  await viewer.getByRole('button', { name: 'Edit details' }).waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), viewer.getByRole('link', { name: 'Download' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.jpg$/);
  const saved = await download.path();
  expect(saved).toBeTruthy();
  await screenshot(page, 'photos-05-office-viewer');
});
