import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { browserTimeZone, setCompanyTimeZone } from '../../lib/timeZone';
import { userError } from '../interactions/testFixtures';
import { detailMock, PROJECT_ID, project, renderPage, updateMock } from './testData';

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
      detailMock({ ...over, appointments: [], interactions: [], reviews: [] }),
    );
    const user = userEvent.setup({ delay: null });
    expect(await screen.findByText(/Over budget by \$1,000/)).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Update progress' })).not.toBeInTheDocument();

    // The moves depend on who is looking (the viewer's own query), which may answer after the project's.
    await user.click(await screen.findByRole('button', { name: 'Mark completed' }));
    expect(await screen.findByText(/Completed is final/)).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Completion' })).toHaveAttribute('aria-valuenow', '100');
  });

  it('lists the project’s reviews with their stars and status, linking to each', async () => {
    const review = {
      __typename: 'Review',
      id: 'UmV2aWV3OjE',
      platform: 'FACEBOOK',
      rating: 3,
      authorName: 'Dana Hansen',
      text: 'Good roof, but the crew left late.',
      status: 'FLAGGED',
      postedAt: '2026-11-23T12:00:00.000Z',
      project: { __typename: 'Project', id: PROJECT_ID, name: project.name },
    };
    renderPage('FIELD_TECH', [], detailMock({ ...project, appointments: [], interactions: [], reviews: [review] }));
    const list = await screen.findByRole('list', { name: 'Reviews of this project' });
    expect(within(list).getByRole('link', { name: 'Review by Dana Hansen' })).toHaveAttribute('href', '/reviews/UmV2aWV3OjE');
    expect(within(list).getByRole('img', { name: '3 of 5 stars' })).toBeInTheDocument();
    expect(list).toHaveTextContent('Good roof, but the crew left late.');
    expect(list).toHaveTextContent('Facebook');
    expect(within(list).getByText('Flagged')).toBeInTheDocument();
  });

  it('says when the project has no reviews yet', async () => {
    renderPage('SALES', []);
    expect(await screen.findByText('No reviews of this project yet.')).toBeInTheDocument();
  });

  it('says so when the project does not exist or is not visible', async () => {
    renderPage('FIELD_TECH', [], detailMock(null));
    expect(await screen.findByText('Project not found')).toBeInTheDocument();
  });
});

describe('ProjectDetailPage dates', () => {
  afterEach(() => setCompanyTimeZone(browserTimeZone()));

  it('shows the creation date on the company’s calendar, not the UTC one', async () => {
    setCompanyTimeZone('America/Chicago');
    // 9:30 PM on Nov 23 in Minneapolis is already Nov 24 in UTC.
    const evening = { ...project, createdAt: '2026-11-24T03:30:00.000Z' };
    renderPage('MANAGER', [], detailMock({ ...evening, appointments: [], interactions: [], reviews: [] }));
    const created = await screen.findByText(/^Created by Riley Brooks on/);
    expect(created).toHaveTextContent('Created by Riley Brooks on Nov 23, 2026');
    expect(within(created).getByText('Nov 23, 2026')).toHaveAttribute('dateTime', '2026-11-24T03:30:00.000Z');
  });
});

describe('ProgressForm', () => {
  it('shows the completion as it is, in whole percents (66 stays 66, not the nearest 5)', async () => {
    renderPage('FIELD_TECH', [], detailMock({ ...project, completionPercentage: 66, appointments: [], interactions: [], reviews: [] }));
    const form = await screen.findByRole('form', { name: 'Update progress' });
    const slider = within(form).getByRole('slider', { name: 'Completion percentage' });
    expect(slider).toHaveValue('66');
    expect(slider).toHaveAttribute('step', '1');
    expect(within(form).getByText('66%')).toBeInTheDocument();
  });
});
