import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { GraphQLError } from 'graphql';
import { splitFailure, splitUserErrors, userErrorsOf } from './formErrors';

/** What Apollo Client rejects with when the server answers `{ errors: [...] }`, as the server words it. */
const refused = (...errors: GraphQLError[]) => new CombinedGraphQLErrors({ errors });

const badEmail = new GraphQLError(
  'Variable "$input" got invalid value "dana@example" at "input.email"; Email must be a valid e-mail address.',
  { extensions: { code: 'BAD_USER_INPUT', field: 'email' } },
);
const badZip = new GraphQLError('ZIP must look like 55401.', { extensions: { code: 'BAD_USER_INPUT', field: 'address.zip' } });
const forbidden = new GraphQLError('You may not add customers right now.', { extensions: { code: 'FORBIDDEN' } });

describe('the one error model', () => {
  it('reads BAD_USER_INPUT errors with extensions.field as UserErrors about that field', () => {
    expect(userErrorsOf(refused(badEmail, badZip, forbidden))).toEqual([
      { field: ['email'], message: 'Email must be a valid e-mail address.' },
      { field: ['address', 'zip'], message: 'ZIP must look like 55401.' },
      { field: null, message: 'You may not add customers right now.' },
    ]);
    expect(userErrorsOf(new Error('Failed to fetch'))).toBeNull();
  });

  it('splits them exactly as a payload’s UserErrors', () => {
    const fromPayload = splitUserErrors(
      [
        { field: ['email'], message: 'Email must be a valid e-mail address.' },
        { field: ['address', 'zip'], message: 'ZIP must look like 55401.' },
      ],
      ['email', 'address.zip'],
    );
    expect(splitFailure(refused(badEmail, badZip), ['email', 'address.zip'], () => 'unreachable')).toEqual(fromPayload);
  });

  it('says `otherwise` when the failure is not (only) about shown fields', () => {
    const otherwise = () => 'Nothing was saved.';
    expect(splitFailure(refused(badEmail, forbidden), ['email'], otherwise)).toEqual({
      byField: { email: 'Email must be a valid e-mail address.' },
      general: ['Nothing was saved.'],
    });
    expect(splitFailure(refused(badZip), ['email'], otherwise)).toEqual({ byField: {}, general: ['Nothing was saved.'] });
    expect(splitFailure(new Error('Failed to fetch'), ['email'], otherwise)).toEqual({ byField: {}, general: ['Nothing was saved.'] });
  });
});
