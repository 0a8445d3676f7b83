import { graphql } from '../../gql';

/** What the project page shows of the project itself; mutations return it so the page updates in place. */
export const ProjectDetailFragment = graphql(`
  fragment ProjectDetail_project on Project {
    id
    ...ProjectRow_project @unmask
    createdAt
    deletedAt
    customer {
      id
      name
      phone
      email
      address { street city state zip }
    }
    lead {
      id
      contactName
      status
    }
    team {
      id
      name
      role
    }
    owningTeam {
      id
      name
    }
    createdBy {
      id
      name
    }
  }
`);

export const ProjectDetailQuery = graphql(`
  query ProjectDetail($id: ID!) {
    project(id: $id) {
      id
      ...ProjectDetail_project
      appointments {
        id
        ...AppointmentSummary_appointment
      }
      interactions(first: 20) {
        id
        ...InteractionEntry_interaction
      }
      reviews(first: 20) {
        id
        ...ReviewItem_review
      }
      reviewRequest {
        id
        ...ProjectReviewRequest_request
      }
      claims {
        id
        ...ClaimSummary_claim
      }
    }
  }
`);

/** The project's change history (admins and managers may read the audit log). */
export const ProjectHistoryQuery = graphql(`
  query ProjectHistory($entityId: ID!) {
    auditLog(first: 20, filter: { entityType: "Project", entityId: $entityId }) {
      totalCount
      edges {
        node {
          id
          occurredAt
          action
          actor {
            id
            name
          }
          apiKey {
            id
            name
            partner {
              id
              name
            }
          }
          byApiKey
          changes {
            field
            before
            after
          }
          peopleChanges {
            field
            added { id name }
            removed { id name }
          }
        }
      }
    }
  }
`);

/** Also the project's review request: completing the project makes one, which the Reviews card then shows at once. */
export const UpdateProjectMutation = graphql(`
  mutation UpdateProject($input: UpdateProjectInput!) {
    updateProject(input: $input) {
      project {
        id
        ...ProjectDetail_project
        reviewRequest { id ...ProjectReviewRequest_request }
      }
      errors { field code message }
    }
  }
`);

export const AssignProjectTeamMutation = graphql(`
  mutation AssignProjectTeam($input: AssignProjectTeamInput!) {
    assignProjectTeam(input: $input) {
      project { id ...ProjectDetail_project }
      errors { field code message }
    }
  }
`);

/** Staff who may be put on a crew: every team's members (any signed-in user may read the teams). */
export const CrewCandidatesQuery = graphql(`
  query CrewCandidates {
    teams {
      id
      name
      members {
        id
        name
        role
        active
      }
    }
  }
`);

/** A progress note a field tech adds with an update goes to the project's communication log. */
export const LogProgressNoteMutation = graphql(`
  mutation LogProgressNote($input: LogInteractionInput!) {
    logInteraction(input: $input) {
      interaction { id ...InteractionEntry_interaction }
      errors { field code message }
    }
  }
`);
