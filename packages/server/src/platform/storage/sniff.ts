/**
 * What a file is, from its first bytes (magic numbers), never from its name or the type a client declares. Knows the
 * photo and document formats files may be stored as; anything else is `null`.
 */
export type SniffedType = 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp' | 'image/heic' | 'image/heif' | 'application/pdf';

/** Bytes `sniff` needs to decide (HEIF brands sit at offset 8-11). */
export const SNIFF_BYTES = 16;

const startsWith = (b: Buffer, bytes: number[], at = 0) => b.length >= at + bytes.length && bytes.every((x, i) => b[at + i] === x);
const ascii = (b: Buffer, text: string, at = 0) => b.length >= at + text.length && b.toString('latin1', at, at + text.length) === text;

const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis']);
const HEIF_BRANDS = new Set(['mif1', 'msf1', 'heif']);

export function sniff(head: Buffer): SniffedType | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (ascii(head, 'GIF87a') || ascii(head, 'GIF89a')) return 'image/gif';
  if (ascii(head, 'RIFF') && ascii(head, 'WEBP', 8)) return 'image/webp';
  if (ascii(head, '%PDF-')) return 'application/pdf';
  if (ascii(head, 'ftyp', 4)) {
    const brand = head.toString('latin1', 8, 12);
    if (HEIC_BRANDS.has(brand)) return 'image/heic';
    if (HEIF_BRANDS.has(brand)) return 'image/heif';
  }
  return null;
}

/** A short human name of a type, for error messages. */
export const TYPE_NAMES: Record<SniffedType, string> = {
  'image/jpeg': 'a JPEG image',
  'image/png': 'a PNG image',
  'image/gif': 'a GIF image',
  'image/webp': 'a WebP image',
  'image/heic': 'a HEIC photo',
  'image/heif': 'a HEIF image',
  'application/pdf': 'a PDF document',
};

/** The types a file name's extension stands for (`null`: no extension; `[]`: an extension of none of them). */
export function typesOfName(fileName: string): SniffedType[] | null {
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(fileName)?.[1]?.toLowerCase();
  if (!ext) return null;
  const byExt: Record<string, SniffedType[]> = {
    jpg: ['image/jpeg'],
    jpeg: ['image/jpeg'],
    jpe: ['image/jpeg'],
    png: ['image/png'],
    gif: ['image/gif'],
    webp: ['image/webp'],
    heic: ['image/heic', 'image/heif'],
    heif: ['image/heif', 'image/heic'],
    pdf: ['application/pdf'],
  };
  return byExt[ext] ?? [];
}

/** The types a declared content type stands for (`null`: says nothing, e.g. `application/octet-stream` or none). */
export function typesOfDeclared(contentType: string | undefined): SniffedType[] | null {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  if (!type || type === 'application/octet-stream' || type === 'binary/octet-stream') return null;
  const aliases: Record<string, SniffedType[]> = {
    'image/jpeg': ['image/jpeg'],
    'image/jpg': ['image/jpeg'],
    'image/pjpeg': ['image/jpeg'],
    'image/png': ['image/png'],
    'image/gif': ['image/gif'],
    'image/webp': ['image/webp'],
    'image/heic': ['image/heic', 'image/heif'],
    'image/heif': ['image/heif', 'image/heic'],
    'image/heic-sequence': ['image/heic'],
    'image/heif-sequence': ['image/heif'],
    'application/pdf': ['application/pdf'],
  };
  return aliases[type] ?? [];
}
