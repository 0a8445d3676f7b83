import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { makeFragmentData } from '../../gql';
import { Reputation_DashboardFragmentDoc, type ReviewPlatform } from '../../gql/graphql';
import { Reputation } from './Reputation';

const stats = (count: number, averageRating: number | null, positiveShare: number) => ({
  __typename: 'ReputationStats' as const,
  count,
  averageRating,
  positiveShare,
});

const platform = (p: ReviewPlatform, s: ReturnType<typeof stats>) => ({ __typename: 'PlatformReputation' as const, platform: p, stats: s });

const requestStats = (sent: number, answered: number, responseRate: number | null, unhappy: number) => ({
  __typename: 'ReviewRequestStats' as const,
  sent,
  answered,
  responseRate,
  unhappy,
});

const renderWidget = (
  overall: ReturnType<typeof stats>,
  byPlatform: ReturnType<typeof platform>[],
  requests = requestStats(0, 0, null, 0),
) =>
  render(
    <MemoryRouter>
      <Reputation
        dashboard={makeFragmentData(
          { __typename: 'Dashboard', reputation: { __typename: 'Reputation', overall, byPlatform, requests } },
          Reputation_DashboardFragmentDoc,
        )}
      />
    </MemoryRouter>,
  );

describe('Reputation', () => {
  it('shows the average, the count, the 4–5 star share and each platform', () => {
    renderWidget(stats(40, 4.63, 0.875), [platform('GOOGLE', stats(30, 4.8, 0.9333)), platform('YELP', stats(10, 4.1, 0.7))]);
    const numbers = screen.getByText('Average stars').closest('dl')!;
    expect(numbers).toHaveAccessibleName('Reviews of the period');
    expect(within(numbers).getByText('Average stars').nextElementSibling).toHaveTextContent('4.6');
    expect(within(numbers).getByText('Reviews').nextElementSibling).toHaveTextContent('40');
    expect(within(numbers).getByText('4–5 stars').nextElementSibling).toHaveTextContent('88%');

    const items = within(screen.getByRole('list', { name: 'Reviews by platform' })).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('Google');
    expect(items[0]).toHaveTextContent('4.8 average stars');
    expect(items[0]).toHaveTextContent('30 reviews · 93% with 4–5 stars');
    expect(items[1]).toHaveTextContent('10 reviews · 70% with 4–5 stars');
    // Bars are scaled to the platform with the most reviews.
    expect(items[1]!.querySelector('[style]')).toHaveStyle({ width: '33%' });
    expect(screen.getByRole('link', { name: 'All reviews' })).toHaveAttribute('href', '/reviews');
  });

  it('says when no review was posted in the period', () => {
    renderWidget(stats(0, null, 0), []);
    expect(screen.getByText('No reviews posted in this period.')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Reviews by platform' })).not.toBeInTheDocument();
  });

  it('shows the review requests sent in the period: answered, the response rate and unhappy answers', () => {
    renderWidget(stats(12, 4.2, 0.75), [platform('INTERNAL', stats(12, 4.2, 0.75))], requestStats(16, 12, 0.75, 3));
    const list = screen.getByText('Requests sent').closest('dl')!;
    expect(list).toHaveAccessibleName('Review requests of the period');
    const numbers = within(list);
    expect(numbers.getByText('Requests sent').nextElementSibling).toHaveTextContent('16');
    expect(numbers.getByText('Answered').nextElementSibling).toHaveTextContent('12');
    expect(numbers.getByText('Response rate').nextElementSibling).toHaveTextContent('75%');
    expect(numbers.getByText('Unhappy answers').nextElementSibling).toHaveTextContent('3');
  });

  it('shows the requests of a period without reviews, with a dash for the rate when none was sent', () => {
    renderWidget(stats(0, null, 0), [], requestStats(0, 0, null, 0));
    expect(screen.getByText('No reviews posted in this period.')).toBeInTheDocument();
    const numbers = within(screen.getByText('Requests sent').closest('dl')!);
    expect(numbers.getByText('Requests sent').nextElementSibling).toHaveTextContent('0');
    expect(numbers.getByText('Response rate').nextElementSibling).toHaveTextContent('—');
    expect(numbers.getByText('Unhappy answers').nextElementSibling).toHaveTextContent('0');
  });
});
