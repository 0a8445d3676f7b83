import { readReviewList, reviewFilterOf, toggledReviewOrder, writeReviewList } from './listParams';
import { excerpt } from './reviewFormat';

describe('reviews list params', () => {
  it('reads what it writes and leaves out the defaults', () => {
    const url = '?q=leak&platform=BBB&min=2&max=4&status=RESPONDED&sort=rating&dir=asc';
    const state = readReviewList(new URLSearchParams(url));
    expect(state).toEqual({
      search: 'leak',
      platform: 'BBB',
      minRating: 2,
      maxRating: 4,
      status: 'RESPONDED',
      deleted: false,
      order: { field: 'RATING', direction: 'ASC' },
    });
    expect(`?${writeReviewList(state).toString()}`).toBe(url);
    expect(writeReviewList(readReviewList(new URLSearchParams())).toString()).toBe('');
  });

  it('ignores values that are not platforms, statuses or 1 to 5 stars', () => {
    const state = readReviewList(new URLSearchParams('platform=MYSPACE&min=0&max=9&status=LOST&sort=author'));
    expect(reviewFilterOf(state)).toEqual({});
    expect(state.order).toEqual({ field: 'POSTED_AT', direction: 'DESC' });
  });

  it('filters with only what is set, and flips the sorted column', () => {
    expect(reviewFilterOf(readReviewList(new URLSearchParams('platform=YELP&max=3&deleted=1')))).toEqual({
      platforms: ['YELP'],
      maxRating: 3,
      deleted: true,
    });
    expect(toggledReviewOrder({ field: 'POSTED_AT', direction: 'DESC' }, 'POSTED_AT')).toEqual({ field: 'POSTED_AT', direction: 'ASC' });
    expect(toggledReviewOrder({ field: 'POSTED_AT', direction: 'ASC' }, 'RATING')).toEqual({ field: 'RATING', direction: 'DESC' });
  });
});

describe('excerpt', () => {
  it('keeps short text and cuts long text at a word', () => {
    expect(excerpt('  Great   job!\n')).toBe('Great job!');
    expect(excerpt(null)).toBe('');
    expect(excerpt('one two three four five six', 14)).toBe('one two three…');
  });
});
