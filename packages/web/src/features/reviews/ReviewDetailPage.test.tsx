import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  DeleteReviewDocument,
  FlagReviewDocument,
  RespondToReviewDocument,
  ReviewDetailDocument,
  type Role,
} from '../../gql/graphql';
import { meMock, mocked, userError } from '../../test/fixtures';
import { renderMocked } from '../../test/renderMocked';
import ReviewDetailPage from './ReviewDetailPage';
import { reviewDetail, SAM } from './testData';

const review = reviewDetail();
const ID = review.id;

const detailMock = (found: object | null = review) =>
  mocked(ReviewDetailDocument, { review: found as ReturnType<typeof reviewDetail> }, { variables: { id: ID }, maxUsageCount: Number.POSITIVE_INFINITY });

const payload = (field: string, changed: object | null, errors: object[] = []) => ({
  data: { [field]: { __typename: 'ReviewPayload', review: changed && { ...review, ...changed }, errors } },
});

const renderPage = (role: Role, extra: Parameters<typeof renderMocked>[0] = [], detail = detailMock()) =>
  renderMocked([meMock(role), detail, ...extra], `/reviews/${ID}`, { '/reviews/:id': <ReviewDetailPage /> });

const user = userEvent.setup({ delay: null });

describe('ReviewDetailPage', () => {
  it('shows the full review, its link, customer and project', async () => {
    renderPage('SALES');
    expect(await screen.findByRole('heading', { name: 'Review by Dana Hansen', level: 1 })).toBeInTheDocument();
    expect(screen.getAllByRole('img', { name: '5 of 5 stars' }).length).toBeGreaterThan(0);
    expect(screen.getByText('The crew was on time, kept the yard clean and the new roof looks great.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'View it on Google (opens in a new tab)' })).toHaveAttribute('href', 'https://g.page/r/hansen');
    expect(screen.getByRole('link', { name: 'Dana Hansen' })).toHaveAttribute('href', '/customers/Q3VzdG9tZXI6MQ');
    expect(screen.getByRole('link', { name: 'Hansen – full replacement' })).toHaveAttribute('href', '/projects/UHJvamVjdDox');
    expect(screen.getByText('North Metro')).toBeInTheDocument();
  });

  it('sends the response and shows it once saved', async () => {
    const respond = jest.fn(() =>
      payload('respondToReview', {
        status: 'RESPONDED',
        response: { __typename: 'ReviewResponse', text: 'Thank you, Dana!', respondedBy: SAM, respondedAt: '2026-11-03T09:00:00.000Z' },
      }),
    );
    renderPage('SALES', [{ request: { query: RespondToReviewDocument, variables: { id: ID, text: 'Thank you, Dana!' } }, result: respond }]);
    const form = await screen.findByRole('form', { name: 'Respond to the review' });
    await user.type(within(form).getByLabelText('Your response *'), '  Thank you, Dana! ');
    await user.click(within(form).getByRole('button', { name: 'Post response' }));

    await waitFor(() => expect(respond).toHaveBeenCalledTimes(1));
    expect(await screen.findByText('Thank you, Dana!')).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Respond to the review' })).not.toBeInTheDocument();
    expect(screen.getByText('Responded')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit response' })).toBeInTheDocument();
  });

  it('checks the response first and shows the server’s refusal next to the text', async () => {
    const respond = jest.fn(() =>
      payload('respondToReview', null, [userError(['text'], 'TOO_LONG', 'The response is longer than the platform allows.')]),
    );
    renderPage('MANAGER', [{ request: { query: RespondToReviewDocument, variables: { id: ID, text: 'Thanks' } }, result: respond }]);
    const form = await screen.findByRole('form', { name: 'Respond to the review' });
    const text = within(form).getByLabelText('Your response *');

    await user.click(within(form).getByRole('button', { name: 'Post response' }));
    expect(text).toHaveAccessibleDescription(expect.stringContaining('Write the response, up to 5,000 characters.'));
    expect(respond).not.toHaveBeenCalled();

    await user.type(text, 'Thanks');
    await user.click(within(form).getByRole('button', { name: 'Post response' }));
    await waitFor(() => expect(text).toHaveAccessibleDescription(expect.stringContaining('The response is longer than the platform allows.')));
    expect(text).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(text).toHaveFocus());
  });

  it('is read-only for field techs', async () => {
    renderPage('FIELD_TECH');
    await screen.findByRole('heading', { name: 'Review by Dana Hansen', level: 1 });
    for (const name of ['Edit', 'Flag', 'Delete', 'Restore']) {
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    }
    expect(screen.queryByRole('form', { name: 'Respond to the review' })).not.toBeInTheDocument();
    expect(screen.getByText('No response yet.')).toBeInTheDocument();
    // Customers are an office page: the name, not a link.
    expect(screen.queryByRole('link', { name: 'Dana Hansen' })).not.toBeInTheDocument();
  });

  it('lets sales edit and flag but not delete', async () => {
    renderPage('SALES');
    await screen.findByRole('heading', { name: 'Review by Dana Hansen', level: 1 });
    // The actions depend on who is looking (the viewer's own query), which may answer after the review's.
    expect(await screen.findByRole('button', { name: 'Edit' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Flag' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
  });

  it('flags the review with the reason and shows it', async () => {
    const flag = jest.fn(() => payload('flagReview', { status: 'FLAGGED', flagReason: 'Not our customer.' }));
    renderPage('SALES', [{ request: { query: FlagReviewDocument, variables: { id: ID, reason: 'Not our customer.' } }, result: flag }]);
    await user.click(await screen.findByRole('button', { name: 'Flag' }));
    const dialog = screen.getByRole('dialog', { name: 'Flag this review' });
    await user.click(within(dialog).getByRole('button', { name: 'Flag review' }));
    expect(within(dialog).getByLabelText('Reason *')).toHaveAttribute('aria-invalid', 'true');

    await user.type(within(dialog).getByLabelText('Reason *'), 'Not our customer.');
    await user.click(within(dialog).getByRole('button', { name: 'Flag review' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(flag).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('heading', { name: 'Flagged' })).toBeInTheDocument();
    expect(screen.getByText('Not our customer.')).toBeInTheDocument();
  });

  it('lets managers move the review to the trash and restore it', async () => {
    const remove = jest.fn(() => ({
      data: {
        deleteReview: {
          __typename: 'ReviewPayload',
          review: { __typename: 'Review', id: ID, deletedAt: '2026-11-04T10:00:00.000Z', updatedAt: '2026-11-04T10:00:00.000Z' },
          errors: [],
        },
      },
    }));
    renderPage('MANAGER', [{ request: { query: DeleteReviewDocument, variables: { id: ID } }, result: remove }]);
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete the review by Dana Hansen?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete review' }));

    await waitFor(() => expect(remove).toHaveBeenCalledTimes(1));
    expect(await screen.findByRole('button', { name: 'Restore' })).toBeInTheDocument();
    expect(screen.getByText(/It is left out of lists and reputation numbers until restored/)).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Respond to the review' })).not.toBeInTheDocument();
  });

  it('says so when the review does not exist or is not visible', async () => {
    renderPage('SALES', [], detailMock(null));
    expect(await screen.findByText('Review not found')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Reviews/ })).toHaveAttribute('href', '/reviews');
  });
});
