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
    "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      accessToken\n      accessTokenExpiresAt\n      refreshToken\n      errors {\n        code\n      }\n    }\n  }\n": typeof types.RefreshSessionDocument,
    "\n  fragment Viewer_user on User {\n    id\n    name\n    email\n    role\n    team {\n      id\n      name\n    }\n  }\n": typeof types.Viewer_UserFragmentDoc,
    "\n  query Me {\n    me { id ...Viewer_user }\n  }\n": typeof types.MeDocument,
    "\n  mutation Logout($refreshToken: String) {\n    logout(refreshToken: $refreshToken) {\n      loggedOut\n    }\n  }\n": typeof types.LogoutDocument,
    "\n  query MissedEvents($since: String!) {\n    missedEvents(since: $since, first: 200) {\n      lastEventId\n      hasMore\n      events {\n        __typename\n        ... on LeadEvent {\n          eventId\n        }\n        ... on ProjectEvent {\n          eventId\n        }\n        ... on AppointmentEvent {\n          eventId\n        }\n        ... on NotificationEvent {\n          eventId\n        }\n        ... on AppointmentReminderEvent {\n          eventId\n        }\n        ... on DashboardEvent {\n          eventId\n        }\n        ... on ViewerEvent {\n          eventId\n        }\n      }\n    }\n  }\n": typeof types.MissedEventsDocument,
    "\n  query LatestEventId {\n    latestEventId\n  }\n": typeof types.LatestEventIdDocument,
    "\n  subscription LeadCreated {\n    leadCreated {\n      eventId\n      lead {\n        id\n        ...LeadCard_lead\n      }\n    }\n  }\n": typeof types.LeadCreatedDocument,
    "\n  subscription LeadUpdated {\n    leadUpdated {\n      eventId\n      lead {\n        id\n        ...LeadCard_lead\n      }\n    }\n  }\n": typeof types.LeadUpdatedDocument,
    "\n  subscription ProjectUpdated {\n    projectUpdated {\n      eventId\n      project {\n        id\n        status\n        completionPercentage\n        actualCost\n        updatedAt\n      }\n    }\n  }\n": typeof types.ProjectUpdatedDocument,
    "\n  subscription AppointmentUpdated {\n    appointmentUpdated {\n      eventId\n      appointment {\n        id\n        ...CalendarEvent_appointment\n        updatedAt\n      }\n    }\n  }\n": typeof types.AppointmentUpdatedDocument,
    "\n  subscription NotificationReceived {\n    notificationReceived {\n      eventId\n      notification {\n        id\n        ...NotificationItem_notification\n      }\n    }\n  }\n": typeof types.NotificationReceivedDocument,
    "\n  subscription DashboardUpdated {\n    dashboardUpdated {\n      eventId\n    }\n  }\n": typeof types.DashboardUpdatedDocument,
    "\n  query BookingContext(\n    $customerId: ID!\n    $leadId: ID!\n    $projectId: ID!\n    $withCustomer: Boolean!\n    $withLead: Boolean!\n    $withProject: Boolean!\n  ) {\n    customer(id: $customerId) @include(if: $withCustomer) {\n      id\n      name\n    }\n    lead(id: $leadId) @include(if: $withLead) {\n      id\n      contactName\n      customer {\n        id\n        name\n      }\n    }\n    project(id: $projectId) @include(if: $withProject) {\n      id\n      name\n      customer {\n        id\n        name\n      }\n    }\n  }\n": typeof types.BookingContextDocument,
    "\n  fragment AppointmentSummary_appointment on Appointment {\n    id\n    title\n    kind\n    status\n    startsAt\n    endsAt\n    location\n    assignee {\n      id\n      name\n    }\n  }\n": typeof types.AppointmentSummary_AppointmentFragmentDoc,
    "\n  fragment CalendarEvent_appointment on Appointment {\n    id\n    ...AppointmentSummary_appointment @unmask\n    notes\n    customer {\n      id\n      name\n    }\n    lead {\n      id\n      contactName\n    }\n    project {\n      id\n      name\n    }\n  }\n": typeof types.CalendarEvent_AppointmentFragmentDoc,
    "\n  mutation CreateAppointment($input: CreateAppointmentInput!) {\n    createAppointment(input: $input) {\n      appointment { id ...CalendarEvent_appointment }\n      errors { field code message }\n    }\n  }\n": typeof types.CreateAppointmentDocument,
    "\n  mutation UpdateAppointment($input: UpdateAppointmentInput!) {\n    updateAppointment(input: $input) {\n      appointment {\n        id\n        ...CalendarEvent_appointment\n        updatedAt\n      }\n      errors { field code message }\n    }\n  }\n": typeof types.UpdateAppointmentDocument,
    "\n  query AppointmentsCalendar($filter: AppointmentFilter!, $after: String) {\n    appointments(first: 100, after: $after, filter: $filter, orderBy: { field: STARTS_AT }) {\n      totalCount\n      edges {\n        cursor\n        node { id ...CalendarEvent_appointment }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AppointmentsCalendarDocument,
    "\n  query AppointmentById($id: ID!) {\n    appointment(id: $id) {\n      id\n      ...CalendarEvent_appointment\n    }\n  }\n": typeof types.AppointmentByIdDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      refreshToken\n      user { id ...Viewer_user }\n      errors { field code message }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  query CustomerDetail($id: ID!) {\n    customer(id: $id) {\n      id\n      ...CustomerForm_customer @unmask\n      lifetimeValue\n      createdBy {\n        id\n        name\n      }\n      createdAt\n      updatedAt\n      deletedAt\n      ...CustomerProjects_customer\n      ...CustomerLeads_customer\n      ...CustomerAppointments_customer\n    }\n  }\n": typeof types.CustomerDetailDocument,
    "\n  fragment CustomerPicker_customer on Customer {\n    id\n    name\n    email\n    phone\n    address { street city state zip }\n  }\n": typeof types.CustomerPicker_CustomerFragmentDoc,
    "\n  query CustomerPickerSearch($search: String!) {\n    customers(first: 8, filter: { search: $search }, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node { ...CustomerPicker_customer @unmask }\n      }\n    }\n  }\n": typeof types.CustomerPickerSearchDocument,
    "\n  fragment CustomerProjects_customer on Customer {\n    projects {\n      id\n      name\n      status\n      projectType\n      budget\n      completionPercentage\n      startDate\n      endDate\n    }\n  }\n": typeof types.CustomerProjects_CustomerFragmentDoc,
    "\n  fragment CustomerLeads_customer on Customer {\n    leads {\n      id\n      contactName\n      status\n      source\n      score\n      projectType\n      estimatedValue\n      assignee {\n        id\n        name\n      }\n      createdAt\n    }\n  }\n": typeof types.CustomerLeads_CustomerFragmentDoc,
    "\n  fragment CustomerAppointments_customer on Customer {\n    appointments {\n      id\n      ...AppointmentSummary_appointment\n      project {\n        id\n        name\n      }\n    }\n  }\n": typeof types.CustomerAppointments_CustomerFragmentDoc,
    "\n  query CustomerTimeline($customerId: ID!, $first: Int!, $after: String) {\n    interactions(\n      first: $first\n      after: $after\n      filter: { customerId: $customerId }\n      orderBy: { field: OCCURRED_AT, direction: DESC }\n    ) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          ...InteractionEntry_interaction @unmask\n          lead {\n            id\n            projectType\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.CustomerTimelineDocument,
    "\n  query CustomersList($first: Int!, $after: String, $filter: CustomerFilter, $orderBy: CustomerOrder) {\n    customers(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      edges {\n        cursor\n        node { id ...CustomerRow_customer }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.CustomersListDocument,
    "\n  query CustomersTeams {\n    teams {\n      id\n      name\n      manager {\n        id\n      }\n    }\n  }\n": typeof types.CustomersTeamsDocument,
    "\n  fragment CustomerRow_customer on Customer {\n    id\n    name\n    email\n    phone\n    address {\n      city\n      state\n    }\n    customerType\n    segment\n    lifetimeValue\n    owningTeam {\n      id\n      name\n    }\n    createdAt\n    updatedAt\n    deletedAt\n  }\n": typeof types.CustomerRow_CustomerFragmentDoc,
    "\n  fragment CustomerForm_customer on Customer {\n    id\n    ...CustomerPicker_customer @unmask\n    customerType\n    segment\n    owningTeam {\n      id\n      name\n    }\n  }\n": typeof types.CustomerForm_CustomerFragmentDoc,
    "\n  fragment CustomerForm_saved on Customer {\n    id\n    ...CustomerForm_customer\n    lifetimeValue\n    createdAt\n    updatedAt\n    deletedAt\n  }\n": typeof types.CustomerForm_SavedFragmentDoc,
    "\n  mutation CreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      customer { id ...CustomerForm_saved }\n      errors { field code message }\n    }\n  }\n": typeof types.CreateCustomerDocument,
    "\n  mutation UpdateCustomer($input: UpdateCustomerInput!) {\n    updateCustomer(input: $input) {\n      customer { id ...CustomerForm_saved }\n      errors { field code message }\n    }\n  }\n": typeof types.UpdateCustomerDocument,
    "\n  query CustomerFormTeams {\n    teams {\n      id\n      name\n      manager {\n        id\n      }\n    }\n  }\n": typeof types.CustomerFormTeamsDocument,
    "\n  fragment CustomerTrashState_customer on Customer {\n    id\n    deletedAt\n    updatedAt\n  }\n": typeof types.CustomerTrashState_CustomerFragmentDoc,
    "\n  mutation DeleteCustomer($id: ID!) {\n    deleteCustomer(id: $id) {\n      customer { ...CustomerTrashState_customer }\n      errors { field code message }\n    }\n  }\n": typeof types.DeleteCustomerDocument,
    "\n  mutation RestoreCustomer($id: ID!) {\n    restoreCustomer(id: $id) {\n      customer { ...CustomerTrashState_customer }\n      errors { field code message }\n    }\n  }\n": typeof types.RestoreCustomerDocument,
    "\n  mutation HardDeleteCustomer($id: ID!) {\n    hardDeleteCustomer(id: $id) {\n      deletedId\n      errors { field code message }\n    }\n  }\n": typeof types.HardDeleteCustomerDocument,
    "\n  query DashboardTeams {\n    teams {\n      id\n      name\n      manager {\n        id\n      }\n    }\n  }\n": typeof types.DashboardTeamsDocument,
    "\n  query Dashboard($range: DashboardRange!, $teamId: ID) {\n    dashboard(range: $range, teamId: $teamId) {\n      range\n      team {\n        id\n        name\n      }\n      ...KpiTiles_dashboard\n      ...PipelineChart_dashboard\n      ...FunnelChart_dashboard\n      ...RevenueChart_dashboard\n      ...SourceRoiTable_dashboard\n      ...Leaderboard_dashboard\n      ...UpcomingAppointments_dashboard\n    }\n  }\n": typeof types.DashboardDocument,
    "\n  fragment FunnelChart_dashboard on Dashboard {\n    funnel {\n      status\n      count\n      rate\n    }\n  }\n": typeof types.FunnelChart_DashboardFragmentDoc,
    "\n  fragment KpiTiles_dashboard on Dashboard {\n    winRate\n    averageDealSize\n    onBudgetRatio\n    pipeline {\n      status\n      count\n      value\n    }\n  }\n": typeof types.KpiTiles_DashboardFragmentDoc,
    "\n  fragment Leaderboard_dashboard on Dashboard {\n    leaderboard {\n      user {\n        id\n        name\n      }\n      leads\n      wins\n      revenue\n      avgResponseHours\n    }\n  }\n": typeof types.Leaderboard_DashboardFragmentDoc,
    "\n  fragment PipelineChart_dashboard on Dashboard {\n    pipeline {\n      status\n      count\n      value\n    }\n  }\n": typeof types.PipelineChart_DashboardFragmentDoc,
    "\n  fragment RevenueChart_dashboard on Dashboard {\n    revenueByMonth {\n      month\n      revenue\n      projects\n    }\n  }\n": typeof types.RevenueChart_DashboardFragmentDoc,
    "\n  fragment SourceRoiTable_dashboard on Dashboard {\n    sourceRoi {\n      source\n      leads\n      wins\n      revenue\n      conversionRate\n    }\n  }\n": typeof types.SourceRoiTable_DashboardFragmentDoc,
    "\n  fragment UpcomingAppointments_dashboard on Dashboard {\n    upcomingAppointments {\n      id\n      title\n      kind\n      startsAt\n      customer {\n        id\n        name\n      }\n      assignee {\n        id\n        name\n      }\n    }\n  }\n": typeof types.UpcomingAppointments_DashboardFragmentDoc,
    "\n  fragment InteractionEntry_interaction on Interaction {\n    id\n    type\n    direction\n    channel\n    subject\n    notes\n    outcome\n    occurredAt\n    user {\n      id\n      name\n    }\n    customer {\n      id\n      name\n    }\n    project {\n      id\n      name\n    }\n    lead {\n      id\n      contactName\n      status\n    }\n  }\n": typeof types.InteractionEntry_InteractionFragmentDoc,
    "\n  query InteractionsLog($first: Int!, $after: String, $filter: InteractionFilter) {\n    interactions(first: $first, after: $after, filter: $filter, orderBy: { field: OCCURRED_AT, direction: DESC }) {\n      totalCount\n      edges {\n        cursor\n        node { id ...InteractionEntry_interaction }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.InteractionsLogDocument,
    "\n  query InteractionFilterLabels($customerId: ID!, $projectId: ID!, $withCustomer: Boolean!, $withProject: Boolean!) {\n    customer(id: $customerId) @include(if: $withCustomer) {\n      id\n      name\n    }\n    project(id: $projectId) @include(if: $withProject) {\n      id\n      name\n    }\n  }\n": typeof types.InteractionFilterLabelsDocument,
    "\n  query InteractionAuthors {\n    teams {\n      id\n      name\n      members {\n        id\n        name\n      }\n    }\n  }\n": typeof types.InteractionAuthorsDocument,
    "\n  query LinkedInteraction($id: ID!) {\n    interaction(id: $id) {\n      id\n      ...InteractionEntry_interaction\n    }\n  }\n": typeof types.LinkedInteractionDocument,
    "\n  mutation LogInteraction($input: LogInteractionInput!) {\n    logInteraction(input: $input) {\n      interaction { id ...InteractionEntry_interaction }\n      errors { field code message }\n    }\n  }\n": typeof types.LogInteractionDocument,
    "\n  query LogInteractionProject($id: ID!) {\n    project(id: $id) {\n      id\n      name\n      customer {\n        id\n        name\n      }\n    }\n  }\n": typeof types.LogInteractionProjectDocument,
    "\n  query LogInteractionLead($id: ID!) {\n    lead(id: $id) {\n      id\n      contactName\n      status\n      customer {\n        id\n        name\n      }\n    }\n  }\n": typeof types.LogInteractionLeadDocument,
    "\n  query LogInteractionCustomer($id: ID!) {\n    customer(id: $id) {\n      id\n      name\n      projects {\n        id\n        name\n        status\n      }\n      leads {\n        id\n        contactName\n        status\n        projectType\n      }\n    }\n  }\n": typeof types.LogInteractionCustomerDocument,
    "\n  query MyProjects {\n    projects(first: 100, orderBy: { field: UPDATED_AT, direction: DESC }) {\n      edges {\n        node {\n          id\n          name\n          status\n          customer {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.MyProjectsDocument,
    "\n  mutation ConvertLead($input: ConvertLeadInput!) {\n    convertLead(input: $input) {\n      lead { id ...LeadDetail_lead }\n      project {\n        id\n        name\n      }\n      errors { field code message }\n    }\n  }\n": typeof types.ConvertLeadDocument,
    "\n  mutation CreateLead($input: CreateLeadInput!) {\n    createLead(input: $input) {\n      lead { id ...LeadCard_lead }\n      errors { field code message }\n    }\n  }\n": typeof types.CreateLeadDocument,
    "\n  query LeadFormCustomer($id: ID!) {\n    customer(id: $id) { ...CustomerPicker_customer @unmask }\n  }\n": typeof types.LeadFormCustomerDocument,
    "\n  mutation UpdateLead($input: UpdateLeadInput!) {\n    updateLead(input: $input) {\n      lead { id ...LeadDetail_lead }\n      errors { field code message }\n    }\n  }\n": typeof types.UpdateLeadDocument,
    "\n  mutation AssignLead($input: AssignLeadInput!) {\n    assignLead(input: $input) {\n      lead {\n        id\n        assignee {\n          id\n          name\n          email\n        }\n        updatedAt\n      }\n      errors { field code message }\n    }\n  }\n": typeof types.AssignLeadDocument,
    "\n  fragment LeadCard_lead on Lead {\n    id\n    contactName\n    customer {\n      id\n      name\n    }\n    status\n    ...LeadScore_lead @unmask\n    source\n    priority\n    projectType\n    estimatedValue\n    propertyAddress {\n      city\n    }\n    assignee {\n      id\n      name\n    }\n    updatedAt\n  }\n": typeof types.LeadCard_LeadFragmentDoc,
    "\n  fragment LeadRow_lead on Lead {\n    ...LeadCard_lead\n    nextFollowUpAt\n    createdAt\n  }\n": typeof types.LeadRow_LeadFragmentDoc,
    "\n  query LeadsTable($first: Int!, $after: String, $filter: LeadFilter, $orderBy: LeadOrder) {\n    leads(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      edges {\n        cursor\n        node { id ...LeadRow_lead }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.LeadsTableDocument,
    "\n  fragment LeadScore_lead on Lead {\n    score\n    scoreFactors {\n      factor\n      points\n      explanation\n    }\n  }\n": typeof types.LeadScore_LeadFragmentDoc,
    "\n  fragment LeadsBoard_list on LeadConnection {\n    totalCount\n    edges {\n      node { id ...LeadCard_lead }\n    }\n  }\n": typeof types.LeadsBoard_ListFragmentDoc,
    "\n  query LeadsBoard($first: Int!) {\n    new: leads(first: $first, filter: { statuses: [NEW] }, orderBy: { field: SCORE }) {\n      ...LeadsBoard_list\n    }\n    contacted: leads(first: $first, filter: { statuses: [CONTACTED] }, orderBy: { field: SCORE }) {\n      ...LeadsBoard_list\n    }\n    inspectionScheduled: leads(first: $first, filter: { statuses: [INSPECTION_SCHEDULED] }, orderBy: { field: SCORE }) {\n      ...LeadsBoard_list\n    }\n    estimateSent: leads(first: $first, filter: { statuses: [ESTIMATE_SENT] }, orderBy: { field: SCORE }) {\n      ...LeadsBoard_list\n    }\n    won: leads(first: $first, filter: { statuses: [WON] }, orderBy: { field: UPDATED_AT }) {\n      ...LeadsBoard_list\n    }\n    lost: leads(first: $first, filter: { statuses: [LOST] }, orderBy: { field: UPDATED_AT }) {\n      ...LeadsBoard_list\n    }\n  }\n": typeof types.LeadsBoardDocument,
    "\n  fragment LeadDetail_lead on Lead {\n    id\n    contactName\n    contactEmail\n    contactPhone\n    customer {\n      id\n      name\n      email\n      phone\n      address { street city state zip }\n    }\n    propertyAddress { street city state zip }\n    source\n    status\n    lostReason\n    ...LeadScore_lead @unmask\n    assignee {\n      id\n      name\n      email\n    }\n    owningTeam {\n      id\n      name\n    }\n    projectType\n    estimatedValue\n    priority\n    notes\n    nextFollowUpAt\n    convertedProject {\n      id\n      name\n      status\n    }\n    convertedAt\n    createdBy {\n      id\n      name\n    }\n    createdAt\n    updatedAt\n    deletedAt\n  }\n": typeof types.LeadDetail_LeadFragmentDoc,
    "\n  query LeadDetail($id: ID!) {\n    lead(id: $id) {\n      id\n      ...LeadDetail_lead\n    }\n  }\n": typeof types.LeadDetailDocument,
    "\n  query AssignableUsers {\n    users(first: 100, filter: { active: true, roles: [SALES, MANAGER, ADMIN] }) {\n      edges {\n        node {\n          id\n          name\n          role\n          team {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.AssignableUsersDocument,
    "\n  mutation UpdateLeadStatus($input: UpdateLeadStatusInput!) {\n    updateLeadStatus(input: $input) {\n      lead {\n        id\n        status\n        lostReason\n        ...LeadScore_lead @unmask\n        updatedAt\n      }\n      errors { field code message }\n    }\n  }\n": typeof types.UpdateLeadStatusDocument,
    "\n  fragment NotificationItem_notification on Notification {\n    id\n    kind\n    title\n    body\n    readAt\n    createdAt\n    subject {\n      id\n    }\n  }\n": typeof types.NotificationItem_NotificationFragmentDoc,
    "\n  query NotificationsBell {\n    notifications(first: 8) {\n      unreadCount\n      edges {\n        node { id ...NotificationItem_notification }\n      }\n    }\n  }\n": typeof types.NotificationsBellDocument,
    "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead {\n      unreadCount\n    }\n  }\n": typeof types.MarkAllNotificationsReadDocument,
    "\n  query NotificationsPage($first: Int!, $after: String, $unreadOnly: Boolean!) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      totalCount\n      unreadCount\n      edges {\n        node { id ...NotificationItem_notification }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.NotificationsPageDocument,
    "\n  mutation MarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      markedCount\n      unreadCount\n      errors { field code message }\n    }\n  }\n": typeof types.MarkNotificationReadDocument,
    "\n  fragment ProjectRow_project on Project {\n    id\n    name\n    projectType\n    status\n    budget\n    actualCost\n    completionPercentage\n    startDate\n    endDate\n    updatedAt\n    customer {\n      id\n      name\n      address {\n        street\n        city\n      }\n    }\n    team {\n      id\n      name\n    }\n  }\n": typeof types.ProjectRow_ProjectFragmentDoc,
    "\n  query ProjectsList($first: Int!, $after: String, $filter: ProjectFilter, $orderBy: ProjectOrder) {\n    projects(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      edges {\n        cursor\n        node { id ...ProjectRow_project }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ProjectsListDocument,
    "\n  fragment ProjectDetail_project on Project {\n    id\n    ...ProjectRow_project @unmask\n    createdAt\n    deletedAt\n    customer {\n      id\n      name\n      phone\n      email\n      address { street city state zip }\n    }\n    lead {\n      id\n      contactName\n      status\n    }\n    team {\n      id\n      name\n      role\n    }\n    owningTeam {\n      id\n      name\n    }\n    createdBy {\n      id\n      name\n    }\n  }\n": typeof types.ProjectDetail_ProjectFragmentDoc,
    "\n  query ProjectDetail($id: ID!) {\n    project(id: $id) {\n      id\n      ...ProjectDetail_project\n      appointments {\n        id\n        ...AppointmentSummary_appointment\n      }\n      interactions(first: 20) {\n        id\n        ...InteractionEntry_interaction\n      }\n    }\n  }\n": typeof types.ProjectDetailDocument,
    "\n  query ProjectHistory($entityId: ID!) {\n    auditLog(first: 20, filter: { entityType: \"Project\", entityId: $entityId }) {\n      totalCount\n      edges {\n        node {\n          id\n          occurredAt\n          action\n          actor {\n            id\n            name\n          }\n          changes {\n            field\n            before\n            after\n          }\n        }\n      }\n    }\n  }\n": typeof types.ProjectHistoryDocument,
    "\n  mutation UpdateProject($input: UpdateProjectInput!) {\n    updateProject(input: $input) {\n      project { id ...ProjectDetail_project }\n      errors { field code message }\n    }\n  }\n": typeof types.UpdateProjectDocument,
    "\n  mutation AssignProjectTeam($input: AssignProjectTeamInput!) {\n    assignProjectTeam(input: $input) {\n      project { id ...ProjectDetail_project }\n      errors { field code message }\n    }\n  }\n": typeof types.AssignProjectTeamDocument,
    "\n  query CrewCandidates {\n    teams {\n      id\n      name\n      members {\n        id\n        name\n        role\n        active\n      }\n    }\n  }\n": typeof types.CrewCandidatesDocument,
    "\n  mutation LogProgressNote($input: LogInteractionInput!) {\n    logInteraction(input: $input) {\n      interaction { id ...InteractionEntry_interaction }\n      errors { field code message }\n    }\n  }\n": typeof types.LogProgressNoteDocument,
    "\n  query SettingsAlerts($includeResolved: Boolean!) {\n    alerts(includeResolved: $includeResolved, first: 100) {\n      id\n      kind\n      severity\n      title\n      body\n      createdAt\n      resolvedAt\n      team {\n        id\n        name\n      }\n      subject {\n        id\n      }\n    }\n  }\n": typeof types.SettingsAlertsDocument,
    "\n  mutation ResolveAlert($id: ID!) {\n    resolveAlert(id: $id) {\n      id\n      resolvedAt\n    }\n  }\n": typeof types.ResolveAlertDocument,
    "\n  mutation UpdateTeamAssignment($input: UpdateTeamAssignmentInput!) {\n    updateTeamAssignment(input: $input) {\n      team {\n        id\n        assignmentStrategy\n        territories {\n          zipPrefix\n          user {\n            id\n            name\n          }\n        }\n      }\n      errors { field code message }\n    }\n  }\n": typeof types.UpdateTeamAssignmentDocument,
    "\n  query SettingsJobQueues {\n    jobQueues {\n      name\n      description\n      schedule\n      lastRun {\n        id\n        state\n        createdAt\n        startedAt\n        completedAt\n      }\n      stateCounts {\n        state\n        count\n      }\n      recentFailures {\n        id\n        state\n        retryCount\n        createdAt\n        completedAt\n        output\n      }\n    }\n  }\n": typeof types.SettingsJobQueuesDocument,
    "\n  mutation RunJob($name: String!) {\n    runJob(name: $name) {\n      jobId\n      errors { field code message }\n    }\n  }\n": typeof types.RunJobDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      changed\n      errors { field code message }\n    }\n  }\n": typeof types.ChangePasswordDocument,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      user { id ...Viewer_user }\n      errors { field code message }\n    }\n  }\n": typeof types.UpdateProfileDocument,
    "\n  fragment ScoringSettings_weights on LeadScoringWeights {\n    sourceQuality\n    projectValue\n    urgency\n    responsiveness\n    completeness\n    agingPenalty\n    updatedAt\n    updatedBy {\n      id\n      name\n    }\n  }\n": typeof types.ScoringSettings_WeightsFragmentDoc,
    "\n  query SettingsScoringWeights {\n    leadScoringWeights { ...ScoringSettings_weights }\n  }\n": typeof types.SettingsScoringWeightsDocument,
    "\n  mutation UpdateLeadScoringWeights($input: LeadScoringWeightsInput!) {\n    updateLeadScoringWeights(input: $input) {\n      weights { ...ScoringSettings_weights }\n      rescoreJobId\n      errors { field code message }\n    }\n  }\n": typeof types.UpdateLeadScoringWeightsDocument,
    "\n  query SettingsManagerOptions {\n    users(first: 100, filter: { roles: [ADMIN, MANAGER], active: true }) {\n      edges {\n        node {\n          id\n          name\n          role\n        }\n      }\n    }\n  }\n": typeof types.SettingsManagerOptionsDocument,
    "\n  fragment TeamDialog_team on Team {\n    id\n    name\n    manager {\n      id\n      name\n    }\n  }\n": typeof types.TeamDialog_TeamFragmentDoc,
    "\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) {\n      team { ...TeamDialog_team }\n      errors { field code message }\n    }\n  }\n": typeof types.CreateTeamDocument,
    "\n  mutation UpdateTeam($input: UpdateTeamInput!) {\n    updateTeam(input: $input) {\n      team { ...TeamDialog_team }\n      errors { field code message }\n    }\n  }\n": typeof types.UpdateTeamDocument,
    "\n  query SettingsTeams {\n    teams {\n      id\n      name\n      assignmentStrategy\n      manager {\n        id\n        name\n      }\n      members {\n        id\n        name\n        role\n        active\n      }\n      territories {\n        zipPrefix\n        user {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.SettingsTeamsDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user { id ...UserRow_user }\n      errors { field code message }\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      user { id ...UserRow_user }\n      errors { field code message }\n    }\n  }\n": typeof types.UpdateUserDocument,
    "\n  mutation DeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      user { id ...UserRow_user }\n      errors { field code message }\n    }\n  }\n": typeof types.DeactivateUserDocument,
    "\n  mutation ReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      user { id ...UserRow_user }\n      errors { field code message }\n    }\n  }\n": typeof types.ReactivateUserDocument,
    "\n  fragment UserRow_user on User {\n    id\n    name\n    email\n    role\n    active\n    lastLoginAt\n    team {\n      id\n      name\n    }\n  }\n": typeof types.UserRow_UserFragmentDoc,
    "\n  query SettingsUsers($first: Int!, $after: String, $filter: UserFilter) {\n    users(first: $first, after: $after, filter: $filter) {\n      totalCount\n      edges {\n        node { id ...UserRow_user }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.SettingsUsersDocument,
    "\n  query SettingsTeamOptions {\n    teams {\n      id\n      name\n    }\n  }\n": typeof types.SettingsTeamOptionsDocument,
    "\n  query ViewerTeams {\n    teams {\n      id\n      name\n      manager {\n        id\n      }\n      members {\n        id\n        name\n        role\n        active\n      }\n    }\n  }\n": typeof types.ViewerTeamsDocument,
};
const documents: Documents = {
    "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      accessToken\n      accessTokenExpiresAt\n      refreshToken\n      errors {\n        code\n      }\n    }\n  }\n": types.RefreshSessionDocument,
    "\n  fragment Viewer_user on User {\n    id\n    name\n    email\n    role\n    team {\n      id\n      name\n    }\n  }\n": types.Viewer_UserFragmentDoc,
    "\n  query Me {\n    me { id ...Viewer_user }\n  }\n": types.MeDocument,
    "\n  mutation Logout($refreshToken: String) {\n    logout(refreshToken: $refreshToken) {\n      loggedOut\n    }\n  }\n": types.LogoutDocument,
    "\n  query MissedEvents($since: String!) {\n    missedEvents(since: $since, first: 200) {\n      lastEventId\n      hasMore\n      events {\n        __typename\n        ... on LeadEvent {\n          eventId\n        }\n        ... on ProjectEvent {\n          eventId\n        }\n        ... on AppointmentEvent {\n          eventId\n        }\n        ... on NotificationEvent {\n          eventId\n        }\n        ... on AppointmentReminderEvent {\n          eventId\n        }\n        ... on DashboardEvent {\n          eventId\n        }\n        ... on ViewerEvent {\n          eventId\n        }\n      }\n    }\n  }\n": types.MissedEventsDocument,
    "\n  query LatestEventId {\n    latestEventId\n  }\n": types.LatestEventIdDocument,
    "\n  subscription LeadCreated {\n    leadCreated {\n      eventId\n      lead {\n        id\n        ...LeadCard_lead\n      }\n    }\n  }\n": types.LeadCreatedDocument,
    "\n  subscription LeadUpdated {\n    leadUpdated {\n      eventId\n      lead {\n        id\n        ...LeadCard_lead\n      }\n    }\n  }\n": types.LeadUpdatedDocument,
    "\n  subscription ProjectUpdated {\n    projectUpdated {\n      eventId\n      project {\n        id\n        status\n        completionPercentage\n        actualCost\n        updatedAt\n      }\n    }\n  }\n": types.ProjectUpdatedDocument,
    "\n  subscription AppointmentUpdated {\n    appointmentUpdated {\n      eventId\n      appointment {\n        id\n        ...CalendarEvent_appointment\n        updatedAt\n      }\n    }\n  }\n": types.AppointmentUpdatedDocument,
    "\n  subscription NotificationReceived {\n    notificationReceived {\n      eventId\n      notification {\n        id\n        ...NotificationItem_notification\n      }\n    }\n  }\n": types.NotificationReceivedDocument,
    "\n  subscription DashboardUpdated {\n    dashboardUpdated {\n      eventId\n    }\n  }\n": types.DashboardUpdatedDocument,
    "\n  query BookingContext(\n    $customerId: ID!\n    $leadId: ID!\n    $projectId: ID!\n    $withCustomer: Boolean!\n    $withLead: Boolean!\n    $withProject: Boolean!\n  ) {\n    customer(id: $customerId) @include(if: $withCustomer) {\n      id\n      name\n    }\n    lead(id: $leadId) @include(if: $withLead) {\n      id\n      contactName\n      customer {\n        id\n        name\n      }\n    }\n    project(id: $projectId) @include(if: $withProject) {\n      id\n      name\n      customer {\n        id\n        name\n      }\n    }\n  }\n": types.BookingContextDocument,
    "\n  fragment AppointmentSummary_appointment on Appointment {\n    id\n    title\n    kind\n    status\n    startsAt\n    endsAt\n    location\n    assignee {\n      id\n      name\n    }\n  }\n": types.AppointmentSummary_AppointmentFragmentDoc,
    "\n  fragment CalendarEvent_appointment on Appointment {\n    id\n    ...AppointmentSummary_appointment @unmask\n    notes\n    customer {\n      id\n      name\n    }\n    lead {\n      id\n      contactName\n    }\n    project {\n      id\n      name\n    }\n  }\n": types.CalendarEvent_AppointmentFragmentDoc,
    "\n  mutation CreateAppointment($input: CreateAppointmentInput!) {\n    createAppointment(input: $input) {\n      appointment { id ...CalendarEvent_appointment }\n      errors { field code message }\n    }\n  }\n": types.CreateAppointmentDocument,
    "\n  mutation UpdateAppointment($input: UpdateAppointmentInput!) {\n    updateAppointment(input: $input) {\n      appointment {\n        id\n        ...CalendarEvent_appointment\n        updatedAt\n      }\n      errors { field code message }\n    }\n  }\n": types.UpdateAppointmentDocument,
    "\n  query AppointmentsCalendar($filter: AppointmentFilter!, $after: String) {\n    appointments(first: 100, after: $after, filter: $filter, orderBy: { field: STARTS_AT }) {\n      totalCount\n      edges {\n        cursor\n        node { id ...CalendarEvent_appointment }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AppointmentsCalendarDocument,
    "\n  query AppointmentById($id: ID!) {\n    appointment(id: $id) {\n      id\n      ...CalendarEvent_appointment\n    }\n  }\n": types.AppointmentByIdDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      refreshToken\n      user { id ...Viewer_user }\n      errors { field code message }\n    }\n  }\n": types.LoginDocument,
    "\n  query CustomerDetail($id: ID!) {\n    customer(id: $id) {\n      id\n      ...CustomerForm_customer @unmask\n      lifetimeValue\n      createdBy {\n        id\n        name\n      }\n      createdAt\n      updatedAt\n      deletedAt\n      ...CustomerProjects_customer\n      ...CustomerLeads_customer\n      ...CustomerAppointments_customer\n    }\n  }\n": types.CustomerDetailDocument,
    "\n  fragment CustomerPicker_customer on Customer {\n    id\n    name\n    email\n    phone\n    address { street city state zip }\n  }\n": types.CustomerPicker_CustomerFragmentDoc,
    "\n  query CustomerPickerSearch($search: String!) {\n    customers(first: 8, filter: { search: $search }, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node { ...CustomerPicker_customer @unmask }\n      }\n    }\n  }\n": types.CustomerPickerSearchDocument,
    "\n  fragment CustomerProjects_customer on Customer {\n    projects {\n      id\n      name\n      status\n      projectType\n      budget\n      completionPercentage\n      startDate\n      endDate\n    }\n  }\n": types.CustomerProjects_CustomerFragmentDoc,
    "\n  fragment CustomerLeads_customer on Customer {\n    leads {\n      id\n      contactName\n      status\n      source\n      score\n      projectType\n      estimatedValue\n      assignee {\n        id\n        name\n      }\n      createdAt\n    }\n  }\n": types.CustomerLeads_CustomerFragmentDoc,
    "\n  fragment CustomerAppointments_customer on Customer {\n    appointments {\n      id\n      ...AppointmentSummary_appointment\n      project {\n        id\n        name\n      }\n    }\n  }\n": types.CustomerAppointments_CustomerFragmentDoc,
    "\n  query CustomerTimeline($customerId: ID!, $first: Int!, $after: String) {\n    interactions(\n      first: $first\n      after: $after\n      filter: { customerId: $customerId }\n      orderBy: { field: OCCURRED_AT, direction: DESC }\n    ) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          ...InteractionEntry_interaction @unmask\n          lead {\n            id\n            projectType\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.CustomerTimelineDocument,
    "\n  query CustomersList($first: Int!, $after: String, $filter: CustomerFilter, $orderBy: CustomerOrder) {\n    customers(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      edges {\n        cursor\n        node { id ...CustomerRow_customer }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.CustomersListDocument,
    "\n  query CustomersTeams {\n    teams {\n      id\n      name\n      manager {\n        id\n      }\n    }\n  }\n": types.CustomersTeamsDocument,
    "\n  fragment CustomerRow_customer on Customer {\n    id\n    name\n    email\n    phone\n    address {\n      city\n      state\n    }\n    customerType\n    segment\n    lifetimeValue\n    owningTeam {\n      id\n      name\n    }\n    createdAt\n    updatedAt\n    deletedAt\n  }\n": types.CustomerRow_CustomerFragmentDoc,
    "\n  fragment CustomerForm_customer on Customer {\n    id\n    ...CustomerPicker_customer @unmask\n    customerType\n    segment\n    owningTeam {\n      id\n      name\n    }\n  }\n": types.CustomerForm_CustomerFragmentDoc,
    "\n  fragment CustomerForm_saved on Customer {\n    id\n    ...CustomerForm_customer\n    lifetimeValue\n    createdAt\n    updatedAt\n    deletedAt\n  }\n": types.CustomerForm_SavedFragmentDoc,
    "\n  mutation CreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      customer { id ...CustomerForm_saved }\n      errors { field code message }\n    }\n  }\n": types.CreateCustomerDocument,
    "\n  mutation UpdateCustomer($input: UpdateCustomerInput!) {\n    updateCustomer(input: $input) {\n      customer { id ...CustomerForm_saved }\n      errors { field code message }\n    }\n  }\n": types.UpdateCustomerDocument,
    "\n  query CustomerFormTeams {\n    teams {\n      id\n      name\n      manager {\n        id\n      }\n    }\n  }\n": types.CustomerFormTeamsDocument,
    "\n  fragment CustomerTrashState_customer on Customer {\n    id\n    deletedAt\n    updatedAt\n  }\n": types.CustomerTrashState_CustomerFragmentDoc,
    "\n  mutation DeleteCustomer($id: ID!) {\n    deleteCustomer(id: $id) {\n      customer { ...CustomerTrashState_customer }\n      errors { field code message }\n    }\n  }\n": types.DeleteCustomerDocument,
    "\n  mutation RestoreCustomer($id: ID!) {\n    restoreCustomer(id: $id) {\n      customer { ...CustomerTrashState_customer }\n      errors { field code message }\n    }\n  }\n": types.RestoreCustomerDocument,
    "\n  mutation HardDeleteCustomer($id: ID!) {\n    hardDeleteCustomer(id: $id) {\n      deletedId\n      errors { field code message }\n    }\n  }\n": types.HardDeleteCustomerDocument,
    "\n  query DashboardTeams {\n    teams {\n      id\n      name\n      manager {\n        id\n      }\n    }\n  }\n": types.DashboardTeamsDocument,
    "\n  query Dashboard($range: DashboardRange!, $teamId: ID) {\n    dashboard(range: $range, teamId: $teamId) {\n      range\n      team {\n        id\n        name\n      }\n      ...KpiTiles_dashboard\n      ...PipelineChart_dashboard\n      ...FunnelChart_dashboard\n      ...RevenueChart_dashboard\n      ...SourceRoiTable_dashboard\n      ...Leaderboard_dashboard\n      ...UpcomingAppointments_dashboard\n    }\n  }\n": types.DashboardDocument,
    "\n  fragment FunnelChart_dashboard on Dashboard {\n    funnel {\n      status\n      count\n      rate\n    }\n  }\n": types.FunnelChart_DashboardFragmentDoc,
    "\n  fragment KpiTiles_dashboard on Dashboard {\n    winRate\n    averageDealSize\n    onBudgetRatio\n    pipeline {\n      status\n      count\n      value\n    }\n  }\n": types.KpiTiles_DashboardFragmentDoc,
    "\n  fragment Leaderboard_dashboard on Dashboard {\n    leaderboard {\n      user {\n        id\n        name\n      }\n      leads\n      wins\n      revenue\n      avgResponseHours\n    }\n  }\n": types.Leaderboard_DashboardFragmentDoc,
    "\n  fragment PipelineChart_dashboard on Dashboard {\n    pipeline {\n      status\n      count\n      value\n    }\n  }\n": types.PipelineChart_DashboardFragmentDoc,
    "\n  fragment RevenueChart_dashboard on Dashboard {\n    revenueByMonth {\n      month\n      revenue\n      projects\n    }\n  }\n": types.RevenueChart_DashboardFragmentDoc,
    "\n  fragment SourceRoiTable_dashboard on Dashboard {\n    sourceRoi {\n      source\n      leads\n      wins\n      revenue\n      conversionRate\n    }\n  }\n": types.SourceRoiTable_DashboardFragmentDoc,
    "\n  fragment UpcomingAppointments_dashboard on Dashboard {\n    upcomingAppointments {\n      id\n      title\n      kind\n      startsAt\n      customer {\n        id\n        name\n      }\n      assignee {\n        id\n        name\n      }\n    }\n  }\n": types.UpcomingAppointments_DashboardFragmentDoc,
    "\n  fragment InteractionEntry_interaction on Interaction {\n    id\n    type\n    direction\n    channel\n    subject\n    notes\n    outcome\n    occurredAt\n    user {\n      id\n      name\n    }\n    customer {\n      id\n      name\n    }\n    project {\n      id\n      name\n    }\n    lead {\n      id\n      contactName\n      status\n    }\n  }\n": types.InteractionEntry_InteractionFragmentDoc,
    "\n  query InteractionsLog($first: Int!, $after: String, $filter: InteractionFilter) {\n    interactions(first: $first, after: $after, filter: $filter, orderBy: { field: OCCURRED_AT, direction: DESC }) {\n      totalCount\n      edges {\n        cursor\n        node { id ...InteractionEntry_interaction }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.InteractionsLogDocument,
    "\n  query InteractionFilterLabels($customerId: ID!, $projectId: ID!, $withCustomer: Boolean!, $withProject: Boolean!) {\n    customer(id: $customerId) @include(if: $withCustomer) {\n      id\n      name\n    }\n    project(id: $projectId) @include(if: $withProject) {\n      id\n      name\n    }\n  }\n": types.InteractionFilterLabelsDocument,
    "\n  query InteractionAuthors {\n    teams {\n      id\n      name\n      members {\n        id\n        name\n      }\n    }\n  }\n": types.InteractionAuthorsDocument,
    "\n  query LinkedInteraction($id: ID!) {\n    interaction(id: $id) {\n      id\n      ...InteractionEntry_interaction\n    }\n  }\n": types.LinkedInteractionDocument,
    "\n  mutation LogInteraction($input: LogInteractionInput!) {\n    logInteraction(input: $input) {\n      interaction { id ...InteractionEntry_interaction }\n      errors { field code message }\n    }\n  }\n": types.LogInteractionDocument,
    "\n  query LogInteractionProject($id: ID!) {\n    project(id: $id) {\n      id\n      name\n      customer {\n        id\n        name\n      }\n    }\n  }\n": types.LogInteractionProjectDocument,
    "\n  query LogInteractionLead($id: ID!) {\n    lead(id: $id) {\n      id\n      contactName\n      status\n      customer {\n        id\n        name\n      }\n    }\n  }\n": types.LogInteractionLeadDocument,
    "\n  query LogInteractionCustomer($id: ID!) {\n    customer(id: $id) {\n      id\n      name\n      projects {\n        id\n        name\n        status\n      }\n      leads {\n        id\n        contactName\n        status\n        projectType\n      }\n    }\n  }\n": types.LogInteractionCustomerDocument,
    "\n  query MyProjects {\n    projects(first: 100, orderBy: { field: UPDATED_AT, direction: DESC }) {\n      edges {\n        node {\n          id\n          name\n          status\n          customer {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.MyProjectsDocument,
    "\n  mutation ConvertLead($input: ConvertLeadInput!) {\n    convertLead(input: $input) {\n      lead { id ...LeadDetail_lead }\n      project {\n        id\n        name\n      }\n      errors { field code message }\n    }\n  }\n": types.ConvertLeadDocument,
    "\n  mutation CreateLead($input: CreateLeadInput!) {\n    createLead(input: $input) {\n      lead { id ...LeadCard_lead }\n      errors { field code message }\n    }\n  }\n": types.CreateLeadDocument,
    "\n  query LeadFormCustomer($id: ID!) {\n    customer(id: $id) { ...CustomerPicker_customer @unmask }\n  }\n": types.LeadFormCustomerDocument,
    "\n  mutation UpdateLead($input: UpdateLeadInput!) {\n    updateLead(input: $input) {\n      lead { id ...LeadDetail_lead }\n      errors { field code message }\n    }\n  }\n": types.UpdateLeadDocument,
    "\n  mutation AssignLead($input: AssignLeadInput!) {\n    assignLead(input: $input) {\n      lead {\n        id\n        assignee {\n          id\n          name\n          email\n        }\n        updatedAt\n      }\n      errors { field code message }\n    }\n  }\n": types.AssignLeadDocument,
    "\n  fragment LeadCard_lead on Lead {\n    id\n    contactName\n    customer {\n      id\n      name\n    }\n    status\n    ...LeadScore_lead @unmask\n    source\n    priority\n    projectType\n    estimatedValue\n    propertyAddress {\n      city\n    }\n    assignee {\n      id\n      name\n    }\n    updatedAt\n  }\n": types.LeadCard_LeadFragmentDoc,
    "\n  fragment LeadRow_lead on Lead {\n    ...LeadCard_lead\n    nextFollowUpAt\n    createdAt\n  }\n": types.LeadRow_LeadFragmentDoc,
    "\n  query LeadsTable($first: Int!, $after: String, $filter: LeadFilter, $orderBy: LeadOrder) {\n    leads(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      edges {\n        cursor\n        node { id ...LeadRow_lead }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.LeadsTableDocument,
    "\n  fragment LeadScore_lead on Lead {\n    score\n    scoreFactors {\n      factor\n      points\n      explanation\n    }\n  }\n": types.LeadScore_LeadFragmentDoc,
    "\n  fragment LeadsBoard_list on LeadConnection {\n    totalCount\n    edges {\n      node { id ...LeadCard_lead }\n    }\n  }\n": types.LeadsBoard_ListFragmentDoc,
    "\n  query LeadsBoard($first: Int!) {\n    new: leads(first: $first, filter: { statuses: [NEW] }, orderBy: { field: SCORE }) {\n      ...LeadsBoard_list\n    }\n    contacted: leads(first: $first, filter: { statuses: [CONTACTED] }, orderBy: { field: SCORE }) {\n      ...LeadsBoard_list\n    }\n    inspectionScheduled: leads(first: $first, filter: { statuses: [INSPECTION_SCHEDULED] }, orderBy: { field: SCORE }) {\n      ...LeadsBoard_list\n    }\n    estimateSent: leads(first: $first, filter: { statuses: [ESTIMATE_SENT] }, orderBy: { field: SCORE }) {\n      ...LeadsBoard_list\n    }\n    won: leads(first: $first, filter: { statuses: [WON] }, orderBy: { field: UPDATED_AT }) {\n      ...LeadsBoard_list\n    }\n    lost: leads(first: $first, filter: { statuses: [LOST] }, orderBy: { field: UPDATED_AT }) {\n      ...LeadsBoard_list\n    }\n  }\n": types.LeadsBoardDocument,
    "\n  fragment LeadDetail_lead on Lead {\n    id\n    contactName\n    contactEmail\n    contactPhone\n    customer {\n      id\n      name\n      email\n      phone\n      address { street city state zip }\n    }\n    propertyAddress { street city state zip }\n    source\n    status\n    lostReason\n    ...LeadScore_lead @unmask\n    assignee {\n      id\n      name\n      email\n    }\n    owningTeam {\n      id\n      name\n    }\n    projectType\n    estimatedValue\n    priority\n    notes\n    nextFollowUpAt\n    convertedProject {\n      id\n      name\n      status\n    }\n    convertedAt\n    createdBy {\n      id\n      name\n    }\n    createdAt\n    updatedAt\n    deletedAt\n  }\n": types.LeadDetail_LeadFragmentDoc,
    "\n  query LeadDetail($id: ID!) {\n    lead(id: $id) {\n      id\n      ...LeadDetail_lead\n    }\n  }\n": types.LeadDetailDocument,
    "\n  query AssignableUsers {\n    users(first: 100, filter: { active: true, roles: [SALES, MANAGER, ADMIN] }) {\n      edges {\n        node {\n          id\n          name\n          role\n          team {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.AssignableUsersDocument,
    "\n  mutation UpdateLeadStatus($input: UpdateLeadStatusInput!) {\n    updateLeadStatus(input: $input) {\n      lead {\n        id\n        status\n        lostReason\n        ...LeadScore_lead @unmask\n        updatedAt\n      }\n      errors { field code message }\n    }\n  }\n": types.UpdateLeadStatusDocument,
    "\n  fragment NotificationItem_notification on Notification {\n    id\n    kind\n    title\n    body\n    readAt\n    createdAt\n    subject {\n      id\n    }\n  }\n": types.NotificationItem_NotificationFragmentDoc,
    "\n  query NotificationsBell {\n    notifications(first: 8) {\n      unreadCount\n      edges {\n        node { id ...NotificationItem_notification }\n      }\n    }\n  }\n": types.NotificationsBellDocument,
    "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead {\n      unreadCount\n    }\n  }\n": types.MarkAllNotificationsReadDocument,
    "\n  query NotificationsPage($first: Int!, $after: String, $unreadOnly: Boolean!) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      totalCount\n      unreadCount\n      edges {\n        node { id ...NotificationItem_notification }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.NotificationsPageDocument,
    "\n  mutation MarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      markedCount\n      unreadCount\n      errors { field code message }\n    }\n  }\n": types.MarkNotificationReadDocument,
    "\n  fragment ProjectRow_project on Project {\n    id\n    name\n    projectType\n    status\n    budget\n    actualCost\n    completionPercentage\n    startDate\n    endDate\n    updatedAt\n    customer {\n      id\n      name\n      address {\n        street\n        city\n      }\n    }\n    team {\n      id\n      name\n    }\n  }\n": types.ProjectRow_ProjectFragmentDoc,
    "\n  query ProjectsList($first: Int!, $after: String, $filter: ProjectFilter, $orderBy: ProjectOrder) {\n    projects(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      edges {\n        cursor\n        node { id ...ProjectRow_project }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ProjectsListDocument,
    "\n  fragment ProjectDetail_project on Project {\n    id\n    ...ProjectRow_project @unmask\n    createdAt\n    deletedAt\n    customer {\n      id\n      name\n      phone\n      email\n      address { street city state zip }\n    }\n    lead {\n      id\n      contactName\n      status\n    }\n    team {\n      id\n      name\n      role\n    }\n    owningTeam {\n      id\n      name\n    }\n    createdBy {\n      id\n      name\n    }\n  }\n": types.ProjectDetail_ProjectFragmentDoc,
    "\n  query ProjectDetail($id: ID!) {\n    project(id: $id) {\n      id\n      ...ProjectDetail_project\n      appointments {\n        id\n        ...AppointmentSummary_appointment\n      }\n      interactions(first: 20) {\n        id\n        ...InteractionEntry_interaction\n      }\n    }\n  }\n": types.ProjectDetailDocument,
    "\n  query ProjectHistory($entityId: ID!) {\n    auditLog(first: 20, filter: { entityType: \"Project\", entityId: $entityId }) {\n      totalCount\n      edges {\n        node {\n          id\n          occurredAt\n          action\n          actor {\n            id\n            name\n          }\n          changes {\n            field\n            before\n            after\n          }\n        }\n      }\n    }\n  }\n": types.ProjectHistoryDocument,
    "\n  mutation UpdateProject($input: UpdateProjectInput!) {\n    updateProject(input: $input) {\n      project { id ...ProjectDetail_project }\n      errors { field code message }\n    }\n  }\n": types.UpdateProjectDocument,
    "\n  mutation AssignProjectTeam($input: AssignProjectTeamInput!) {\n    assignProjectTeam(input: $input) {\n      project { id ...ProjectDetail_project }\n      errors { field code message }\n    }\n  }\n": types.AssignProjectTeamDocument,
    "\n  query CrewCandidates {\n    teams {\n      id\n      name\n      members {\n        id\n        name\n        role\n        active\n      }\n    }\n  }\n": types.CrewCandidatesDocument,
    "\n  mutation LogProgressNote($input: LogInteractionInput!) {\n    logInteraction(input: $input) {\n      interaction { id ...InteractionEntry_interaction }\n      errors { field code message }\n    }\n  }\n": types.LogProgressNoteDocument,
    "\n  query SettingsAlerts($includeResolved: Boolean!) {\n    alerts(includeResolved: $includeResolved, first: 100) {\n      id\n      kind\n      severity\n      title\n      body\n      createdAt\n      resolvedAt\n      team {\n        id\n        name\n      }\n      subject {\n        id\n      }\n    }\n  }\n": types.SettingsAlertsDocument,
    "\n  mutation ResolveAlert($id: ID!) {\n    resolveAlert(id: $id) {\n      id\n      resolvedAt\n    }\n  }\n": types.ResolveAlertDocument,
    "\n  mutation UpdateTeamAssignment($input: UpdateTeamAssignmentInput!) {\n    updateTeamAssignment(input: $input) {\n      team {\n        id\n        assignmentStrategy\n        territories {\n          zipPrefix\n          user {\n            id\n            name\n          }\n        }\n      }\n      errors { field code message }\n    }\n  }\n": types.UpdateTeamAssignmentDocument,
    "\n  query SettingsJobQueues {\n    jobQueues {\n      name\n      description\n      schedule\n      lastRun {\n        id\n        state\n        createdAt\n        startedAt\n        completedAt\n      }\n      stateCounts {\n        state\n        count\n      }\n      recentFailures {\n        id\n        state\n        retryCount\n        createdAt\n        completedAt\n        output\n      }\n    }\n  }\n": types.SettingsJobQueuesDocument,
    "\n  mutation RunJob($name: String!) {\n    runJob(name: $name) {\n      jobId\n      errors { field code message }\n    }\n  }\n": types.RunJobDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      changed\n      errors { field code message }\n    }\n  }\n": types.ChangePasswordDocument,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      user { id ...Viewer_user }\n      errors { field code message }\n    }\n  }\n": types.UpdateProfileDocument,
    "\n  fragment ScoringSettings_weights on LeadScoringWeights {\n    sourceQuality\n    projectValue\n    urgency\n    responsiveness\n    completeness\n    agingPenalty\n    updatedAt\n    updatedBy {\n      id\n      name\n    }\n  }\n": types.ScoringSettings_WeightsFragmentDoc,
    "\n  query SettingsScoringWeights {\n    leadScoringWeights { ...ScoringSettings_weights }\n  }\n": types.SettingsScoringWeightsDocument,
    "\n  mutation UpdateLeadScoringWeights($input: LeadScoringWeightsInput!) {\n    updateLeadScoringWeights(input: $input) {\n      weights { ...ScoringSettings_weights }\n      rescoreJobId\n      errors { field code message }\n    }\n  }\n": types.UpdateLeadScoringWeightsDocument,
    "\n  query SettingsManagerOptions {\n    users(first: 100, filter: { roles: [ADMIN, MANAGER], active: true }) {\n      edges {\n        node {\n          id\n          name\n          role\n        }\n      }\n    }\n  }\n": types.SettingsManagerOptionsDocument,
    "\n  fragment TeamDialog_team on Team {\n    id\n    name\n    manager {\n      id\n      name\n    }\n  }\n": types.TeamDialog_TeamFragmentDoc,
    "\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) {\n      team { ...TeamDialog_team }\n      errors { field code message }\n    }\n  }\n": types.CreateTeamDocument,
    "\n  mutation UpdateTeam($input: UpdateTeamInput!) {\n    updateTeam(input: $input) {\n      team { ...TeamDialog_team }\n      errors { field code message }\n    }\n  }\n": types.UpdateTeamDocument,
    "\n  query SettingsTeams {\n    teams {\n      id\n      name\n      assignmentStrategy\n      manager {\n        id\n        name\n      }\n      members {\n        id\n        name\n        role\n        active\n      }\n      territories {\n        zipPrefix\n        user {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.SettingsTeamsDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user { id ...UserRow_user }\n      errors { field code message }\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      user { id ...UserRow_user }\n      errors { field code message }\n    }\n  }\n": types.UpdateUserDocument,
    "\n  mutation DeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      user { id ...UserRow_user }\n      errors { field code message }\n    }\n  }\n": types.DeactivateUserDocument,
    "\n  mutation ReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      user { id ...UserRow_user }\n      errors { field code message }\n    }\n  }\n": types.ReactivateUserDocument,
    "\n  fragment UserRow_user on User {\n    id\n    name\n    email\n    role\n    active\n    lastLoginAt\n    team {\n      id\n      name\n    }\n  }\n": types.UserRow_UserFragmentDoc,
    "\n  query SettingsUsers($first: Int!, $after: String, $filter: UserFilter) {\n    users(first: $first, after: $after, filter: $filter) {\n      totalCount\n      edges {\n        node { id ...UserRow_user }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.SettingsUsersDocument,
    "\n  query SettingsTeamOptions {\n    teams {\n      id\n      name\n    }\n  }\n": types.SettingsTeamOptionsDocument,
    "\n  query ViewerTeams {\n    teams {\n      id\n      name\n      manager {\n        id\n      }\n      members {\n        id\n        name\n        role\n        active\n      }\n    }\n  }\n": types.ViewerTeamsDocument,
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
export function graphql(source: "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      accessToken\n      accessTokenExpiresAt\n      refreshToken\n      errors {\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      accessToken\n      accessTokenExpiresAt\n      refreshToken\n      errors {\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Viewer_user on User {\n    id\n    name\n    email\n    role\n    team {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment Viewer_user on User {\n    id\n    name\n    email\n    role\n    team {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me { id ...Viewer_user }\n  }\n"): (typeof documents)["\n  query Me {\n    me { id ...Viewer_user }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout($refreshToken: String) {\n    logout(refreshToken: $refreshToken) {\n      loggedOut\n    }\n  }\n"): (typeof documents)["\n  mutation Logout($refreshToken: String) {\n    logout(refreshToken: $refreshToken) {\n      loggedOut\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MissedEvents($since: String!) {\n    missedEvents(since: $since, first: 200) {\n      lastEventId\n      hasMore\n      events {\n        __typename\n        ... on LeadEvent {\n          eventId\n        }\n        ... on ProjectEvent {\n          eventId\n        }\n        ... on AppointmentEvent {\n          eventId\n        }\n        ... on NotificationEvent {\n          eventId\n        }\n        ... on AppointmentReminderEvent {\n          eventId\n        }\n        ... on DashboardEvent {\n          eventId\n        }\n        ... on ViewerEvent {\n          eventId\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MissedEvents($since: String!) {\n    missedEvents(since: $since, first: 200) {\n      lastEventId\n      hasMore\n      events {\n        __typename\n        ... on LeadEvent {\n          eventId\n        }\n        ... on ProjectEvent {\n          eventId\n        }\n        ... on AppointmentEvent {\n          eventId\n        }\n        ... on NotificationEvent {\n          eventId\n        }\n        ... on AppointmentReminderEvent {\n          eventId\n        }\n        ... on DashboardEvent {\n          eventId\n        }\n        ... on ViewerEvent {\n          eventId\n        }\n      }\n    }\n  }\n"];
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
export function graphql(source: "\n  subscription AppointmentUpdated {\n    appointmentUpdated {\n      eventId\n      appointment {\n        id\n        ...CalendarEvent_appointment\n        updatedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription AppointmentUpdated {\n    appointmentUpdated {\n      eventId\n      appointment {\n        id\n        ...CalendarEvent_appointment\n        updatedAt\n      }\n    }\n  }\n"];
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
export function graphql(source: "\n  fragment AppointmentSummary_appointment on Appointment {\n    id\n    title\n    kind\n    status\n    startsAt\n    endsAt\n    location\n    assignee {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment AppointmentSummary_appointment on Appointment {\n    id\n    title\n    kind\n    status\n    startsAt\n    endsAt\n    location\n    assignee {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CalendarEvent_appointment on Appointment {\n    id\n    ...AppointmentSummary_appointment @unmask\n    notes\n    customer {\n      id\n      name\n    }\n    lead {\n      id\n      contactName\n    }\n    project {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment CalendarEvent_appointment on Appointment {\n    id\n    ...AppointmentSummary_appointment @unmask\n    notes\n    customer {\n      id\n      name\n    }\n    lead {\n      id\n      contactName\n    }\n    project {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAppointment($input: CreateAppointmentInput!) {\n    createAppointment(input: $input) {\n      appointment { id ...CalendarEvent_appointment }\n      errors { field code message }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateAppointment($input: CreateAppointmentInput!) {\n    createAppointment(input: $input) {\n      appointment { id ...CalendarEvent_appointment }\n      errors { field code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAppointment($input: UpdateAppointmentInput!) {\n    updateAppointment(input: $input) {\n      appointment {\n        id\n        ...CalendarEvent_appointment\n        updatedAt\n      }\n      errors { field code message }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateAppointment($input: UpdateAppointmentInput!) {\n    updateAppointment(input: $input) {\n      appointment {\n        id\n        ...CalendarEvent_appointment\n        updatedAt\n      }\n      errors { field code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AppointmentsCalendar($filter: AppointmentFilter!, $after: String) {\n    appointments(first: 100, after: $after, filter: $filter, orderBy: { field: STARTS_AT }) {\n      totalCount\n      edges {\n        cursor\n        node { id ...CalendarEvent_appointment }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query AppointmentsCalendar($filter: AppointmentFilter!, $after: String) {\n    appointments(first: 100, after: $after, filter: $filter, orderBy: { field: STARTS_AT }) {\n      totalCount\n      edges {\n        cursor\n        node { id ...CalendarEvent_appointment }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AppointmentById($id: ID!) {\n    appointment(id: $id) {\n      id\n      ...CalendarEvent_appointment\n    }\n  }\n"): (typeof documents)["\n  query AppointmentById($id: ID!) {\n    appointment(id: $id) {\n      id\n      ...CalendarEvent_appointment\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      refreshToken\n      user { id ...Viewer_user }\n      errors { field code message }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      refreshToken\n      user { id ...Viewer_user }\n      errors { field code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerDetail($id: ID!) {\n    customer(id: $id) {\n      id\n      ...CustomerForm_customer @unmask\n      lifetimeValue\n      createdBy {\n        id\n        name\n      }\n      createdAt\n      updatedAt\n      deletedAt\n      ...CustomerProjects_customer\n      ...CustomerLeads_customer\n      ...CustomerAppointments_customer\n    }\n  }\n"): (typeof documents)["\n  query CustomerDetail($id: ID!) {\n    customer(id: $id) {\n      id\n      ...CustomerForm_customer @unmask\n      lifetimeValue\n      createdBy {\n        id\n        name\n      }\n      createdAt\n      updatedAt\n      deletedAt\n      ...CustomerProjects_customer\n      ...CustomerLeads_customer\n      ...CustomerAppointments_customer\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerPicker_customer on Customer {\n    id\n    name\n    email\n    phone\n    address { street city state zip }\n  }\n"): (typeof documents)["\n  fragment CustomerPicker_customer on Customer {\n    id\n    name\n    email\n    phone\n    address { street city state zip }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerPickerSearch($search: String!) {\n    customers(first: 8, filter: { search: $search }, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node { ...CustomerPicker_customer @unmask }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CustomerPickerSearch($search: String!) {\n    customers(first: 8, filter: { search: $search }, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node { ...CustomerPicker_customer @unmask }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerProjects_customer on Customer {\n    projects {\n      id\n      name\n      status\n      projectType\n      budget\n      completionPercentage\n      startDate\n      endDate\n    }\n  }\n"): (typeof documents)["\n  fragment CustomerProjects_customer on Customer {\n    projects {\n      id\n      name\n      status\n      projectType\n      budget\n      completionPercentage\n      startDate\n      endDate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerLeads_customer on Customer {\n    leads {\n      id\n      contactName\n      status\n      source\n      score\n      projectType\n      estimatedValue\n      assignee {\n        id\n        name\n      }\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  fragment CustomerLeads_customer on Customer {\n    leads {\n      id\n      contactName\n      status\n      source\n      score\n      projectType\n      estimatedValue\n      assignee {\n        id\n        name\n      }\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerAppointments_customer on Customer {\n    appointments {\n      id\n      ...AppointmentSummary_appointment\n      project {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment CustomerAppointments_customer on Customer {\n    appointments {\n      id\n      ...AppointmentSummary_appointment\n      project {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerTimeline($customerId: ID!, $first: Int!, $after: String) {\n    interactions(\n      first: $first\n      after: $after\n      filter: { customerId: $customerId }\n      orderBy: { field: OCCURRED_AT, direction: DESC }\n    ) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          ...InteractionEntry_interaction @unmask\n          lead {\n            id\n            projectType\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query CustomerTimeline($customerId: ID!, $first: Int!, $after: String) {\n    interactions(\n      first: $first\n      after: $after\n      filter: { customerId: $customerId }\n      orderBy: { field: OCCURRED_AT, direction: DESC }\n    ) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          ...InteractionEntry_interaction @unmask\n          lead {\n            id\n            projectType\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomersList($first: Int!, $after: String, $filter: CustomerFilter, $orderBy: CustomerOrder) {\n    customers(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      edges {\n        cursor\n        node { id ...CustomerRow_customer }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query CustomersList($first: Int!, $after: String, $filter: CustomerFilter, $orderBy: CustomerOrder) {\n    customers(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      edges {\n        cursor\n        node { id ...CustomerRow_customer }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
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
export function graphql(source: "\n  fragment CustomerForm_customer on Customer {\n    id\n    ...CustomerPicker_customer @unmask\n    customerType\n    segment\n    owningTeam {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment CustomerForm_customer on Customer {\n    id\n    ...CustomerPicker_customer @unmask\n    customerType\n    segment\n    owningTeam {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerForm_saved on Customer {\n    id\n    ...CustomerForm_customer\n    lifetimeValue\n    createdAt\n    updatedAt\n    deletedAt\n  }\n"): (typeof documents)["\n  fragment CustomerForm_saved on Customer {\n    id\n    ...CustomerForm_customer\n    lifetimeValue\n    createdAt\n    updatedAt\n    deletedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      customer { id ...CustomerForm_saved }\n      errors { field code message }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      customer { id ...CustomerForm_saved }\n      errors { field code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCustomer($input: UpdateCustomerInput!) {\n    updateCustomer(input: $input) {\n      customer { id ...CustomerForm_saved }\n      errors { field code message }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCustomer($input: UpdateCustomerInput!) {\n    updateCustomer(input: $input) {\n      customer { id ...CustomerForm_saved }\n      errors { field code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerFormTeams {\n    teams {\n      id\n      name\n      manager {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query CustomerFormTeams {\n    teams {\n      id\n      name\n      manager {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerTrashState_customer on Customer {\n    id\n    deletedAt\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment CustomerTrashState_customer on Customer {\n    id\n    deletedAt\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteCustomer($id: ID!) {\n    deleteCustomer(id: $id) {\n      customer { ...CustomerTrashState_customer }\n      errors { field code message }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteCustomer($id: ID!) {\n    deleteCustomer(id: $id) {\n      customer { ...CustomerTrashState_customer }\n      errors { field code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreCustomer($id: ID!) {\n    restoreCustomer(id: $id) {\n      customer { ...CustomerTrashState_customer }\n      errors { field code message }\n    }\n  }\n"): (typeof documents)["\n  mutation RestoreCustomer($id: ID!) {\n    restoreCustomer(id: $id) {\n      customer { ...CustomerTrashState_customer }\n      errors { field code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HardDeleteCustomer($id: ID!) {\n    hardDeleteCustomer(id: $id) {\n      deletedId\n      errors { field code message }\n    }\n  }\n"): (typeof documents)["\n  mutation HardDeleteCustomer($id: ID!) {\n    hardDeleteCustomer(id: $id) {\n      deletedId\n      errors { field code message }\n    }\n  }\n"];
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
export function graphql(source: "\n  fragment InteractionEntry_interaction on Interaction {\n    id\n    type\n    direction\n    channel\n    subject\n    notes\n    outcome\n    occurredAt\n    user {\n      id\n      name\n    }\n    customer {\n      id\n      name\n    }\n    project {\n      id\n      name\n    }\n    lead {\n      id\n      contactName\n      status\n    }\n  }\n"): (typeof documents)["\n  fragment InteractionEntry_interaction on Interaction {\n    id\n    type\n    direction\n    channel\n    subject\n    notes\n    outcome\n    occurredAt\n    user {\n      id\n      name\n    }\n    customer {\n      id\n      name\n    }\n    project {\n      id\n      name\n    }\n    lead {\n      id\n      contactName\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InteractionsLog($first: Int!, $after: String, $filter: InteractionFilter) {\n    interactions(first: $first, after: $after, filter: $filter, orderBy: { field: OCCURRED_AT, direction: DESC }) {\n      totalCount\n      edges {\n        cursor\n        node { id ...InteractionEntry_interaction }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query InteractionsLog($first: Int!, $after: String, $filter: InteractionFilter) {\n    interactions(first: $first, after: $after, filter: $filter, orderBy: { field: OCCURRED_AT, direction: DESC }) {\n      totalCount\n      edges {\n        cursor\n        node { id ...InteractionEntry_interaction }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InteractionFilterLabels($customerId: ID!, $projectId: ID!, $withCustomer: Boolean!, $withProject: Boolean!) {\n    customer(id: $customerId) @include(if: $withCustomer) {\n      id\n      name\n    }\n    project(id: $projectId) @include(if: $withProject) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query InteractionFilterLabels($customerId: ID!, $projectId: ID!, $withCustomer: Boolean!, $withProject: Boolean!) {\n    customer(id: $customerId) @include(if: $withCustomer) {\n      id\n      name\n    }\n    project(id: $projectId) @include(if: $withProject) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InteractionAuthors {\n    teams {\n      id\n      name\n      members {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query InteractionAuthors {\n    teams {\n      id\n      name\n      members {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LinkedInteraction($id: ID!) {\n    interaction(id: $id) {\n      id\n      ...InteractionEntry_interaction\n    }\n  }\n"): (typeof documents)["\n  query LinkedInteraction($id: ID!) {\n    interaction(id: $id) {\n      id\n      ...InteractionEntry_interaction\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogInteraction($input: LogInteractionInput!) {\n    logInteraction(input: $input) {\n      interaction { id ...InteractionEntry_interaction }\n      errors { field code message }\n    }\n  }\n"): (typeof documents)["\n  mutation LogInteraction($input: LogInteractionInput!) {\n    logInteraction(input: $input) {\n      interaction { id ...InteractionEntry_interaction }\n      errors { field code message }\n    }\n  }\n"];
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
export function graphql(source: "\n  query MyProjects {\n    projects(first: 100, orderBy: { field: UPDATED_AT, direction: DESC }) {\n      edges {\n        node {\n          id\n          name\n          status\n          customer {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyProjects {\n    projects(first: 100, orderBy: { field: UPDATED_AT, direction: DESC }) {\n      edges {\n        node {\n          id\n          name\n          status\n          customer {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConvertLead($input: ConvertLeadInput!) {\n    convertLead(input: $input) {\n      lead { id ...LeadDetail_lead }\n      project {\n        id\n        name\n      }\n      errors { field code message }\n    }\n  }\n"): (typeof documents)["\n  mutation ConvertLead($input: ConvertLeadInput!) {\n    convertLead(input: $input) {\n      lead { id ...LeadDetail_lead }\n      project {\n        id\n        name\n      }\n      errors { field code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateLead($input: CreateLeadInput!) {\n    createLead(input: $input) {\n      lead { id ...LeadCard_lead }\n      errors { field code message }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateLead($input: CreateLeadInput!) {\n    createLead(input: $input) {\n      lead { id ...LeadCard_lead }\n      errors { field code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LeadFormCustomer($id: ID!) {\n    customer(id: $id) { ...CustomerPicker_customer @unmask }\n  }\n"): (typeof documents)["\n  query LeadFormCustomer($id: ID!) {\n    customer(id: $id) { ...CustomerPicker_customer @unmask }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateLead($input: UpdateLeadInput!) {\n    updateLead(input: $input) {\n      lead { id ...LeadDetail_lead }\n      errors { field code message }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateLead($input: UpdateLeadInput!) {\n    updateLead(input: $input) {\n      lead { id ...LeadDetail_lead }\n      errors { field code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignLead($input: AssignLeadInput!) {\n    assignLead(input: $input) {\n      lead {\n        id\n        assignee {\n          id\n          name\n          email\n        }\n        updatedAt\n      }\n      errors { field code message }\n    }\n  }\n"): (typeof documents)["\n  mutation AssignLead($input: AssignLeadInput!) {\n    assignLead(input: $input) {\n      lead {\n        id\n        assignee {\n          id\n          name\n          email\n        }\n        updatedAt\n      }\n      errors { field code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LeadCard_lead on Lead {\n    id\n    contactName\n    customer {\n      id\n      name\n    }\n    status\n    ...LeadScore_lead @unmask\n    source\n    priority\n    projectType\n    estimatedValue\n    propertyAddress {\n      city\n    }\n    assignee {\n      id\n      name\n    }\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment LeadCard_lead on Lead {\n    id\n    contactName\n    customer {\n      id\n      name\n    }\n    status\n    ...LeadScore_lead @unmask\n    source\n    priority\n    projectType\n    estimatedValue\n    propertyAddress {\n      city\n    }\n    assignee {\n      id\n      name\n    }\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LeadRow_lead on Lead {\n    ...LeadCard_lead\n    nextFollowUpAt\n    createdAt\n  }\n"): (typeof documents)["\n  fragment LeadRow_lead on Lead {\n    ...LeadCard_lead\n    nextFollowUpAt\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LeadsTable($first: Int!, $after: String, $filter: LeadFilter, $orderBy: LeadOrder) {\n    leads(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      edges {\n        cursor\n        node { id ...LeadRow_lead }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query LeadsTable($first: Int!, $after: String, $filter: LeadFilter, $orderBy: LeadOrder) {\n    leads(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      edges {\n        cursor\n        node { id ...LeadRow_lead }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LeadScore_lead on Lead {\n    score\n    scoreFactors {\n      factor\n      points\n      explanation\n    }\n  }\n"): (typeof documents)["\n  fragment LeadScore_lead on Lead {\n    score\n    scoreFactors {\n      factor\n      points\n      explanation\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LeadsBoard_list on LeadConnection {\n    totalCount\n    edges {\n      node { id ...LeadCard_lead }\n    }\n  }\n"): (typeof documents)["\n  fragment LeadsBoard_list on LeadConnection {\n    totalCount\n    edges {\n      node { id ...LeadCard_lead }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LeadsBoard($first: Int!) {\n    new: leads(first: $first, filter: { statuses: [NEW] }, orderBy: { field: SCORE }) {\n      ...LeadsBoard_list\n    }\n    contacted: leads(first: $first, filter: { statuses: [CONTACTED] }, orderBy: { field: SCORE }) {\n      ...LeadsBoard_list\n    }\n    inspectionScheduled: leads(first: $first, filter: { statuses: [INSPECTION_SCHEDULED] }, orderBy: { field: SCORE }) {\n      ...LeadsBoard_list\n    }\n    estimateSent: leads(first: $first, filter: { statuses: [ESTIMATE_SENT] }, orderBy: { field: SCORE }) {\n      ...LeadsBoard_list\n    }\n    won: leads(first: $first, filter: { statuses: [WON] }, orderBy: { field: UPDATED_AT }) {\n      ...LeadsBoard_list\n    }\n    lost: leads(first: $first, filter: { statuses: [LOST] }, orderBy: { field: UPDATED_AT }) {\n      ...LeadsBoard_list\n    }\n  }\n"): (typeof documents)["\n  query LeadsBoard($first: Int!) {\n    new: leads(first: $first, filter: { statuses: [NEW] }, orderBy: { field: SCORE }) {\n      ...LeadsBoard_list\n    }\n    contacted: leads(first: $first, filter: { statuses: [CONTACTED] }, orderBy: { field: SCORE }) {\n      ...LeadsBoard_list\n    }\n    inspectionScheduled: leads(first: $first, filter: { statuses: [INSPECTION_SCHEDULED] }, orderBy: { field: SCORE }) {\n      ...LeadsBoard_list\n    }\n    estimateSent: leads(first: $first, filter: { statuses: [ESTIMATE_SENT] }, orderBy: { field: SCORE }) {\n      ...LeadsBoard_list\n    }\n    won: leads(first: $first, filter: { statuses: [WON] }, orderBy: { field: UPDATED_AT }) {\n      ...LeadsBoard_list\n    }\n    lost: leads(first: $first, filter: { statuses: [LOST] }, orderBy: { field: UPDATED_AT }) {\n      ...LeadsBoard_list\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LeadDetail_lead on Lead {\n    id\n    contactName\n    contactEmail\n    contactPhone\n    customer {\n      id\n      name\n      email\n      phone\n      address { street city state zip }\n    }\n    propertyAddress { street city state zip }\n    source\n    status\n    lostReason\n    ...LeadScore_lead @unmask\n    assignee {\n      id\n      name\n      email\n    }\n    owningTeam {\n      id\n      name\n    }\n    projectType\n    estimatedValue\n    priority\n    notes\n    nextFollowUpAt\n    convertedProject {\n      id\n      name\n      status\n    }\n    convertedAt\n    createdBy {\n      id\n      name\n    }\n    createdAt\n    updatedAt\n    deletedAt\n  }\n"): (typeof documents)["\n  fragment LeadDetail_lead on Lead {\n    id\n    contactName\n    contactEmail\n    contactPhone\n    customer {\n      id\n      name\n      email\n      phone\n      address { street city state zip }\n    }\n    propertyAddress { street city state zip }\n    source\n    status\n    lostReason\n    ...LeadScore_lead @unmask\n    assignee {\n      id\n      name\n      email\n    }\n    owningTeam {\n      id\n      name\n    }\n    projectType\n    estimatedValue\n    priority\n    notes\n    nextFollowUpAt\n    convertedProject {\n      id\n      name\n      status\n    }\n    convertedAt\n    createdBy {\n      id\n      name\n    }\n    createdAt\n    updatedAt\n    deletedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LeadDetail($id: ID!) {\n    lead(id: $id) {\n      id\n      ...LeadDetail_lead\n    }\n  }\n"): (typeof documents)["\n  query LeadDetail($id: ID!) {\n    lead(id: $id) {\n      id\n      ...LeadDetail_lead\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssignableUsers {\n    users(first: 100, filter: { active: true, roles: [SALES, MANAGER, ADMIN] }) {\n      edges {\n        node {\n          id\n          name\n          role\n          team {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AssignableUsers {\n    users(first: 100, filter: { active: true, roles: [SALES, MANAGER, ADMIN] }) {\n      edges {\n        node {\n          id\n          name\n          role\n          team {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateLeadStatus($input: UpdateLeadStatusInput!) {\n    updateLeadStatus(input: $input) {\n      lead {\n        id\n        status\n        lostReason\n        ...LeadScore_lead @unmask\n        updatedAt\n      }\n      errors { field code message }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateLeadStatus($input: UpdateLeadStatusInput!) {\n    updateLeadStatus(input: $input) {\n      lead {\n        id\n        status\n        lostReason\n        ...LeadScore_lead @unmask\n        updatedAt\n      }\n      errors { field code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NotificationItem_notification on Notification {\n    id\n    kind\n    title\n    body\n    readAt\n    createdAt\n    subject {\n      id\n    }\n  }\n"): (typeof documents)["\n  fragment NotificationItem_notification on Notification {\n    id\n    kind\n    title\n    body\n    readAt\n    createdAt\n    subject {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationsBell {\n    notifications(first: 8) {\n      unreadCount\n      edges {\n        node { id ...NotificationItem_notification }\n      }\n    }\n  }\n"): (typeof documents)["\n  query NotificationsBell {\n    notifications(first: 8) {\n      unreadCount\n      edges {\n        node { id ...NotificationItem_notification }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead {\n      unreadCount\n    }\n  }\n"): (typeof documents)["\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead {\n      unreadCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationsPage($first: Int!, $after: String, $unreadOnly: Boolean!) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      totalCount\n      unreadCount\n      edges {\n        node { id ...NotificationItem_notification }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query NotificationsPage($first: Int!, $after: String, $unreadOnly: Boolean!) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      totalCount\n      unreadCount\n      edges {\n        node { id ...NotificationItem_notification }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      markedCount\n      unreadCount\n      errors { field code message }\n    }\n  }\n"): (typeof documents)["\n  mutation MarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      markedCount\n      unreadCount\n      errors { field code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProjectRow_project on Project {\n    id\n    name\n    projectType\n    status\n    budget\n    actualCost\n    completionPercentage\n    startDate\n    endDate\n    updatedAt\n    customer {\n      id\n      name\n      address {\n        street\n        city\n      }\n    }\n    team {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment ProjectRow_project on Project {\n    id\n    name\n    projectType\n    status\n    budget\n    actualCost\n    completionPercentage\n    startDate\n    endDate\n    updatedAt\n    customer {\n      id\n      name\n      address {\n        street\n        city\n      }\n    }\n    team {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectsList($first: Int!, $after: String, $filter: ProjectFilter, $orderBy: ProjectOrder) {\n    projects(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      edges {\n        cursor\n        node { id ...ProjectRow_project }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProjectsList($first: Int!, $after: String, $filter: ProjectFilter, $orderBy: ProjectOrder) {\n    projects(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      edges {\n        cursor\n        node { id ...ProjectRow_project }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProjectDetail_project on Project {\n    id\n    ...ProjectRow_project @unmask\n    createdAt\n    deletedAt\n    customer {\n      id\n      name\n      phone\n      email\n      address { street city state zip }\n    }\n    lead {\n      id\n      contactName\n      status\n    }\n    team {\n      id\n      name\n      role\n    }\n    owningTeam {\n      id\n      name\n    }\n    createdBy {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment ProjectDetail_project on Project {\n    id\n    ...ProjectRow_project @unmask\n    createdAt\n    deletedAt\n    customer {\n      id\n      name\n      phone\n      email\n      address { street city state zip }\n    }\n    lead {\n      id\n      contactName\n      status\n    }\n    team {\n      id\n      name\n      role\n    }\n    owningTeam {\n      id\n      name\n    }\n    createdBy {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectDetail($id: ID!) {\n    project(id: $id) {\n      id\n      ...ProjectDetail_project\n      appointments {\n        id\n        ...AppointmentSummary_appointment\n      }\n      interactions(first: 20) {\n        id\n        ...InteractionEntry_interaction\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProjectDetail($id: ID!) {\n    project(id: $id) {\n      id\n      ...ProjectDetail_project\n      appointments {\n        id\n        ...AppointmentSummary_appointment\n      }\n      interactions(first: 20) {\n        id\n        ...InteractionEntry_interaction\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectHistory($entityId: ID!) {\n    auditLog(first: 20, filter: { entityType: \"Project\", entityId: $entityId }) {\n      totalCount\n      edges {\n        node {\n          id\n          occurredAt\n          action\n          actor {\n            id\n            name\n          }\n          changes {\n            field\n            before\n            after\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProjectHistory($entityId: ID!) {\n    auditLog(first: 20, filter: { entityType: \"Project\", entityId: $entityId }) {\n      totalCount\n      edges {\n        node {\n          id\n          occurredAt\n          action\n          actor {\n            id\n            name\n          }\n          changes {\n            field\n            before\n            after\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProject($input: UpdateProjectInput!) {\n    updateProject(input: $input) {\n      project { id ...ProjectDetail_project }\n      errors { field code message }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProject($input: UpdateProjectInput!) {\n    updateProject(input: $input) {\n      project { id ...ProjectDetail_project }\n      errors { field code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignProjectTeam($input: AssignProjectTeamInput!) {\n    assignProjectTeam(input: $input) {\n      project { id ...ProjectDetail_project }\n      errors { field code message }\n    }\n  }\n"): (typeof documents)["\n  mutation AssignProjectTeam($input: AssignProjectTeamInput!) {\n    assignProjectTeam(input: $input) {\n      project { id ...ProjectDetail_project }\n      errors { field code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CrewCandidates {\n    teams {\n      id\n      name\n      members {\n        id\n        name\n        role\n        active\n      }\n    }\n  }\n"): (typeof documents)["\n  query CrewCandidates {\n    teams {\n      id\n      name\n      members {\n        id\n        name\n        role\n        active\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogProgressNote($input: LogInteractionInput!) {\n    logInteraction(input: $input) {\n      interaction { id ...InteractionEntry_interaction }\n      errors { field code message }\n    }\n  }\n"): (typeof documents)["\n  mutation LogProgressNote($input: LogInteractionInput!) {\n    logInteraction(input: $input) {\n      interaction { id ...InteractionEntry_interaction }\n      errors { field code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SettingsAlerts($includeResolved: Boolean!) {\n    alerts(includeResolved: $includeResolved, first: 100) {\n      id\n      kind\n      severity\n      title\n      body\n      createdAt\n      resolvedAt\n      team {\n        id\n        name\n      }\n      subject {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query SettingsAlerts($includeResolved: Boolean!) {\n    alerts(includeResolved: $includeResolved, first: 100) {\n      id\n      kind\n      severity\n      title\n      body\n      createdAt\n      resolvedAt\n      team {\n        id\n        name\n      }\n      subject {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResolveAlert($id: ID!) {\n    resolveAlert(id: $id) {\n      id\n      resolvedAt\n    }\n  }\n"): (typeof documents)["\n  mutation ResolveAlert($id: ID!) {\n    resolveAlert(id: $id) {\n      id\n      resolvedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTeamAssignment($input: UpdateTeamAssignmentInput!) {\n    updateTeamAssignment(input: $input) {\n      team {\n        id\n        assignmentStrategy\n        territories {\n          zipPrefix\n          user {\n            id\n            name\n          }\n        }\n      }\n      errors { field code message }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateTeamAssignment($input: UpdateTeamAssignmentInput!) {\n    updateTeamAssignment(input: $input) {\n      team {\n        id\n        assignmentStrategy\n        territories {\n          zipPrefix\n          user {\n            id\n            name\n          }\n        }\n      }\n      errors { field code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SettingsJobQueues {\n    jobQueues {\n      name\n      description\n      schedule\n      lastRun {\n        id\n        state\n        createdAt\n        startedAt\n        completedAt\n      }\n      stateCounts {\n        state\n        count\n      }\n      recentFailures {\n        id\n        state\n        retryCount\n        createdAt\n        completedAt\n        output\n      }\n    }\n  }\n"): (typeof documents)["\n  query SettingsJobQueues {\n    jobQueues {\n      name\n      description\n      schedule\n      lastRun {\n        id\n        state\n        createdAt\n        startedAt\n        completedAt\n      }\n      stateCounts {\n        state\n        count\n      }\n      recentFailures {\n        id\n        state\n        retryCount\n        createdAt\n        completedAt\n        output\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RunJob($name: String!) {\n    runJob(name: $name) {\n      jobId\n      errors { field code message }\n    }\n  }\n"): (typeof documents)["\n  mutation RunJob($name: String!) {\n    runJob(name: $name) {\n      jobId\n      errors { field code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      changed\n      errors { field code message }\n    }\n  }\n"): (typeof documents)["\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      changed\n      errors { field code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      user { id ...Viewer_user }\n      errors { field code message }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      user { id ...Viewer_user }\n      errors { field code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ScoringSettings_weights on LeadScoringWeights {\n    sourceQuality\n    projectValue\n    urgency\n    responsiveness\n    completeness\n    agingPenalty\n    updatedAt\n    updatedBy {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment ScoringSettings_weights on LeadScoringWeights {\n    sourceQuality\n    projectValue\n    urgency\n    responsiveness\n    completeness\n    agingPenalty\n    updatedAt\n    updatedBy {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SettingsScoringWeights {\n    leadScoringWeights { ...ScoringSettings_weights }\n  }\n"): (typeof documents)["\n  query SettingsScoringWeights {\n    leadScoringWeights { ...ScoringSettings_weights }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateLeadScoringWeights($input: LeadScoringWeightsInput!) {\n    updateLeadScoringWeights(input: $input) {\n      weights { ...ScoringSettings_weights }\n      rescoreJobId\n      errors { field code message }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateLeadScoringWeights($input: LeadScoringWeightsInput!) {\n    updateLeadScoringWeights(input: $input) {\n      weights { ...ScoringSettings_weights }\n      rescoreJobId\n      errors { field code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SettingsManagerOptions {\n    users(first: 100, filter: { roles: [ADMIN, MANAGER], active: true }) {\n      edges {\n        node {\n          id\n          name\n          role\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SettingsManagerOptions {\n    users(first: 100, filter: { roles: [ADMIN, MANAGER], active: true }) {\n      edges {\n        node {\n          id\n          name\n          role\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TeamDialog_team on Team {\n    id\n    name\n    manager {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment TeamDialog_team on Team {\n    id\n    name\n    manager {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) {\n      team { ...TeamDialog_team }\n      errors { field code message }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) {\n      team { ...TeamDialog_team }\n      errors { field code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTeam($input: UpdateTeamInput!) {\n    updateTeam(input: $input) {\n      team { ...TeamDialog_team }\n      errors { field code message }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateTeam($input: UpdateTeamInput!) {\n    updateTeam(input: $input) {\n      team { ...TeamDialog_team }\n      errors { field code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SettingsTeams {\n    teams {\n      id\n      name\n      assignmentStrategy\n      manager {\n        id\n        name\n      }\n      members {\n        id\n        name\n        role\n        active\n      }\n      territories {\n        zipPrefix\n        user {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SettingsTeams {\n    teams {\n      id\n      name\n      assignmentStrategy\n      manager {\n        id\n        name\n      }\n      members {\n        id\n        name\n        role\n        active\n      }\n      territories {\n        zipPrefix\n        user {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user { id ...UserRow_user }\n      errors { field code message }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user { id ...UserRow_user }\n      errors { field code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      user { id ...UserRow_user }\n      errors { field code message }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      user { id ...UserRow_user }\n      errors { field code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      user { id ...UserRow_user }\n      errors { field code message }\n    }\n  }\n"): (typeof documents)["\n  mutation DeactivateUser($id: ID!) {\n    deactivateUser(id: $id) {\n      user { id ...UserRow_user }\n      errors { field code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      user { id ...UserRow_user }\n      errors { field code message }\n    }\n  }\n"): (typeof documents)["\n  mutation ReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      user { id ...UserRow_user }\n      errors { field code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserRow_user on User {\n    id\n    name\n    email\n    role\n    active\n    lastLoginAt\n    team {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment UserRow_user on User {\n    id\n    name\n    email\n    role\n    active\n    lastLoginAt\n    team {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SettingsUsers($first: Int!, $after: String, $filter: UserFilter) {\n    users(first: $first, after: $after, filter: $filter) {\n      totalCount\n      edges {\n        node { id ...UserRow_user }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query SettingsUsers($first: Int!, $after: String, $filter: UserFilter) {\n    users(first: $first, after: $after, filter: $filter) {\n      totalCount\n      edges {\n        node { id ...UserRow_user }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SettingsTeamOptions {\n    teams {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query SettingsTeamOptions {\n    teams {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ViewerTeams {\n    teams {\n      id\n      name\n      manager {\n        id\n      }\n      members {\n        id\n        name\n        role\n        active\n      }\n    }\n  }\n"): (typeof documents)["\n  query ViewerTeams {\n    teams {\n      id\n      name\n      manager {\n        id\n      }\n      members {\n        id\n        name\n        role\n        active\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;