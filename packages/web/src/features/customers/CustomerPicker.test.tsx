import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { configure, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { CustomerPickerSearchDocument } from '../../gql/graphql';
import { CustomerPicker, type PickedCustomer, type CustomerPickerProps } from './CustomerPicker';
import { dana } from './testData';


const searchMock = (search: string, nodes: object[]): MockLink.MockedResponse => ({
  request: { query: CustomerPickerSearchDocument, variables: { search } },
  result: {
    data: { customers: { __typename: 'CustomerConnection', edges: nodes.map((node) => ({ __typename: 'CustomerEdge', node })) } },
  },
});

/** The picker holding its own choice, as the forms do. */
function Harness(props: Omit<CustomerPickerProps, 'value' | 'onChange'>) {
  const [value, setValue] = useState<PickedCustomer | null>(null);
  return <CustomerPicker {...props} value={value} onChange={setValue} />;
}

const user = userEvent.setup({ delay: null });
jest.setTimeout(20_000);
configure({ asyncUtilTimeout: 4000 });

describe('CustomerPicker', () => {
  it('searches once typing pauses, picks with the keyboard and changes the choice', async () => {
    render(
      <MockedProvider mocks={[searchMock('dana', [dana])]}>
        <Harness label="Customer" required />
      </MockedProvider>,
    );
    const box = screen.getByRole('combobox', { name: 'Customer' });
    expect(box).toHaveAttribute('aria-required', 'true');

    await user.type(box, 'dana');
    expect(await screen.findByRole('option', { name: /Dana Hansen/ })).toHaveTextContent(
      '1208 Maple Ave · Minneapolis · (612) 555-0142',
    );
    await user.keyboard('{Enter}');

    expect(screen.getByText('Dana Hansen')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Change customer Dana Hansen' }));
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Customer' })).toHaveFocus());
  });

  it('says when nothing matches, and marks an optional field', async () => {
    render(
      <MockedProvider mocks={[searchMock('zz', [])]}>
        <Harness label="Existing customer" optional />
      </MockedProvider>,
    );
    await user.type(screen.getByRole('combobox', { name: 'Existing customer (optional)' }), 'zz');
    expect(await screen.findByText('No customer matches “zz”.')).toBeInTheDocument();
  });
});
