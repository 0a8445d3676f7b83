import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SettingsScoringWeightsDocument, UpdateLeadScoringWeightsDocument } from '../../gql/graphql';
import { ScoringSettings } from './ScoringSettings';
import { meMock, renderWithApi, userError } from './testUtils';

const weights = {
  __typename: 'LeadScoringWeights',
  sourceQuality: 25,
  projectValue: 25,
  urgency: 20,
  responsiveness: 15,
  completeness: 15,
  agingPenalty: 20,
  updatedAt: null,
  updatedBy: null,
};
const weightsMock = {
  request: { query: SettingsScoringWeightsDocument },
  result: { data: { leadScoringWeights: weights } },
};

async function setWeight(label: string, value: string) {
  const input = screen.getByLabelText(label);
  // The weights are editable once the viewer's own query has said they are an admin (it may answer after the weights).
  await waitFor(() => expect(input).toBeEnabled());
  await userEvent.clear(input);
  await userEvent.type(input, value);
}

/** An admin's page; every save is answered by `save` (which records the variables). */
const renderAdmin = (save: (variables: { input: Record<string, number> }) => object) =>
  renderWithApi(<ScoringSettings />, [
    meMock('ADMIN'),
    weightsMock,
    { request: { query: UpdateLeadScoringWeightsDocument, variables: () => true }, result: save },
  ]);

describe('ScoringSettings', () => {
  it('saves every weight as numbers and says open leads are being rescored', async () => {
    const save = jest.fn((variables: { input: Record<string, number> }) => ({
      data: {
        updateLeadScoringWeights: {
          __typename: 'LeadScoringWeightsPayload',
          weights: { ...weights, ...variables.input, updatedAt: '2026-11-22T10:00:00.000Z', updatedBy: null },
          rescoreJobId: 'job-1',
          errors: [],
        },
      },
    }));
    renderAdmin(save);
    await screen.findByLabelText('Urgency');
    await setWeight('Urgency', '35');
    await setWeight('Aging penalty', '10');
    await userEvent.click(screen.getByRole('button', { name: 'Save weights' }));

    expect(await screen.findByText(/Every open lead is being rescored in the background/)).toBeInTheDocument();
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith({
      input: { sourceQuality: 25, projectValue: 25, urgency: 35, responsiveness: 15, completeness: 15, agingPenalty: 10 },
    });
    expect(screen.getByLabelText('Urgency')).toHaveValue(35);
  });

  it('shows validation errors next to their factor', async () => {
    const save = jest.fn(() => ({
      data: {
        updateLeadScoringWeights: {
          __typename: 'LeadScoringWeightsPayload',
          weights: null,
          rescoreJobId: null,
          errors: [userError(['completeness'], 'OUT_OF_RANGE', 'Complete contact data must be between 0 and 100.')],
        },
      },
    }));
    renderAdmin(save);
    await screen.findByLabelText('Urgency');

    // A bad value is caught before the request…
    await setWeight('Responsiveness', '140');
    await userEvent.click(screen.getByRole('button', { name: 'Save weights' }));
    expect(screen.getByLabelText('Responsiveness')).toHaveAccessibleDescription(
      expect.stringContaining('Enter a whole number from 0 to 100.'),
    );
    expect(save).not.toHaveBeenCalled();

    // …and the server's errors land next to the factor they name.
    await setWeight('Responsiveness', '14');
    await userEvent.click(screen.getByRole('button', { name: 'Save weights' }));
    expect(await screen.findByText('Complete contact data must be between 0 and 100.')).toBeInTheDocument();
    expect(screen.getByLabelText('Complete contact data')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Responsiveness')).toHaveAttribute('aria-invalid', 'false');
  });

  it('is read-only for managers', async () => {
    renderWithApi(<ScoringSettings />, [meMock('MANAGER'), weightsMock]);
    expect(await screen.findByLabelText('Urgency')).toBeDisabled();
    expect(screen.getByText('Only admins can change the weights.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save weights' })).not.toBeInTheDocument();
  });
});
