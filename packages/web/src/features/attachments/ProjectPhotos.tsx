import { AttachmentGallery } from './AttachmentGallery';

/** The project page's photos and documents: the crew adds photos from the roof, the office sees them all. */
export function ProjectPhotos({ projectId }: { projectId: string }) {
  return <AttachmentGallery ownerId={projectId} title="Photos & documents" defaultKind="DAMAGE" />;
}
