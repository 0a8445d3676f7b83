import type { TabsState } from '@graphiql/react';
import type { RegisteredOperation } from './api';

type TabDefinition = Pick<TabsState['tabs'][number], 'query' | 'variables' | 'headers'>;

const STAFF_QUERY = `# Who you are: sign in first (the key button on the left), then run (Ctrl-Enter).
query Me {
  me {
    id
    name
    email
    role
    team {
      name
    }
  }
}
`;

const PAGINATED_LIST = `# A page of leads. For the next page, set "after" to pageInfo.endCursor and run again.
query LeadsPage($first: Int, $after: String) {
  leads(first: $first, after: $after, orderBy: { field: SCORE }) {
    totalCount
    edges {
      cursor
      node {
        id
        contactName
        status
        score
        assignee {
          name
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
`;

const SUBSCRIPTION = `# Live: new leads in the teams you may see, over the WebSocket (staff sessions only).
# Run it, then create a lead (in the app or another tab): each one arrives here.
subscription LeadCreated {
  leadCreated {
    eventId
    type
    occurredAt
    lead {
      id
      contactName
      status
      score
      assignee {
        name
      }
    }
  }
}
`;

/** Should the server list no SubmitReferral (it always does): the same call in short. */
const SUBMIT_REFERRAL = `mutation SubmitReferral($input: SubmitReferralInput!) {
  submitReferral(input: $input) { referral { id stage } errors { field code message } }
}
`;

const PARTNER_NOTE = `# Partner API: paste an API key (crmk_…) in the sign-in panel first; the docs then show the partner schema.
# This is a registered operation, so the IDE sends it by its documentId (docs/partners.md).
`;

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** The tabs a first visit opens with: a staff query, a paginated list, a subscription and a partner referral. */
export function defaultTabs(registered: RegisteredOperation[]): TabDefinition[] {
  const referral = registered.find((op) => op.name === 'SubmitReferral')?.body ?? SUBMIT_REFERRAL;
  return [
    { query: STAFF_QUERY },
    { query: PAGINATED_LIST, variables: json({ first: 10, after: null }) },
    { query: SUBSCRIPTION },
    {
      query: PARTNER_NOTE + referral,
      variables: json({ input: { contactName: 'Pat Lee', contactPhone: '651-555-0101', externalReference: 'LR-0412' } }),
    },
  ];
}
