import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import {
  LogInteractionCustomerDocument,
  LogInteractionDocument,
  LogInteractionLeadDocument,
  LogInteractionProjectDocument,
} from '../../gql/graphql';
import { LogInteractionDialog } from './LogInteractionDialog';
import { interactionNode, meMock, userError } from './testFixtures';

const CUSTOMER_ID = 'Q3VzdG9tZXI6MQ';
const PROJECT_ID = 'UHJvamVjdDox';

const projectMock: MockLink.MockedResponse = {
  request: { query: LogInteractionProjectDocument, variables: { id: PROJECT_ID } },
  result: {
    data: {
      project: {
        __typename: 'Project',
        id: PROJECT_ID,
        name: 'Hansen – full replacement',
        customer: { __typename: 'Customer', id: CUSTOMER_ID, name: 'Dana Hansen' },
      },
    },
  },
};
// Answers after the project (as under load): the form must not be submitted before it knows the customer.
const customerMock: MockLink.MockedResponse = {
  delay: 300,
  request: { query: LogInteractionCustomerDocument, variables: { id: CUSTOMER_ID } },
  result: {
    data: {
      customer: {
        __typename: 'Customer',
        id: CUSTOMER_ID,
        name: 'Dana Hansen',
        projects: [{ __typename: 'Project', id: PROJECT_ID, name: 'Hansen – full replacement', status: 'IN_PROGRESS' }],
        leads: [],
      },
    },
  },
};
const logMock = (input: Record<string, unknown>, payload: { interaction: object | null; errors: object[] }) => ({
  request: { query: LogInteractionDocument, variables: { input } },
  result: { data: { logInteraction: { __typename: 'InteractionPayload', ...payload } } },
});

function renderDialog(mocks: MockLink.MockedResponse[], props: Partial<Parameters<typeof LogInteractionDialog>[0]> = {}) {
  const onClose = jest.fn();
  const onLogged = jest.fn();
  render(
    <MockedProvider mocks={[meMock('SALES'), projectMock, customerMock, ...mocks]}>
      <MemoryRouter>
        <LogInteractionDialog
          customerId={CUSTOMER_ID}
          projectId={PROJECT_ID}
          onClose={onClose}
          onLogged={onLogged}
          {...props}
        />
      </MemoryRouter>
    </MockedProvider>,
  );
  return { onClose, onLogged };
}

// Typing is slow in jsdom when the machine is busy.
jest.setTimeout(20_000);

describe('LogInteractionDialog', () => {
  it('shows the server’s UserError next to its field and keeps the dialog open', async () => {
    const { onClose, onLogged } = renderDialog([
      logMock(
        { customerId: CUSTOMER_ID, type: 'CALL', projectId: PROJECT_ID, direction: 'OUTBOUND' },
        { interaction: null, errors: [userError(['notes'], 'REQUIRED', 'Give a subject or notes.')] },
      ),
    ]);
    const user = userEvent.setup({ delay: null });
    expect(await screen.findByText('Hansen – full replacement')).toBeInTheDocument();
    // The submit button stays disabled until the customer and project are loaded: a click before that is ignored.
    const submit = screen.getByRole('button', { name: 'Log call' });
    await waitFor(() => expect(submit).toBeEnabled());

    await user.click(submit);

    const notes = await screen.findByLabelText('Notes');
    await waitFor(() => expect(notes).toHaveAttribute('aria-invalid', 'true'));
    expect(notes).toHaveAccessibleDescription(expect.stringContaining('Give a subject or notes.'));
    expect(screen.getByLabelText('Summary')).toHaveAttribute('aria-invalid', 'false');
    expect(onLogged).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('sends the chosen kind, direction and text, then calls onLogged and closes', async () => {
    const { onClose, onLogged } = renderDialog(
      [
        logMock(
          {
            customerId: CUSTOMER_ID,
            type: 'VISIT',
            projectId: PROJECT_ID,
            direction: 'INBOUND',
            subject: 'Walked the roof with the owner',
            outcome: 'Booked inspection',
          },
          { interaction: interactionNode({ type: 'VISIT', direction: 'INBOUND' }), errors: [] },
        ),
      ],
      { defaultType: 'VISIT' },
    );
    const user = userEvent.setup({ delay: null });
    expect(await screen.findByText('Hansen – full replacement')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Visit' })).toBeChecked();

    await user.click(screen.getByRole('radio', { name: /Inbound/ }));
    await user.type(screen.getByLabelText('Summary'), 'Walked the roof with the owner');
    await user.type(screen.getByLabelText('Outcome'), 'Booked inspection');
    const submit = screen.getByRole('button', { name: 'Log visit' });
    await waitFor(() => expect(submit).toBeEnabled());
    await user.click(submit);

    await waitFor(() => expect(onLogged).toHaveBeenCalledTimes(1));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('refuses to submit a lead that has no customer, saying why', async () => {
    renderDialog(
      [
        {
          request: {
            query: LogInteractionLeadDocument,
            variables: { id: 'TGVhZDox' },
          },
          result: {
            data: {
              lead: { __typename: 'Lead', id: 'TGVhZDox', contactName: 'Pat Lee', status: 'NEW', customer: null },
            },
          },
        },
      ],
      { customerId: undefined, projectId: undefined, leadId: 'TGVhZDox' },
    );
    expect(await screen.findByText(/has no customer yet/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Log call' })).toBeDisabled();
  });
});
