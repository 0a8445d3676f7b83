/** Shared fixtures for the project page's tests (responses as the server sends them, with `__typename`). */
import type { MockLink } from '@apollo/client/testing';
import { ProjectDetailDocument, ProjectHistoryDocument, UpdateProjectDocument, type Role } from '../../gql/graphql';
import { renderMocked } from '../../test/renderMocked';
import { galleryMock } from '../attachments/testData';
import { interactionNode, meMock } from '../interactions/testFixtures';
import ProjectDetailPage from './ProjectDetailPage';

export const PROJECT_ID = 'UHJvamVjdDox';

/** The project as the page's query and `updateProject` answer it (no review request yet). */
export const project = {
  __typename: 'Project',
  id: PROJECT_ID,
  name: 'Hansen – full replacement',
  projectType: 'FULL_REPLACEMENT',
  status: 'IN_PROGRESS',
  budget: '15000.00',
  actualCost: '6000.00',
  completionPercentage: 40,
  startDate: '2026-11-18',
  endDate: '2026-11-22',
  createdAt: '2026-11-10T10:00:00.000Z',
  updatedAt: '2026-11-20T10:00:00.000Z',
  deletedAt: null,
  customer: {
    __typename: 'Customer',
    id: 'Q3VzdG9tZXI6MQ',
    name: 'Dana Hansen',
    phone: '+16125550142',
    email: 'dana@example.com',
    address: { __typename: 'Address', street: '1208 Maple Ave', city: 'Minneapolis', state: 'MN', zip: '55401' },
  },
  lead: null,
  team: [{ __typename: 'User', id: 'VXNlcjo5', name: 'Jordan Lee', role: 'FIELD_TECH' }],
  owningTeam: { __typename: 'Team', id: 'VGVhbTox', name: 'North Metro' },
  createdBy: { __typename: 'User', id: 'VXNlcjoy', name: 'Riley Brooks' },
  reviewRequest: null as object | null,
};

/** A review request as the project page selects it: by default sent by e-mail and waiting for the answer. */
export const reviewRequestNode = (overrides: Record<string, unknown> = {}) => ({
  __typename: 'ReviewRequest',
  id: 'UmV2aWV3UmVxdWVzdDox',
  status: 'SENT',
  channel: 'EMAIL',
  notSentReason: null,
  cancelReason: null,
  cancelledAt: null,
  sendAt: '2026-11-23T15:00:00.000Z',
  sentAt: '2026-11-23T15:00:12.000Z',
  remindersSent: 1,
  expiresAt: '2026-12-23T15:00:12.000Z',
  answeredAt: null,
  rating: null,
  review: null,
  referralCount: 0,
  ...overrides,
});

/** The page's query answered with `found` (by default the project with one visit logged). */
export const detailMock = (
  found: object | null = { ...project, appointments: [], interactions: [interactionNode({ type: 'VISIT' })], reviews: [] },
) => ({
  request: { query: ProjectDetailDocument, variables: { id: PROJECT_ID } },
  result: { data: { project: found && { claims: [], ...found } } },
});

export const updateMock = (input: Record<string, unknown>, payload: { project: object | null; errors: object[] }) => ({
  request: { query: UpdateProjectDocument, variables: { input } },
  result: { data: { updateProject: { __typename: 'ProjectPayload', ...payload } } },
});

/** The project's change history (admins and managers see it), empty. */
const historyMock: MockLink.MockedResponse = {
  request: { query: ProjectHistoryDocument, variables: { entityId: PROJECT_ID } },
  result: { data: { auditLog: { __typename: 'AuditEntryConnection', totalCount: 0, edges: [] } } },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

/** The project page at `/projects/:id` for `role`, over the page's query (`detail`) and `mocks`. */
export function renderPage(role: Role, mocks: MockLink.MockedResponse[], detail: MockLink.MockedResponse = detailMock()) {
  return renderMocked([meMock(role), detail, historyMock, galleryMock(PROJECT_ID, []), ...mocks], `/projects/${PROJECT_ID}`, {
    '/projects/:id': <ProjectDetailPage />,
  });
}
