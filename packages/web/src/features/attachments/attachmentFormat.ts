import type { AttachmentGalleryQuery, AttachmentKind } from '../../gql/graphql';

/** An attachment as the gallery, the viewer and the picker read it. */
export type AttachmentItem = AttachmentGalleryQuery['attachments']['edges'][number]['node'];

/** The kinds in the order a job goes, with the words the app uses for them. */
export const KIND_LABELS: Record<AttachmentKind, string> = {
  BEFORE: 'Before',
  DAMAGE: 'Damage',
  DURING: 'During work',
  AFTER: 'After',
  DOCUMENT: 'Document',
  SIGNED_CONTRACT: 'Signed contract',
  INSURANCE_SCOPE: 'Insurance scope',
};

export const KIND_OPTIONS = (Object.keys(KIND_LABELS) as AttachmentKind[]).map((value) => ({ value, label: KIND_LABELS[value] }));

export const isAttachmentKind = (value: string): value is AttachmentKind => value in KIND_LABELS;

/** `2.4 MB`, `830 kB`, `512 bytes`. */
export function sizeLabel(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

export const isImage = (a: Pick<AttachmentItem, 'contentType'>) => a.contentType.startsWith('image/');

/** What a tile or the viewer calls the attachment: its caption, else its file name. */
export const titleOf = (a: Pick<AttachmentItem, 'caption' | 'fileName'>) => a.caption?.trim() || a.fileName;

/** A map of where a photo was taken (OpenStreetMap, no key needed). */
export const mapLink = ({ latitude, longitude }: { latitude: number; longitude: number }) =>
  `https://www.openstreetmap.org/?mlat=${latitude.toFixed(6)}&mlon=${longitude.toFixed(6)}#map=19/${latitude.toFixed(6)}/${longitude.toFixed(6)}`;

/** The signed URL that downloads the file (as an attachment, with its name) instead of showing it. */
export const downloadUrl = (url: string) => `${url}${url.includes('?') ? '&' : '?'}download=1`;
