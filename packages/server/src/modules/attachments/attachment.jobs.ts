import type { JobDefinition } from '../../platform/jobs/job-queue';
import { makeThumbnail } from './attachment-thumbnail';
import { THUMBNAIL_JOB, type AttachmentService } from './attachment.service';

/** Thumbnails of uploaded photos (queued by the upload, in its transaction). */
export function attachmentJobs(attachments: AttachmentService): JobDefinition<object>[] {
  return [
    {
      name: THUMBNAIL_JOB,
      description: "Makes an uploaded photo's thumbnail (EXIF rotation applied) and reads its size and metadata.",
      retryLimit: 3,
      expireInSeconds: 5 * 60,
      run: (data) => makeThumbnail(attachments, (data as { id: string }).id),
    },
  ];
}
