import type { MockLink } from '@apollo/client/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Role } from '../../gql/graphql';
import { ProjectDetailDocument, UpdateProjectDocument } from '../../gql/graphql';
import { interactionNode, meMock, userError } from '../interactions/testFixtures';
import { renderMocked } from '../../test/renderMocked';
import ProjectDetailPage from './ProjectDetailPage';

const PROJECT_ID = 'UHJvamVjdDox';

const project = {
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
};

/** The page's query answered with `found` (by default the project with one visit logged). */
const detailMock = (found: object | null = { ...project, appointments: [], interactions: [interactionNode({ type: 'VISIT' })] }) => ({
  request: { query: ProjectDetailDocument, variables: { id: PROJECT_ID } },
  result: { data: { project: found } },
});

const updateMock = (input: Record<string, unknown>, payload: { project: object | null; errors: object[] }) => ({
  request: { query: UpdateProjectDocument, variables: { input } },
  result: { data: { updateProject: { __typename: 'ProjectPayload', ...payload } } },
});

function renderPage(role: Role, mocks: MockLink.MockedResponse[], detail = detailMock()) {
  renderMocked([meMock(role), detail, ...mocks], `/projects/${PROJECT_ID}`, { '/projects/:id': <ProjectDetailPage /> });
}

jest.setTimeout(20_000);

describe('ProjectDetailPage for a field tech', () => {
  it('sends only the changed progress fields and shows the saved result on the page', async () => {
    renderPage('FIELD_TECH', [
      updateMock(
        { id: PROJECT_ID, completionPercentage: 75, actualCost: '9250.50' },
        { project: { ...project, completionPercentage: 75, actualCost: '9250.50' }, errors: [] },
      ),
    ]);
    const user = userEvent.setup({ delay: null });
    const form = await screen.findByRole('form', { name: 'Update progress' });

    await user.click(within(form).getByRole('button', { name: '75%' }));
    const cost = within(form).getByLabelText('Cost so far (USD)');
    await user.clear(cost);
    await user.type(cost, '$9,250.50');
    await user.click(within(form).getByRole('button', { name: 'Save progress' }));

    await waitFor(() =>
      expect(within(form).getByRole('status')).toHaveTextContent('Saved: In progress, 75% complete, cost so far $9,251.'),
    );
    // The overview reads the project from the cache, which the mutation's answer updated.
    await waitFor(() => expect(screen.getByRole('progressbar', { name: 'Completion' })).toHaveAttribute('aria-valuenow', '75'));
  });

  it('shows a refused progress value next to its field', async () => {
    renderPage('FIELD_TECH', [
      updateMock(
        { id: PROJECT_ID, actualCost: '-5' },
        { project: null, errors: [userError(['actualCost'], 'INVALID', 'Enter an amount that is not negative.')] },
      ),
    ]);
    const user = userEvent.setup({ delay: null });
    const form = await screen.findByRole('form', { name: 'Update progress' });
    const cost = within(form).getByLabelText('Cost so far (USD)');
    await user.clear(cost);
    await user.type(cost, '-5');
    await user.click(within(form).getByRole('button', { name: 'Save progress' }));

    await waitFor(() => expect(cost).toHaveAttribute('aria-invalid', 'true'));
    expect(cost).toHaveAccessibleDescription(expect.stringContaining('Enter an amount that is not negative.'));
  });

  it('offers only the next stages (no cancelling) and hides the office controls', async () => {
    renderPage('FIELD_TECH', []);
    const form = await screen.findByRole('form', { name: 'Update progress' });
    const choices = within(form)
      .getAllByRole('radio')
      .map((r) => r.closest('label')?.textContent);
    expect(choices).toEqual(['In progress (now)', 'Completed', 'Scheduled']);
    expect(screen.queryByRole('button', { name: 'Edit project' })).not.toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'Log interaction' }).length).toBeGreaterThan(0);
  });
});

describe('ProjectDetailPage for the office', () => {
  it('moves the status along an allowed transition and warns when over budget', async () => {
    const over = { ...project, actualCost: '16000.00' };
    renderPage(
      'SALES',
      [updateMock({ id: PROJECT_ID, status: 'COMPLETED' }, { project: { ...over, status: 'COMPLETED', completionPercentage: 100 }, errors: [] })],
      detailMock({ ...over, appointments: [], interactions: [] }),
    );
    const user = userEvent.setup({ delay: null });
    expect(await screen.findByText(/Over budget by \$1,000/)).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Update progress' })).not.toBeInTheDocument();

    // The moves depend on who is looking (the viewer's own query), which may answer after the project's.
    await user.click(await screen.findByRole('button', { name: 'Mark completed' }));
    expect(await screen.findByText(/Completed is final/)).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Completion' })).toHaveAttribute('aria-valuenow', '100');
  });

  it('says so when the project does not exist or is not visible', async () => {
    renderPage('FIELD_TECH', [], detailMock(null));
    expect(await screen.findByText('Project not found')).toBeInTheDocument();
  });
});
