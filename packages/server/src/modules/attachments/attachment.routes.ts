import express from 'express';
import { isApiKey } from '../../platform/auth/api-caller';
import type { Viewer } from '../../platform/auth/viewer';
import { domainErrorOf } from '../../platform/errors';
import { formatBytes, UploadRefused } from '../../platform/storage/upload-stream';
import type { AttachmentReader } from './attachment-owners';
import { parseSubject, resourceOf, type FileVariant } from './attachment-urls';
import type { AttachmentEntity } from './attachment.entity';
import type { AttachmentService } from './attachment.service';

const BEARER = /^Bearer\s+(\S+)$/i;

export interface AttachmentRouteDeps {
  /** The staff viewer of a bearer access token (throws UNAUTHENTICATED). */
  viewerOf(token: string): Promise<Viewer>;
  /** The key of a bearer API key that is valid now, or null. */
  keyIdOf(secret: string): Promise<string | null>;
  /** The viewer of a live session, or null. */
  viewerOfSession(userId: string, sessionId: string): Promise<Viewer | null>;
  /** Record IDs as the API shows them (global IDs), both ways. */
  ids: {
    attachment: { toGlobal(id: string): string; fromGlobal(globalId: string): string | null };
    /** An owner's global ID as its type name and key. */
    owner(globalId: string): { typeName: string; id: string } | null;
  };
}

/** What the upload endpoints answer about an attachment. */
const answer = (a: AttachmentEntity, id: string, replayed: boolean) => ({
  id,
  replayed,
  kind: a.kind,
  fileName: a.fileName,
  contentType: a.contentType,
  sizeBytes: a.sizeBytes,
  takenAt: a.takenAt?.toISOString() ?? null,
  latitude: a.latitude,
  longitude: a.longitude,
  thumbnailStatus: a.thumbnailStatus,
});

/** `filename` for Content-Disposition: ASCII fallback plus the UTF-8 name (RFC 6266). */
const disposition = (type: 'inline' | 'attachment', name: string) =>
  `${type}; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/**
 * The file edges of attachments (README, "Photos and documents"):
 *
 * - `POST /uploads?ownerId=…&kind=…[&caption=…][&fileName=…][&sharedWithAdjuster=true]`, the file as the raw request
 *   body, `Authorization: Bearer <access token>`, `Idempotency-Key: <one key per file>`: streamed to the storage.
 *   201 new, 200 the same key again (nothing stored twice); 400, 401, 403, 404, 409, 413, 415 with `{ error }`.
 * - `GET /uploads/:key`: the attachment an earlier upload with that key made (200), or 404: a client that lost the
 *   answer asks before sending the file again.
 * - `GET /files/:id?variant=original|thumbnail&sub&exp&sig[&download=1]`: a signed URL of `Attachment.url`; the
 *   signature, its expiry, the session or key it names and that subject's rights now are all checked; a request that
 *   brings a bearer (access token or API key) must be that subject.
 */
export function attachmentRoutes(attachments: AttachmentService, d: AttachmentRouteDeps): express.Router {
  const router = express.Router();
  const staff = async (req: express.Request, res: express.Response): Promise<Viewer | null> => {
    const token = BEARER.exec(req.header('authorization') ?? '')?.[1];
    if (token && isApiKey(token)) {
      res.status(403).json({ error: 'Uploads are for staff: API keys cannot upload files.' });
      return null;
    }
    const found = token ? await d.viewerOf(token).catch(() => null) : null;
    if (!found) res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'Sign in: send "Authorization: Bearer <access token>".' });
    return found;
  };
  const refuse = (res: express.Response, status: number, error: string) => {
    // The client may still be sending a large body: close the connection rather than read it.
    if (!res.req.complete) res.set('Connection', 'close');
    res.status(status).json({ error });
  };

  router.post('/uploads', async (req, res, next) => {
    try {
      res.set('Cache-Control', 'no-store');
      const viewer = await staff(req, res);
      if (!viewer) return;
      if (Number(req.header('content-length') ?? 0) > attachments.files.maxBytes) {
        refuse(res, 413, `The file is larger than ${formatBytes(attachments.files.maxBytes)}.`);
        return;
      }
      const q = req.query as Record<string, string | undefined>;
      const owner = q.ownerId ? d.ids.owner(String(q.ownerId)) : null;
      const fileName = String(q.fileName ?? req.header('x-file-name') ?? 'upload').slice(0, 255);
      const { attachment, replayed } = await attachments.upload(
        viewer,
        {
          ownerType: owner?.typeName ?? null,
          ownerId: owner?.id ?? null,
          kind: String(q.kind ?? ''),
          caption: q.caption ?? null,
          fileName,
          declaredType: req.header('content-type'),
          uploadKey: req.header('idempotency-key') ?? '',
          sharedWithAdjuster: q.sharedWithAdjuster === 'true',
        },
        req,
      );
      res.status(replayed ? 200 : 201).json(answer(attachment, d.ids.attachment.toGlobal(attachment.id), replayed));
    } catch (err) {
      if (err instanceof UploadRefused) return refuse(res, err.status, err.message);
      const domain = domainErrorOf(err);
      if (domain?.code === 'FORBIDDEN') return refuse(res, 403, domain.message);
      if (domain?.code === 'NOT_FOUND') return refuse(res, 404, domain.message);
      if (req.destroyed || (err as NodeJS.ErrnoException).code === 'ECONNRESET' || (err as Error).message === 'aborted') return; // the client hung up
      next(err);
    }
  });

  router.get('/uploads/:key', async (req, res, next) => {
    try {
      res.set('Cache-Control', 'no-store');
      const viewer = await staff(req, res);
      if (!viewer) return;
      const found = await attachments.previousUpload(viewer, String(req.params.key));
      if (!found || found.deletedAt) return void res.status(404).json({ error: 'No upload with this key.' });
      res.json(answer(found, d.ids.attachment.toGlobal(found.id), true));
    } catch (err) {
      next(err);
    }
  });

  router.get('/files/:id', async (req, res, next) => {
    try {
      res.set({ 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' });
      const id = d.ids.attachment.fromGlobal(String(req.params.id));
      const variant: FileVariant = req.query.variant === 'thumbnail' ? 'thumbnail' : 'original';
      const check = id ? attachments.files.urls.check(resourceOf(id, variant), req.query as Record<string, unknown>) : ({ ok: false, reason: 'INVALID' } as const);
      if (!check.ok) {
        res.status(403).json({ error: check.reason === 'EXPIRED' ? 'This link has expired: ask for the file again for a fresh one.' : 'This link is not valid.' });
        return;
      }
      const reader = await readerOf(check.subject);
      // A request that says who it is (a staff bearer or an API key) must be the one the link was made for.
      const token = BEARER.exec(req.header('authorization') ?? '')?.[1];
      if (!reader || (token && !(await isSubject(token, check.subject)))) {
        res.status(403).json({ error: 'This link was made for someone else, or their session has ended.' });
        return;
      }
      const a = await attachments.readable(reader, id!);
      const key = a && (variant === 'thumbnail' ? a.thumbnailKey : a.storageKey);
      const stream = key ? await attachments.storage.get(key) : null;
      if (!a || !stream) return void res.status(404).json({ error: 'No such file.' });
      const type = variant === 'thumbnail' ? 'image/jpeg' : a.contentType;
      const name = variant === 'thumbnail' ? `${a.fileName.replace(/\.[^.]*$/, '')}-thumbnail.jpg` : a.fileName;
      res.status(200).set({
        'Content-Type': type,
        'Content-Disposition': disposition(req.query.download === '1' ? 'attachment' : 'inline', name),
        'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; plugin-types application/pdf",
      });
      if (variant === 'original') res.set('Content-Length', String(a.sizeBytes));
      stream.once('error', (err) => res.destroy(err));
      stream.pipe(res);
    } catch (err) {
      next(err);
    }
  });

  /** Whether a bearer (staff access token or API key) is who a link names: the same user, or the same key. */
  async function isSubject(token: string, subject: string): Promise<boolean> {
    const s = parseSubject(subject);
    if (!s) return false;
    if (isApiKey(token)) return 'keyId' in s && (await d.keyIdOf(token)) === s.keyId;
    const caller = await d.viewerOf(token).catch(() => null);
    return 'userId' in s && caller?.id === s.userId;
  }

  async function readerOf(subject: string): Promise<AttachmentReader | null> {
    const s = parseSubject(subject);
    if (!s) return null;
    if ('keyId' in s) {
      const partnerId = await attachments.partnerOfKey(s.keyId);
      return partnerId ? { partnerId } : null;
    }
    const viewer = await d.viewerOfSession(s.userId, s.sessionId);
    return viewer ? { viewer } : null;
  }
  return router;
}
