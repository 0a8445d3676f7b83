import { useState } from 'react';
import { Button } from '../../ui';
import { AttachmentGallery } from '../attachments';

export interface SupplementPhotosProps {
  supplementId: string;
  /** Office staff on an active claim add photos to the supplement. */
  canUpload: boolean;
}

/**
 * A supplement's own photos and documents (the evidence sent with it), behind a toggle: a claim lists several
 * supplements, and each gallery asks for its files only once opened.
 */
export function SupplementPhotos({ supplementId, canUpload }: SupplementPhotosProps) {
  const [open, setOpen] = useState(false);
  return (
    <div>
      <Button size="sm" variant="ghost" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {open ? 'Hide photos' : 'Photos'}
      </Button>
      {open && <AttachmentGallery ownerId={supplementId} title="Supplement photos" canUpload={canUpload} defaultKind="DAMAGE" />}
    </div>
  );
}
