import { render, screen } from '@testing-library/react';
import { MockedProvider } from '@apollo/client/testing/react';
import { MemoryRouter } from 'react-router';
import { PossibleDuplicatesDocument, type PossibleDuplicatesInput } from '../../gql/graphql';
import { mocked } from '../../test/fixtures';
import { DuplicateWarning } from './DuplicateWarning';

const probe: PossibleDuplicatesInput = { name: 'Dana Hanson', email: 'dana@example.com', phone: '', address: { street: '1208 Maple Ave', zip: '55401' } };

describe('DuplicateWarning', () => {
  it('names the look-alike customers and leads once typing pauses, with why', async () => {
    render(
      <MockedProvider
        mocks={[
          mocked(
            PossibleDuplicatesDocument,
            {
              possibleDuplicates: [
                { __typename: 'PossibleDuplicate', score: 1, reasons: ['EMAIL'], customer: { __typename: 'Customer', id: 'Q3VzdG9tZXI6MQ', name: 'Dana Hansen', email: 'dana@example.com', phone: null }, lead: null },
                {
                  __typename: 'PossibleDuplicate',
                  score: 0.8,
                  reasons: ['NAME_AND_ADDRESS'],
                  customer: null,
                  lead: { __typename: 'Lead', id: 'TGVhZDox', contactName: 'Dana H.', contactEmail: null, contactPhone: null, status: 'NEW' },
                },
              ],
            },
            { variables: { input: probe } },
          ),
        ]}
      >
        <MemoryRouter>
          <DuplicateWarning probe={probe} />
        </MemoryRouter>
      </MockedProvider>,
    );
    const warning = await screen.findByRole('status');
    expect(warning).toHaveTextContent('This looks like existing records:');
    expect(screen.getByRole('link', { name: 'Dana Hansen' })).toHaveAttribute('href', '/customers/Q3VzdG9tZXI6MQ');
    expect(screen.getByRole('link', { name: 'Dana Hansen' })).toHaveAttribute('target', '_blank');
    expect(warning).toHaveTextContent('Customer Dana Hansen (same e-mail)');
    expect(warning).toHaveTextContent('Lead Dana H. (similar name at the same address)');
  });

  it('asks nothing until something can match', () => {
    render(
      <MockedProvider mocks={[]}>
        <MemoryRouter>
          <DuplicateWarning probe={{ name: 'Da', email: 'dana@', phone: '612' }} />
        </MemoryRouter>
      </MockedProvider>,
    );
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });
});
