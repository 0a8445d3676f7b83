import { graphql } from '../../gql';

/** What the gallery, the photo viewer and the picker show of an attachment; mutations answer it too. */
export const AttachmentFieldsFragment = graphql(`
  fragment AttachmentFields_attachment on Attachment {
    id
    kind
    caption
    fileName
    contentType
    sizeBytes
    width
    height
    takenAt
    location { latitude longitude }
    sharedWithAdjuster
    thumbnailStatus
    url
    thumbnailUrl
    urlExpiresAt
    uploadedBy { id name }
    createdAt
    deletedAt
  }
`);

/** One record's photos and documents (a project, claim, lead or supplement), newest first. */
export const AttachmentGalleryQuery = graphql(`
  query AttachmentGallery($ownerId: ID!, $kinds: [AttachmentKind!], $first: Int!, $after: String) {
    attachments(ownerId: $ownerId, kinds: $kinds, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        cursor
        node { id ...AttachmentFields_attachment @unmask }
      }
    }
  }
`);

export const UpdateAttachmentMutation = graphql(`
  mutation UpdateAttachment($input: UpdateAttachmentInput!) {
    updateAttachment(input: $input) {
      attachment { id ...AttachmentFields_attachment @unmask }
      errors { field code message }
    }
  }
`);

export const DeleteAttachmentMutation = graphql(`
  mutation DeleteAttachment($id: ID!) {
    deleteAttachment(id: $id) {
      attachment { id deletedAt }
      errors { field code message }
    }
  }
`);
