import { useQuery } from '@apollo/client/react';
import { useEffect, useMemo } from 'react';
import { useLoadMore } from '../../lib/listPage';
import type { AttachmentKind } from '../../gql/graphql';
import { AttachmentGalleryQuery } from './attachmentDocuments';
import type { AttachmentItem } from './attachmentFormat';

const PAGE = 48;
/** How often the gallery asks again while a thumbnail is being made (the job takes a moment after an upload). */
const THUMBNAIL_POLL_MS = 2500;
/** Signed URLs are asked again this long before they expire, so a photo opened later still loads. */
const URL_MARGIN_MS = 20_000;
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * One record's photos and documents (newest first, `kinds` only when given): polls while thumbnails are being made,
 * and loads again before the signed URLs expire.
 */
export function useAttachmentGallery(ownerId: string, kinds: readonly AttachmentKind[] | null) {
  const variables = { ownerId, kinds: kinds?.length ? [...kinds] : null, first: PAGE };
  const { data, previousData, loading, error, refetch, fetchMore, startPolling, stopPolling } = useQuery(AttachmentGalleryQuery, {
    variables,
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: false,
  });
  const connection = (data ?? previousData)?.attachments ?? null;
  const items = useMemo<AttachmentItem[]>(() => connection?.edges.map((e) => e.node).filter((a) => !a.deletedAt) ?? [], [connection]);

  const pending = items.some((a) => a.thumbnailStatus === 'PENDING');
  useEffect(() => {
    if (!pending) return;
    startPolling(THUMBNAIL_POLL_MS);
    return () => stopPolling();
  }, [pending, startPolling, stopPolling]);

  const expiresAt = items.reduce((min, a) => Math.min(min, Date.parse(a.urlExpiresAt)), Number.POSITIVE_INFINITY);
  useEffect(() => {
    if (!Number.isFinite(expiresAt)) return;
    // setTimeout takes at most 2^31 - 1 ms (a longer delay fires at once).
    const delay = Math.min(MAX_DELAY_MS, Math.max(5_000, expiresAt - Date.now() - URL_MARGIN_MS));
    const timer = setTimeout(() => void refetch().catch(() => undefined), delay);
    return () => clearTimeout(timer);
  }, [expiresAt, refetch]);

  // Pages are appended by the cache's policy for `attachments` (app/cachePolicies.ts).
  const more = useLoadMore(connection ?? undefined, fetchMore);

  /** Whether the signed URLs are (about to be) stale: ask again before using one. */
  const urlsStale = () => Date.now() > expiresAt - 5_000;

  return { items, totalCount: connection?.totalCount ?? 0, loading: loading && !connection, error: connection ? null : error, refetch, more, connection, urlsStale };
}
