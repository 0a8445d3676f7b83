import { useState } from 'react';
import { useViewer } from '../../app/auth';
import { isOffice } from '../../app/nav';
import type { AttachmentKind } from '../../gql/graphql';
import { Card, EmptyState, ErrorState, ListFooter, Select, Spinner } from '../../ui';
import { isAttachmentKind, KIND_LABELS, KIND_OPTIONS, type AttachmentItem } from './attachmentFormat';
import { AttachmentGrid } from './AttachmentGrid';
import { AttachmentUploader, type AttachmentUploaderProps } from './AttachmentUploader';
import { AttachmentViewer } from './AttachmentViewer';
import { useAttachmentGallery } from './useAttachmentGallery';
import styles from './attachments.module.css';

export interface AttachmentGalleryProps {
  /** The record (a Project, InsuranceClaim, Lead or Supplement ID). */
  ownerId: string;
  title?: string;
  description?: string;
  /** Offer "Add photos" (the server decides in the end, and says why not). */
  canUpload?: boolean;
  defaultKind?: AttachmentKind;
  /** Retry timing of uploads (tests). */
  retryDelay?: AttachmentUploaderProps['retryDelay'];
}

/**
 * A record's photos and documents as a card: "Add photos" (camera or files, with progress), a filter by kind, the
 * thumbnails, and each one large in a viewer (edit, delete and download for who may).
 */
export function AttachmentGallery({ ownerId, title = 'Photos & documents', description, canUpload = true, defaultKind, retryDelay }: AttachmentGalleryProps) {
  const { viewer } = useViewer();
  const [kind, setKind] = useState<AttachmentKind | ''>('');
  const [open, setOpen] = useState<number | null>(null);
  const gallery = useAttachmentGallery(ownerId, kind ? [kind] : null);
  const office = viewer ? isOffice(viewer.role) : false;
  // Field techs change their own files; office staff any they may add files to (the server checks the record).
  const canChange = (a: AttachmentItem) => Boolean(viewer && (office || a.uploadedBy?.id === viewer.id));
  const freshUrls = () => (gallery.urlsStale() ? gallery.refetch().then(() => undefined) : null);
  const count = gallery.connection?.totalCount;

  return (
    <Card
      title={count ? `${title} (${count})` : title}
      description={description}
    >
      <div className={styles.gallery}>
        {canUpload && <AttachmentUploader ownerId={ownerId} defaultKind={defaultKind} retryDelay={retryDelay} onUploaded={() => void gallery.refetch()} />}
        <Select
          className={styles.filter}
          label="Show"
          value={kind}
          placeholder="All kinds"
          options={KIND_OPTIONS}
          onChange={(e) => setKind(isAttachmentKind(e.target.value) ? e.target.value : '')}
        />
        {gallery.loading ? (
          <Spinner label="Loading photos…" />
        ) : gallery.error ? (
          <ErrorState title="The photos could not be loaded" error={gallery.error} onRetry={() => void gallery.refetch()} />
        ) : gallery.items.length === 0 ? (
          <EmptyState icon="inbox" title={kind ? `No ${KIND_LABELS[kind].toLowerCase()} photos or documents` : 'No photos or documents yet'} description={canUpload ? 'Add photos from the camera or choose files.' : undefined} />
        ) : (
          <>
            <AttachmentGrid items={gallery.items} onOpen={setOpen} />
            {gallery.connection && <ListFooter {...gallery.more.footer(gallery.connection)} noun="files" inset />}
          </>
        )}
      </div>
      {open !== null && gallery.items[open] && (
        <AttachmentViewer
          items={gallery.items}
          index={open}
          onIndex={setOpen}
          onClose={() => setOpen(null)}
          canChange={canChange}
          canShare={office}
          freshUrls={freshUrls}
          onDeleted={() => {
            setOpen(null);
            void gallery.refetch();
          }}
        />
      )}
    </Card>
  );
}
