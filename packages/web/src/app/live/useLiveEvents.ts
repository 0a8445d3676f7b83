import { useSubscription } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { Role } from '../../gql/graphql';
import { useApi } from '../auth';

const LeadCreatedSubscription = graphql(`
  subscription LeadCreated {
    leadCreated {
      eventId
      lead {
        id
        ...LeadCard_lead
      }
    }
  }
`);

const LeadUpdatedSubscription = graphql(`
  subscription LeadUpdated {
    leadUpdated {
      eventId
      lead {
        id
        ...LeadCard_lead
      }
    }
  }
`);

const ProjectUpdatedSubscription = graphql(`
  subscription ProjectUpdated {
    projectUpdated {
      eventId
      project {
        id
        status
        completionPercentage
        actualCost
        updatedAt
      }
    }
  }
`);

const AppointmentUpdatedSubscription = graphql(`
  subscription AppointmentUpdated {
    appointmentUpdated {
      eventId
      appointment {
        id
        ...CalendarEvent_appointment
        updatedAt
      }
    }
  }
`);

const NotificationReceivedSubscription = graphql(`
  subscription NotificationReceived {
    notificationReceived {
      eventId
      notification {
        id
        ...NotificationItem_notification
      }
    }
  }
`);

const DashboardUpdatedSubscription = graphql(`
  subscription DashboardUpdated {
    dashboardUpdated {
      eventId
    }
  }
`);

const PartnerUpdatedSubscription = graphql(`
  subscription PartnerUpdated {
    partnerUpdated {
      eventId
      partner {
        id
        ...PartnerRow_partner
      }
    }
  }
`);

const ReferralFeeUpdatedSubscription = graphql(`
  subscription ReferralFeeUpdated {
    referralFeeUpdated {
      eventId
      referralFee {
        id
        ...PartnerFeeRow_fee
      }
    }
  }
`);

const ReviewUpdatedSubscription = graphql(`
  subscription ReviewUpdated {
    reviewUpdated {
      eventId
      review {
        id
        ...ReviewRow_review
      }
    }
  }
`);

const ReviewRequestUpdatedSubscription = graphql(`
  subscription ReviewRequestUpdated {
    reviewRequestUpdated {
      eventId
      reviewRequest {
        id
        ...ProjectReviewRequest_request
      }
    }
  }
`);

const ClaimUpdatedSubscription = graphql(`
  subscription ClaimUpdated {
    claimUpdated {
      eventId
      claim {
        id
        ...ClaimRow_claim
        ...ClaimSummary_claim
        updatedAt
      }
    }
  }
`);

/**
 * Keeps the signed-in user's cache live while the app shell is mounted: one socket, one subscription per stream the
 * role may receive, every event handed to the live hub (which also catches up after reconnects).
 */
export function useLiveEvents(role: Role): void {
  const { live } = useApi();
  const office = role !== 'FIELD_TECH';
  const leads = role === 'ADMIN' || role === 'MANAGER';
  const options = { ignoreResults: true } as const;

  useSubscription(LeadCreatedSubscription, {
    ...options,
    skip: !office,
    onData: ({ data }) => data.data && live.receive(data.data.leadCreated),
  });
  useSubscription(LeadUpdatedSubscription, {
    ...options,
    skip: !office,
    onData: ({ data }) => data.data && live.receive(data.data.leadUpdated),
  });
  useSubscription(DashboardUpdatedSubscription, {
    ...options,
    skip: !office,
    onData: ({ data }) => data.data && live.receive(data.data.dashboardUpdated),
  });
  useSubscription(PartnerUpdatedSubscription, {
    ...options,
    skip: !office,
    onData: ({ data }) => data.data && live.receive(data.data.partnerUpdated),
  });
  useSubscription(ReferralFeeUpdatedSubscription, {
    ...options,
    skip: !leads,
    onData: ({ data }) => data.data && live.receive(data.data.referralFeeUpdated),
  });
  useSubscription(ReviewUpdatedSubscription, {
    ...options,
    onData: ({ data }) => data.data && live.receive(data.data.reviewUpdated),
  });
  useSubscription(ReviewRequestUpdatedSubscription, {
    ...options,
    skip: !office,
    onData: ({ data }) => data.data && live.receive(data.data.reviewRequestUpdated),
  });
  useSubscription(ClaimUpdatedSubscription, {
    ...options,
    onData: ({ data }) => data.data && live.receive(data.data.claimUpdated),
  });
  useSubscription(ProjectUpdatedSubscription, {
    ...options,
    onData: ({ data }) => data.data && live.receive(data.data.projectUpdated),
  });
  useSubscription(AppointmentUpdatedSubscription, {
    ...options,
    onData: ({ data }) => data.data && live.receive(data.data.appointmentUpdated),
  });
  useSubscription(NotificationReceivedSubscription, {
    ...options,
    onData: ({ data }) => data.data && live.receive(data.data.notificationReceived),
  });
}
