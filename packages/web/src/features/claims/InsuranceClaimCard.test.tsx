import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useParams } from 'react-router';
import { makeFragmentData } from '../../gql';
import { ClaimSummary_ClaimFragmentDoc, CreateClaimDocument } from '../../gql/graphql';
import { toDateInput } from '../../lib/dateInputs';
import { meMock, mocked } from '../../test/fixtures';
import { renderMocked } from '../../test/renderMocked';
import { InsuranceClaimCard } from './InsuranceClaimCard';
import { CLAIM_ID, claimDetail, claimRow, dayFromToday } from './testData';

const user = userEvent.setup({ delay: null });
const PROJECT_ID = 'UHJvamVjdDox';

function ClaimStub() {
  return <p>Claim page {useParams().id}</p>;
}

const summary = (overrides: Record<string, unknown> = {}) => {
  const { customer: _c, dateOfLoss: _d, ...row } = claimRow('13-4471-Z92', overrides);
  return makeFragmentData(row, ClaimSummary_ClaimFragmentDoc);
};

describe('InsuranceClaimCard', () => {
  it('shows the claim with its stage, money and deadline, linking to it', () => {
    const deadline = dayFromToday(-2);
    renderMocked([], '/', {
      '/': <InsuranceClaimCard claims={[summary({ depreciationDeadline: deadline })]} on={{ projectId: PROJECT_ID }} canStart />,
    });
    const card = screen.getByRole('heading', { name: 'Insurance claim' }).closest('section')!;
    expect(within(card).getByRole('link', { name: 'State Farm 13-4471-Z92' })).toHaveAttribute('href', expect.stringMatching(/^\/claims\//));
    expect(card).toHaveTextContent('Approved $18,450.75 · carrier owes $4,210.30');
    expect(within(card).getByText('Passed')).toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: 'Start a claim' })).not.toBeInTheDocument();
  });

  it('starts a claim on the project and opens it', async () => {
    const today = toDateInput(new Date());
    const created = mocked(
      CreateClaimDocument,
      { createClaim: { __typename: 'InsuranceClaimPayload', claim: claimDetail(), errors: [] } } as never,
      { variables: { input: { projectId: PROJECT_ID, carrier: 'State Farm', dateOfLoss: today, causeOfLoss: 'HAIL', money: { deductible: '1000' } } } as never },
    );
    renderMocked([meMock('SALES'), created], '/', {
      '/': <InsuranceClaimCard claims={[]} on={{ projectId: PROJECT_ID }} canStart />,
      '/claims/:id': <ClaimStub />,
    });
    await user.click(screen.getByRole('button', { name: 'Start a claim' }));
    const dialog = screen.getByRole('dialog', { name: 'Start an insurance claim' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Carrier *' }), 'State Farm');
    await user.type(within(dialog).getByRole('textbox', { name: 'Deductible' }), '1,000');
    await user.click(within(dialog).getByRole('button', { name: 'Start claim' }));
    expect(await screen.findByText(`Claim page ${CLAIM_ID}`)).toBeInTheDocument();
  });

  it('says there is none for whoever may not start one', () => {
    renderMocked([], '/', { '/': <InsuranceClaimCard claims={[]} on={{ leadId: 'TGVhZDox' }} canStart={false} /> });
    expect(screen.getByText('No insurance claim.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Start a claim' })).not.toBeInTheDocument();
  });
});
