import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { MemoryRouter } from 'react-router';
import { MergeCandidatesDocument, MergeCustomersDocument } from '../../gql/graphql';
import { mocked, userError } from '../../test/fixtures';
import { MergeCustomersDialog } from './MergeCustomersDialog';
import { candidates, DANA, DANA_M, mergePayload } from './testData';

const user = userEvent.setup({ delay: null });

/** The defaults: the survivor's values, the merged customer's where the survivor has none (e-mail, segment). */
const DEFAULTS = { name: 'SURVIVOR', email: 'MERGED', phone: 'SURVIVOR', address: 'SURVIVOR', customerType: 'SURVIVOR', segment: 'MERGED', emailOptIn: 'SURVIVOR', smsOptIn: 'SURVIVOR' } as const;
const input = (fields: Record<string, string>, dryRun: boolean) => ({ input: { survivorId: DANA, mergedId: DANA_M, fields, dryRun } });

function renderDialog(mocks: MockLink.MockedResponse[], onMerged = jest.fn()) {
  render(
    <MockedProvider mocks={[mocked(MergeCandidatesDocument, candidates, { variables: { a: DANA, b: DANA_M } }), ...mocks]}>
      <MemoryRouter>
        <MergeCustomersDialog customerIds={[DANA, DANA_M]} onClose={() => undefined} onMerged={onMerged} />
      </MemoryRouter>
    </MockedProvider>,
  );
  return onMerged;
}

describe('MergeCustomersDialog', () => {
  it('shows both values of each field, the dry run of the chosen values, and merges on confirm', async () => {
    const onMerged = renderDialog([
      mocked(MergeCustomersDocument, mergePayload(true), { variables: input(DEFAULTS, true) }),
      mocked(MergeCustomersDocument, mergePayload(true), { variables: input({ ...DEFAULTS, phone: 'MERGED' }, true) }),
      mocked(MergeCustomersDocument, mergePayload(false), { variables: input({ ...DEFAULTS, phone: 'MERGED' }, false) }),
    ]);
    const table = await screen.findByRole('table', { name: 'The value each field keeps' });
    expect(within(table).getByRole('radio', { name: 'E-mail: dana@example.com (merged)' })).toBeChecked();
    expect(within(table).getByRole('radio', { name: 'Name: Dana Hansen (stays)' })).toBeChecked();
    const summary = await screen.findByText(/Moves to Dana Hansen:/);
    expect(summary.closest('[role="status"]')).toHaveTextContent('2 leads, 1 project, 14 interactions and 3 messages.');
    expect(summary.closest('[role="status"]')).toHaveTextContent('1 of the leads came from a partner; the partner stays linked.');
    await user.click(within(table).getByRole('radio', { name: 'Phone: (612) 555-0199 (merged)' }));
    const merge = screen.getByRole('button', { name: 'Merge into Dana Hansen' });
    await waitFor(() => expect(merge).toBeEnabled());
    await user.click(merge);
    await waitFor(() => expect(onMerged).toHaveBeenCalledWith(DANA));
  });

  it('says why the server refuses the merge and does not offer it', async () => {
    renderDialog([
      mocked(MergeCustomersDocument, mergePayload(true, { moves: null, values: null, errors: [userError(null, 'FORBIDDEN', "Admins, and managers of both customers' teams, merge customers.")] }), {
        variables: input(DEFAULTS, true),
      }),
    ]);
    expect(await screen.findByText("Admins, and managers of both customers' teams, merge customers.")).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Merge into Dana Hansen' })).toBeDisabled();
  });

  it('lets the newer customer stay instead, choosing its values first', async () => {
    renderDialog([
      mocked(MergeCustomersDocument, mergePayload(true), { variables: input(DEFAULTS, true) }),
      mocked(MergeCustomersDocument, mergePayload(true, { survivor: { __typename: 'Customer', id: DANA_M, name: 'Dana M. Hansen' } }), {
        variables: { input: { survivorId: DANA_M, mergedId: DANA, fields: { ...DEFAULTS, email: 'SURVIVOR', segment: 'SURVIVOR' }, dryRun: true } },
      }),
    ]);
    await user.click(within(await screen.findByRole('group', { name: 'Which customer stays' })).getByRole('radio', { name: /Dana M. Hansen/ }));
    expect(await screen.findByRole('button', { name: 'Merge into Dana M. Hansen' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'E-mail: dana@example.com (stays)' })).toBeChecked();
  });
});
