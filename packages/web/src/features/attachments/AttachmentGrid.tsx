import { Badge } from '../../ui';
import { KIND_LABELS, titleOf, type AttachmentItem } from './attachmentFormat';
import { AttachmentThumb } from './AttachmentThumb';
import styles from './attachments.module.css';

/** A grid of thumbnails; each opens the photo (or document) large. */
export function AttachmentGrid({ items, onOpen }: { items: readonly AttachmentItem[]; onOpen: (index: number) => void }) {
  return (
    <ul className={styles.grid}>
      {items.map((a, index) => (
        <li key={a.id} className={styles.tile}>
          <button type="button" className={styles.tileButton} onClick={() => onOpen(index)} aria-label={`${titleOf(a)}, ${KIND_LABELS[a.kind]}`}>
            <AttachmentThumb a={a} />
          </button>
          <span className={styles.tileMeta} aria-hidden>
            <Badge>{KIND_LABELS[a.kind]}</Badge>
            {a.sharedWithAdjuster && <Badge tone="info">Shared</Badge>}
          </span>
        </li>
      ))}
    </ul>
  );
}
