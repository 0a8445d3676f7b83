import type { TokenManager } from '../../app/tokens';
import type { ImportKind } from '../../gql/graphql';

/** What `POST /imports` answered: the new import's ID, or why the file was refused. */
export type UploadOutcome = { ok: true; id: string } | { ok: false; message: string };

/** Sends a request with the session's bearer token, refreshing it once when the server says it expired. */
async function authorized(tokens: Pick<TokenManager, 'accessToken' | 'refresh'>, send: (token: string | null) => Promise<Response>): Promise<Response> {
  const res = await send(await tokens.accessToken());
  return res.status === 401 ? send(await tokens.refresh()) : res;
}

const bearer = (token: string | null): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});

/** Uploads a CSV file as a new import of `kind` (the server streams it in and sniffs it). */
export async function uploadImport(tokens: Pick<TokenManager, 'accessToken' | 'refresh'>, kind: ImportKind, file: File): Promise<UploadOutcome> {
  const url = `/imports?kind=${kind}&fileName=${encodeURIComponent(file.name)}`;
  let res: Response;
  try {
    res = await authorized(tokens, (token) => fetch(url, { method: 'POST', headers: { 'content-type': file.type || 'text/csv', ...bearer(token) }, body: file }));
  } catch {
    return { ok: false, message: 'The file could not be sent. Check your connection and try again.' };
  }
  const body = (await res.json().catch(() => ({}))) as { id?: string; error?: string };
  if (res.ok && body.id) return { ok: true, id: body.id };
  return { ok: false, message: body.error ?? `The upload failed (${res.status}).` };
}

/** Downloads the error report at `path` as a file (the link needs the bearer token, so it is fetched first). */
export async function downloadReport(tokens: Pick<TokenManager, 'accessToken' | 'refresh'>, path: string, fallbackName: string): Promise<string | null> {
  const res = await authorized(tokens, (token) => fetch(path, { headers: bearer(token) })).catch(() => null);
  if (!res?.ok) return 'The error report could not be downloaded. Try again.';
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return null;
}
