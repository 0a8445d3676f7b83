import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeFragmentData } from '../../gql';
import { ProjectReviewRequest_RequestFragmentDoc, RequestReviewDocument, type Role } from '../../gql/graphql';
import { dateTimeLabel } from '../../lib/format';
import { userError } from '../../test/fixtures';
import { renderMocked } from '../../test/renderMocked';
import { ProjectReviewRequest } from './ProjectReviewRequest';
import { detailMock, PROJECT_ID, project, renderPage, reviewRequestNode, updateMock } from './testData';

jest.setTimeout(20_000);

const completed = { ...project, status: 'COMPLETED', completionPercentage: 100 };
const page = (overrides: object = {}) => ({ ...completed, appointments: [], interactions: [], reviews: [], ...overrides });

/** `requestReview` for the project, answered with `payload` (counting the calls in `spy`). */
const requestMock = (payload: { reviewRequest: object | null; errors: object[] }, spy = jest.fn()) => ({
  request: { query: RequestReviewDocument, variables: { projectId: PROJECT_ID } },
  result: () => {
    spy();
    return { data: { requestReview: { __typename: 'ReviewRequestPayload', ...payload } } };
  },
});

const region = () => screen.findByRole('region', { name: 'Review request' });

describe('ProjectReviewRequest', () => {
  const sendAt = '2026-11-24T12:00:00.000Z';
  /** A request made just now, its first message due at `sendAt`. */
  const scheduled = reviewRequestNode({ status: 'SCHEDULED', sendAt, sentAt: null, remindersSent: 0 });
  it.each([
    [
      'scheduled',
      { status: 'SCHEDULED', sendAt, sentAt: null, remindersSent: 0 },
      [`Scheduled for ${dateTimeLabel(sendAt)}`, 'ChannelE-mail', 'Reminders sent0'],
    ],
    [
      'sent',
      { status: 'SENT', channel: 'SMS', sentAt: '2026-11-23T12:00:00.000Z', expiresAt: '2026-12-23T12:00:00.000Z' },
      ['Sent on Nov 23, 2026; the link works until Dec 23, 2026', 'ChannelSMS', 'Reminders sent1'],
    ],
    [
      'answered',
      {
        status: 'ANSWERED',
        answeredAt: '2026-11-25T12:00:00.000Z',
        rating: 4,
        remindersSent: 0,
        review: { __typename: 'Review', id: 'UmV2aWV3Ojc' },
        referralCount: 2,
      },
      ['Answered on Nov 25, 2026', 'Reminders sent0', 'Neighbours referred2'],
    ],
    [
      'expired',
      { status: 'EXPIRED', remindersSent: 2, expiresAt: '2026-12-23T12:00:00.000Z' },
      ['Expired on Dec 23, 2026, unanswered', 'Reminders sent2'],
    ],
    [
      'not sent',
      { status: 'NOT_SENT', channel: null, sentAt: null, remindersSent: 0, notSentReason: 'The customer has not opted in to e-mail or SMS.' },
      ['Not sent: The customer has not opted in to e-mail or SMS.', 'ChannelNone'],
    ],
    [
      'cancelled',
      { status: 'CANCELLED', channel: 'SMS', sentAt: null, remindersSent: 0, cancelReason: 'CONSENT_WITHDRAWN', cancelledAt: '2026-11-24T12:00:00.000Z' },
      ['Cancelled on Nov 24, 2026: The customer opted out of SMS before it went out.', 'ChannelSMS', 'Reminders sent0'],
    ],
  ])('says when a %s request went out, by which channel and with how many reminders', async (_, overrides, texts) => {
    renderMocked([], '/', {
      '/': (
        <ProjectReviewRequest
          project={{ id: PROJECT_ID, status: 'COMPLETED' }}
          request={makeFragmentData(reviewRequestNode(overrides) as never, ProjectReviewRequest_RequestFragmentDoc)}
          canAsk
        />
      ),
    });
    const section = await region();
    for (const text of texts) expect(section).toHaveTextContent(text);
    expect(within(section).queryByRole('button', { name: 'Ask for a review' })).not.toBeInTheDocument();
  });

  it('shows the stars of an answer and links to the review it recorded', async () => {
    const answered = reviewRequestNode({
      status: 'ANSWERED',
      answeredAt: '2026-11-25T12:00:00.000Z',
      rating: 2,
      review: { __typename: 'Review', id: 'UmV2aWV3Ojc' },
    });
    renderPage('MANAGER', [], detailMock(page({ reviewRequest: answered })));
    const section = await region();
    expect(within(section).getByText('Answered')).toBeInTheDocument();
    expect(within(section).getByRole('img', { name: '2 of 5 stars' })).toBeInTheDocument();
    expect(within(section).getByRole('link', { name: 'Read the customer’s review' })).toHaveAttribute('href', '/reviews/UmV2aWV3Ojc');
  });

  it('asks for a review of a completed project without one and shows the new request in the card', async () => {
    const asked = jest.fn();
    renderPage('SALES', [requestMock({ reviewRequest: scheduled, errors: [] }, asked)], detailMock(page()));
    const section = await region();
    expect(section).toHaveTextContent('No review request was made when this project was completed.');

    await userEvent.click(within(section).getByRole('button', { name: 'Ask for a review' }));

    await waitFor(() => expect(asked).toHaveBeenCalledTimes(1));
    // Read from the cached project, which the mutation's answer updated.
    expect(await within(section).findByText('Scheduled')).toBeInTheDocument();
    expect(section).toHaveTextContent(`Scheduled for ${dateTimeLabel(sendAt)}`);
    expect(within(section).queryByRole('button', { name: 'Ask for a review' })).not.toBeInTheDocument();
    expect(within(section).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows the server’s refusal and keeps the button', async () => {
    renderPage(
      'SALES',
      [requestMock({ reviewRequest: null, errors: [userError(['projectId'], 'FORBIDDEN', 'You may not ask for reviews of this project.')] })],
      detailMock(page()),
    );
    const section = await region();
    await userEvent.click(within(section).getByRole('button', { name: 'Ask for a review' }));

    expect(await within(section).findByRole('alert')).toHaveTextContent('You may not ask for reviews of this project.');
    expect(within(section).getByRole('button', { name: 'Ask for a review' })).toBeEnabled();
  });

  it('on a conflict (asked meanwhile) says so and shows the request that exists', async () => {
    renderPage(
      'MANAGER',
      [
        requestMock({ reviewRequest: null, errors: [userError(['projectId'], 'CONFLICT', 'This project already has a review request.')] }),
        detailMock(page({ reviewRequest: reviewRequestNode() })),
      ],
      detailMock(page()),
    );
    const section = await region();
    await userEvent.click(within(section).getByRole('button', { name: 'Ask for a review' }));

    expect(await within(section).findByRole('alert')).toHaveTextContent('This project already has a review request.');
    await waitFor(() => expect(section).toHaveTextContent('Sent on Nov 23, 2026'));
    expect(within(section).queryByRole('button', { name: 'Ask for a review' })).not.toBeInTheDocument();
  });

  it('says when the server could not be reached', async () => {
    const offline = { request: { query: RequestReviewDocument, variables: { projectId: PROJECT_ID } }, error: new Error('offline') };
    renderPage('ADMIN', [offline], detailMock(page()));
    const section = await region();
    await userEvent.click(within(section).getByRole('button', { name: 'Ask for a review' }));

    expect(await within(section).findByRole('alert')).toHaveTextContent('The server could not be reached. No request was made. Try again.');
  });

  it.each<Role>(['ADMIN', 'MANAGER', 'SALES'])('offers %s to ask for a review of a completed project', async (role) => {
    renderPage(role, [], detailMock(page()));
    expect(await screen.findByRole('button', { name: 'Ask for a review' })).toBeInTheDocument();
  });

  it('offers field techs nothing (they do not see requests)', async () => {
    renderPage('FIELD_TECH', [], detailMock(page()));
    expect(await screen.findByText('No reviews of this project yet.')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Review request' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Ask for a review' })).not.toBeInTheDocument();
  });

  it('offers no request before the project is completed, and shows the one completing it made', async () => {
    renderPage(
      'SALES',
      [
        updateMock(
          { id: PROJECT_ID, status: 'COMPLETED' },
          { project: { ...completed, reviewRequest: scheduled }, errors: [] },
        ),
      ],
      detailMock({ ...project, appointments: [], interactions: [], reviews: [] }),
    );
    await screen.findByText('No reviews of this project yet.');
    expect(screen.queryByRole('region', { name: 'Review request' })).not.toBeInTheDocument();

    await userEvent.click(await screen.findByRole('button', { name: 'Mark completed' }));

    const section = await region();
    expect(section).toHaveTextContent(`Scheduled for ${dateTimeLabel(sendAt)}`);
    expect(within(section).queryByRole('button', { name: 'Ask for a review' })).not.toBeInTheDocument();
  });
});
