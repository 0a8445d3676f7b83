import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeFragmentData } from '../../gql';
import {
  CreateReviewDocument,
  CustomerPickerSearchDocument,
  ReviewFormCustomerProjectsDocument,
  UpdateReviewDocument,
} from '../../gql/graphql';
import { toLocalInput } from '../../lib/dateInputs';
import { meMock, userError } from '../../test/fixtures';
import { dana } from '../customers/testData';
import { ReviewFormFragment } from './reviewDocuments';
import { ReviewFormDialog } from './ReviewFormDialog';
import { reviewDetail } from './testData';

const user = userEvent.setup({ delay: null });

const POSTED = '2026-10-30T14:30';

const pickerMocks: MockLink.MockedResponse[] = [
  {
    request: { query: CustomerPickerSearchDocument, variables: { search: 'dana' } },
    result: { data: { customers: { __typename: 'CustomerConnection', edges: [{ __typename: 'CustomerEdge', node: dana }] } } },
  },
  {
    request: { query: ReviewFormCustomerProjectsDocument, variables: { id: dana.id } },
    result: {
      data: {
        customer: {
          __typename: 'Customer',
          id: dana.id,
          projects: [{ __typename: 'Project', id: 'UHJvamVjdDox', name: 'Hansen – full replacement' }],
        },
      },
    },
  },
];

const input = {
  platform: 'YELP',
  rating: 4,
  authorName: 'Dana H.',
  text: 'Quick and tidy.',
  postedAt: new Date(POSTED).toISOString(),
  url: 'https://yelp.example/r/1',
  customerId: dana.id,
  projectId: 'UHJvamVjdDox',
};

function renderDialog(mocks: MockLink.MockedResponse[], review?: Parameters<typeof ReviewFormDialog>[0]['review']) {
  const onSaved = jest.fn();
  render(
    <MockedProvider mocks={[meMock('SALES'), ...pickerMocks, ...mocks]}>
      <ReviewFormDialog review={review} onClose={() => undefined} onSaved={onSaved} />
    </MockedProvider>,
  );
  return onSaved;
}

async function fill() {
  const dialog = screen.getByRole('dialog', { name: 'Record a review' });
  await user.selectOptions(within(dialog).getByLabelText('Platform'), 'YELP');
  await user.selectOptions(within(dialog).getByLabelText('Rating *'), '4');
  await user.type(within(dialog).getByLabelText('Author *'), 'Dana H.');
  const posted = within(dialog).getByLabelText('Posted at *');
  await user.clear(posted);
  await user.type(posted, POSTED);
  await user.type(within(dialog).getByLabelText('Link to the review'), 'https://yelp.example/r/1');
  await user.type(within(dialog).getByLabelText('Review text'), 'Quick and tidy.');
  await user.type(within(dialog).getByRole('combobox', { name: 'Customer (optional)' }), 'dana');
  await user.click(await within(dialog).findByRole('option', { name: /Dana Hansen/ }));
  const project = await within(dialog).findByRole('combobox', { name: 'Project' });
  await waitFor(() => expect(within(project).getByRole('option', { name: 'Hansen – full replacement' })).toBeInTheDocument());
  await user.selectOptions(project, 'UHJvamVjdDox');
  await user.click(within(dialog).getByRole('button', { name: 'Record review' }));
  return dialog;
}

describe('ReviewFormDialog', () => {
  it('checks stars, author, link and the posting time before asking the server', async () => {
    renderDialog([]);
    const dialog = screen.getByRole('dialog', { name: 'Record a review' });
    expect(within(dialog).getByLabelText('Posted at *')).not.toHaveValue('');
    await user.type(within(dialog).getByLabelText('Link to the review'), 'g.page/r/1');
    const posted = within(dialog).getByLabelText('Posted at *');
    await user.clear(posted);
    await user.type(posted, toLocalInput(new Date(Date.now() + 86_400_000)));
    await user.click(within(dialog).getByRole('button', { name: 'Record review' }));

    expect(within(dialog).getByLabelText('Rating *')).toHaveAccessibleDescription('Choose the stars, 1 to 5.');
    expect(within(dialog).getByLabelText('Author *')).toHaveAccessibleDescription(expect.stringContaining('Author must be 1 to 200 characters.'));
    expect(within(dialog).getByLabelText('Link to the review')).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).getByLabelText('Posted at *')).toHaveAccessibleDescription('The posting time must not be in the future.');
  });

  it('records the review with its customer and project', async () => {
    const created = reviewDetail({ platform: 'YELP', rating: 4, authorName: 'Dana H.', text: 'Quick and tidy.', url: input.url });
    const result = jest.fn(() => ({ data: { createReview: { __typename: 'ReviewPayload', review: created, errors: [] } } }));
    const onSaved = renderDialog([{ request: { query: CreateReviewDocument, variables: { input } }, result }]);
    await fill();
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith({ id: created.id }));
    expect(result).toHaveBeenCalledTimes(1);
  });

  it('shows the server’s refusals next to their fields', async () => {
    const result = jest.fn(() => ({
      data: {
        createReview: {
          __typename: 'ReviewPayload',
          review: null,
          errors: [
            userError(['projectId'], 'INVALID', "The project is not the customer's."),
            userError(['url'], 'INVALID', 'Url must be an http or https link.'),
          ],
        },
      },
    }));
    const onSaved = renderDialog([{ request: { query: CreateReviewDocument, variables: { input } }, result }]);
    const dialog = await fill();
    await waitFor(() => expect(within(dialog).getByLabelText('Project')).toHaveAccessibleDescription(expect.stringContaining("The project is not the customer's.")));
    expect(within(dialog).getByLabelText('Link to the review')).toHaveAccessibleDescription('Url must be an http or https link.');
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('edits the details: clears the link and keeps the posting time unless changed', async () => {
    const review = reviewDetail();
    const result = jest.fn(() => ({ data: { updateReview: { __typename: 'ReviewPayload', review: { ...review, rating: 3, url: null }, errors: [] } } }));
    const onSaved = renderDialog(
      [
        {
          request: {
            query: UpdateReviewDocument,
            variables: {
              input: { id: review.id, platform: 'GOOGLE', rating: 3, authorName: 'Dana Hansen', text: review.text, url: null },
            },
          },
          result,
        },
      ],
      makeFragmentData(review, ReviewFormFragment),
    );
    const dialog = screen.getByRole('dialog', { name: 'Edit the review by Dana Hansen' });
    expect(within(dialog).queryByRole('combobox', { name: /Customer/ })).not.toBeInTheDocument();
    await user.selectOptions(within(dialog).getByLabelText('Rating *'), '3');
    await user.clear(within(dialog).getByLabelText('Link to the review'));
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith({ id: review.id }));
  });
});
