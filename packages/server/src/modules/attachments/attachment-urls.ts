import type { UrlSigner } from '../../platform/storage/signed-urls';
import type { AttachmentEntity } from './attachment.entity';

export type FileVariant = 'original' | 'thumbnail';

/** Who a file URL is for: a staff session (`s.<user>.<session>`) or an API key (`k.<key>`). */
export type UrlSubject = { viewer: { id: string; sessionId: string } } | { keyId: string };

export const subjectOf = (s: UrlSubject): string => ('viewer' in s ? `s.${s.viewer.id}.${s.viewer.sessionId}` : `k.${s.keyId}`);

/** The subject a signed URL names, read back. */
export function parseSubject(subject: string): { userId: string; sessionId: string } | { keyId: string } | null {
  const staff = /^s\.([0-9a-f-]{36})\.([0-9a-f-]{36})$/.exec(subject);
  if (staff) return { userId: staff[1]!, sessionId: staff[2]! };
  const key = /^k\.([0-9a-f-]{36})$/.exec(subject);
  return key ? { keyId: key[1]! } : null;
}

export const resourceOf = (attachmentId: string, variant: FileVariant) => `attachment/${attachmentId}/${variant}`;

/**
 * Signed URLs of an attachment's file and thumbnail for one subject: `/files/<public id>?variant=…&sub=…&exp=…&sig=…`
 * (relative to the API's origin). `publicId` is the ID clients know it by.
 */
export function fileUrls(signer: UrlSigner, a: AttachmentEntity, publicId: string, subject: UrlSubject) {
  const sub = subjectOf(subject);
  const url = (variant: FileVariant) => {
    const { params } = signer.sign(resourceOf(a.id, variant), sub);
    return `/files/${encodeURIComponent(publicId)}?${new URLSearchParams({ variant, ...params })}`;
  };
  const { expiresAt } = signer.sign(resourceOf(a.id, 'original'), sub);
  return { url: url('original'), thumbnailUrl: a.thumbnailStatus === 'READY' && a.thumbnailKey ? url('thumbnail') : null, expiresAt };
}
