import type { MockLink } from '@apollo/client/testing';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useParams } from 'react-router';
import {
  AssignLeadDocument,
  ConvertLeadDocument,
  LeadDetailDocument,
  ViewerTeamsDocument,
  type Role,
} from '../../gql/graphql';
import * as fixtures from '../../test/fixtures';
import { renderMocked } from '../../test/renderMocked';
import LeadDetailPage from './LeadDetailPage';

const LEAD_ID = 'TGVhZDox';
const team = { __typename: 'Team', id: 'VGVhbTox', name: 'North Metro' };
const user = (id: string, name: string, role: Role) => ({ __typename: 'User', id, name, role, active: true });
const manager = user('VXNlcjox', 'Morgan Reyes', 'MANAGER');
const riley = user('VXNlcjoz', 'Riley Brooks', 'SALES');
const sam = user('VXNlcjoy', 'Sam Carter', 'SALES');

const meMock = (who: { id: string; name: string; role: Role }) =>
  fixtures.meMock(who.role, { id: who.id, name: who.name, email: 'me@example.com' });

const lead = (overrides: object = {}) => ({
  __typename: 'Lead',
  id: LEAD_ID,
  contactName: 'Pat Lee',
  contactEmail: 'pat@example.com',
  contactPhone: '+16515550101',
  customer: null,
  propertyAddress: { __typename: 'Address', street: '12 Elm St', city: 'Minneapolis', state: 'MN', zip: '55401' },
  source: 'REFERRAL',
  referredBy: null,
  referringCustomer: null,
  status: 'WON',
  allowedStatuses: [],
  lostReason: null,
  score: 81,
  scoreFactors: [
    { __typename: 'ScoreFactor', factor: 'source_quality', points: 25, explanation: 'Referral leads close most often' },
    { __typename: 'ScoreFactor', factor: 'aging', points: -4, explanation: '9 days without contact' },
  ],
  assignee: { __typename: 'User', id: sam.id, name: sam.name, email: 'sam@example.com' },
  owningTeam: team,
  projectType: 'FULL_REPLACEMENT',
  estimatedValue: '14500.00',
  priority: 'HIGH',
  notes: null,
  nextFollowUpAt: null,
  convertedProject: null,
  convertedAt: null,
  createdBy: { __typename: 'User', id: manager.id, name: manager.name },
  createdAt: '2026-11-10T10:00:00.000Z',
  updatedAt: '2026-11-20T10:00:00.000Z',
  deletedAt: null,
  ...overrides,
});

const detailMock = (data: object | null) => ({
  request: { query: LeadDetailDocument, variables: { id: LEAD_ID } },
  result: { data: { lead: data && { claims: [], ...data } } },
});

const teamsMock = {
  request: { query: ViewerTeamsDocument },
  result: {
    data: {
      teams: [
        { ...team, manager: { __typename: 'User', id: manager.id }, members: [manager, riley, sam, user('VXNlcjo0', 'Taylor Kim', 'FIELD_TECH')] },
        { __typename: 'Team', id: 'VGVhbToy', name: 'South Metro', manager: { __typename: 'User', id: 'VXNlcjo5' }, members: [user('VXNlcjo2', 'Drew Patel', 'SALES')] },
      ],
    },
  },
};

/** assignLead answered with `who` as the lead's new assignee. */
const assignMock = (who: { id: string; name: string }, email: string) =>
  fixtures.mocked(
    AssignLeadDocument,
    {
      assignLead: {
        __typename: 'LeadPayload',
        lead: {
          __typename: 'Lead',
          id: LEAD_ID,
          assignee: { __typename: 'User', id: who.id, name: who.name, email },
          updatedAt: '2026-11-22T10:00:00.000Z',
        },
        errors: [],
      },
    },
    { variables: { input: { id: LEAD_ID, assigneeId: who.id } } },
  );

function ProjectStub() {
  const { id } = useParams();
  return <h1>Project {id}</h1>;
}

const renderPage = (mocks: MockLink.MockedResponse[]) =>
  renderMocked(mocks, `/leads/${LEAD_ID}`, { '/leads/:id': <LeadDetailPage />, '/projects/:id': <ProjectStub /> });

const card = (title: string | RegExp) => screen.getByRole('heading', { name: title }).closest('section')!;

const convertMock = (payload: object) => ({
  request: { query: ConvertLeadDocument, variables: { input: { id: LEAD_ID, budget: '14500' } } },
  result: { data: { convertLead: { __typename: 'ConvertLeadPayload', lead: null, project: null, errors: [], ...payload } } },
});

describe('LeadDetailPage', () => {
  it('shows every score factor with its points and explanation', async () => {
    renderPage([meMock(sam), detailMock(lead())]);
    const score = await screen.findByRole('heading', { name: 'Score 81 of 100' });
    const factors = within(score.closest('section')!).getAllByRole('listitem');
    expect(factors.map((f) => f.textContent)).toEqual([
      '+25Source qualityReferral leads close most often',
      '-4Aging9 days without contact',
    ]);
  });

  it('converts a WON lead and goes to the new project', async () => {
    renderPage([
      meMock(sam),
      detailMock(lead()),
      convertMock({
        lead: lead({
          convertedAt: '2026-11-22T10:00:00.000Z',
          convertedProject: { __typename: 'Project', id: 'UHJvamVjdDo3', name: 'Pat Lee – full replacement', status: 'PLANNING' },
          updatedAt: '2026-11-22T10:00:00.000Z',
        }),
        project: { __typename: 'Project', id: 'UHJvamVjdDo3', name: 'Pat Lee – full replacement' },
      }),
    ]);
    await screen.findByRole('heading', { name: 'Pat Lee' });
    await userEvent.click(screen.getAllByRole('button', { name: 'Convert to project' })[0]!);
    const dialog = screen.getByRole('dialog', { name: 'Convert Pat Lee into a project' });
    expect(within(dialog).getByLabelText('Budget ($)')).toHaveValue('14500');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Convert to project' }));

    expect(await screen.findByRole('heading', { name: 'Project UHJvamVjdDo3' })).toBeInTheDocument();
  });

  it('shows the server’s refusal when the lead cannot be converted, and stays', async () => {
    renderPage([
      meMock(sam),
      detailMock(lead()),
      convertMock({
        errors: [
          {
            __typename: 'UserError',
            field: ['id'],
            code: 'INVALID_TRANSITION',
            message: 'Only a won lead can be converted; this one is at Estimate sent.',
          },
        ],
      }),
    ]);
    await screen.findByRole('heading', { name: 'Pat Lee' });
    await userEvent.click(screen.getAllByRole('button', { name: 'Convert to project' })[0]!);
    const dialog = screen.getByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Convert to project' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Only a won lead can be converted; this one is at Estimate sent.',
    );
    expect(screen.queryByRole('heading', { name: /^Project / })).not.toBeInTheDocument();
  });

  it('lets a manager reassign the lead to a member of their team and shows the new assignee', async () => {
    renderPage([
      meMock(manager),
      detailMock(lead({ status: 'CONTACTED', allowedStatuses: ['INSPECTION_SCHEDULED', 'NEW', 'LOST'] })),
      teamsMock,
      assignMock(riley, 'riley@example.com'),
    ]);
    await screen.findByRole('heading', { name: 'Pat Lee' });
    const assignee = card('Assignee');
    expect(within(assignee).getByText('Sam Carter')).toBeInTheDocument();
    const select = within(assignee).getByLabelText('Reassign to');
    // Only the viewer's teams' people who work leads (no field techs, no other team).
    await within(assignee).findByRole('option', { name: /Riley Brooks/ });
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Nobody (unassigned)',
      'Morgan Reyes (you) · North Metro',
      'Riley Brooks · North Metro',
      'Sam Carter · North Metro',
    ]);

    await userEvent.selectOptions(select, riley.id);
    await userEvent.click(within(assignee).getByRole('button', { name: 'Reassign' }));

    expect(await within(assignee).findByRole('status')).toHaveTextContent('Assigned to Riley Brooks.');
    expect(within(assignee).getByText('Riley Brooks')).toBeInTheDocument();
    expect(within(assignee).queryByText('Sam Carter')).not.toBeInTheDocument();
  });

  it('lets sales claim an unassigned lead, with no one else to pick', async () => {
    renderPage([
      meMock(sam),
      detailMock(lead({ status: 'NEW', allowedStatuses: ['CONTACTED', 'LOST'], assignee: null })),
      assignMock(sam, 'sam@example.com'),
    ]);
    await screen.findByRole('heading', { name: 'Pat Lee' });
    const assignee = card('Assignee');
    expect(within(assignee).queryByRole('combobox')).not.toBeInTheDocument();
    await userEvent.click(within(assignee).getByRole('button', { name: 'Assign to me' }));

    expect(await within(assignee).findByText('Sam Carter (you)')).toBeInTheDocument();
    expect(within(assignee).getByText('Only a manager can hand it to someone else.')).toBeInTheDocument();
  });

  it('offers exactly the moves the server allows (a repair may skip the inspection)', async () => {
    renderPage([
      meMock(sam),
      detailMock(lead({ status: 'CONTACTED', projectType: 'REPAIR', allowedStatuses: ['INSPECTION_SCHEDULED', 'ESTIMATE_SENT', 'NEW', 'LOST'] })),
    ]);
    await screen.findByRole('heading', { name: 'Pat Lee' });
    const moves = screen.getByRole('group', { name: 'Move the lead' });
    expect(within(moves).getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Move to Inspection scheduled',
      'Move to Estimate sent',
      'Back to New',
      'Mark as lost',
    ]);
  });

  it('offers no move when the server allows none', async () => {
    renderPage([meMock(sam), detailMock(lead({ status: 'CONTACTED', allowedStatuses: [] }))]);
    await screen.findByRole('heading', { name: 'Pat Lee' });
    expect(screen.queryByRole('group', { name: 'Move the lead' })).not.toBeInTheDocument();
  });

  it('says so when the lead does not exist or is not visible', async () => {
    renderPage([meMock(sam), detailMock(null)]);
    expect(await screen.findByText('Lead not found')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to leads' })).toHaveAttribute('href', '/leads');
  });

  it('links the customer who referred the lead from the rating page', async () => {
    renderPage([
      meMock(sam),
      detailMock(lead({ status: 'NEW', allowedStatuses: ['CONTACTED', 'LOST'], referringCustomer: { __typename: 'Customer', id: 'Q3VzdG9tZXI6Nw', name: 'Dana Hansen' } })),
    ]);
    await screen.findByRole('heading', { name: 'Pat Lee' });
    const contact = card('Contact');
    const referredBy = within(contact).getByText('Referred by customer');
    expect(referredBy.nextElementSibling).toHaveTextContent('Dana Hansen');
    expect(within(contact).getByRole('link', { name: 'Dana Hansen' })).toHaveAttribute('href', '/customers/Q3VzdG9tZXI6Nw');
    // No partner referred it.
    expect(within(contact).queryByText('Referred by')).not.toBeInTheDocument();
  });

  it('shows no customer referral for a lead no customer referred', async () => {
    renderPage([meMock(sam), detailMock(lead())]);
    await screen.findByRole('heading', { name: 'Pat Lee' });
    expect(within(card('Contact')).queryByText('Referred by customer')).not.toBeInTheDocument();
  });
});
