import { useCallback, useEffect, useRef, useState } from 'react';
import type { TokenManager } from '../../app/tokens';
import type { AttachmentKind } from '../../gql/graphql';
import { findUpload, newUploadKey, sendUpload, type UploadResult } from './uploadFile';

export type UploadStatus = 'queued' | 'sending' | 'waiting' | 'done' | 'refused' | 'failed';

export interface UploadItem {
  /** Local to this page. */
  id: string;
  file: File;
  kind: AttachmentKind;
  caption: string | null;
  /** The idempotency key: the same for every attempt at this file, so a retry never stores it twice. */
  key: string;
  status: UploadStatus;
  /** Bytes sent of `total` in the current attempt. */
  loaded: number;
  total: number;
  /** Automatic attempts in the current round (a manual Retry starts a new round). */
  attempts: number;
  /** Whether any attempt went out: a later one first asks whether it landed. */
  sent: boolean;
  /** Why it was refused or failed, or that it is waiting to try again. */
  message: string | null;
}

export interface UploadQueueOptions {
  ownerId: string;
  tokens: Pick<TokenManager, 'accessToken' | 'refresh'> | null;
  /** Files sent at once (a phone on a weak connection does better with few). */
  concurrency?: number;
  /** Automatic attempts per file before it waits for "Retry". */
  maxAttempts?: number;
  /** How long to wait before automatic attempt `attempt + 1` (ms). */
  retryDelay?: (attempt: number) => number;
  /** A file was stored (the gallery loads again). */
  onUploaded?: (attachmentId: string) => void;
}

/** 1 s, 2 s, 4 s, 8 s… at most 30 s, with a little jitter so several files do not come back together. */
export const backoff = (attempt: number) => Math.min(30_000, 1000 * 2 ** (attempt - 1)) * (0.8 + Math.random() * 0.4);

let counter = 0;

/**
 * Uploads files to one record a few at a time, each with its progress; network failures and server errors are retried
 * with backoff (same idempotency key: a retry after a lost answer returns the first upload), refusals (wrong type, too
 * large, not allowed) are shown as the server words them, and a file that keeps failing waits for `retry`.
 */
export function useUploadQueue({ ownerId, tokens, concurrency = 2, maxAttempts = 4, retryDelay = backoff, onUploaded }: UploadQueueOptions) {
  const items = useRef<UploadItem[]>([]);
  const [snapshot, setSnapshot] = useState<readonly UploadItem[]>([]);
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());
  const aborts = useRef(new AbortController());
  const latest = useRef({ ownerId, tokens, concurrency, maxAttempts, retryDelay, onUploaded });
  latest.current = { ownerId, tokens, concurrency, maxAttempts, retryDelay, onUploaded };

  useEffect(() => {
    const controller = new AbortController();
    aborts.current = controller;
    const pending = timers.current;
    return () => {
      controller.abort();
      for (const t of pending) clearTimeout(t);
      pending.clear();
    };
  }, []);

  const get = (id: string) => items.current.find((i) => i.id === id);
  const patch = useCallback((id: string, change: Partial<UploadItem>) => {
    items.current = items.current.map((i) => (i.id === id ? { ...i, ...change } : i));
    setSnapshot(items.current);
  }, []);

  const pump = useCallback(() => {
    const o = latest.current;
    const free = o.concurrency - items.current.filter((i) => i.status === 'sending').length;
    for (const next of items.current.filter((i) => i.status === 'queued').slice(0, Math.max(0, free))) {
      patch(next.id, { status: 'sending', attempts: next.attempts + 1, loaded: 0, message: null });
      void run(next.id).finally(pump);
    }
    // `run` is stable: it reads everything through refs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [patch]);

  async function attempt(item: UploadItem): Promise<UploadResult> {
    const { tokens: t, ownerId: owner } = latest.current;
    const signal = aborts.current.signal;
    let token = (await t?.accessToken()) ?? null;
    // A retry first asks whether an earlier attempt was stored after all (its answer lost on a weak connection).
    if (item.sent) {
      const found = await findUpload(item.key, token);
      if (found) return { kind: 'done', id: found, replayed: true };
    }
    const send = () => {
      patch(item.id, { sent: true });
      return sendUpload({
        ownerId: owner,
        kind: item.kind,
        caption: item.caption,
        file: item.file,
        key: item.key,
        token,
        signal,
        onProgress: (loaded, total) => patch(item.id, { loaded, total }),
      });
    };
    let result = await send();
    if (result.kind === 'unauthorized' && t) {
      token = await t.refresh();
      if (token) result = await send();
    }
    return result;
  }

  async function run(id: string): Promise<void> {
    const item = get(id);
    if (!item) return;
    const result = await attempt(item);
    if (aborts.current.signal.aborted || !get(id)) return;
    const o = latest.current;
    switch (result.kind) {
      case 'done':
        patch(id, { status: 'done', loaded: item.file.size, total: item.file.size, message: null });
        o.onUploaded?.(result.id);
        return;
      case 'refused':
        patch(id, { status: 'refused', message: result.message });
        return;
      case 'unauthorized':
        patch(id, { status: 'failed', message: 'Your session has ended: sign in again, then retry.' });
        return;
      case 'aborted':
        return;
      case 'transient': {
        if (item.attempts >= o.maxAttempts) {
          patch(id, { status: 'failed', message: `${result.message} The upload stopped after ${item.attempts} attempts.` });
          return;
        }
        patch(id, { status: 'waiting', message: `${result.message} Trying again…` });
        const timer = setTimeout(() => {
          timers.current.delete(timer);
          if (get(id)?.status !== 'waiting') return;
          patch(id, { status: 'queued' });
          pump();
        }, o.retryDelay(item.attempts));
        timers.current.add(timer);
      }
    }
  }

  const add = useCallback(
    (files: readonly File[], kind: AttachmentKind, caption: string | null) => {
      const added = files.map<UploadItem>((file) => ({
        id: `upload-${++counter}`,
        file,
        kind,
        caption,
        key: newUploadKey(),
        status: 'queued',
        loaded: 0,
        total: file.size,
        attempts: 0,
        sent: false,
        message: null,
      }));
      items.current = [...items.current, ...added];
      setSnapshot(items.current);
      pump();
    },
    [pump],
  );

  /** Tries a failed file again now, with the same key (so it is stored at most once). */
  const retry = useCallback(
    (id: string) => {
      patch(id, { status: 'queued', attempts: 0, message: null });
      pump();
    },
    [patch, pump],
  );

  /** Takes finished and refused files off the list. */
  const clearFinished = useCallback(() => {
    items.current = items.current.filter((i) => i.status !== 'done' && i.status !== 'refused');
    setSnapshot(items.current);
  }, []);

  return { items: snapshot, add, retry, clearFinished };
}
