import { useMutation } from '@apollo/client/react';
import { useEffect, useState, type MouseEvent } from 'react';
import { dateTimeLabel } from '../../lib/format';
import { Button, ConfirmButtons, Dialog, FormAlert } from '../../ui';
import { DeleteAttachmentMutation } from './attachmentDocuments';
import { downloadUrl, isImage, KIND_LABELS, mapLink, sizeLabel, titleOf, type AttachmentItem } from './attachmentFormat';
import { AttachmentEditForm } from './AttachmentEditForm';
import styles from './attachments.module.css';

export interface AttachmentViewerProps {
  items: readonly AttachmentItem[];
  index: number;
  onIndex: (index: number) => void;
  onClose: () => void;
  /** Whether the viewer may change (and delete) this attachment (the server checks again). */
  canChange: (a: AttachmentItem) => boolean;
  /** Office staff: may share with the adjuster. */
  canShare: boolean;
  /** The signed URLs are about to expire: load fresh ones (resolves when they are in the cache). */
  freshUrls: () => Promise<void> | null;
  /** It was moved to the trash. */
  onDeleted: () => void;
}

const inField = (e: KeyboardEvent) => e.target instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName);

/**
 * One photo or document large, with its caption, kind, when (company time) and where it was taken: ← and → (or the
 * buttons) go through the gallery; Download; Edit details and Delete for who may.
 */
export function AttachmentViewer({ items, index, onIndex, onClose, canChange, canShare, freshUrls, onDeleted }: AttachmentViewerProps) {
  const a = items[index];
  const [mode, setMode] = useState<'view' | 'edit' | 'delete'>('view');
  const [problem, setProblem] = useState<string[]>([]);
  const [remove, { loading: deleting }] = useMutation(DeleteAttachmentMutation);
  const count = items.length;

  useEffect(() => {
    setMode('view');
    setProblem([]);
  }, [a?.id]);

  useEffect(() => {
    if (mode !== 'view') return;
    const onKey = (e: KeyboardEvent) => {
      if (inField(e) || count < 2) return;
      if (e.key === 'ArrowRight') onIndex((index + 1) % count);
      if (e.key === 'ArrowLeft') onIndex((index - 1 + count) % count);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [mode, index, count, onIndex]);

  if (!a) return null;
  const changeable = canChange(a);

  const download = (e: MouseEvent<HTMLAnchorElement>) => {
    const fresh = freshUrls();
    if (!fresh) return;
    // The link's signature is about to expire: follow the fresh one instead.
    e.preventDefault();
    const id = a.id;
    void fresh.then(() => document.querySelector<HTMLAnchorElement>(`[data-download="${CSS.escape(id)}"]`)?.click());
  };

  const confirmDelete = async () => {
    try {
      const { data } = await remove({ variables: { id: a.id } });
      const errors = data?.deleteAttachment.errors ?? [];
      if (errors.length || !data?.deleteAttachment.attachment) {
        setProblem(errors.length ? errors.map((e) => e.message) : ['It was not deleted. Try again.']);
        return;
      }
      onDeleted();
    } catch {
      setProblem(['The server could not be reached. Check your connection and try again.']);
    }
  };

  const actions =
    mode === 'delete' ? (
      <ConfirmButtons confirmLabel="Delete" cancelLabel="Keep it" onConfirm={confirmDelete} onCancel={() => setMode('view')} busy={deleting} />
    ) : mode === 'view' ? (
      <>
        {changeable && (
          <>
            <Button variant="ghost" onClick={() => setMode('delete')}>
              Delete
            </Button>
            <Button onClick={() => setMode('edit')}>Edit details</Button>
          </>
        )}
        <a className={styles.downloadLink} href={downloadUrl(a.url)} download={a.fileName} data-download={a.id} onClick={download}>
          Download
        </a>
        <Button variant="primary" onClick={onClose}>
          Close
        </Button>
      </>
    ) : null;

  return (
    <Dialog title={titleOf(a)} size="lg" onClose={onClose} busy={deleting} actions={actions}>
      <div className={styles.viewer}>
        <div className={styles.stage}>
          {isImage(a) && a.contentType !== 'image/heic' && a.contentType !== 'image/heif' ? (
            <img className={styles.stageImage} src={a.url} alt={titleOf(a)} />
          ) : (
            <div className={styles.stageDocument}>
              <span className={styles.docBadge}>{a.contentType === 'application/pdf' ? 'PDF' : a.contentType.split('/')[1]?.toUpperCase()}</span>
              <span>{a.fileName}</span>
              <a href={a.url} target="_blank" rel="noreferrer">
                Open in a new tab
              </a>
            </div>
          )}
          {count > 1 && (
            <div className={styles.stageNav}>
              <Button size="sm" onClick={() => onIndex((index - 1 + count) % count)} aria-label="Previous">
                ←
              </Button>
              <span aria-live="polite">
                {index + 1} of {count}
              </span>
              <Button size="sm" onClick={() => onIndex((index + 1) % count)} aria-label="Next">
                →
              </Button>
            </div>
          )}
        </div>
        {mode === 'edit' ? (
          <AttachmentEditForm attachment={a} canShare={canShare} onDone={() => setMode('view')} />
        ) : (
          <dl className={styles.details}>
            <dt>Kind</dt>
            <dd>{KIND_LABELS[a.kind]}</dd>
            {a.caption && (
              <>
                <dt>Caption</dt>
                <dd>{a.caption}</dd>
              </>
            )}
            <dt>Taken</dt>
            <dd>{a.takenAt ? dateTimeLabel(a.takenAt) : 'Not in the photo’s data'}</dd>
            {a.location && (
              <>
                <dt>Where</dt>
                <dd>
                  <a href={mapLink(a.location)} target="_blank" rel="noreferrer">
                    {a.location.latitude.toFixed(5)}, {a.location.longitude.toFixed(5)} (map)
                  </a>
                </dd>
              </>
            )}
            <dt>Uploaded</dt>
            <dd>
              {dateTimeLabel(a.createdAt)}
              {a.uploadedBy && ` by ${a.uploadedBy.name}`}
            </dd>
            <dt>File</dt>
            <dd>
              {a.fileName} · {sizeLabel(a.sizeBytes)}
              {a.width && a.height ? ` · ${a.width}×${a.height}` : ''}
            </dd>
            <dt>Adjuster</dt>
            <dd>{a.sharedWithAdjuster ? 'Shared with the adjuster' : 'Not shared'}</dd>
          </dl>
        )}
        {mode === 'delete' && <p className={styles.confirmText}>Delete {titleOf(a)}? It moves to the trash; a manager can bring it back.</p>}
        <FormAlert messages={problem} />
      </div>
    </Dialog>
  );
}
