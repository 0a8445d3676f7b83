import { useId, useState, type ChangeEvent } from 'react';
import { useOptionalApi } from '../../app/auth';
import type { AttachmentKind } from '../../gql/graphql';
import { Button, Icon, Select, TextField } from '../../ui';
import { isAttachmentKind, KIND_OPTIONS, sizeLabel } from './attachmentFormat';
import { useUploadQueue, type UploadItem, type UploadQueueOptions } from './useUploadQueue';
import styles from './attachments.module.css';

export interface AttachmentUploaderProps {
  /** The record the files go to (a Project, InsuranceClaim, Lead or Supplement ID). */
  ownerId: string;
  /** The kind chosen at first. */
  defaultKind?: AttachmentKind;
  /** A file was stored. */
  onUploaded?: (attachmentId: string) => void;
  /** Retry timing (tests). */
  retryDelay?: UploadQueueOptions['retryDelay'];
}

const STATUS_TEXT: Record<UploadItem['status'], string> = {
  queued: 'Waiting',
  sending: 'Uploading',
  waiting: 'Connection trouble',
  done: 'Uploaded',
  refused: 'Not uploaded',
  failed: 'Not uploaded',
};

function UploadRow({ item, onRetry }: { item: UploadItem; onRetry: () => void }) {
  const pct = item.status === 'done' ? 100 : item.total ? Math.min(100, Math.round((item.loaded / item.total) * 100)) : 0;
  const problem = item.status === 'refused' || item.status === 'failed';
  return (
    <li className={styles.uploadRow} data-status={item.status}>
      <div className={styles.uploadHead}>
        <span className={styles.uploadName}>{item.file.name}</span>
        <span className={styles.uploadSize}>{sizeLabel(item.file.size)}</span>
      </div>
      <div
        role="progressbar"
        aria-label={item.file.name}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={`${STATUS_TEXT[item.status]}${item.status === 'sending' ? ` ${pct}%` : ''}`}
        className={styles.bar}
      >
        <span className={styles.barFill} style={{ width: `${pct}%` }} />
      </div>
      <div className={styles.uploadFoot}>
        <span className={problem ? styles.uploadError : styles.uploadState} role={problem ? 'alert' : undefined}>
          {STATUS_TEXT[item.status]}
          {item.status === 'sending' && ` · ${pct}%`}
          {item.message && `: ${item.message}`}
        </span>
        {item.status === 'failed' && (
          <Button size="sm" onClick={onRetry} aria-label={`Retry ${item.file.name}`}>
            Retry
          </Button>
        )}
      </div>
    </li>
  );
}

/**
 * "Add photos": takes pictures with the phone's camera (or picks photos and PDFs) and uploads them to one record, two
 * at a time, each with its progress bar. Network failures and server errors are retried on their own with backoff (the
 * same idempotency key, so nothing is stored twice); a file that keeps failing gets a Retry button; a refusal (not a
 * photo or PDF, too large, not allowed) is shown next to the file in the server's words.
 */
export function AttachmentUploader({ ownerId, defaultKind = 'DAMAGE', onUploaded, retryDelay }: AttachmentUploaderProps) {
  const api = useOptionalApi();
  const [kind, setKind] = useState<AttachmentKind>(defaultKind);
  const [caption, setCaption] = useState('');
  const queue = useUploadQueue({ ownerId, tokens: api?.tokens ?? null, onUploaded, retryDelay });
  const cameraId = useId();
  const filesId = useId();

  const take = (e: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(e.target.files ?? []);
    e.target.value = '';
    if (files.length) queue.add(files, kind, caption.trim() || null);
    setCaption('');
  };
  const finished = queue.items.some((i) => i.status === 'done' || i.status === 'refused');
  const busy = queue.items.some((i) => i.status === 'queued' || i.status === 'sending' || i.status === 'waiting');

  return (
    <div className={styles.uploader}>
      <div className={styles.uploadOptions}>
        <Select label="Kind" value={kind} options={KIND_OPTIONS} onChange={(e) => isAttachmentKind(e.target.value) && setKind(e.target.value)} />
        <TextField label="Caption (optional)" value={caption} maxLength={500} onChange={(e) => setCaption(e.target.value)} placeholder="e.g. Hail hits, north slope" />
      </div>
      <div className={styles.pickers}>
        <input id={cameraId} type="file" accept="image/*,application/pdf" capture="environment" multiple className="visually-hidden" onChange={take} disabled={!api} />
        <label htmlFor={cameraId} className={styles.pickPrimary} aria-disabled={!api || undefined}>
          <Icon name="upload" size={18} />
          Add photos
        </label>
        <input id={filesId} type="file" accept="image/*,application/pdf" multiple className="visually-hidden" onChange={take} disabled={!api} />
        <label htmlFor={filesId} className={styles.pick} aria-disabled={!api || undefined}>
          Choose files
        </label>
      </div>
      {queue.items.length > 0 && (
        <>
          <ul className={styles.uploads} aria-label="Uploads" aria-busy={busy || undefined}>
            {queue.items.map((item) => (
              <UploadRow key={item.id} item={item} onRetry={() => queue.retry(item.id)} />
            ))}
          </ul>
          {finished && (
            <Button size="sm" variant="ghost" onClick={queue.clearFinished}>
              Clear finished
            </Button>
          )}
        </>
      )}
    </div>
  );
}
