import type { MockLink } from '@apollo/client/testing';
import { ClaimDetailDocument, ClaimPageUpdatedDocument } from '../../gql/graphql';
import { meMock, mocked } from '../../test/fixtures';
import { renderMocked } from '../../test/renderMocked';
import { galleryMock } from '../attachments/testData';
import ClaimDetailPage from './ClaimDetailPage';
import { CLAIM_ID, PROJECT_ID, type claimDetail } from './testData';

type Claim = ReturnType<typeof claimDetail>;

/**
 * The claim page for a salesperson with its claim, and its live stream answering once with `live` (the claim as
 * someone else, or a job, left it); its galleries empty; `more` for what the test does.
 */
export const renderClaimPage = (claim: Claim, live: Claim = claim, more: ReadonlyArray<MockLink.MockedResponse> = []) =>
  renderMocked(
    [
      meMock('SALES'),
      mocked(ClaimDetailDocument, { claim } as never, { variables: { id: CLAIM_ID } }),
      mocked(ClaimPageUpdatedDocument, { claimUpdated: { __typename: 'ClaimEvent', eventId: '42', claim: live } } as never, { variables: { claimId: CLAIM_ID } }),
      galleryMock(CLAIM_ID, []),
      galleryMock(PROJECT_ID, []),
      ...more,
    ],
    `/claims/${CLAIM_ID}`,
    { '/claims/:id': <ClaimDetailPage /> },
  );
