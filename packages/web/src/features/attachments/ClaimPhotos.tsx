import { AttachmentGallery } from './AttachmentGallery';
import styles from './attachments.module.css';

export interface ClaimPhotosProps {
  /** The claim (its own files: the carrier's scope, the signed contract, photos added for it). */
  claimId: string;
  /** The project the claim is on, when it has one: the crew's photos from the roof. */
  projectId?: string | null;
  /** Without a project, the lead it is on (photos from the inspection). */
  leadId?: string | null;
}

/**
 * The claim page's evidence: the claim's own files, and the photos of the project (else the lead) it is on — the
 * claim is won or lost on them. Each is a gallery with its own "Add photos", filter and viewer.
 */
export function ClaimPhotos({ claimId, projectId, leadId }: ClaimPhotosProps) {
  const record = projectId ?? leadId;
  return (
    <div className={styles.claimPhotos}>
      <AttachmentGallery ownerId={claimId} title="Claim documents & photos" defaultKind="INSURANCE_SCOPE" />
      {record && <AttachmentGallery ownerId={record} title={projectId ? 'Project photos' : 'Lead photos'} defaultKind="DAMAGE" />}
    </div>
  );
}
