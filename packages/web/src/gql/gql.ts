/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment NotificationItem_notification on Notification {\n    id\n    kind\n    title\n    body\n    readAt\n    createdAt\n  }\n": typeof types.NotificationItem_NotificationFragmentDoc,
    "\n  query NotificationsBell {\n    notifications(first: 8) {\n      unreadCount\n      edges {\n        node {\n          id\n          ...NotificationItem_notification\n        }\n      }\n    }\n  }\n": typeof types.NotificationsBellDocument,
    "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead {\n      unreadCount\n    }\n  }\n": typeof types.MarkAllNotificationsReadDocument,
    "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      accessToken\n      accessTokenExpiresAt\n      refreshToken\n      errors {\n        code\n      }\n    }\n  }\n": typeof types.RefreshSessionDocument,
    "\n  fragment Viewer_user on User {\n    id\n    name\n    email\n    role\n    team {\n      id\n      name\n    }\n  }\n": typeof types.Viewer_UserFragmentDoc,
    "\n  query Me {\n    me {\n      id\n      ...Viewer_user\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation Logout($refreshToken: String) {\n    logout(refreshToken: $refreshToken) {\n      loggedOut\n    }\n  }\n": typeof types.LogoutDocument,
    "\n  query MissedEvents($since: String!) {\n    missedEvents(since: $since, first: 200) {\n      lastEventId\n      hasMore\n      events {\n        __typename\n        ... on LeadEvent {\n          eventId\n        }\n        ... on ProjectEvent {\n          eventId\n        }\n        ... on NotificationEvent {\n          eventId\n        }\n        ... on AppointmentReminderEvent {\n          eventId\n        }\n        ... on DashboardEvent {\n          eventId\n        }\n      }\n    }\n  }\n": typeof types.MissedEventsDocument,
    "\n  query LatestEventId {\n    latestEventId\n  }\n": typeof types.LatestEventIdDocument,
    "\n  subscription LeadCreated {\n    leadCreated {\n      eventId\n      lead {\n        id\n        ...LeadCard_lead\n      }\n    }\n  }\n": typeof types.LeadCreatedDocument,
    "\n  subscription LeadUpdated {\n    leadUpdated {\n      eventId\n      lead {\n        id\n        ...LeadCard_lead\n      }\n    }\n  }\n": typeof types.LeadUpdatedDocument,
    "\n  subscription ProjectUpdated {\n    projectUpdated {\n      eventId\n      project {\n        id\n        status\n        completionPercentage\n        actualCost\n        updatedAt\n      }\n    }\n  }\n": typeof types.ProjectUpdatedDocument,
    "\n  subscription NotificationReceived {\n    notificationReceived {\n      eventId\n      notification {\n        id\n        ...NotificationItem_notification\n      }\n    }\n  }\n": typeof types.NotificationReceivedDocument,
    "\n  subscription DashboardUpdated {\n    dashboardUpdated {\n      eventId\n    }\n  }\n": typeof types.DashboardUpdatedDocument,
    "\n  query BookingContext(\n    $customerId: ID!\n    $leadId: ID!\n    $projectId: ID!\n    $withCustomer: Boolean!\n    $withLead: Boolean!\n    $withProject: Boolean!\n  ) {\n    customer(id: $customerId) @include(if: $withCustomer) {\n      id\n      name\n    }\n    lead(id: $leadId) @include(if: $withLead) {\n      id\n      contactName\n      customer {\n        id\n        name\n      }\n    }\n    project(id: $projectId) @include(if: $withProject) {\n      id\n      name\n      customer {\n        id\n        name\n      }\n    }\n  }\n": typeof types.BookingContextDocument,
    "\n  query BookingCustomers($search: String) {\n    customers(first: 8, filter: { search: $search }, orderBy: { field: NAME }) {\n      edges {\n        node {\n          id\n          name\n          address {\n            city\n          }\n        }\n      }\n    }\n  }\n": typeof types.BookingCustomersDocument,
    "\n  fragment CalendarEvent_appointment on Appointment {\n    id\n    kind\n    title\n    status\n    startsAt\n    endsAt\n    location\n    notes\n    customer {\n      id\n      name\n    }\n    lead {\n      id\n      contactName\n    }\n    project {\n      id\n      name\n    }\n    assignee {\n      id\n      name\n    }\n  }\n": typeof types.CalendarEvent_AppointmentFragmentDoc,
    "\n  mutation CreateAppointment($input: CreateAppointmentInput!) {\n    createAppointment(input: $input) {\n      appointment {\n        id\n        ...CalendarEvent_appointment\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.CreateAppointmentDocument,
    "\n  mutation UpdateAppointment($input: UpdateAppointmentInput!) {\n    updateAppointment(input: $input) {\n      appointment {\n        id\n        ...CalendarEvent_appointment\n        updatedAt\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.UpdateAppointmentDocument,
    "\n  query AppointmentStaff {\n    teams {\n      id\n      name\n      manager {\n        id\n      }\n      members {\n        id\n        name\n        role\n        active\n      }\n    }\n  }\n": typeof types.AppointmentStaffDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      refreshToken\n      user {\n        id\n        ...Viewer_user\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  fragment CustomerForm_customer on Customer {\n    id\n    name\n    email\n    phone\n    address {\n      street\n      city\n      state\n      zip\n    }\n    customerType\n    segment\n    owningTeam {\n      id\n      name\n    }\n  }\n": typeof types.CustomerForm_CustomerFragmentDoc,
    "\n  fragment CustomerForm_saved on Customer {\n    id\n    ...CustomerForm_customer\n    lifetimeValue\n    createdAt\n    updatedAt\n    deletedAt\n  }\n": typeof types.CustomerForm_SavedFragmentDoc,
    "\n  mutation CreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      customer {\n        id\n        ...CustomerForm_saved\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.CreateCustomerDocument,
    "\n  mutation UpdateCustomer($input: UpdateCustomerInput!) {\n    updateCustomer(input: $input) {\n      customer {\n        id\n        ...CustomerForm_saved\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.UpdateCustomerDocument,
    "\n  query CustomerFormTeams {\n    teams {\n      id\n      name\n      manager {\n        id\n      }\n    }\n  }\n": typeof types.CustomerFormTeamsDocument,
    "\n  query CustomersList($first: Int!, $after: String, $filter: CustomerFilter, $orderBy: CustomerOrder) {\n    customers(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          ...CustomerRow_customer\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.CustomersListDocument,
    "\n  query CustomersTeams {\n    teams {\n      id\n      name\n      manager {\n        id\n      }\n    }\n  }\n": typeof types.CustomersTeamsDocument,
    "\n  fragment CustomerRow_customer on Customer {\n    id\n    name\n    email\n    phone\n    address {\n      city\n      state\n    }\n    customerType\n    segment\n    lifetimeValue\n    owningTeam {\n      id\n      name\n    }\n    createdAt\n    updatedAt\n    deletedAt\n  }\n": typeof types.CustomerRow_CustomerFragmentDoc,
    "\n  query DashboardTeams {\n    teams {\n      id\n      name\n      manager {\n        id\n      }\n    }\n  }\n": typeof types.DashboardTeamsDocument,
    "\n  query Dashboard($range: DashboardRange!, $teamId: ID) {\n    dashboard(range: $range, teamId: $teamId) {\n      range\n      team {\n        id\n        name\n      }\n      ...KpiTiles_dashboard\n      ...PipelineChart_dashboard\n      ...FunnelChart_dashboard\n      ...RevenueChart_dashboard\n      ...SourceRoiTable_dashboard\n      ...Leaderboard_dashboard\n      ...UpcomingAppointments_dashboard\n    }\n  }\n": typeof types.DashboardDocument,
    "\n  fragment FunnelChart_dashboard on Dashboard {\n    funnel {\n      status\n      count\n      rate\n    }\n  }\n": typeof types.FunnelChart_DashboardFragmentDoc,
    "\n  fragment KpiTiles_dashboard on Dashboard {\n    winRate\n    averageDealSize\n    onBudgetRatio\n    pipeline {\n      status\n      count\n      value\n    }\n  }\n": typeof types.KpiTiles_DashboardFragmentDoc,
    "\n  fragment Leaderboard_dashboard on Dashboard {\n    leaderboard {\n      user {\n        id\n        name\n      }\n      leads\n      wins\n      revenue\n      avgResponseHours\n    }\n  }\n": typeof types.Leaderboard_DashboardFragmentDoc,
    "\n  fragment PipelineChart_dashboard on Dashboard {\n    pipeline {\n      status\n      count\n      value\n    }\n  }\n": typeof types.PipelineChart_DashboardFragmentDoc,
    "\n  fragment RevenueChart_dashboard on Dashboard {\n    revenueByMonth {\n      month\n      revenue\n      projects\n    }\n  }\n": typeof types.RevenueChart_DashboardFragmentDoc,
    "\n  fragment SourceRoiTable_dashboard on Dashboard {\n    sourceRoi {\n      source\n      leads\n      wins\n      revenue\n      conversionRate\n    }\n  }\n": typeof types.SourceRoiTable_DashboardFragmentDoc,
    "\n  fragment UpcomingAppointments_dashboard on Dashboard {\n    upcomingAppointments {\n      id\n      title\n      kind\n      startsAt\n      customer {\n        id\n        name\n      }\n      assignee {\n        id\n        name\n      }\n    }\n  }\n": typeof types.UpcomingAppointments_DashboardFragmentDoc,
    "\n  query InteractionCustomerPicker($search: String!) {\n    customers(first: 6, filter: { search: $search }, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n          address {\n            city\n          }\n        }\n      }\n    }\n  }\n": typeof types.InteractionCustomerPickerDocument,
    "\n  fragment InteractionEntry_interaction on Interaction {\n    id\n    type\n    direction\n    channel\n    subject\n    notes\n    outcome\n    occurredAt\n    user {\n      id\n      name\n    }\n    customer {\n      id\n      name\n    }\n    project {\n      id\n      name\n    }\n    lead {\n      id\n      contactName\n      status\n    }\n  }\n": typeof types.InteractionEntry_InteractionFragmentDoc,
    "\n  query LogInteractionProject($id: ID!) {\n    project(id: $id) {\n      id\n      name\n      customer {\n        id\n        name\n      }\n    }\n  }\n": typeof types.LogInteractionProjectDocument,
    "\n  query LogInteractionLead($id: ID!) {\n    lead(id: $id) {\n      id\n      contactName\n      status\n      customer {\n        id\n        name\n      }\n    }\n  }\n": typeof types.LogInteractionLeadDocument,
    "\n  query LogInteractionCustomer($id: ID!) {\n    customer(id: $id) {\n      id\n      name\n      projects {\n        id\n        name\n        status\n      }\n      leads {\n        id\n        contactName\n        status\n        projectType\n      }\n    }\n  }\n": typeof types.LogInteractionCustomerDocument,
    "\n  query LogInteractionMyProjects {\n    projects(first: 100, orderBy: { field: UPDATED_AT, direction: DESC }) {\n      edges {\n        node {\n          id\n          name\n          status\n          customer {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.LogInteractionMyProjectsDocument,
    "\n  mutation LogInteraction($input: LogInteractionInput!) {\n    logInteraction(input: $input) {\n      interaction {\n        id\n        ...InteractionEntry_interaction\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.LogInteractionDocument,
    "\n  mutation CreateLead($input: CreateLeadInput!) {\n    createLead(input: $input) {\n      lead {\n        id\n        ...LeadCard_lead\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.CreateLeadDocument,
    "\n  query LeadFormCustomer($id: ID!) {\n    customer(id: $id) {\n      id\n      name\n      email\n      phone\n      address {\n        street\n        city\n        state\n        zip\n      }\n    }\n  }\n": typeof types.LeadFormCustomerDocument,
    "\n  query CustomerPicker($search: String!) {\n    customers(first: 8, filter: { search: $search }, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          email\n          phone\n          address {\n            street\n            city\n            state\n            zip\n          }\n        }\n      }\n    }\n  }\n": typeof types.CustomerPickerDocument,
    "\n  fragment LeadCard_lead on Lead {\n    id\n    contactName\n    customer {\n      id\n      name\n    }\n    status\n    score\n    scoreFactors {\n      factor\n      points\n      explanation\n    }\n    source\n    priority\n    projectType\n    estimatedValue\n    propertyAddress {\n      city\n    }\n    assignee {\n      id\n      name\n    }\n    updatedAt\n  }\n": typeof types.LeadCard_LeadFragmentDoc,
    "\n  fragment LeadsBoard_list on LeadConnection {\n    totalCount\n    edges {\n      node {\n        id\n        ...LeadCard_lead\n      }\n    }\n  }\n": typeof types.LeadsBoard_ListFragmentDoc,
    "\n  query LeadsBoard($first: Int!) {\n    new: leads(first: $first, filter: { statuses: [NEW] }, orderBy: { field: SCORE }) {\n      ...LeadsBoard_list\n    }\n    contacted: leads(first: $first, filter: { statuses: [CONTACTED] }, orderBy: { field: SCORE }) {\n      ...LeadsBoard_list\n    }\n    inspectionScheduled: leads(first: $first, filter: { statuses: [INSPECTION_SCHEDULED] }, orderBy: { field: SCORE }) {\n      ...LeadsBoard_list\n    }\n    estimateSent: leads(first: $first, filter: { statuses: [ESTIMATE_SENT] }, orderBy: { field: SCORE }) {\n      ...LeadsBoard_list\n    }\n    won: leads(first: $first, filter: { statuses: [WON] }, orderBy: { field: UPDATED_AT }) {\n      ...LeadsBoard_list\n    }\n    lost: leads(first: $first, filter: { statuses: [LOST] }, orderBy: { field: UPDATED_AT }) {\n      ...LeadsBoard_list\n    }\n  }\n": typeof types.LeadsBoardDocument,
    "\n  query AssignableUsers {\n    users(first: 100, filter: { active: true, roles: [SALES, MANAGER, ADMIN] }) {\n      edges {\n        node {\n          id\n          name\n          role\n          team {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.AssignableUsersDocument,
    "\n  query LeadTeams {\n    teams {\n      id\n      name\n      manager {\n        id\n      }\n      members {\n        id\n        name\n        role\n        active\n      }\n    }\n  }\n": typeof types.LeadTeamsDocument,
    "\n  mutation UpdateLeadStatus($input: UpdateLeadStatusInput!) {\n    updateLeadStatus(input: $input) {\n      lead {\n        id\n        status\n        lostReason\n        score\n        scoreFactors {\n          factor\n          points\n          explanation\n        }\n        updatedAt\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.UpdateLeadStatusDocument,
};
const documents: Documents = {
    "\n  fragment NotificationItem_notification on Notification {\n    id\n    kind\n    title\n    body\n    readAt\n    createdAt\n  }\n": types.NotificationItem_NotificationFragmentDoc,
    "\n  query NotificationsBell {\n    notifications(first: 8) {\n      unreadCount\n      edges {\n        node {\n          id\n          ...NotificationItem_notification\n        }\n      }\n    }\n  }\n": types.NotificationsBellDocument,
    "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead {\n      unreadCount\n    }\n  }\n": types.MarkAllNotificationsReadDocument,
    "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      accessToken\n      accessTokenExpiresAt\n      refreshToken\n      errors {\n        code\n      }\n    }\n  }\n": types.RefreshSessionDocument,
    "\n  fragment Viewer_user on User {\n    id\n    name\n    email\n    role\n    team {\n      id\n      name\n    }\n  }\n": types.Viewer_UserFragmentDoc,
    "\n  query Me {\n    me {\n      id\n      ...Viewer_user\n    }\n  }\n": types.MeDocument,
    "\n  mutation Logout($refreshToken: String) {\n    logout(refreshToken: $refreshToken) {\n      loggedOut\n    }\n  }\n": types.LogoutDocument,
    "\n  query MissedEvents($since: String!) {\n    missedEvents(since: $since, first: 200) {\n      lastEventId\n      hasMore\n      events {\n        __typename\n        ... on LeadEvent {\n          eventId\n        }\n        ... on ProjectEvent {\n          eventId\n        }\n        ... on NotificationEvent {\n          eventId\n        }\n        ... on AppointmentReminderEvent {\n          eventId\n        }\n        ... on DashboardEvent {\n          eventId\n        }\n      }\n    }\n  }\n": types.MissedEventsDocument,
    "\n  query LatestEventId {\n    latestEventId\n  }\n": types.LatestEventIdDocument,
    "\n  subscription LeadCreated {\n    leadCreated {\n      eventId\n      lead {\n        id\n        ...LeadCard_lead\n      }\n    }\n  }\n": types.LeadCreatedDocument,
    "\n  subscription LeadUpdated {\n    leadUpdated {\n      eventId\n      lead {\n        id\n        ...LeadCard_lead\n      }\n    }\n  }\n": types.LeadUpdatedDocument,
    "\n  subscription ProjectUpdated {\n    projectUpdated {\n      eventId\n      project {\n        id\n        status\n        completionPercentage\n        actualCost\n        updatedAt\n      }\n    }\n  }\n": types.ProjectUpdatedDocument,
    "\n  subscription NotificationReceived {\n    notificationReceived {\n      eventId\n      notification {\n        id\n        ...NotificationItem_notification\n      }\n    }\n  }\n": types.NotificationReceivedDocument,
    "\n  subscription DashboardUpdated {\n    dashboardUpdated {\n      eventId\n    }\n  }\n": types.DashboardUpdatedDocument,
    "\n  query BookingContext(\n    $customerId: ID!\n    $leadId: ID!\n    $projectId: ID!\n    $withCustomer: Boolean!\n    $withLead: Boolean!\n    $withProject: Boolean!\n  ) {\n    customer(id: $customerId) @include(if: $withCustomer) {\n      id\n      name\n    }\n    lead(id: $leadId) @include(if: $withLead) {\n      id\n      contactName\n      customer {\n        id\n        name\n      }\n    }\n    project(id: $projectId) @include(if: $withProject) {\n      id\n      name\n      customer {\n        id\n        name\n      }\n    }\n  }\n": types.BookingContextDocument,
    "\n  query BookingCustomers($search: String) {\n    customers(first: 8, filter: { search: $search }, orderBy: { field: NAME }) {\n      edges {\n        node {\n          id\n          name\n          address {\n            city\n          }\n        }\n      }\n    }\n  }\n": types.BookingCustomersDocument,
    "\n  fragment CalendarEvent_appointment on Appointment {\n    id\n    kind\n    title\n    status\n    startsAt\n    endsAt\n    location\n    notes\n    customer {\n      id\n      name\n    }\n    lead {\n      id\n      contactName\n    }\n    project {\n      id\n      name\n    }\n    assignee {\n      id\n      name\n    }\n  }\n": types.CalendarEvent_AppointmentFragmentDoc,
    "\n  mutation CreateAppointment($input: CreateAppointmentInput!) {\n    createAppointment(input: $input) {\n      appointment {\n        id\n        ...CalendarEvent_appointment\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.CreateAppointmentDocument,
    "\n  mutation UpdateAppointment($input: UpdateAppointmentInput!) {\n    updateAppointment(input: $input) {\n      appointment {\n        id\n        ...CalendarEvent_appointment\n        updatedAt\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.UpdateAppointmentDocument,
    "\n  query AppointmentStaff {\n    teams {\n      id\n      name\n      manager {\n        id\n      }\n      members {\n        id\n        name\n        role\n        active\n      }\n    }\n  }\n": types.AppointmentStaffDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      refreshToken\n      user {\n        id\n        ...Viewer_user\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  fragment CustomerForm_customer on Customer {\n    id\n    name\n    email\n    phone\n    address {\n      street\n      city\n      state\n      zip\n    }\n    customerType\n    segment\n    owningTeam {\n      id\n      name\n    }\n  }\n": types.CustomerForm_CustomerFragmentDoc,
    "\n  fragment CustomerForm_saved on Customer {\n    id\n    ...CustomerForm_customer\n    lifetimeValue\n    createdAt\n    updatedAt\n    deletedAt\n  }\n": types.CustomerForm_SavedFragmentDoc,
    "\n  mutation CreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      customer {\n        id\n        ...CustomerForm_saved\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.CreateCustomerDocument,
    "\n  mutation UpdateCustomer($input: UpdateCustomerInput!) {\n    updateCustomer(input: $input) {\n      customer {\n        id\n        ...CustomerForm_saved\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.UpdateCustomerDocument,
    "\n  query CustomerFormTeams {\n    teams {\n      id\n      name\n      manager {\n        id\n      }\n    }\n  }\n": types.CustomerFormTeamsDocument,
    "\n  query CustomersList($first: Int!, $after: String, $filter: CustomerFilter, $orderBy: CustomerOrder) {\n    customers(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          ...CustomerRow_customer\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.CustomersListDocument,
    "\n  query CustomersTeams {\n    teams {\n      id\n      name\n      manager {\n        id\n      }\n    }\n  }\n": types.CustomersTeamsDocument,
    "\n  fragment CustomerRow_customer on Customer {\n    id\n    name\n    email\n    phone\n    address {\n      city\n      state\n    }\n    customerType\n    segment\n    lifetimeValue\n    owningTeam {\n      id\n      name\n    }\n    createdAt\n    updatedAt\n    deletedAt\n  }\n": types.CustomerRow_CustomerFragmentDoc,
    "\n  query DashboardTeams {\n    teams {\n      id\n      name\n      manager {\n        id\n      }\n    }\n  }\n": types.DashboardTeamsDocument,
    "\n  query Dashboard($range: DashboardRange!, $teamId: ID) {\n    dashboard(range: $range, teamId: $teamId) {\n      range\n      team {\n        id\n        name\n      }\n      ...KpiTiles_dashboard\n      ...PipelineChart_dashboard\n      ...FunnelChart_dashboard\n      ...RevenueChart_dashboard\n      ...SourceRoiTable_dashboard\n      ...Leaderboard_dashboard\n      ...UpcomingAppointments_dashboard\n    }\n  }\n": types.DashboardDocument,
    "\n  fragment FunnelChart_dashboard on Dashboard {\n    funnel {\n      status\n      count\n      rate\n    }\n  }\n": types.FunnelChart_DashboardFragmentDoc,
    "\n  fragment KpiTiles_dashboard on Dashboard {\n    winRate\n    averageDealSize\n    onBudgetRatio\n    pipeline {\n      status\n      count\n      value\n    }\n  }\n": types.KpiTiles_DashboardFragmentDoc,
    "\n  fragment Leaderboard_dashboard on Dashboard {\n    leaderboard {\n      user {\n        id\n        name\n      }\n      leads\n      wins\n      revenue\n      avgResponseHours\n    }\n  }\n": types.Leaderboard_DashboardFragmentDoc,
    "\n  fragment PipelineChart_dashboard on Dashboard {\n    pipeline {\n      status\n      count\n      value\n    }\n  }\n": types.PipelineChart_DashboardFragmentDoc,
    "\n  fragment RevenueChart_dashboard on Dashboard {\n    revenueByMonth {\n      month\n      revenue\n      projects\n    }\n  }\n": types.RevenueChart_DashboardFragmentDoc,
    "\n  fragment SourceRoiTable_dashboard on Dashboard {\n    sourceRoi {\n      source\n      leads\n      wins\n      revenue\n      conversionRate\n    }\n  }\n": types.SourceRoiTable_DashboardFragmentDoc,
    "\n  fragment UpcomingAppointments_dashboard on Dashboard {\n    upcomingAppointments {\n      id\n      title\n      kind\n      startsAt\n      customer {\n        id\n        name\n      }\n      assignee {\n        id\n        name\n      }\n    }\n  }\n": types.UpcomingAppointments_DashboardFragmentDoc,
    "\n  query InteractionCustomerPicker($search: String!) {\n    customers(first: 6, filter: { search: $search }, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n          address {\n            city\n          }\n        }\n      }\n    }\n  }\n": types.InteractionCustomerPickerDocument,
    "\n  fragment InteractionEntry_interaction on Interaction {\n    id\n    type\n    direction\n    channel\n    subject\n    notes\n    outcome\n    occurredAt\n    user {\n      id\n      name\n    }\n    customer {\n      id\n      name\n    }\n    project {\n      id\n      name\n    }\n    lead {\n      id\n      contactName\n      status\n    }\n  }\n": types.InteractionEntry_InteractionFragmentDoc,
    "\n  query LogInteractionProject($id: ID!) {\n    project(id: $id) {\n      id\n      name\n      customer {\n        id\n        name\n      }\n    }\n  }\n": types.LogInteractionProjectDocument,
    "\n  query LogInteractionLead($id: ID!) {\n    lead(id: $id) {\n      id\n      contactName\n      status\n      customer {\n        id\n        name\n      }\n    }\n  }\n": types.LogInteractionLeadDocument,
    "\n  query LogInteractionCustomer($id: ID!) {\n    customer(id: $id) {\n      id\n      name\n      projects {\n        id\n        name\n        status\n      }\n      leads {\n        id\n        contactName\n        status\n        projectType\n      }\n    }\n  }\n": types.LogInteractionCustomerDocument,
    "\n  query LogInteractionMyProjects {\n    projects(first: 100, orderBy: { field: UPDATED_AT, direction: DESC }) {\n      edges {\n        node {\n          id\n          name\n          status\n          customer {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.LogInteractionMyProjectsDocument,
    "\n  mutation LogInteraction($input: LogInteractionInput!) {\n    logInteraction(input: $input) {\n      interaction {\n        id\n        ...InteractionEntry_interaction\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.LogInteractionDocument,
    "\n  mutation CreateLead($input: CreateLeadInput!) {\n    createLead(input: $input) {\n      lead {\n        id\n        ...LeadCard_lead\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.CreateLeadDocument,
    "\n  query LeadFormCustomer($id: ID!) {\n    customer(id: $id) {\n      id\n      name\n      email\n      phone\n      address {\n        street\n        city\n        state\n        zip\n      }\n    }\n  }\n": types.LeadFormCustomerDocument,
    "\n  query CustomerPicker($search: String!) {\n    customers(first: 8, filter: { search: $search }, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          email\n          phone\n          address {\n            street\n            city\n            state\n            zip\n          }\n        }\n      }\n    }\n  }\n": types.CustomerPickerDocument,
    "\n  fragment LeadCard_lead on Lead {\n    id\n    contactName\n    customer {\n      id\n      name\n    }\n    status\n    score\n    scoreFactors {\n      factor\n      points\n      explanation\n    }\n    source\n    priority\n    projectType\n    estimatedValue\n    propertyAddress {\n      city\n    }\n    assignee {\n      id\n      name\n    }\n    updatedAt\n  }\n": types.LeadCard_LeadFragmentDoc,
    "\n  fragment LeadsBoard_list on LeadConnection {\n    totalCount\n    edges {\n      node {\n        id\n        ...LeadCard_lead\n      }\n    }\n  }\n": types.LeadsBoard_ListFragmentDoc,
    "\n  query LeadsBoard($first: Int!) {\n    new: leads(first: $first, filter: { statuses: [NEW] }, orderBy: { field: SCORE }) {\n      ...LeadsBoard_list\n    }\n    contacted: leads(first: $first, filter: { statuses: [CONTACTED] }, orderBy: { field: SCORE }) {\n      ...LeadsBoard_list\n    }\n    inspectionScheduled: leads(first: $first, filter: { statuses: [INSPECTION_SCHEDULED] }, orderBy: { field: SCORE }) {\n      ...LeadsBoard_list\n    }\n    estimateSent: leads(first: $first, filter: { statuses: [ESTIMATE_SENT] }, orderBy: { field: SCORE }) {\n      ...LeadsBoard_list\n    }\n    won: leads(first: $first, filter: { statuses: [WON] }, orderBy: { field: UPDATED_AT }) {\n      ...LeadsBoard_list\n    }\n    lost: leads(first: $first, filter: { statuses: [LOST] }, orderBy: { field: UPDATED_AT }) {\n      ...LeadsBoard_list\n    }\n  }\n": types.LeadsBoardDocument,
    "\n  query AssignableUsers {\n    users(first: 100, filter: { active: true, roles: [SALES, MANAGER, ADMIN] }) {\n      edges {\n        node {\n          id\n          name\n          role\n          team {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.AssignableUsersDocument,
    "\n  query LeadTeams {\n    teams {\n      id\n      name\n      manager {\n        id\n      }\n      members {\n        id\n        name\n        role\n        active\n      }\n    }\n  }\n": types.LeadTeamsDocument,
    "\n  mutation UpdateLeadStatus($input: UpdateLeadStatusInput!) {\n    updateLeadStatus(input: $input) {\n      lead {\n        id\n        status\n        lostReason\n        score\n        scoreFactors {\n          factor\n          points\n          explanation\n        }\n        updatedAt\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.UpdateLeadStatusDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NotificationItem_notification on Notification {\n    id\n    kind\n    title\n    body\n    readAt\n    createdAt\n  }\n"): (typeof documents)["\n  fragment NotificationItem_notification on Notification {\n    id\n    kind\n    title\n    body\n    readAt\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationsBell {\n    notifications(first: 8) {\n      unreadCount\n      edges {\n        node {\n          id\n          ...NotificationItem_notification\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query NotificationsBell {\n    notifications(first: 8) {\n      unreadCount\n      edges {\n        node {\n          id\n          ...NotificationItem_notification\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead {\n      unreadCount\n    }\n  }\n"): (typeof documents)["\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead {\n      unreadCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      accessToken\n      accessTokenExpiresAt\n      refreshToken\n      errors {\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      accessToken\n      accessTokenExpiresAt\n      refreshToken\n      errors {\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Viewer_user on User {\n    id\n    name\n    email\n    role\n    team {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment Viewer_user on User {\n    id\n    name\n    email\n    role\n    team {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      ...Viewer_user\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      ...Viewer_user\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout($refreshToken: String) {\n    logout(refreshToken: $refreshToken) {\n      loggedOut\n    }\n  }\n"): (typeof documents)["\n  mutation Logout($refreshToken: String) {\n    logout(refreshToken: $refreshToken) {\n      loggedOut\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MissedEvents($since: String!) {\n    missedEvents(since: $since, first: 200) {\n      lastEventId\n      hasMore\n      events {\n        __typename\n        ... on LeadEvent {\n          eventId\n        }\n        ... on ProjectEvent {\n          eventId\n        }\n        ... on NotificationEvent {\n          eventId\n        }\n        ... on AppointmentReminderEvent {\n          eventId\n        }\n        ... on DashboardEvent {\n          eventId\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MissedEvents($since: String!) {\n    missedEvents(since: $since, first: 200) {\n      lastEventId\n      hasMore\n      events {\n        __typename\n        ... on LeadEvent {\n          eventId\n        }\n        ... on ProjectEvent {\n          eventId\n        }\n        ... on NotificationEvent {\n          eventId\n        }\n        ... on AppointmentReminderEvent {\n          eventId\n        }\n        ... on DashboardEvent {\n          eventId\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LatestEventId {\n    latestEventId\n  }\n"): (typeof documents)["\n  query LatestEventId {\n    latestEventId\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LeadCreated {\n    leadCreated {\n      eventId\n      lead {\n        id\n        ...LeadCard_lead\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription LeadCreated {\n    leadCreated {\n      eventId\n      lead {\n        id\n        ...LeadCard_lead\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LeadUpdated {\n    leadUpdated {\n      eventId\n      lead {\n        id\n        ...LeadCard_lead\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription LeadUpdated {\n    leadUpdated {\n      eventId\n      lead {\n        id\n        ...LeadCard_lead\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ProjectUpdated {\n    projectUpdated {\n      eventId\n      project {\n        id\n        status\n        completionPercentage\n        actualCost\n        updatedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ProjectUpdated {\n    projectUpdated {\n      eventId\n      project {\n        id\n        status\n        completionPercentage\n        actualCost\n        updatedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationReceived {\n    notificationReceived {\n      eventId\n      notification {\n        id\n        ...NotificationItem_notification\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription NotificationReceived {\n    notificationReceived {\n      eventId\n      notification {\n        id\n        ...NotificationItem_notification\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DashboardUpdated {\n    dashboardUpdated {\n      eventId\n    }\n  }\n"): (typeof documents)["\n  subscription DashboardUpdated {\n    dashboardUpdated {\n      eventId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BookingContext(\n    $customerId: ID!\n    $leadId: ID!\n    $projectId: ID!\n    $withCustomer: Boolean!\n    $withLead: Boolean!\n    $withProject: Boolean!\n  ) {\n    customer(id: $customerId) @include(if: $withCustomer) {\n      id\n      name\n    }\n    lead(id: $leadId) @include(if: $withLead) {\n      id\n      contactName\n      customer {\n        id\n        name\n      }\n    }\n    project(id: $projectId) @include(if: $withProject) {\n      id\n      name\n      customer {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query BookingContext(\n    $customerId: ID!\n    $leadId: ID!\n    $projectId: ID!\n    $withCustomer: Boolean!\n    $withLead: Boolean!\n    $withProject: Boolean!\n  ) {\n    customer(id: $customerId) @include(if: $withCustomer) {\n      id\n      name\n    }\n    lead(id: $leadId) @include(if: $withLead) {\n      id\n      contactName\n      customer {\n        id\n        name\n      }\n    }\n    project(id: $projectId) @include(if: $withProject) {\n      id\n      name\n      customer {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BookingCustomers($search: String) {\n    customers(first: 8, filter: { search: $search }, orderBy: { field: NAME }) {\n      edges {\n        node {\n          id\n          name\n          address {\n            city\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query BookingCustomers($search: String) {\n    customers(first: 8, filter: { search: $search }, orderBy: { field: NAME }) {\n      edges {\n        node {\n          id\n          name\n          address {\n            city\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CalendarEvent_appointment on Appointment {\n    id\n    kind\n    title\n    status\n    startsAt\n    endsAt\n    location\n    notes\n    customer {\n      id\n      name\n    }\n    lead {\n      id\n      contactName\n    }\n    project {\n      id\n      name\n    }\n    assignee {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment CalendarEvent_appointment on Appointment {\n    id\n    kind\n    title\n    status\n    startsAt\n    endsAt\n    location\n    notes\n    customer {\n      id\n      name\n    }\n    lead {\n      id\n      contactName\n    }\n    project {\n      id\n      name\n    }\n    assignee {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAppointment($input: CreateAppointmentInput!) {\n    createAppointment(input: $input) {\n      appointment {\n        id\n        ...CalendarEvent_appointment\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateAppointment($input: CreateAppointmentInput!) {\n    createAppointment(input: $input) {\n      appointment {\n        id\n        ...CalendarEvent_appointment\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAppointment($input: UpdateAppointmentInput!) {\n    updateAppointment(input: $input) {\n      appointment {\n        id\n        ...CalendarEvent_appointment\n        updatedAt\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateAppointment($input: UpdateAppointmentInput!) {\n    updateAppointment(input: $input) {\n      appointment {\n        id\n        ...CalendarEvent_appointment\n        updatedAt\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AppointmentStaff {\n    teams {\n      id\n      name\n      manager {\n        id\n      }\n      members {\n        id\n        name\n        role\n        active\n      }\n    }\n  }\n"): (typeof documents)["\n  query AppointmentStaff {\n    teams {\n      id\n      name\n      manager {\n        id\n      }\n      members {\n        id\n        name\n        role\n        active\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      refreshToken\n      user {\n        id\n        ...Viewer_user\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      refreshToken\n      user {\n        id\n        ...Viewer_user\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerForm_customer on Customer {\n    id\n    name\n    email\n    phone\n    address {\n      street\n      city\n      state\n      zip\n    }\n    customerType\n    segment\n    owningTeam {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment CustomerForm_customer on Customer {\n    id\n    name\n    email\n    phone\n    address {\n      street\n      city\n      state\n      zip\n    }\n    customerType\n    segment\n    owningTeam {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerForm_saved on Customer {\n    id\n    ...CustomerForm_customer\n    lifetimeValue\n    createdAt\n    updatedAt\n    deletedAt\n  }\n"): (typeof documents)["\n  fragment CustomerForm_saved on Customer {\n    id\n    ...CustomerForm_customer\n    lifetimeValue\n    createdAt\n    updatedAt\n    deletedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      customer {\n        id\n        ...CustomerForm_saved\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      customer {\n        id\n        ...CustomerForm_saved\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCustomer($input: UpdateCustomerInput!) {\n    updateCustomer(input: $input) {\n      customer {\n        id\n        ...CustomerForm_saved\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCustomer($input: UpdateCustomerInput!) {\n    updateCustomer(input: $input) {\n      customer {\n        id\n        ...CustomerForm_saved\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerFormTeams {\n    teams {\n      id\n      name\n      manager {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query CustomerFormTeams {\n    teams {\n      id\n      name\n      manager {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomersList($first: Int!, $after: String, $filter: CustomerFilter, $orderBy: CustomerOrder) {\n    customers(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          ...CustomerRow_customer\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query CustomersList($first: Int!, $after: String, $filter: CustomerFilter, $orderBy: CustomerOrder) {\n    customers(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          ...CustomerRow_customer\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomersTeams {\n    teams {\n      id\n      name\n      manager {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query CustomersTeams {\n    teams {\n      id\n      name\n      manager {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerRow_customer on Customer {\n    id\n    name\n    email\n    phone\n    address {\n      city\n      state\n    }\n    customerType\n    segment\n    lifetimeValue\n    owningTeam {\n      id\n      name\n    }\n    createdAt\n    updatedAt\n    deletedAt\n  }\n"): (typeof documents)["\n  fragment CustomerRow_customer on Customer {\n    id\n    name\n    email\n    phone\n    address {\n      city\n      state\n    }\n    customerType\n    segment\n    lifetimeValue\n    owningTeam {\n      id\n      name\n    }\n    createdAt\n    updatedAt\n    deletedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardTeams {\n    teams {\n      id\n      name\n      manager {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query DashboardTeams {\n    teams {\n      id\n      name\n      manager {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dashboard($range: DashboardRange!, $teamId: ID) {\n    dashboard(range: $range, teamId: $teamId) {\n      range\n      team {\n        id\n        name\n      }\n      ...KpiTiles_dashboard\n      ...PipelineChart_dashboard\n      ...FunnelChart_dashboard\n      ...RevenueChart_dashboard\n      ...SourceRoiTable_dashboard\n      ...Leaderboard_dashboard\n      ...UpcomingAppointments_dashboard\n    }\n  }\n"): (typeof documents)["\n  query Dashboard($range: DashboardRange!, $teamId: ID) {\n    dashboard(range: $range, teamId: $teamId) {\n      range\n      team {\n        id\n        name\n      }\n      ...KpiTiles_dashboard\n      ...PipelineChart_dashboard\n      ...FunnelChart_dashboard\n      ...RevenueChart_dashboard\n      ...SourceRoiTable_dashboard\n      ...Leaderboard_dashboard\n      ...UpcomingAppointments_dashboard\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FunnelChart_dashboard on Dashboard {\n    funnel {\n      status\n      count\n      rate\n    }\n  }\n"): (typeof documents)["\n  fragment FunnelChart_dashboard on Dashboard {\n    funnel {\n      status\n      count\n      rate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment KpiTiles_dashboard on Dashboard {\n    winRate\n    averageDealSize\n    onBudgetRatio\n    pipeline {\n      status\n      count\n      value\n    }\n  }\n"): (typeof documents)["\n  fragment KpiTiles_dashboard on Dashboard {\n    winRate\n    averageDealSize\n    onBudgetRatio\n    pipeline {\n      status\n      count\n      value\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Leaderboard_dashboard on Dashboard {\n    leaderboard {\n      user {\n        id\n        name\n      }\n      leads\n      wins\n      revenue\n      avgResponseHours\n    }\n  }\n"): (typeof documents)["\n  fragment Leaderboard_dashboard on Dashboard {\n    leaderboard {\n      user {\n        id\n        name\n      }\n      leads\n      wins\n      revenue\n      avgResponseHours\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PipelineChart_dashboard on Dashboard {\n    pipeline {\n      status\n      count\n      value\n    }\n  }\n"): (typeof documents)["\n  fragment PipelineChart_dashboard on Dashboard {\n    pipeline {\n      status\n      count\n      value\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RevenueChart_dashboard on Dashboard {\n    revenueByMonth {\n      month\n      revenue\n      projects\n    }\n  }\n"): (typeof documents)["\n  fragment RevenueChart_dashboard on Dashboard {\n    revenueByMonth {\n      month\n      revenue\n      projects\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SourceRoiTable_dashboard on Dashboard {\n    sourceRoi {\n      source\n      leads\n      wins\n      revenue\n      conversionRate\n    }\n  }\n"): (typeof documents)["\n  fragment SourceRoiTable_dashboard on Dashboard {\n    sourceRoi {\n      source\n      leads\n      wins\n      revenue\n      conversionRate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UpcomingAppointments_dashboard on Dashboard {\n    upcomingAppointments {\n      id\n      title\n      kind\n      startsAt\n      customer {\n        id\n        name\n      }\n      assignee {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment UpcomingAppointments_dashboard on Dashboard {\n    upcomingAppointments {\n      id\n      title\n      kind\n      startsAt\n      customer {\n        id\n        name\n      }\n      assignee {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InteractionCustomerPicker($search: String!) {\n    customers(first: 6, filter: { search: $search }, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n          address {\n            city\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query InteractionCustomerPicker($search: String!) {\n    customers(first: 6, filter: { search: $search }, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n          address {\n            city\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InteractionEntry_interaction on Interaction {\n    id\n    type\n    direction\n    channel\n    subject\n    notes\n    outcome\n    occurredAt\n    user {\n      id\n      name\n    }\n    customer {\n      id\n      name\n    }\n    project {\n      id\n      name\n    }\n    lead {\n      id\n      contactName\n      status\n    }\n  }\n"): (typeof documents)["\n  fragment InteractionEntry_interaction on Interaction {\n    id\n    type\n    direction\n    channel\n    subject\n    notes\n    outcome\n    occurredAt\n    user {\n      id\n      name\n    }\n    customer {\n      id\n      name\n    }\n    project {\n      id\n      name\n    }\n    lead {\n      id\n      contactName\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LogInteractionProject($id: ID!) {\n    project(id: $id) {\n      id\n      name\n      customer {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query LogInteractionProject($id: ID!) {\n    project(id: $id) {\n      id\n      name\n      customer {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LogInteractionLead($id: ID!) {\n    lead(id: $id) {\n      id\n      contactName\n      status\n      customer {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query LogInteractionLead($id: ID!) {\n    lead(id: $id) {\n      id\n      contactName\n      status\n      customer {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LogInteractionCustomer($id: ID!) {\n    customer(id: $id) {\n      id\n      name\n      projects {\n        id\n        name\n        status\n      }\n      leads {\n        id\n        contactName\n        status\n        projectType\n      }\n    }\n  }\n"): (typeof documents)["\n  query LogInteractionCustomer($id: ID!) {\n    customer(id: $id) {\n      id\n      name\n      projects {\n        id\n        name\n        status\n      }\n      leads {\n        id\n        contactName\n        status\n        projectType\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LogInteractionMyProjects {\n    projects(first: 100, orderBy: { field: UPDATED_AT, direction: DESC }) {\n      edges {\n        node {\n          id\n          name\n          status\n          customer {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query LogInteractionMyProjects {\n    projects(first: 100, orderBy: { field: UPDATED_AT, direction: DESC }) {\n      edges {\n        node {\n          id\n          name\n          status\n          customer {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogInteraction($input: LogInteractionInput!) {\n    logInteraction(input: $input) {\n      interaction {\n        id\n        ...InteractionEntry_interaction\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation LogInteraction($input: LogInteractionInput!) {\n    logInteraction(input: $input) {\n      interaction {\n        id\n        ...InteractionEntry_interaction\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateLead($input: CreateLeadInput!) {\n    createLead(input: $input) {\n      lead {\n        id\n        ...LeadCard_lead\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateLead($input: CreateLeadInput!) {\n    createLead(input: $input) {\n      lead {\n        id\n        ...LeadCard_lead\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LeadFormCustomer($id: ID!) {\n    customer(id: $id) {\n      id\n      name\n      email\n      phone\n      address {\n        street\n        city\n        state\n        zip\n      }\n    }\n  }\n"): (typeof documents)["\n  query LeadFormCustomer($id: ID!) {\n    customer(id: $id) {\n      id\n      name\n      email\n      phone\n      address {\n        street\n        city\n        state\n        zip\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerPicker($search: String!) {\n    customers(first: 8, filter: { search: $search }, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          email\n          phone\n          address {\n            street\n            city\n            state\n            zip\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CustomerPicker($search: String!) {\n    customers(first: 8, filter: { search: $search }, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          email\n          phone\n          address {\n            street\n            city\n            state\n            zip\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LeadCard_lead on Lead {\n    id\n    contactName\n    customer {\n      id\n      name\n    }\n    status\n    score\n    scoreFactors {\n      factor\n      points\n      explanation\n    }\n    source\n    priority\n    projectType\n    estimatedValue\n    propertyAddress {\n      city\n    }\n    assignee {\n      id\n      name\n    }\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment LeadCard_lead on Lead {\n    id\n    contactName\n    customer {\n      id\n      name\n    }\n    status\n    score\n    scoreFactors {\n      factor\n      points\n      explanation\n    }\n    source\n    priority\n    projectType\n    estimatedValue\n    propertyAddress {\n      city\n    }\n    assignee {\n      id\n      name\n    }\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LeadsBoard_list on LeadConnection {\n    totalCount\n    edges {\n      node {\n        id\n        ...LeadCard_lead\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment LeadsBoard_list on LeadConnection {\n    totalCount\n    edges {\n      node {\n        id\n        ...LeadCard_lead\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LeadsBoard($first: Int!) {\n    new: leads(first: $first, filter: { statuses: [NEW] }, orderBy: { field: SCORE }) {\n      ...LeadsBoard_list\n    }\n    contacted: leads(first: $first, filter: { statuses: [CONTACTED] }, orderBy: { field: SCORE }) {\n      ...LeadsBoard_list\n    }\n    inspectionScheduled: leads(first: $first, filter: { statuses: [INSPECTION_SCHEDULED] }, orderBy: { field: SCORE }) {\n      ...LeadsBoard_list\n    }\n    estimateSent: leads(first: $first, filter: { statuses: [ESTIMATE_SENT] }, orderBy: { field: SCORE }) {\n      ...LeadsBoard_list\n    }\n    won: leads(first: $first, filter: { statuses: [WON] }, orderBy: { field: UPDATED_AT }) {\n      ...LeadsBoard_list\n    }\n    lost: leads(first: $first, filter: { statuses: [LOST] }, orderBy: { field: UPDATED_AT }) {\n      ...LeadsBoard_list\n    }\n  }\n"): (typeof documents)["\n  query LeadsBoard($first: Int!) {\n    new: leads(first: $first, filter: { statuses: [NEW] }, orderBy: { field: SCORE }) {\n      ...LeadsBoard_list\n    }\n    contacted: leads(first: $first, filter: { statuses: [CONTACTED] }, orderBy: { field: SCORE }) {\n      ...LeadsBoard_list\n    }\n    inspectionScheduled: leads(first: $first, filter: { statuses: [INSPECTION_SCHEDULED] }, orderBy: { field: SCORE }) {\n      ...LeadsBoard_list\n    }\n    estimateSent: leads(first: $first, filter: { statuses: [ESTIMATE_SENT] }, orderBy: { field: SCORE }) {\n      ...LeadsBoard_list\n    }\n    won: leads(first: $first, filter: { statuses: [WON] }, orderBy: { field: UPDATED_AT }) {\n      ...LeadsBoard_list\n    }\n    lost: leads(first: $first, filter: { statuses: [LOST] }, orderBy: { field: UPDATED_AT }) {\n      ...LeadsBoard_list\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssignableUsers {\n    users(first: 100, filter: { active: true, roles: [SALES, MANAGER, ADMIN] }) {\n      edges {\n        node {\n          id\n          name\n          role\n          team {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AssignableUsers {\n    users(first: 100, filter: { active: true, roles: [SALES, MANAGER, ADMIN] }) {\n      edges {\n        node {\n          id\n          name\n          role\n          team {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LeadTeams {\n    teams {\n      id\n      name\n      manager {\n        id\n      }\n      members {\n        id\n        name\n        role\n        active\n      }\n    }\n  }\n"): (typeof documents)["\n  query LeadTeams {\n    teams {\n      id\n      name\n      manager {\n        id\n      }\n      members {\n        id\n        name\n        role\n        active\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateLeadStatus($input: UpdateLeadStatusInput!) {\n    updateLeadStatus(input: $input) {\n      lead {\n        id\n        status\n        lostReason\n        score\n        scoreFactors {\n          factor\n          points\n          explanation\n        }\n        updatedAt\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateLeadStatus($input: UpdateLeadStatusInput!) {\n    updateLeadStatus(input: $input) {\n      lead {\n        id\n        status\n        lostReason\n        score\n        scoreFactors {\n          factor\n          points\n          explanation\n        }\n        updatedAt\n      }\n      errors {\n        field\n        code\n        message\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;