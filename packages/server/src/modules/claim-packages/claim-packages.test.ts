import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { decodePDFRawStream, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import sharp from 'sharp';
import { attachmentWorld, download, pdfDocument, photoWithExif, upload } from '../../../test/attachments';
import { createCustomer, createProject } from '../../../test/factories';
import { subscribed, useTestApp } from '../../../test/harness';
import { idOf, toGlobalId } from '../../platform/graphql/global-id';

/**
 * Photos picked into a supplement and the claim package PDF, through the API: the rules of a pick (UserErrors per
 * photo), audit and live events; the package built by its job, attached to the claim, downloaded and read back.
 */
let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'crm-packages-'));
});
const { t, w } = useTestApp(attachmentWorld, { env: () => ({ FILES_DIR: dir, JOBS_WORKERS: 'true', COMPANY_TIME_ZONE: 'America/Chicago' }) });
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

const as = (role: keyof typeof w.as) => w.as[role].accessToken;
const SET = `mutation($i: SetSupplementPhotosInput!) { setSupplementPhotos(input: $i) { supplement { id photos { id fileName } } errors { field code message } } }`;
const GENERATE = `mutation($i: GenerateClaimPackageInput!) { generateClaimPackage(input: $i) { claimPackage { id status photoCount supplement { id } requestedBy { id } document { id } } errors { field code message } } }`;

/** A real JPEG photo: a colour gradient of `width` × `height`. */
const photo = (width: number, height: number, hue: number) =>
  sharp(Buffer.from(Array.from({ length: width * height }, (_, i) => [hue, (i % width) % 256, Math.floor(i / width) % 256]).flat()), { raw: { width, height, channels: 3 } })
    .jpeg()
    .toBuffer();

let claimId: string;
let supplementId: string;
/** Photos of the claim's project (two JPEGs, one PNG-less PDF), of the claim itself, of another project, of team South. */
const ids = {} as Record<'roof' | 'ridge' | 'scope' | 'claimPhoto' | 'elsewhere' | 'south', string>;

async function uploaded(token: string, body: Buffer, o: Parameters<typeof upload>[3]): Promise<string> {
  const r = await upload(t, token, body, o);
  if (r.status !== 201) throw new Error(JSON.stringify(r));
  return r.body.id as string;
}

beforeAll(async () => {
  const created = await t.gql(
    `mutation($i: CreateClaimInput!) { createClaim(input: $i) { claim { id } errors { code } } }`,
    {
      i: {
        projectId: w.crewProject, carrier: 'State Farm', claimNumber: 'SF-2026-0042', policyNumber: 'HO-778', dateOfLoss: '2026-05-14', causeOfLoss: 'HAIL',
        adjuster: { name: 'Sam Field', phone: '612-555-0123' },
        money: { rcv: '18450.00', recoverableDepreciation: '3200.00', nonRecoverableDepreciation: '410.25', deductible: '1000.00', overheadAndProfit: '1234.56' },
      },
    },
    as('sales'),
  );
  claimId = created.body.data.createClaim.claim.id;
  const s = await t.gql(
    `mutation($i: CreateSupplementInput!) { createSupplement(input: $i) { supplement { id } errors { code } } }`,
    {
      i: {
        claimId, title: 'Drip edge and ice shield',
        lineItems: [
          { description: 'Drip edge - aluminum', code: 'RFG DRIP', quantity: '212.5', unit: 'LF', unitPrice: '3.45' },
          { description: 'Ice and water shield', code: 'RFG IWS', quantity: '4', unit: 'SQ', unitPrice: '120.00' },
        ],
      },
    },
    as('sales'),
  );
  supplementId = s.body.data.createSupplement.supplement.id;
  ids.roof = await uploaded(as('tech'), await photo(320, 240, 40), { ownerId: w.crewProject, kind: 'DAMAGE', fileName: 'roof.jpg', caption: 'Hail bruising on the north slope' });
  ids.ridge = await uploaded(as('tech'), await photoWithExif(), { ownerId: w.crewProject, kind: 'BEFORE', fileName: 'ridge.jpg' });
  ids.scope = await uploaded(as('sales'), pdfDocument(), { ownerId: w.crewProject, kind: 'INSURANCE_SCOPE', fileName: 'scope.pdf' });
  ids.claimPhoto = await uploaded(as('sales'), await photo(200, 300, 200), { ownerId: claimId, kind: 'DAMAGE', fileName: 'gutter.jpg' });
  ids.elsewhere = await uploaded(as('sales'), await photo(64, 64, 90), { ownerId: w.otherProject, kind: 'DAMAGE', fileName: 'other.jpg' });
  const southProject = await createProject(t.ds, await createCustomer(t.ds, { teamId: w.south }));
  ids.south = await uploaded(as('otherSales'), await photo(64, 64, 120), { ownerId: toGlobalId('Project', southProject.id), kind: 'DAMAGE', fileName: 'south.jpg' });
});

describe('photos picked into a supplement', () => {
  it('keeps the picked photos of the claim, its project and lead in order; audited and live', async () => {
    const client = t.wsClient(as('manager'));
    const live = await subscribed(t, client, 'subscription($id: ID) { claimUpdated(claimId: $id) { change claim { id } } }', { id: claimId });
    const r = await t.gql(SET, { i: { supplementId, attachmentIds: [ids.ridge, ids.claimPhoto, ids.roof] } }, as('sales'));
    expect(r.body.data.setSupplementPhotos).toEqual({
      supplement: { id: supplementId, photos: [{ id: ids.ridge, fileName: 'ridge.jpg' }, { id: ids.claimPhoto, fileName: 'gutter.jpg' }, { id: ids.roof, fileName: 'roof.jpg' }] },
      errors: [],
    });
    await live.waitFor(1);
    expect(live.results[0]!.data.claimUpdated).toEqual({ change: 'UPDATED', claim: { id: claimId } });
    await client.dispose();
    // Read again, by anyone who sees the claim (the crew's field tech too).
    const read = await t.gql(`query($id: ID!) { node(id: $id) { ... on Supplement { photos { id } } } }`, { id: supplementId }, as('tech'));
    expect(read.body.data.node.photos.map((p: { id: string }) => p.id)).toEqual([ids.ridge, ids.claimPhoto, ids.roof]);
    const again = await t.gql(SET, { i: { supplementId, attachmentIds: [ids.roof, ids.ridge] } }, as('manager'));
    expect(again.body.data.setSupplementPhotos.supplement.photos.map((p: { id: string }) => p.id)).toEqual([ids.roof, ids.ridge]);
    const audit = await t.ds.query(`SELECT changes FROM audit_log WHERE entity_type = 'Supplement' AND entity_id = $1 AND changes ? 'photoIds' ORDER BY id`, [idOf('Supplement', supplementId)]);
    expect(audit.map((a: any) => a.changes.photoIds.after.length)).toEqual([3, 2]);
  });

  it('refuses, photo by photo, what is not an image of this claim you may see; nothing changes', async () => {
    const r = await t.gql(SET, { i: { supplementId, attachmentIds: [ids.scope, ids.elsewhere, ids.roof, ids.roof, ids.south, supplementId] } }, as('sales'));
    expect(r.body.data.setSupplementPhotos).toEqual({
      supplement: null,
      errors: [
        { field: ['attachmentIds', '0'], code: 'INVALID', message: '"scope.pdf" is not a photo: only images can be picked.' },
        { field: ['attachmentIds', '1'], code: 'INVALID', message: '"other.jpg" belongs to another record: pick photos of this claim, its supplements, its project or its lead.' },
        { field: ['attachmentIds', '3'], code: 'INVALID', message: '"roof.jpg" is picked twice.' },
        { field: ['attachmentIds', '4'], code: 'NOT_FOUND', message: 'No such photo (or you may not see it).' },
        { field: ['attachmentIds', '5'], code: 'NOT_FOUND', message: 'No such photo (or you may not see it).' },
      ],
    });
    const tooMany = await t.gql(SET, { i: { supplementId, attachmentIds: Array(31).fill(ids.roof) } }, as('sales'));
    expect(tooMany.body.data.setSupplementPhotos.errors).toEqual([expect.objectContaining({ field: ['attachmentIds'], code: 'OUT_OF_RANGE' })]);
    // Field techs may not pick (office work); someone who may not see the claim finds no supplement.
    expect((await t.gql(SET, { i: { supplementId, attachmentIds: [] } }, as('tech'))).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(SET, { i: { supplementId, attachmentIds: [] } }, as('otherSales'))).body.data.setSupplementPhotos.errors).toEqual([expect.objectContaining({ field: ['supplementId'], code: 'NOT_FOUND' })]);
    const read = await t.gql(`query($id: ID!) { node(id: $id) { ... on Supplement { photos { id } } } }`, { id: supplementId }, as('sales'));
    expect(read.body.data.node.photos.map((p: { id: string }) => p.id)).toEqual([ids.roof, ids.ridge]);
  });
});

/** The text a PDF draws with its standard fonts (hex strings of `Tj`), page by page, and how many images it holds. */
function readPdf(doc: PDFDocument): { text: string; images: number } {
  let text = '';
  let images = 0;
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    if (object.dict.get(PDFName.of('Subtype')) === PDFName.of('Image')) {
      images += 1;
      continue;
    }
    const content = Buffer.from(decodePDFRawStream(object).decode()).toString('latin1');
    for (const m of content.matchAll(/<([0-9A-Fa-f]*)> Tj/g)) text += `${Buffer.from(m[1]!, 'hex').toString('latin1')}\n`;
  }
  return { text, images };
}

/** Waits for the claim's live events until the package is no longer QUEUED (the job marks it READY or FAILED), and reads it. */
async function packageDone(claimPackage: { id: string }, live: Awaited<ReturnType<typeof subscribed>>) {
  const q = `query($id: ID!) { node(id: $id) { ... on ClaimPackage { status pageCount photoCount finishedAt error document { fileName contentType kind ownerKind url uploadedBy { id } } } } }`;
  for (let n = 1; ; n++) {
    await live.waitFor(n, 20_000);
    const p = (await t.gql(q, { id: claimPackage.id }, as('sales'))).body.data.node;
    if (p.status !== 'QUEUED') return p;
  }
}

describe('claim package', () => {
  it("builds the PDF of the claim, the supplement's lines and its picked photos, attached to the claim", async () => {
    const client = t.wsClient(as('sales'));
    const live = await subscribed(t, client, 'subscription($id: ID) { claimUpdated(claimId: $id) { change } }', { id: claimId });
    const r = await t.gql(GENERATE, { i: { claimId, supplementId } }, as('sales'));
    const queued = r.body.data.generateClaimPackage;
    expect(queued).toMatchObject({ errors: [], claimPackage: { status: 'QUEUED', photoCount: 2, supplement: { id: supplementId }, requestedBy: { id: w.as.sales.id }, document: null } });
    const done = await packageDone(queued.claimPackage, live);
    await client.dispose();
    expect(done).toMatchObject({
      status: 'READY', photoCount: 2, error: null, finishedAt: expect.any(String),
      document: { fileName: 'Claim SF-2026-0042 package.pdf', contentType: 'application/pdf', kind: 'DOCUMENT', ownerKind: 'CLAIM', uploadedBy: { id: w.as.sales.id } },
    });
    const file = await download(t, done.document.url);
    expect(file.status).toBe(200);
    expect(file.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const pdf = await PDFDocument.load(file.bytes);
    expect(pdf.getPageCount()).toBe(done.pageCount);
    expect(pdf.getTitle()).toBe('Claim SF-2026-0042 package');
    const { text, images } = readPdf(pdf);
    expect(images).toBe(2);
    for (const expected of [
      'Claim SF-2026-0042 package', 'State Farm', 'HO-778', 'May 14, 2026', 'Hail', 'Sam Field, +16125550123', 'Filed',
      '$18,450.00', '$3,200.00', '$410.25', '$1,234.56', '$14,839.75', // RCV, depreciations, O&P, ACV = 18,450 − 3,200 − 410.25
      'Supplement: Drip edge and ice shield', 'RFG DRIP - Drip edge - aluminum', '212.5 LF', '$733.13', '$1,213.13', // 212.5 × 3.45 = 733.125 → 733.13
      'Hail bruising on the north slope', 'Damage - date taken not known - roof.jpg', 'Before - taken May 14, 2026, 10:32 AM CDT - ridge.jpg',
    ]) {
      expect(text).toContain(expected);
    }
    // The claim lists it, newest first, and shows the PDF among its documents.
    const claim = await t.gql(`query($id: ID!) { claim(id: $id) { packages { id status } attachments(kinds: [DOCUMENT]) { fileName } } }`, { id: claimId }, as('manager'));
    expect(claim.body.data.claim).toEqual({ packages: [{ id: queued.claimPackage.id, status: 'READY' }], attachments: [{ fileName: 'Claim SF-2026-0042 package.pdf' }] });
    const audit = await t.ds.query(`SELECT action, actor_id FROM audit_log WHERE entity_type = 'ClaimPackage' AND entity_id = $1 ORDER BY id`, [idOf('ClaimPackage', queued.claimPackage.id)]);
    expect(audit).toEqual([{ action: 'CREATE', actor_id: w.as.sales.user.id }, { action: 'UPDATE', actor_id: null }]);
  });

  it('takes the photos asked for, in their order, without a supplement; refuses what it may not', async () => {
    const client = t.wsClient(as('sales'));
    const live = await subscribed(t, client, 'subscription($id: ID) { claimUpdated(claimId: $id) { change } }', { id: claimId });
    const r = await t.gql(GENERATE, { i: { claimId, attachmentIds: [ids.claimPhoto] } }, as('manager'));
    const queued = r.body.data.generateClaimPackage;
    expect(queued).toMatchObject({ errors: [], claimPackage: { status: 'QUEUED', photoCount: 1, supplement: null } });
    const done = await packageDone(queued.claimPackage, live);
    await client.dispose();
    const pdf = await PDFDocument.load((await download(t, done.document.url)).bytes);
    const { text, images } = readPdf(pdf);
    expect(images).toBe(1);
    expect(text).not.toContain('Supplement:');
    expect(text).toContain('Damage - date taken not known - gutter.jpg');

    const refusals = await Promise.all([
      t.gql(GENERATE, { i: { claimId, attachmentIds: [ids.elsewhere] } }, as('sales')),
      t.gql(GENERATE, { i: { claimId, supplementId: claimId } }, as('sales')),
      t.gql(GENERATE, { i: { claimId } }, as('otherSales')),
    ]);
    expect(refusals.map((x) => x.body.data.generateClaimPackage.errors.map((e: any) => [e.field.join('.'), e.code]))).toEqual([
      [['attachmentIds.0', 'INVALID']],
      [['supplementId', 'NOT_FOUND']],
      [['claimId', 'NOT_FOUND']],
    ]);
    expect((await t.gql(GENERATE, { i: { claimId } }, as('tech'))).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
