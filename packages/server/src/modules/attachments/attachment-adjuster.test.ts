import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createKey, keyCall, runRegistered } from '../../../test/api-keys';
import { attachmentWorld, download, pdfDocument, photoWithExif, pngImage, thumbnailDone, upload } from '../../../test/attachments';
import { useTestApp } from '../../../test/harness';
import { idOf } from '../../platform/graphql/global-id';

/**
 * Photos and documents through an adjuster partner's API key (`AdjusterClaim.photos`, `AdjusterSupplement.photos`,
 * the registered `MyClaimPhotos`): only those the contractor shared with the adjuster on the claims its partner
 * adjusts, with file URLs signed for that key alone, short-lived.
 */
let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'crm-files-'));
});
const { t, w } = useTestApp(attachmentWorld, { env: () => ({ FILES_DIR: dir, JOBS_WORKERS: 'true' }) });
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

const SCOPES = ['CLAIMS_READ', 'CLAIMS_ADJUST'];
const keys = { ours: '', theirs: '', realtor: '' };
let oursKeyId: string;
let oursPartner: string;
let mine: string;
let others: string;
let supplement: string;

const as = (role: keyof typeof w.as) => w.as[role].accessToken;
const partner = async (name: string, kind: string) =>
  (await t.gql(`mutation($i: CreatePartnerInput!) { createPartner(input: $i) { partner { id } } }`, { i: { name, kind } }, as('manager'))).body.data.createPartner.partner.id as string;
async function claim(adjuster: string, projectId: string) {
  const r = await t.gql(`mutation($i: CreateClaimInput!) { createClaim(input: $i) { claim { id } } }`, {
    i: { carrier: 'Travelers', dateOfLoss: '2026-05-14', causeOfLoss: 'HAIL', projectId, adjuster: { partnerId: adjuster } },
  }, as('sales'));
  return r.body.data.createClaim.claim.id as string;
}
const photosOf = (key: string, id: string, kinds?: string[]) => runRegistered(t, key, 'MyClaimPhotos', { id, kinds });
const keyOf = (url: string) => new URL(url, t.url).searchParams.get('sub');

beforeAll(async () => {
  const ours = (oursPartner = await partner('North Adjusting', 'INSURANCE_ADJUSTER'));
  const theirs = await partner('Other Adjusting', 'INSURANCE_ADJUSTER');
  const realtor = await partner('Lakes Realty', 'REALTOR');
  const limits = { allowFreeFormQueries: true, rateLimitPerMinute: 6000, costPerMinute: 1000000 };
  const created = await createKey(t, as('admin'), { name: 'Ours', partnerId: ours, scopes: SCOPES, ...limits });
  [keys.ours, oursKeyId] = [created.secret, created.id];
  keys.theirs = (await createKey(t, as('admin'), { name: 'Theirs', partnerId: theirs, scopes: SCOPES, ...limits })).secret;
  keys.realtor = (await createKey(t, as('admin'), { name: 'Realtor', partnerId: realtor, scopes: ['PARTNER_READ', 'REFERRALS_READ'], ...limits })).secret;
  mine = await claim(ours, w.crewProject);
  others = await claim(theirs, w.otherProject);
  const s = await t.gql(`mutation($i: CreateSupplementInput!) { createSupplement(input: $i) { supplement { id } } }`, {
    i: { claimId: mine, title: 'Ice and water', lineItems: [{ description: 'Ice and water shield', quantity: '2', unit: 'SQ', unitPrice: '120.00' }] },
  }, as('sales'));
  supplement = s.body.data.createSupplement.supplement.id;
  await t.gql(`mutation($id: ID!) { sendSupplement(id: $id) { errors { code } } }`, { id: supplement }, as('sales'));
});

it('shows an adjuster key only the shared photos of the claims its partner adjusts, with URLs for that key alone', async () => {
  const photo = await photoWithExif();
  const shared = await upload(t, as('tech'), photo, { ownerId: mine, kind: 'DAMAGE', fileName: 'hail.jpg', caption: 'Hail on the north slope', shared: true });
  const internal = await upload(t, as('sales'), await pngImage(), { ownerId: mine, kind: 'DAMAGE', fileName: 'internal.png' });
  const scope = await upload(t, as('sales'), pdfDocument(), { ownerId: supplement, kind: 'INSURANCE_SCOPE', fileName: 'scope.pdf', shared: true });
  const elsewhere = await upload(t, as('sales'), await pngImage(), { ownerId: others, kind: 'DAMAGE', fileName: 'theirs.png', shared: true });
  // Shared, but on the project rather than a claim: no adjuster sees it.
  const onProject = await upload(t, as('sales'), await pngImage(), { ownerId: w.crewProject, kind: 'DAMAGE', fileName: 'project.png', shared: true });
  for (const u of [shared, internal, scope, elsewhere, onProject]) expect(u.status).toBe(201);
  await thumbnailDone(t, shared.body.id, idOf('Attachment', shared.body.id)!);

  const r = await photosOf(keys.ours, mine);
  expect(r.body.errors).toBeUndefined();
  expect(r.body.data.myClaim).toEqual({
    id: mine,
    photos: [{
      id: shared.body.id, kind: 'DAMAGE', caption: 'Hail on the north slope', fileName: 'hail.jpg', contentType: 'image/jpeg', sizeBytes: photo.length,
      width: 32, height: 64, takenAt: '2026-05-14T15:32:07.000Z', location: { latitude: 44.975, longitude: -93.25 },
      url: expect.stringMatching(/^\/files\//), thumbnailUrl: expect.stringMatching(/^\/files\/.*variant=thumbnail/), urlExpiresAt: expect.any(String),
      createdAt: expect.any(String), updatedAt: expect.any(String),
    }],
    supplements: [{ id: supplement, title: 'Ice and water', photos: [{ id: scope.body.id, kind: 'INSURANCE_SCOPE', caption: null, fileName: 'scope.pdf', contentType: 'application/pdf', url: expect.any(String), thumbnailUrl: null, urlExpiresAt: expect.any(String) }] }],
  });
  const [p] = r.body.data.myClaim.photos;
  expect(keyOf(p.url)).toBe(`k.${idOf('ApiKey', oursKeyId)}`);
  expect(Date.parse(p.urlExpiresAt) - Date.now()).toBeLessThanOrEqual(5 * 60_000);
  // Filtered by kind.
  expect((await photosOf(keys.ours, mine, ['AFTER'])).body.data.myClaim.photos).toEqual([]);

  // The file: to the key it was made for (with its bearer or none); never to another key, a staff user or a realtor.
  const file = await download(t, p.url);
  expect([file.status, file.bytes.equals(photo), file.headers.get('content-type')]).toEqual([200, true, 'image/jpeg']);
  expect((await download(t, p.url, keys.ours)).status).toBe(200);
  expect((await download(t, p.thumbnailUrl, keys.ours)).status).toBe(200);
  for (const other of [keys.theirs, keys.realtor, as('sales'), as('manager')]) expect((await download(t, p.url, other)).status).toBe(403);

  // Another adjuster's claim, and this claim for another adjuster, behave as missing; a realtor's key has no claim scope.
  expect((await photosOf(keys.ours, others)).body.data.myClaim).toBeNull();
  expect((await photosOf(keys.theirs, mine)).body.data.myClaim).toBeNull();
  expect((await photosOf(keys.theirs, others)).body.data.myClaim.photos.map((x: { fileName: string }) => x.fileName)).toEqual(['theirs.png']);
  expect((await keyCall(t, keys.realtor, { query: `query($id: ID!) { myClaim(id: $id) { photos { id url } } }`, variables: { id: mine } })).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  // Staff attachment fields and queries are not in a key's schema.
  for (const query of [`{ attachment(id: "${shared.body.id}") { id } }`, `{ myClaim(id: "${mine}") { photos { uploadedBy { id } } } }`, `{ myClaim(id: "${mine}") { photos { sharedWithAdjuster owner { __typename } } } }`]) {
    expect((await keyCall(t, keys.ours, { query })).body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  }

  // Unshared (or deleted): gone from the list, and the URL already handed out stops serving it.
  const UPDATE = `mutation($i: UpdateAttachmentInput!) { updateAttachment(input: $i) { errors { code } } }`;
  expect((await t.gql(UPDATE, { i: { id: shared.body.id, sharedWithAdjuster: false } }, as('sales'))).body.data.updateAttachment.errors).toEqual([]);
  expect((await photosOf(keys.ours, mine)).body.data.myClaim.photos).toEqual([]);
  expect((await download(t, p.url)).status).toBe(404);
  await t.gql(UPDATE, { i: { id: shared.body.id, sharedWithAdjuster: true } }, as('sales'));
  await t.gql(`mutation($id: ID!) { deleteAttachment(id: $id) { errors { code } } }`, { id: scope.body.id }, as('sales'));
  expect((await photosOf(keys.ours, mine)).body.data.myClaim.supplements[0].photos).toEqual([]);
});

it("a key's signed URL expires, cannot be re-addressed to another key, and dies with the key", async () => {
  const up = await upload(t, as('sales'), await pngImage(), { ownerId: mine, kind: 'BEFORE', fileName: 'before.png', shared: true });
  const url = (await photosOf(keys.ours, mine, ['BEFORE'])).body.data.myClaim.photos[0].url as string;
  const theirsUrl = (await photosOf(keys.theirs, others)).body.data.myClaim.photos[0].url as string;
  expect((await download(t, url)).status).toBe(200);
  // The other key's subject on this file: the signature no longer holds.
  const forged = new URL(url, t.url);
  forged.searchParams.set('sub', keyOf(theirsUrl)!);
  expect((await download(t, `${forged.pathname}${forged.search}`)).status).toBe(403);
  // A staff URL of the same file does not serve a key either.
  const staffUrl = (await t.gql(`query($id: ID!) { attachment(id: $id) { url } }`, { id: up.body.id }, as('sales'))).body.data.attachment.url as string;
  expect((await download(t, staffUrl, keys.ours)).status).toBe(403);
  // Five minutes later (the server's clock moved), the link has expired.
  const urls = t.app.services.attachments.files.urls;
  urls.clock = () => Date.now() + 5 * 60_000 + 1000;
  try {
    const late = await download(t, url);
    expect([late.status, late.bytes.toString()]).toEqual([403, expect.stringContaining('expired')]);
  } finally {
    urls.clock = Date.now;
  }
  // Revoked: its links stop at once.
  const spare = await createKey(t, as('admin'), { name: 'Spare', partnerId: oursPartner, scopes: SCOPES, allowFreeFormQueries: true });
  const spareUrl = (await photosOf(spare.secret, mine, ['BEFORE'])).body.data.myClaim.photos[0].url as string;
  expect((await download(t, spareUrl)).status).toBe(200);
  await t.gql(`mutation($id: ID!) { revokeApiKey(id: $id) { errors { code } } }`, { id: spare.id }, as('admin'));
  expect((await download(t, spareUrl)).status).toBe(403);
});

it('the partner schema has the photos; the staff attachment types stay out', async () => {
  const sdl = await (await fetch(`${t.url}/graphql/schema.graphql?audience=partner`)).text();
  for (const field of ['type AdjusterPhoto ', 'photos(', 'enum AttachmentKind', 'urlExpiresAt']) expect(sdl).toContain(field);
  for (const staff of ['type Attachment ', 'sharedWithAdjuster', 'uploadedBy', 'updateAttachment(']) expect(sdl).not.toContain(staff);
});
