import { graphql } from '../../gql';

/** Everything the lead page shows. */
export const LeadDetailFragment = graphql(`
  fragment LeadDetail_lead on Lead {
    id
    contactName
    contactEmail
    contactPhone
    customer {
      id
      name
      email
      phone
      address { street city state zip }
    }
    propertyAddress { street city state zip }
    source
    referredBy {
      partner { ...PartnerPicker_partner @unmask }
      contact {
        id
        name
        role
      }
    }
    referringCustomer {
      id
      name
    }
    status
    allowedStatuses
    lostReason
    ...LeadScore_lead @unmask
    assignee {
      id
      name
      email
    }
    owningTeam {
      id
      name
    }
    projectType
    estimatedValue
    priority
    notes
    nextFollowUpAt
    convertedProject {
      id
      name
      status
    }
    convertedAt
    createdBy {
      id
      name
    }
    createdAt
    updatedAt
    deletedAt
  }
`);

export const LeadDetailQuery = graphql(`
  query LeadDetail($id: ID!) {
    lead(id: $id) {
      id
      ...LeadDetail_lead
      claims {
        id
        ...ClaimSummary_claim
      }
    }
  }
`);
