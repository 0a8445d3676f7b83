import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { toGlobalId } from '../src/platform/graphql/global-id';
import { createCustomer, createLead, createProject, twoTeamCast, type TwoTeamCast } from './factories';
import type { TestApp } from './harness';
import { waitForJob } from './notification-factories';

export interface AttachmentWorld extends TwoTeamCast {
  /** A North project with the field tech on its crew; another North project without them; a North lead. */
  crewProject: string;
  otherProject: string;
  lead: string;
}

export async function attachmentWorld(t: TestApp): Promise<AttachmentWorld> {
  const cast = await twoTeamCast(t);
  const customer = await createCustomer(t.ds, { teamId: cast.north });
  const crew = await createProject(t.ds, customer, {}, [cast.as.tech.user.id]);
  const other = await createProject(t.ds, customer);
  const lead = await createLead(t.ds, { teamId: cast.north, assigneeId: cast.as.sales.user.id });
  return { ...cast, crewProject: toGlobalId('Project', crew.id), otherProject: toGlobalId('Project', other.id), lead: toGlobalId('Lead', lead.id) };
}

/**
 * A small JPEG photo, 64 × 32 pixels as stored, EXIF orientation 6 (shown 32 × 64), taken 2026-05-14 10:32:07 at
 * UTC-5 in Minneapolis (44.975 N, 93.25 W).
 */
export const photoWithExif = (): Promise<Buffer> =>
  sharp({ create: { width: 64, height: 32, channels: 3, background: { r: 200, g: 50, b: 50 } } })
    .jpeg()
    .withExif({
      IFD2: { DateTimeOriginal: '2026:05:14 10:32:07', OffsetTimeOriginal: '-05:00' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '44/1 58/1 3000/100', GPSLongitudeRef: 'W', GPSLongitude: '93/1 15/1 0/1' },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();

export const pngImage = (): Promise<Buffer> => sharp({ create: { width: 8, height: 8, channels: 4, background: '#00ff00' } }).png().toBuffer();
export const pdfDocument = () => Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

export interface UploadOptions {
  ownerId: string;
  kind?: string;
  fileName?: string;
  contentType?: string;
  key?: string | null;
  caption?: string;
  /** Shared with the adjuster of the owner's claim (`sharedWithAdjuster=true`). */
  shared?: boolean;
  /** Send the body as a stream without Content-Length (chunked). */
  chunked?: boolean;
}

/** `POST /uploads`: the status and the JSON answer. */
export async function upload(t: TestApp, token: string | null, body: Buffer, o: UploadOptions) {
  const q = new URLSearchParams({ ownerId: o.ownerId, kind: o.kind ?? 'DAMAGE', fileName: o.fileName ?? 'roof.jpg', ...(o.caption ? { caption: o.caption } : {}), ...(o.shared ? { sharedWithAdjuster: 'true' } : {}) });
  const headers: Record<string, string> = { 'content-type': o.contentType ?? 'application/octet-stream' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (o.key !== null) headers['idempotency-key'] = o.key ?? randomUUID();
  const payload = o.chunked
    ? new ReadableStream({
        start(c) {
          for (let i = 0; i < body.length; i += 64 * 1024) c.enqueue(new Uint8Array(body.subarray(i, i + 64 * 1024)));
          c.close();
        },
      })
    : new Uint8Array(body);
  const res = await fetch(`${t.url}/uploads?${q}`, { method: 'POST', headers, body: payload, duplex: 'half' } as RequestInit);
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

export const ATTACHMENT_FIELDS = `id ownerKind owner { __typename ... on Project { id } ... on Lead { id } } kind caption fileName contentType sizeBytes width height takenAt
  location { latitude longitude } sharedWithAdjuster thumbnailStatus url thumbnailUrl urlExpiresAt uploadedBy { name } deletedAt`;

export async function attachment(t: TestApp, token: string, id: string): Promise<any> {
  const r = await t.gql(`query($id: ID!) { attachment(id: $id) { ${ATTACHMENT_FIELDS} } }`, { id }, token);
  if (r.body.errors) throw new Error(JSON.stringify(r.body.errors));
  return r.body.data.attachment;
}

/** Waits for the attachment's thumbnail job (queued with its id as singleton key) to finish. */
export async function thumbnailDone(t: TestApp, attachmentGlobalId: string, uuid: string) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const [job] = await t.ds.query(`SELECT id FROM pgboss.job WHERE name = 'attachment-thumbnail' AND singleton_key = $1 UNION ALL SELECT id FROM pgboss.archive WHERE name = 'attachment-thumbnail' AND singleton_key = $1`, [uuid]);
    if (job) return waitForJob(t, job.id);
    if (Date.now() > deadline) throw new Error(`no thumbnail job for ${attachmentGlobalId}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** `GET` of a file URL (relative to the app): status, headers and bytes. */
export async function download(t: TestApp, url: string, token?: string) {
  const res = await fetch(`${t.url}${url}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** Keys of the objects the storage holds (disk: files under FILES_DIR; S3: the bucket's listing). */
export type StoredKeys = () => Promise<string[]>;

/**
 * The attachments API over one storage (the disk or an S3 server): each storage's test file runs it with its app.
 * The app runs job workers and FILES_MAX_BYTES=1048576.
 */
export function describeAttachments(storage: string, t: TestApp, w: AttachmentWorld, storedKeys: StoredKeys): void {
  const count = async () => Number((await t.ds.query('SELECT count(*) AS n FROM attachments'))[0].n);
  const uuidOf = (globalId: string) => Buffer.from(globalId, 'base64url').toString().split(':')[1]!;

  describe(`attachments on ${storage}`, () => {
    it('stores a photo with its EXIF date and place, serves it by a signed URL, and makes a rotated thumbnail', async () => {
      const photo = await photoWithExif();
      const up = await upload(t, w.as.sales.accessToken, photo, { ownerId: w.crewProject, kind: 'DAMAGE', fileName: 'IMG_0001.JPG', contentType: 'image/jpeg', caption: 'Hail on the north slope' });
      expect(up).toMatchObject({ status: 201, body: { replayed: false, contentType: 'image/jpeg', sizeBytes: photo.length, takenAt: '2026-05-14T15:32:07.000Z', latitude: 44.975, longitude: -93.25, thumbnailStatus: 'PENDING' } });
      expect(await storedKeys()).toContain(`attachments/${uuidOf(up.body.id)}/original`);

      expect((await thumbnailDone(t, up.body.id, uuidOf(up.body.id))).state).toBe('completed');
      const a = await attachment(t, w.as.sales.accessToken, up.body.id);
      expect(a).toMatchObject({
        ownerKind: 'PROJECT', owner: { __typename: 'Project', id: w.crewProject }, kind: 'DAMAGE', caption: 'Hail on the north slope', fileName: 'IMG_0001.JPG',
        contentType: 'image/jpeg', sizeBytes: photo.length, width: 32, height: 64, takenAt: '2026-05-14T15:32:07.000Z',
        location: { latitude: 44.975, longitude: -93.25 }, sharedWithAdjuster: false, thumbnailStatus: 'READY', uploadedBy: { name: w.as.sales.user.name },
      });
      const file = await download(t, a.url);
      expect(file.status).toBe(200);
      expect(file.bytes.equals(photo)).toBe(true);
      expect(file.headers.get('content-type')).toBe('image/jpeg');
      expect(file.headers.get('x-content-type-options')).toBe('nosniff');
      expect(file.headers.get('cache-control')).toBe('private, no-store');
      expect(file.headers.get('content-disposition')).toBe(`inline; filename="IMG_0001.JPG"; filename*=UTF-8''IMG_0001.JPG`);
      expect((await download(t, `${a.url}&download=1`)).headers.get('content-disposition')).toMatch(/^attachment; /);
      const thumb = await download(t, a.thumbnailUrl);
      expect(thumb.status).toBe(200);
      expect(thumb.headers.get('content-type')).toBe('image/jpeg');
      const meta = await sharp(thumb.bytes).metadata();
      expect([meta.width, meta.height, meta.orientation ?? 1]).toEqual([32, 64, 1]); // turned upright
      expect(await storedKeys()).toContain(`attachments/${uuidOf(up.body.id)}/thumbnail`);
      const events = await t.ds.query(`SELECT type FROM outbox_events WHERE entity_id = $1 ORDER BY seq`, [uuidOf(up.body.id)]);
      expect(events.map((e: { type: string }) => e.type)).toEqual(['attachment.added', 'attachment.updated']);
      const audit = await t.ds.query(`SELECT action FROM audit_log WHERE entity_type = 'Attachment' AND entity_id = $1 ORDER BY id`, [uuidOf(up.body.id)]);
      expect(audit.map((e: { action: string }) => e.action)).toEqual(['CREATE', 'UPDATE']);
    });

    it('answers a retried upload (same Idempotency-Key) with the first one, storing nothing twice', async () => {
      const png = await pngImage();
      const key = `retry-${randomUUID()}`;
      const first = await upload(t, w.as.sales.accessToken, png, { ownerId: w.lead, fileName: 'sketch.png', kind: 'DOCUMENT', key });
      expect(first).toMatchObject({ status: 201, body: { contentType: 'image/png' } });
      const rows = await count();
      const keys = (await storedKeys()).length;
      const again = await upload(t, w.as.sales.accessToken, png, { ownerId: w.lead, fileName: 'sketch.png', kind: 'DOCUMENT', key });
      expect(again).toMatchObject({ status: 200, body: { id: first.body.id, replayed: true } });
      expect(await count()).toBe(rows);
      const check = await fetch(`${t.url}/uploads/${key}`, { headers: { authorization: `Bearer ${w.as.sales.accessToken}` } });
      expect(check.status).toBe(200);
      expect(await check.json()).toMatchObject({ id: first.body.id });
      expect((await fetch(`${t.url}/uploads/never-sent-1`, { headers: { authorization: `Bearer ${w.as.sales.accessToken}` } })).status).toBe(404);
      // Another record with the same key is a client bug, not a retry.
      expect(await upload(t, w.as.sales.accessToken, png, { ownerId: w.crewProject, fileName: 'sketch.png', key })).toMatchObject({ status: 409 });
      await waitForThumbnails();
      expect((await storedKeys()).length).toBe(keys + 1); // the first upload's thumbnail, no second original
    });

    it('refuses a file whose bytes are not an allowed type, or whose name or declared type lies, storing nothing', async () => {
      const token = w.as.sales.accessToken;
      const [rows, keys] = [await count(), await storedKeys()];
      const png = await pngImage();
      expect(await upload(t, token, png, { ownerId: w.crewProject, fileName: 'roof.jpg' })).toMatchObject({ status: 415, body: { error: 'The file is named "roof.jpg" but its content is a PNG image: its name does not match what it is.' } });
      expect(await upload(t, token, pdfDocument(), { ownerId: w.crewProject, fileName: 'scope', contentType: 'image/jpeg' })).toMatchObject({ status: 415, body: { error: 'The upload says it is image/jpeg but its content is a PDF document.' } });
      expect(await upload(t, token, Buffer.from('MZ\x90\x00 this is a program', 'latin1'), { ownerId: w.crewProject, fileName: 'photo.jpg' })).toMatchObject({ status: 415, body: { error: expect.stringContaining('cannot be attached') } });
      expect(await upload(t, token, Buffer.from('<html><script>alert(1)</script>'), { ownerId: w.crewProject, fileName: 'page.html', contentType: 'text/html' })).toMatchObject({ status: 415 });
      expect(await upload(t, token, Buffer.alloc(0), { ownerId: w.crewProject })).toMatchObject({ status: 400, body: { error: 'The file is empty.' } });
      expect(await upload(t, token, png, { ownerId: w.crewProject, fileName: 'a.png', key: null })).toMatchObject({ status: 400, body: { error: expect.stringContaining('Idempotency-Key') } });
      expect(await upload(t, token, png, { ownerId: w.crewProject, fileName: 'a.png', kind: 'SELFIE' })).toMatchObject({ status: 400 });
      expect(await count()).toBe(rows);
      expect(await storedKeys()).toEqual(keys);
      // A PDF is a PDF, named or declared as one.
      expect(await upload(t, token, pdfDocument(), { ownerId: w.crewProject, fileName: 'scope.pdf', contentType: 'application/pdf', kind: 'INSURANCE_SCOPE' })).toMatchObject({ status: 201, body: { contentType: 'application/pdf', thumbnailStatus: 'NONE' } });
    });

    it('refuses files over FILES_MAX_BYTES, announced or streamed, storing nothing', async () => {
      const [rows, keys] = [await count(), await storedKeys()];
      const big = Buffer.concat([await photoWithExif(), Buffer.alloc(1024 * 1024 + 10, 1)]);
      expect(await upload(t, w.as.sales.accessToken, big, { ownerId: w.crewProject })).toMatchObject({ status: 413, body: { error: 'The file is larger than 1 MB.' } });
      expect(await upload(t, w.as.sales.accessToken, big, { ownerId: w.crewProject, chunked: true })).toMatchObject({ status: 413, body: { error: 'The file is larger than 1 MB.' } });
      expect(await count()).toBe(rows);
      expect(await storedKeys()).toEqual(keys);
    });

    it('signed URLs expire and serve only the viewer they were made for, whose rights are checked again', async () => {
      const up = await upload(t, w.as.sales.accessToken, await pngImage(), { ownerId: w.crewProject, fileName: 'ridge.png' });
      const { url } = await attachment(t, w.as.sales.accessToken, up.body.id);
      expect((await download(t, url)).status).toBe(200);
      expect((await download(t, url, w.as.sales.accessToken)).status).toBe(200);
      // Another signed-in viewer presenting it, even one who may see the file: refused.
      expect(await download(t, url, w.as.manager.accessToken)).toMatchObject({ status: 403 });
      // Made out to someone else, or for another file: the signature no longer holds.
      const managerUrl = (await attachment(t, w.as.manager.accessToken, up.body.id)).url as string;
      const sub = new URL(managerUrl, t.url).searchParams.get('sub')!;
      const forged = new URL(url, t.url);
      forged.searchParams.set('sub', sub);
      expect((await download(t, `${forged.pathname}${forged.search}`)).status).toBe(403);
      expect((await download(t, url.replace('variant=original', 'variant=thumbnail'))).status).toBe(403);
      // Someone who may not see the project gets no URL at all.
      expect(await t.gql(`query($id: ID!) { attachment(id: $id) { url } }`, { id: up.body.id }, w.as.otherSales.accessToken)).toMatchObject({ body: { data: { attachment: null } } });
      // Five minutes later (the server's clock moved), the link has expired.
      const urls = t.app.services.attachments.files.urls;
      urls.clock = () => Date.now() + 5 * 60_000 + 1000;
      try {
        expect(await download(t, url)).toMatchObject({ status: 403 });
        expect((await download(t, url)).bytes.toString()).toContain('expired');
      } finally {
        urls.clock = Date.now;
      }
      // Deleted: the link stops serving it to sales (admins and managers still see the trash).
      const del = await t.gql(`mutation($id: ID!) { deleteAttachment(id: $id) { attachment { deletedAt } errors { code } } }`, { id: up.body.id }, w.as.sales.accessToken);
      expect(del.body.data.deleteAttachment).toMatchObject({ errors: [], attachment: { deletedAt: expect.any(String) } });
      expect((await download(t, url)).status).toBe(404);
      expect((await download(t, managerUrl)).status).toBe(200);
    });

    it('field techs add photos to the projects they are on, not to others nor to leads; they change only their own', async () => {
      const tech = w.as.tech.accessToken;
      const mine = await upload(t, tech, await pngImage(), { ownerId: w.crewProject, kind: 'DURING', fileName: 'deck.png' });
      expect(mine).toMatchObject({ status: 201 });
      expect(await upload(t, tech, await pngImage(), { ownerId: w.otherProject, fileName: 'deck.png' })).toMatchObject({ status: 404 });
      expect(await upload(t, tech, await pngImage(), { ownerId: w.lead, fileName: 'deck.png' })).toMatchObject({ status: 404 });
      expect(await upload(t, w.as.otherSales.accessToken, await pngImage(), { ownerId: w.crewProject, fileName: 'deck.png' })).toMatchObject({ status: 404 });
      expect(await upload(t, null, await pngImage(), { ownerId: w.crewProject, fileName: 'deck.png' })).toMatchObject({ status: 401 });
      const byOffice = await upload(t, w.as.manager.accessToken, await pngImage(), { ownerId: w.crewProject, fileName: 'office.png' });
      const UPDATE = `mutation($i: UpdateAttachmentInput!) { updateAttachment(input: $i) { attachment { caption kind sharedWithAdjuster } errors { field code } } }`;
      expect((await t.gql(UPDATE, { i: { id: mine.body.id, caption: 'Decking replaced', kind: 'AFTER' } }, tech)).body.data.updateAttachment).toEqual({ attachment: { caption: 'Decking replaced', kind: 'AFTER', sharedWithAdjuster: false }, errors: [] });
      expect((await t.gql(UPDATE, { i: { id: byOffice.body.id, caption: 'Mine now' } }, tech)).body.data.updateAttachment).toEqual({ attachment: null, errors: [{ field: ['id'], code: 'FORBIDDEN' }] });
      expect((await t.gql(UPDATE, { i: { id: byOffice.body.id, sharedWithAdjuster: true } }, w.as.sales.accessToken)).body.data.updateAttachment.attachment).toMatchObject({ sharedWithAdjuster: true });
      // The gallery: by owner, filtered by kind, as a connection and nested under the project.
      const list = await t.gql(
        `query($o: ID!) { attachments(ownerId: $o, kinds: [AFTER]) { totalCount edges { node { fileName } } } project(id: $o) { attachments(kinds: [AFTER, DURING]) { fileName } } }`,
        { o: w.crewProject },
        tech,
      );
      expect(list.body.data).toEqual({ attachments: { totalCount: 1, edges: [{ node: { fileName: 'deck.png' } }] }, project: { attachments: [{ fileName: 'deck.png' }] } });
      const leadList = await t.gql(`query($o: ID!) { attachments(ownerId: $o) { totalCount } }`, { o: w.lead }, tech);
      expect(leadList.body.data.attachments.totalCount).toBe(0);
    });

    it("claims and supplements own attachments under the claim's rules", async () => {
      const created = await t.gql(
        `mutation($i: CreateClaimInput!) { createClaim(input: $i) { claim { id } errors { code } } }`,
        { i: { carrier: 'State Farm', dateOfLoss: '2026-05-14', causeOfLoss: 'HAIL', projectId: w.crewProject } },
        w.as.sales.accessToken,
      );
      const claimId = created.body.data.createClaim.claim.id as string;
      const supplement = await t.gql(
        `mutation($i: CreateSupplementInput!) { createSupplement(input: $i) { supplement { id } errors { code } } }`,
        { i: { claimId, title: 'Ice and water shield', lineItems: [{ description: 'Ice and water shield', quantity: '2', unit: 'SQ', unitPrice: '120.00' }] } },
        w.as.sales.accessToken,
      );
      const supplementId = supplement.body.data.createSupplement.supplement.id as string;
      // The crew's field tech photographs the damage for the claim; someone who may not see the claim cannot add to it.
      expect(await upload(t, w.as.tech.accessToken, await photoWithExif(), { ownerId: claimId, kind: 'DAMAGE', fileName: 'hail.jpg' })).toMatchObject({ status: 201 });
      expect(await upload(t, w.as.otherSales.accessToken, await pngImage(), { ownerId: claimId, fileName: 'x.png' })).toMatchObject({ status: 404 });
      expect(await upload(t, w.as.tech.accessToken, await pngImage(), { ownerId: supplementId, fileName: 'x.png' })).toMatchObject({ status: 403 });
      expect(await upload(t, w.as.sales.accessToken, pdfDocument(), { ownerId: supplementId, kind: 'INSURANCE_SCOPE', fileName: 'scope.pdf' })).toMatchObject({ status: 201 });
      const q = `query($c: ID!, $s: ID!) { node(id: $c) { ... on InsuranceClaim { attachments { fileName owner { __typename } } } }
        attachments(ownerId: $s) { edges { node { fileName owner { __typename } } } } }`;
      expect((await t.gql(q, { c: claimId, s: supplementId }, w.as.manager.accessToken)).body.data).toEqual({
        node: { attachments: [{ fileName: 'hail.jpg', owner: { __typename: 'InsuranceClaim' } }] },
        attachments: { edges: [{ node: { fileName: 'scope.pdf', owner: { __typename: 'Supplement' } } }] },
      });
      const other = (await t.gql(q, { c: claimId, s: supplementId }, w.as.otherManager.accessToken)).body.data;
      expect(other).toEqual({ node: null, attachments: { edges: [] } });
    });
  });

  async function waitForThumbnails() {
    for (const { id } of await t.ds.query(`SELECT id FROM attachments WHERE thumbnail_status = 'PENDING'`)) await thumbnailDone(t, id, id);
  }
}
