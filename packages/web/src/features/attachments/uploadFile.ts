import type { AttachmentKind } from '../../gql/graphql';

/**
 * The file edges of attachments (server: modules/attachments/attachment.routes.ts): `POST /uploads` takes one file as
 * the raw body with an `Idempotency-Key` (the same key again answers the first upload, storing nothing twice), and
 * `GET /uploads/:key` says whether an upload with that key landed.
 */

export interface UploadRequest {
  ownerId: string;
  kind: AttachmentKind;
  caption: string | null;
  file: File;
  /** One per file, kept across retries. */
  key: string;
  token: string | null;
  onProgress(loaded: number, total: number): void;
  signal?: AbortSignal;
}

export type UploadResult =
  /** Stored (or stored by an earlier attempt with the same key: `replayed`). */
  | { kind: 'done'; id: string; replayed: boolean }
  /** The server will not take this file as it is (type, size, rights): sending it again changes nothing. */
  | { kind: 'refused'; message: string }
  /** Worth trying again: the connection dropped, or the server or a proxy failed. */
  | { kind: 'transient'; message: string }
  /** The access token was not accepted (expired while the phone slept). */
  | { kind: 'unauthorized' }
  | { kind: 'aborted' };

const bearer = (token: string | null): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});

/** Statuses a retry may get past: timeouts, rate limits, the server or a proxy in front of it failing. */
const TRANSIENT = new Set([408, 425, 429, 500, 502, 503, 504]);

function resultOf(status: number, body: string): UploadResult {
  let json: { id?: string; replayed?: boolean; error?: string } = {};
  try {
    json = JSON.parse(body) as typeof json;
  } catch {
    // A proxy's HTML page: no message of ours.
  }
  if ((status === 200 || status === 201) && json.id) return { kind: 'done', id: json.id, replayed: Boolean(json.replayed) };
  if (status === 401) return { kind: 'unauthorized' };
  if (status === 0 || TRANSIENT.has(status)) return { kind: 'transient', message: json.error ?? (status ? `The server could not take the file (${status}).` : 'The connection was lost.') };
  return { kind: 'refused', message: json.error ?? `The upload was refused (${status}).` };
}

/** Sends one file with XMLHttpRequest (fetch reports no upload progress), reporting the bytes sent as they go. */
export function sendUpload(r: UploadRequest): Promise<UploadResult> {
  const params = new URLSearchParams({ ownerId: r.ownerId, kind: r.kind, fileName: r.file.name });
  if (r.caption) params.set('caption', r.caption);
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/uploads?${params}`);
    const headers = { 'content-type': r.file.type || 'application/octet-stream', 'idempotency-key': r.key, ...bearer(r.token) };
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => r.onProgress(e.loaded, e.lengthComputable ? e.total : r.file.size);
    xhr.onload = () => resolve(resultOf(xhr.status, xhr.responseText));
    xhr.onerror = () => resolve({ kind: 'transient', message: 'The connection was lost.' });
    xhr.ontimeout = () => resolve({ kind: 'transient', message: 'The connection timed out.' });
    xhr.onabort = () => resolve({ kind: 'aborted' });
    r.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(r.file);
  });
}

/**
 * Whether an earlier attempt with `key` was stored after all (its answer lost on the way back): the attachment's ID,
 * else null (not stored, or the server could not be asked — sending again with the same key is safe either way).
 */
export async function findUpload(key: string, token: string | null): Promise<string | null> {
  try {
    const res = await fetch(`/uploads/${encodeURIComponent(key)}`, { headers: bearer(token) });
    if (!res.ok) return null;
    const body = (await res.json()) as { id?: string };
    return body.id ?? null;
  } catch {
    return null;
  }
}

/** A fresh idempotency key for one file (letters, digits and dashes, as the endpoint asks). */
export function newUploadKey(): string {
  // randomUUID needs a secure context (HTTPS or localhost); getRandomValues works everywhere.
  if (typeof crypto.randomUUID === 'function' && globalThis.isSecureContext !== false) return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
