import {
  SettingsReviewRequestsDocument,
  SettingsReviewSettingsDocument,
  type ReviewSettings_FieldsFragment,
  type SettingsReviewRequestsQuery,
} from '../../../gql/graphql';
import { mocked, type Unmask } from '../../../test/fixtures';

/** The settings as the server answers them (override what a test is about). */
export const reviewSettings = (over: Partial<ReviewSettings_FieldsFragment> = {}): ReviewSettings_FieldsFragment => ({
  __typename: 'ReviewSettings',
  enabled: true,
  delayHours: 24,
  reminderDays: [3, 7],
  expiryDays: 30,
  messageText: 'Thank you for choosing {company} for {project}. Would you take a minute to tell us how we did?',
  profileLinks: [{ __typename: 'ReviewProfileLink', platform: 'GOOGLE', url: 'https://g.page/r/iswitch/review' }],
  referralAsk: true,
  updatedAt: null,
  updatedBy: null,
  ...over,
});

/** `reviewSettings`, answered as often as asked. */
export const settingsMock = (settings = reviewSettings()) =>
  mocked(SettingsReviewSettingsDocument, { reviewSettings: settings }, { maxUsageCount: Number.POSITIVE_INFINITY });

type RequestNode = Unmask<SettingsReviewRequestsQuery>['reviewRequests']['edges'][number]['node'];

let n = 0;

/** A review request as the table selects it: sent by e-mail and waiting, unless told otherwise. */
export function reviewRequest(over: Partial<RequestNode> = {}): RequestNode {
  n += 1;
  return {
    __typename: 'ReviewRequest',
    id: `UmV2aWV3UmVxdWVzdDo${n}`,
    status: 'SENT',
    channel: 'EMAIL',
    notSentReason: null,
    cancelReason: null,
    cancelledAt: null,
    sendAt: '2026-11-20T15:00:00.000Z',
    sentAt: '2026-11-20T15:00:02.000Z',
    remindersSent: 1,
    expiresAt: '2026-12-20T15:00:00.000Z',
    answeredAt: null,
    rating: null,
    referralCount: 0,
    review: null,
    customer: { __typename: 'Customer', id: `Q3VzdG9tZXI6${n}`, name: 'Dana Hansen' },
    project: { __typename: 'Project', id: `UHJvamVjdDo${n}`, name: 'Hansen – full replacement' },
    ...over,
  };
}

/** One page of `reviewRequests` (first 20, after `after`, with `filter`); `next` is the cursor of a further page. */
export const requestsMock = (
  requests: RequestNode[],
  { after, next, total, filter = {} }: { after?: string; next?: string; total?: number; filter?: { statuses?: RequestNode['status'][] } } = {},
) =>
  mocked(
    SettingsReviewRequestsDocument,
    {
      reviewRequests: {
        __typename: 'ReviewRequestConnection',
        totalCount: total ?? requests.length,
        pageInfo: { __typename: 'PageInfo', hasNextPage: Boolean(next), endCursor: next ?? `c_${requests.at(-1)?.id ?? 'none'}` },
        edges: requests.map((node) => ({ __typename: 'ReviewRequestEdge' as const, cursor: `c_${node.id}`, node })),
      },
    },
    { variables: { first: 20, filter, ...(after ? { after } : {}) }, maxUsageCount: Number.POSITIVE_INFINITY },
  );
