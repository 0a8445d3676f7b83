import { graphql } from '../../../gql';

export const ReviewSettingsFieldsFragment = graphql(`
  fragment ReviewSettings_fields on ReviewSettings {
    enabled
    delayHours
    reminderDays
    expiryDays
    messageText
    profileLinks {
      platform
      url
    }
    referralAsk
    updatedAt
    updatedBy {
      id
      name
    }
  }
`);

export const SettingsReviewSettingsQuery = graphql(`
  query SettingsReviewSettings {
    reviewSettings { ...ReviewSettings_fields }
  }
`);

export const UpdateReviewSettingsMutation = graphql(`
  mutation UpdateReviewSettings($input: ReviewSettingsInput!) {
    updateReviewSettings(input: $input) {
      settings { ...ReviewSettings_fields }
      errors { field code message }
    }
  }
`);

export const SettingsReviewRequestsQuery = graphql(`
  query SettingsReviewRequests($first: Int, $after: String, $filter: ReviewRequestFilter) {
    reviewRequests(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        cursor
        node {
          id
          status
          channel
          notSentReason
          cancelReason
          cancelledAt
          sendAt
          sentAt
          remindersSent
          expiresAt
          answeredAt
          rating
          referralCount
          review { id }
          customer { id name }
          project { id name }
        }
      }
    }
  }
`);
