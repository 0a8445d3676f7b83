/** Photos and documents (issue 18, item 2): galleries, uploads and the picker other features mount. */
export { AttachmentGallery, type AttachmentGalleryProps } from './AttachmentGallery';
export { AttachmentPicker, type AttachmentPickerProps, type PickerSource } from './AttachmentPicker';
export { AttachmentUploader, type AttachmentUploaderProps } from './AttachmentUploader';
export { ClaimPhotos, type ClaimPhotosProps } from './ClaimPhotos';
export { ProjectPhotos } from './ProjectPhotos';
export { downloadUrl } from './attachmentFormat';
