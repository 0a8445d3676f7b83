import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import sharp from 'sharp';
import type { AttachmentService } from './attachment.service';
import { photoMetadata } from './exif';

/** Longer side of a thumbnail, in pixels. */
export const THUMBNAIL_SIZE = 480;

/**
 * Makes an attachment's thumbnail (JPEG, EXIF rotation applied, at most THUMBNAIL_SIZE px on its longer side) into
 * the same storage, with the image's shown width and height, and the metadata the upload's first bytes lacked. A
 * file the image library cannot read gets FAILED (not retried); a storage that fails is retried by the queue.
 */
export async function makeThumbnail(attachments: AttachmentService, id: string): Promise<{ status: string }> {
  const a = await attachments.stored(id);
  if (!a || a.thumbnailStatus !== 'PENDING') return { status: a?.thumbnailStatus ?? 'GONE' };
  const stream = await attachments.storage.get(a.storageKey);
  if (!stream) throw new Error(`The file of attachment ${id} is missing from the storage.`);
  const bytes = await buffer(stream);
  let thumbnail: Buffer;
  let shown: { width: number | null; height: number | null };
  try {
    const meta = await sharp(bytes, { failOn: 'error' }).metadata();
    const turned = (meta.orientation ?? 1) >= 5;
    shown = { width: (turned ? meta.height : meta.width) ?? null, height: (turned ? meta.width : meta.height) ?? null };
    thumbnail = await sharp(bytes, { failOn: 'error' })
      .rotate()
      .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 80, mozjpeg: true })
      .toBuffer();
  } catch {
    await attachments.thumbnailDone(id, { thumbnailStatus: 'FAILED' });
    return { status: 'FAILED' };
  }
  const thumbnailKey = `attachments/${id}/thumbnail`;
  await attachments.storage.put(thumbnailKey, Readable.from([thumbnail]), { contentType: 'image/jpeg' });
  const metadata = a.takenAt || a.latitude !== null ? {} : dropNulls(await photoMetadata(bytes));
  await attachments.thumbnailDone(id, { thumbnailStatus: 'READY', thumbnailKey, ...shown, ...metadata });
  return { status: 'READY' };
}

const dropNulls = <T extends object>(o: T): Partial<T> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null)) as Partial<T>;
