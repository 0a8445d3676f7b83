import { subjectLabel, subjectPath } from './subjectLink';

describe('subjectPath', () => {
  const review = { __typename: 'Review', id: 'UmV2aWV3OjE' };

  it('opens the review an unhappy-customer alert or a review follow-up is about, for every role', () => {
    expect(subjectPath(review, 'MANAGER')).toBe('/reviews/UmV2aWV3OjE');
    expect(subjectPath(review, 'SALES')).toBe('/reviews/UmV2aWV3OjE');
    expect(subjectPath(review, 'FIELD_TECH')).toBe('/reviews/UmV2aWV3OjE');
    expect(subjectLabel(review)).toBe('Open review');
  });

  it('keeps lead and customer pages from field techs and has no page for unknown records', () => {
    expect(subjectPath({ __typename: 'Lead', id: 'TGVhZDox' }, 'SALES')).toBe('/leads/TGVhZDox');
    expect(subjectPath({ __typename: 'Lead', id: 'TGVhZDox' }, 'FIELD_TECH')).toBeNull();
    expect(subjectPath({ __typename: 'Team', id: 'VGVhbTox' }, 'ADMIN')).toBeNull();
    expect(subjectPath(null, 'ADMIN')).toBeNull();
  });
});
