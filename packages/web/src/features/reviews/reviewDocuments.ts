import { graphql } from '../../gql';

/** What the review form edits. */
export const ReviewFormFragment = graphql(`
  fragment ReviewForm_review on Review {
    id
    platform
    rating
    authorName
    text
    postedAt
    url
  }
`);

/** Everything a change to a review may change that the list and the detail page show (updated through the cache). */
export const SavedReviewFragment = graphql(`
  fragment ReviewSaved_review on Review {
    id
    ...ReviewRow_review @unmask
    ...ReviewForm_review @unmask
    flagReason
    response {
      text
      respondedBy {
        id
        name
      }
      respondedAt
    }
    updatedAt
    deletedAt
  }
`);

export const CreateReviewMutation = graphql(`
  mutation CreateReview($input: CreateReviewInput!) {
    createReview(input: $input) {
      review { id ...ReviewSaved_review }
      errors { field code message }
    }
  }
`);

export const UpdateReviewMutation = graphql(`
  mutation UpdateReview($input: UpdateReviewInput!) {
    updateReview(input: $input) {
      review { id ...ReviewSaved_review }
      errors { field code message }
    }
  }
`);

export const RespondToReviewMutation = graphql(`
  mutation RespondToReview($id: ID!, $text: String!) {
    respondToReview(id: $id, text: $text) {
      review { id ...ReviewSaved_review }
      errors { field code message }
    }
  }
`);

export const FlagReviewMutation = graphql(`
  mutation FlagReview($id: ID!, $reason: String!) {
    flagReview(id: $id, reason: $reason) {
      review { id ...ReviewSaved_review }
      errors { field code message }
    }
  }
`);
