import type { TokenManager } from '../../app/tokens';

/** The lists the server exports (`POST /export/<list>.csv`). */
export type ExportList = 'customers' | 'leads' | 'projects' | 'partners' | 'reviews' | 'appointments' | 'interactions';

export interface ExportRequest {
  list: ExportList;
  /** The list's GraphQL filter and order, exactly as its query sends them. */
  filter: unknown;
  orderBy: unknown;
}

/** Why an export failed, in words for the user (the server's message when it gave one). */
export class ExportFailed extends Error {}

const fileNameOf = (disposition: string | null, list: ExportList) => /filename="([^"]+)"/.exec(disposition ?? '')?.[1] ?? `${list}.csv`;

/**
 * Downloads a list view as CSV: POSTs the filter and order with the session's bearer token in the Authorization header
 * (never in the URL, which would end up in server logs and the browser's history), then saves the answer as a file.
 * A rejected token is refreshed once, as for GraphQL.
 */
export async function downloadCsv(
  { list, filter, orderBy }: ExportRequest,
  tokens: Pick<TokenManager, 'accessToken' | 'refresh'>,
  save: (blob: Blob, fileName: string) => void = saveBlob,
): Promise<string> {
  const send = (token: string | null) =>
    fetch(`/export/${list}.csv`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ filter: filter ?? null, orderBy: orderBy ?? null }),
    });
  let res: Response;
  try {
    res = await send(await tokens.accessToken());
    if (res.status === 401) res = await send(await tokens.refresh());
  } catch {
    throw new ExportFailed('The server could not be reached. Check your connection and try again.');
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { errors?: Array<{ message?: string }> } | null;
    throw new ExportFailed(body?.errors?.[0]?.message ?? `The export failed (HTTP ${res.status}).`);
  }
  const fileName = fileNameOf(res.headers.get('content-disposition'), list);
  save(await res.blob(), fileName);
  return fileName;
}

/** Hands a blob to the browser as a download. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked once the click has handed the file over.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
