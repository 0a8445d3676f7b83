import { graphql } from '../../gql';

/** A supplement as the claim page shows and edits it. */
export const SupplementItemFragment = graphql(`
  fragment SupplementItem_supplement on Supplement {
    id
    title
    status
    requestedTotal
    approvedTotal
    preparedBy {
      id
      name
    }
    sentAt
    answeredAt
    createdAt
    updatedAt
    photos {
      id
      caption
      fileName
      thumbnailUrl
    }
    lineItems {
      id
      description
      code
      quantity
      unit
      unitPrice
      requestedTotal
      approvedQuantity
      approvedUnitPrice
      approvedTotal
    }
  }
`);

/** A claim package as the claim page lists it: where it stands, what it holds, who asked when, and its PDF once READY. */
export const ClaimPackageItemFragment = graphql(`
  fragment ClaimPackageItem_claimPackage on ClaimPackage {
    id
    status
    photoCount
    pageCount
    error
    supplement {
      id
      title
    }
    requestedBy {
      id
      name
    }
    createdAt
    finishedAt
    document {
      id
      fileName
      url
      urlExpiresAt
    }
  }
`);

/** Everything the claim page shows; every claim mutation answers with it, so the page updates in place. */
export const ClaimDetailFragment = graphql(`
  fragment ClaimDetail_claim on InsuranceClaim {
    id
    carrier
    claimNumber
    policyNumber
    dateOfLoss
    causeOfLoss
    status
    allowedMoves {
      status
      reasonRequired
    }
    inspectionAt
    depreciationDeadline
    notes
    adjuster {
      partner {
        id
        name
      }
      contact {
        id
        name
      }
      name
      phone
    }
    money {
      rcv
      recoverableDepreciation
      nonRecoverableDepreciation
      overheadAndProfit
      deductible
      approvedTotal
      approvedRcv
      acv
      homeownerOwes
      depreciationReleased
      supplementsApproved
      supplementsRequested
      paymentsReceived
      carrierOwes
      depreciationToCollect
    }
    lead {
      id
      contactName
    }
    project {
      id
      name
      status
    }
    customer {
      id
      name
    }
    owner {
      id
      name
    }
    owningTeam {
      id
      name
    }
    supplementCount
    supplements {
      id
      ...SupplementItem_supplement @unmask
    }
    packages {
      id
      ...ClaimPackageItem_claimPackage @unmask
    }
    payments {
      id
      kind
      amount
      receivedOn
      reference
      createdAt
    }
    statusHistory {
      from
      to
      reason
      changedBy {
        id
        name
      }
      changedAt
    }
    createdBy {
      id
      name
    }
    createdAt
    updatedAt
    deletedAt
  }
`);

/**
 * A claim's supplements past the 10 its page shows first: `first` of them (a claim has at most 100), as the page shows
 * them. Read only once the user asks for the rest.
 */
export const ClaimSupplementsQuery = graphql(`
  query ClaimSupplements($id: ID!, $first: Int!) {
    claim(id: $id) {
      id
      supplementCount
      supplements(first: $first) {
        id
        ...SupplementItem_supplement @unmask
      }
    }
  }
`);

export const ClaimDetailQuery = graphql(`
  query ClaimDetail($id: ID!) {
    claim(id: $id) {
      id
      ...ClaimDetail_claim
    }
  }
`);

export const CreateClaimMutation = graphql(`
  mutation CreateClaim($input: CreateClaimInput!) {
    createClaim(input: $input) {
      claim { id ...ClaimDetail_claim }
      errors { field code message }
    }
  }
`);

export const UpdateClaimMutation = graphql(`
  mutation UpdateClaim($input: UpdateClaimInput!) {
    updateClaim(input: $input) {
      claim { id ...ClaimDetail_claim }
      errors { field code message }
    }
  }
`);

export const UpdateClaimStatusMutation = graphql(`
  mutation UpdateClaimStatus($input: UpdateClaimStatusInput!) {
    updateClaimStatus(input: $input) {
      claim { id ...ClaimDetail_claim }
      errors { field code message }
    }
  }
`);

/** Supplement mutations answer with the claim too: its totals and balance follow the supplement. */
export const CreateSupplementMutation = graphql(`
  mutation CreateSupplement($input: CreateSupplementInput!) {
    createSupplement(input: $input) {
      supplement { id claim { id ...ClaimDetail_claim } }
      errors { field code message }
    }
  }
`);

export const UpdateSupplementMutation = graphql(`
  mutation UpdateSupplement($input: UpdateSupplementInput!) {
    updateSupplement(input: $input) {
      supplement { id claim { id ...ClaimDetail_claim } }
      errors { field code message }
    }
  }
`);

export const SendSupplementMutation = graphql(`
  mutation SendSupplement($id: ID!) {
    sendSupplement(id: $id) {
      supplement { id claim { id ...ClaimDetail_claim } }
      errors { field code message }
    }
  }
`);

export const AnswerSupplementMutation = graphql(`
  mutation AnswerSupplement($input: AnswerSupplementInput!) {
    answerSupplement(input: $input) {
      supplement { id claim { id ...ClaimDetail_claim } }
      errors { field code message }
    }
  }
`);

export const RemoveSupplementMutation = graphql(`
  mutation RemoveSupplement($id: ID!) {
    removeSupplement(id: $id) {
      claim { id ...ClaimDetail_claim }
      errors { field code message }
    }
  }
`);

/** Picks photos already uploaded (the claim's, its project's or lead's, its supplements') to go with a supplement. */
export const SetSupplementPhotosMutation = graphql(`
  mutation SetSupplementPhotos($input: SetSupplementPhotosInput!) {
    setSupplementPhotos(input: $input) {
      supplement { id claim { id ...ClaimDetail_claim } }
      errors { field code message }
    }
  }
`);

/** Queues a claim package PDF; answers with the claim's packages, the new one QUEUED first. */
export const GenerateClaimPackageMutation = graphql(`
  mutation GenerateClaimPackage($input: GenerateClaimPackageInput!) {
    generateClaimPackage(input: $input) {
      claimPackage {
        id
        claim {
          id
          packages {
            id
            ...ClaimPackageItem_claimPackage @unmask
          }
        }
      }
      errors { field code message }
    }
  }
`);

export const RecordCarrierPaymentMutation = graphql(`
  mutation RecordCarrierPayment($input: RecordCarrierPaymentInput!) {
    recordCarrierPayment(input: $input) {
      claim { id ...ClaimDetail_claim }
      errors { field code message }
    }
  }
`);

export const RemoveCarrierPaymentMutation = graphql(`
  mutation RemoveCarrierPayment($id: ID!) {
    removeCarrierPayment(id: $id) {
      claim { id ...ClaimDetail_claim }
      errors { field code message }
    }
  }
`);

/** The company's insurance adjuster partners and their people, for the claim form's adjuster. */
export const AdjusterPartnersQuery = graphql(`
  query AdjusterPartners {
    partners(first: 100, filter: { kinds: [INSURANCE_ADJUSTER] }, orderBy: { field: NAME, direction: ASC }) {
      edges {
        node {
          id
          name
          contacts {
            id
            name
            phone
          }
        }
      }
    }
  }
`);
