import type { Readable } from 'node:stream';
import { sniff, SNIFF_BYTES, TYPE_NAMES, typesOfDeclared, typesOfName, type SniffedType } from '../../platform/storage/sniff';
import { measured, readHead, UploadRefused, type Measured } from '../../platform/storage/upload-stream';

/** What attachments may be: photos and documents. */
export const ATTACHMENT_TYPES: readonly SniffedType[] = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/heic', 'image/heif', 'application/pdf'];
/** Types the thumbnail job can decode (the prebuilt sharp has no HEVC decoder: HEIC photos get none). */
export const THUMBNAIL_TYPES: readonly SniffedType[] = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];
/** Bytes kept in memory from the start of an upload: the sniffed magic number and the photo's metadata (EXIF). */
const HEAD_BYTES = 256 * 1024;

export interface ReceivedFile {
  type: SniffedType;
  /** The first bytes (up to 256 kB), for metadata. */
  head: Buffer;
  /** The whole file again, counted and hashed as it is read, failing past the size limit. */
  body: Readable;
  result(): Measured;
}

/**
 * Starts reading an upload: sniffs its type from its first bytes and refuses (415) a type attachments may not be, or
 * a file whose name or declared content type says it is something else than its bytes are; 400 for an empty file.
 * Nothing is stored yet: the caller streams `body` to the storage.
 */
export async function receiveFile(source: Readable, o: { fileName: string; declaredType: string | undefined; maxBytes: number }): Promise<ReceivedFile> {
  const { head, ended } = await readHead(source, HEAD_BYTES);
  if (!head.length) throw new UploadRefused(400, 'The file is empty.');
  const type = sniff(head.subarray(0, SNIFF_BYTES));
  if (!type || !ATTACHMENT_TYPES.includes(type)) {
    throw new UploadRefused(415, 'This kind of file cannot be attached: upload a photo (JPEG, PNG, WebP, HEIC, GIF) or a PDF document.');
  }
  const named = typesOfName(o.fileName);
  if (named && !named.includes(type)) {
    throw new UploadRefused(415, `The file is named "${o.fileName}" but its content is ${TYPE_NAMES[type]}: its name does not match what it is.`);
  }
  const declared = typesOfDeclared(o.declaredType);
  if (declared && !declared.includes(type)) {
    throw new UploadRefused(415, `The upload says it is ${o.declaredType} but its content is ${TYPE_NAMES[type]}.`);
  }
  const { body, result } = measured(head, ended ? null : source, o.maxBytes);
  return { type, head, body, result };
}
