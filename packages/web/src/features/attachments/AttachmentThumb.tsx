import { Spinner } from '../../ui';
import { isImage, titleOf, type AttachmentItem } from './attachmentFormat';
import styles from './attachments.module.css';

/**
 * What a tile shows of an attachment: its thumbnail once the job made it; a placeholder while it is being made; a
 * document face for PDFs; "No preview" for photos the server cannot read (HEIC) or a damaged one.
 */
export function AttachmentThumb({ a }: { a: AttachmentItem }) {
  if (a.thumbnailUrl) return <img className={styles.thumbImage} src={a.thumbnailUrl} alt={titleOf(a)} loading="lazy" decoding="async" />;
  if (a.thumbnailStatus === 'PENDING') {
    return (
      <span className={styles.thumbPlaceholder}>
        <Spinner inline />
        <span>Preparing preview…</span>
      </span>
    );
  }
  if (!isImage(a)) {
    return (
      <span className={styles.thumbDocument}>
        <span className={styles.docBadge}>{a.contentType === 'application/pdf' ? 'PDF' : 'FILE'}</span>
        <span className={styles.thumbName}>{a.fileName}</span>
      </span>
    );
  }
  return (
    <span className={styles.thumbPlaceholder}>
      <span>No preview</span>
      <span className={styles.thumbName}>{a.fileName}</span>
    </span>
  );
}
