/** The demo company's job photos: small generated pictures on its claims, their projects and leads, and storm jobs. */
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import sharp from 'sharp';
import type { EntityManager } from 'typeorm';
import type { AttachmentKind, AttachmentOwnerKind } from '../generated/graphql';
import { THUMBNAIL_SIZE } from '../modules/attachments/attachment-thumbnail';
import { photoMetadata } from '../modules/attachments/exif';
import type { ObjectStorage } from '../platform/storage/object-storage';
import { insertRows } from './insert';
import { DAY_MS, Rng } from './random';

const WIDTH = 640;
const HEIGHT = 480;
/** How each kind of photo looks: sky, roof, and what is on the roof. */
const SCENES: Record<'BEFORE' | 'DAMAGE' | 'DURING' | 'AFTER', { roof: string; marks: 'none' | 'hail' | 'decking' | 'new' }> = {
  BEFORE: { roof: '#6b4f3a', marks: 'none' },
  DAMAGE: { roof: '#6b4f3a', marks: 'hail' },
  DURING: { roof: '#b88a55', marks: 'decking' },
  AFTER: { roof: '#3b3f46', marks: 'new' },
};
const CAPTIONS: Record<keyof typeof SCENES, string[]> = {
  BEFORE: ['Front elevation before the storm work', 'Street view of the roof'],
  DAMAGE: ['Hail hits on the north slope', 'Bruised shingles near the ridge', 'Granule loss at the gutter line', 'Cracked vent cap'],
  DURING: ['Tear-off down to the decking', 'New underlayment going on'],
  AFTER: ['Finished roof, south side', 'Ridge vent and new flashing'],
};
const PHOTO_COLUMNS = [
  'id', 'owner_kind', 'owner_id', 'team_id', 'kind', 'caption', 'file_name', 'content_type', 'size_bytes', 'sha256', 'storage_key', 'thumbnail_key',
  'thumbnail_status', 'width', 'height', 'taken_at', 'latitude', 'longitude', 'shared_with_adjuster', 'uploaded_by', 'upload_key', 'created_at', 'updated_at',
];

interface PhotoPlan {
  ownerKind: AttachmentOwnerKind;
  ownerId: string;
  teamId: string | null;
  kind: keyof typeof SCENES;
  uploadedBy: string | null;
  at: Date;
  street: string;
  /** Write EXIF date and GPS into the file (a phone's photo). */
  exif: boolean;
  shared: boolean;
  caption: string;
}

const esc = (s: string) => s.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** A roof picture with the kind written on it (an SVG drawn by sharp), about 10-20 kB as JPEG, with EXIF when asked. */
async function picture(rng: Rng, p: PhotoPlan, n: number): Promise<Buffer> {
  const scene = SCENES[p.kind];
  const hue = rng.int(195, 225);
  const marks: string[] = [];
  for (let row = 0; row < 9; row++) marks.push(`<line x1="${110 + row * 22}" y1="${300 - row * 18}" x2="${530 - row * 22}" y2="${300 - row * 18}" stroke="#000" stroke-opacity="0.18" stroke-width="2"/>`);
  for (let i = 0; scene.marks === 'hail' && i < 18; i++) {
    const y = rng.int(170, 290);
    const half = ((y - 120) * 240) / 180 - 12; // inside the roof's triangle at that height
    marks.push(`<circle cx="${320 + rng.int(-Math.floor(half), Math.floor(half))}" cy="${y}" r="${rng.int(4, 10)}" fill="#f4f1ea" fill-opacity="0.85"/>`);
  }
  if (scene.marks === 'decking') marks.push(`<polygon points="320,120 560,300 320,300" fill="#8a6a45"/>`);
  if (scene.marks === 'new') marks.push(`<rect x="300" y="112" width="40" height="10" fill="#22252a"/>`);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
    <defs><linearGradient id="sky" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},45%,48%)"/><stop offset="1" stop-color="hsl(${hue},35%,86%)"/></linearGradient></defs>
    <rect width="${WIDTH}" height="${HEIGHT}" fill="url(#sky)"/>
    <rect x="120" y="300" width="400" height="150" fill="hsl(${rng.int(25, 45)},35%,${rng.int(70, 82)}%)"/>
    <rect x="290" y="360" width="60" height="90" fill="#5a4632"/>
    <polygon points="80,300 320,120 560,300" fill="${scene.roof}"/>
    ${marks.join('')}
    <rect x="20" y="20" width="${40 + p.kind.length * 27}" height="56" rx="8" fill="#000" fill-opacity="0.55"/>
    <text x="36" y="60" font-family="sans-serif" font-size="34" font-weight="bold" fill="#fff">${p.kind}</text>
    <text x="24" y="462" font-family="sans-serif" font-size="18" fill="#fff">Demo photo ${n} - ${esc(p.street)}</text>
  </svg>`;
  const image = sharp(Buffer.from(svg)).jpeg({ quality: 78, mozjpeg: true });
  if (!p.exif) return image.toBuffer();
  const t = new Date(p.at);
  const stamp = `${t.getUTCFullYear()}:${pad(t.getUTCMonth() + 1)}:${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
  const [lat, lon] = [44.9 + rng.int(0, 2000) / 10_000, 93.2 + rng.int(0, 2000) / 10_000]; // around Minneapolis, 44.9 N 93.2 W
  return image
    .withExif({
      IFD2: { DateTimeOriginal: stamp, OffsetTimeOriginal: '+00:00' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: dms(lat), GPSLongitudeRef: 'W', GPSLongitude: dms(lon) },
    })
    .toBuffer();
}

const pad = (n: number) => String(n).padStart(2, '0');
/** Degrees as EXIF rationals `d/1 m/1 s*100/100`. */
function dms(degrees: number): string {
  const d = Math.floor(degrees);
  const m = Math.floor((degrees - d) * 60);
  const s = Math.round(((degrees - d) * 60 - m) * 60 * 100);
  return `${d}/1 ${m}/1 ${s}/100`;
}

/** Stores one photo and its thumbnail; the attachment row to insert. */
async function stored(storage: ObjectStorage, rng: Rng, p: PhotoPlan, n: number): Promise<Record<string, unknown>> {
  const id = randomUUID();
  const bytes = await picture(rng, p, n);
  const thumbnail = await sharp(bytes).resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'inside' }).jpeg({ quality: 80, mozjpeg: true }).toBuffer();
  const [storageKey, thumbnailKey] = [`attachments/${id}/original`, `attachments/${id}/thumbnail`];
  await storage.put(storageKey, Readable.from([bytes]), { contentType: 'image/jpeg' });
  await storage.put(thumbnailKey, Readable.from([thumbnail]), { contentType: 'image/jpeg' });
  const meta = await photoMetadata(bytes); // as an upload reads it
  return {
    id, owner_kind: p.ownerKind, owner_id: p.ownerId, team_id: p.teamId, kind: p.kind as AttachmentKind, caption: p.caption,
    file_name: `IMG_${String(1000 + n)}.jpg`, content_type: 'image/jpeg', size_bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'),
    storage_key: storageKey, thumbnail_key: thumbnailKey, thumbnail_status: 'READY', width: WIDTH, height: HEIGHT,
    taken_at: meta.takenAt, latitude: meta.latitude, longitude: meta.longitude,
    shared_with_adjuster: p.shared, uploaded_by: p.uploadedBy, upload_key: `demo-photo-${id}`, created_at: p.at, updated_at: p.at,
  };
}

/** Who took a project's photos: its crew's field tech (else another member). */
const crewOf = (project: string) =>
  `(SELECT pm.user_id FROM project_members pm JOIN users u ON u.id = pm.user_id WHERE pm.project_id = ${project} ORDER BY u.role <> 'FIELD_TECH', u.email LIMIT 1)`;

/**
 * Photos of the demo's claims and storm jobs (reproducibly, by the records' order; colours and marks from `seed`),
 * stored through `storage` with their thumbnails made here as the thumbnail job would: for each claim on a project a
 * BEFORE and a DAMAGE photo of the project (the crew's; the damage one from a phone: EXIF date and GPS) and a DAMAGE
 * photo of the claim shared with its adjuster; two DAMAGE photos of each claim on a lead; a DURING and an AFTER photo
 * of three more storm jobs. The first supplement of a claim on a project goes with its two damage photos (picked).
 * Returns how many photos.
 */
export async function seedPhotos(m: EntityManager, storage: ObjectStorage, seed: number, now: Date): Promise<number> {
  const rng = new Rng(seed);
  const claims: Array<{ id: string; project_id: string | null; lead_id: string | null; team_id: string | null; owner_id: string | null; date_of_loss: string; street: string; crew: string | null }> = await m.query(
    `SELECT c.id, c.project_id, c.lead_id, c.team_id, c.owner_id, c.date_of_loss::text AS date_of_loss,
            coalesce(cu.address_street, l.address_street, 'the property') AS street, ${crewOf('c.project_id')} AS crew
       FROM insurance_claims c LEFT JOIN projects p ON p.id = c.project_id LEFT JOIN leads l ON l.id = c.lead_id
       LEFT JOIN customers cu ON cu.id = coalesce(p.customer_id, l.customer_id)
      WHERE c.deleted_at IS NULL ORDER BY c.created_at, c.id`,
  );
  const jobs: Array<{ id: string; team_id: string | null; created_at: Date; street: string | null; crew: string | null }> = await m.query(
    `SELECT p.id, p.team_id, p.created_at, cu.address_street AS street, ${crewOf('p.id')} AS crew
       FROM projects p LEFT JOIN customers cu ON cu.id = p.customer_id
      WHERE p.project_type = 'STORM_DAMAGE' AND p.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM insurance_claims c WHERE c.project_id = p.id)
      ORDER BY p.created_at, p.id LIMIT 3`,
  );
  const plans: PhotoPlan[] = [];
  const plan = (p: Omit<PhotoPlan, 'caption' | 'at'> & { at: number }) =>
    plans.push({ ...p, at: new Date(Math.min(p.at, now.getTime() - 3_600_000)), caption: rng.pick(CAPTIONS[p.kind]) }) - 1;
  const picks: Array<{ supplementOf: string; photos: number[] }> = [];
  for (const c of claims) {
    const at = Date.parse(`${c.date_of_loss}T15:00:00Z`) + 2 * DAY_MS;
    const common = { teamId: c.team_id, street: c.street, shared: false };
    if (c.project_id) {
      plan({ ...common, ownerKind: 'PROJECT', ownerId: c.project_id, kind: 'BEFORE', uploadedBy: c.crew, at, exif: false });
      const damage = plan({ ...common, ownerKind: 'PROJECT', ownerId: c.project_id, kind: 'DAMAGE', uploadedBy: c.crew, at: at + 1_200_000, exif: true });
      const forClaim = plan({ ...common, ownerKind: 'CLAIM', ownerId: c.id, kind: 'DAMAGE', uploadedBy: c.owner_id, at: at + 3_600_000, exif: true, shared: true });
      picks.push({ supplementOf: c.id, photos: [damage, forClaim] });
    } else {
      for (const k of [0, 1]) plan({ ...common, ownerKind: 'LEAD', ownerId: c.lead_id!, kind: 'DAMAGE', uploadedBy: c.owner_id, at: at + k * 900_000, exif: k === 0 });
    }
  }
  for (const j of jobs) {
    const common = { ownerKind: 'PROJECT' as const, ownerId: j.id, teamId: j.team_id, street: j.street ?? 'the property', uploadedBy: j.crew, shared: false };
    plan({ ...common, kind: 'DURING', at: j.created_at.getTime() + 3 * DAY_MS, exif: false });
    plan({ ...common, kind: 'AFTER', at: j.created_at.getTime() + 5 * DAY_MS, exif: true });
  }
  const rows = await Promise.all(plans.map((p, i) => stored(storage, rng, p, i + 1)));
  if (rows.length) await insertRows(m, 'attachments', PHOTO_COLUMNS, rows);
  const [first]: Array<{ id: string; claim_id: string }> = await m.query(
    `SELECT s.id, s.claim_id FROM supplements s WHERE s.claim_id = ANY($1::uuid[]) ORDER BY s.created_at, s.id LIMIT 1`,
    [picks.map((p) => p.supplementOf)],
  );
  const pick = first && picks.find((p) => p.supplementOf === first.claim_id);
  if (pick) {
    const picked = pick.photos.map((n, position) => ({ supplement_id: first.id, attachment_id: rows[n]!.id, position, added_by: rows[n]!.uploaded_by }));
    await insertRows(m, 'supplement_photos', ['supplement_id', 'attachment_id', 'position', 'added_by'], picked);
  }
  return rows.length;
}
