import { InMemoryCache } from '@apollo/client';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { typePolicies } from '../../app/cachePolicies';
import {
  ApproveReferralFeeDocument,
  MarkReferralFeePaidDocument,
  PartnerDetailDocument,
  PartnerFeesDocument,
  PartnerReferralsDocument,
  VoidReferralFeeDocument,
  type Role,
} from '../../gql/graphql';
import { meMock, mocked } from '../../test/fixtures';
import { renderMocked } from '../../test/renderMocked';
import { FEES_PAGE } from './PartnerFees';
import PartnerDetailPage from './PartnerDetailPage';
import { REFERRALS_PAGE } from './PartnerReferrals';
import { numbers, OWNER, performanceMock, TEAM } from './testData';

const ID = 'UGFydG5lcjo5OQ';
const dana = { __typename: 'PartnerContact', id: 'UGFydG5lckNvbnRhY3Q6MQ', name: 'Dana Lee', email: 'dana@lakes.example', phone: '+16125550142', role: 'Broker' } as const;

const detailMock = mocked(
  PartnerDetailDocument,
  {
    partner: {
      __typename: 'Partner',
      id: ID,
      name: 'Lakes Realty',
      kind: 'REALTOR',
      status: 'ACTIVE',
      owner: OWNER,
      owningTeam: TEAM,
      notes: 'Sends storm work every spring.',
      referralFee: { __typename: 'ReferralFeeTerms', kind: 'PERCENT', percent: 5, flatAmount: null, cap: '1500.00' },
      contacts: [dana],
      createdBy: OWNER,
      createdAt: '2026-01-10T12:00:00.000Z',
      updatedAt: '2026-11-01T12:00:00.000Z',
      deletedAt: null,
    },
  },
  { variables: { id: ID }, maxUsageCount: Number.POSITIVE_INFINITY },
);

const referralsMock = mocked(
  PartnerReferralsDocument,
  {
    partner: {
      __typename: 'Partner',
      id: ID,
      referrals: {
        __typename: 'LeadConnection',
        totalCount: 1,
        edges: [
          {
            __typename: 'LeadEdge',
            cursor: 'c1',
            node: {
              __typename: 'Lead',
              id: 'TGVhZDox',
              contactName: 'Pat Lee',
              customer: null,
              status: 'ESTIMATE_SENT',
              estimatedValue: '14500.00',
              createdAt: '2026-10-01T12:00:00.000Z',
              convertedProject: null,
            },
          },
        ],
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c1' },
      },
    },
  },
  { variables: { id: ID, first: REFERRALS_PAGE }, maxUsageCount: Number.POSITIVE_INFINITY },
);

const fee = (id: string, status: 'ACCRUED' | 'APPROVED' | 'PAID' | 'VOID', amount: string) => ({
  __typename: 'ReferralFee' as const,
  id,
  amount,
  status,
  accruedAt: '2026-10-20T12:00:00.000Z',
  approvedAt: status === 'ACCRUED' ? null : '2026-10-21T12:00:00.000Z',
  approvedBy: status === 'ACCRUED' ? null : OWNER,
  paidAt: null,
  paidBy: null,
  voidedAt: null,
  voidedBy: null,
  voidReason: null,
  lead: { __typename: 'Lead' as const, id: 'TGVhZDoy', contactName: 'Kim Ode', customer: null },
  project: { __typename: 'Project' as const, id: 'UHJvamVjdDox', name: 'Ode roof' },
});

const feesMock = mocked(
  PartnerFeesDocument,
  {
    partner: {
      __typename: 'Partner',
      id: ID,
      referralFees: {
        __typename: 'ReferralFeeConnection',
        totalCount: 2,
        edges: [
          { __typename: 'ReferralFeeEdge', cursor: 'f1', node: fee('UmVmZXJyYWxGZWU6MQ', 'ACCRUED', '725.00') },
          { __typename: 'ReferralFeeEdge', cursor: 'f2', node: fee('UmVmZXJyYWxGZWU6Mg', 'APPROVED', '400.00') },
        ],
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'f2' },
      },
    },
  },
  { variables: { id: ID, first: FEES_PAGE }, maxUsageCount: Number.POSITIVE_INFINITY },
);

const perf = (withFees: boolean) =>
  performanceMock([
    numbers(
      ID,
      { referrals: 4, wins: 2, wonRevenue: '30000.00', conversionRate: 0.5 },
      withFees ? { accrued: '725.00', approved: '400.00', paid: '0.00', voided: '0.00' } : null,
    ),
  ]);

const renderPage = (role: Role, extra: Parameters<typeof renderMocked>[0] = []) =>
  renderMocked(
    [meMock(role), detailMock, referralsMock, perf(role !== 'SALES'), ...extra],
    `/partners/${ID}`,
    { '/partners/:id': <PartnerDetailPage /> },
    new InMemoryCache({ typePolicies }),
  );

const user = userEvent.setup({ delay: null });

describe('PartnerDetailPage', () => {
  it('shows facts, fee terms, contacts, referrals with their stage and the revenue', async () => {
    renderPage('SALES');
    expect(await screen.findByRole('heading', { name: 'Lakes Realty', level: 1 })).toBeInTheDocument();
    expect(screen.getByText('5% of the contract, capped at $1,500')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Contacts' })).getByText('Dana Lee')).toBeInTheDocument();
    const referrals = await screen.findByRole('list', { name: 'Referrals' });
    expect(within(referrals).getByRole('link', { name: 'Pat Lee' })).toHaveAttribute('href', '/leads/TGVhZDox');
    expect(within(referrals).getByText('Estimate sent')).toBeInTheDocument();
    expect(await screen.findByText('$30,000')).toBeInTheDocument();
  });

  it('hides fees and the trash from sales', async () => {
    renderPage('SALES');
    await screen.findByRole('heading', { name: 'Lakes Realty', level: 1 });
    expect(screen.getByRole('button', { name: 'Edit' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
    expect(screen.queryByText('Referral fees')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Approve/ })).not.toBeInTheDocument();
    expect(screen.queryByText('Fees accrued')).not.toBeInTheDocument();
  });

  it('lets managers approve an accrued fee and mark an approved one paid', async () => {
    const approve = jest.fn(() => ({
      data: { approveReferralFee: { __typename: 'ReferralFeePayload', referralFee: fee('UmVmZXJyYWxGZWU6MQ', 'APPROVED', '725.00'), errors: [] } },
    }));
    const markPaid = jest.fn(() => ({
      data: {
        markReferralFeePaid: {
          __typename: 'ReferralFeePayload',
          referralFee: { ...fee('UmVmZXJyYWxGZWU6Mg', 'APPROVED', '400.00'), status: 'PAID', paidAt: '2026-11-02T12:00:00.000Z', paidBy: OWNER },
          errors: [],
        },
      },
    }));
    renderPage('MANAGER', [
      feesMock,
      { request: { query: ApproveReferralFeeDocument, variables: { id: 'UmVmZXJyYWxGZWU6MQ' } }, result: approve },
      { request: { query: MarkReferralFeePaidDocument, variables: { id: 'UmVmZXJyYWxGZWU6Mg' } }, result: markPaid },
      perf(true),
      perf(true),
    ]);
    const fees = await screen.findByRole('list', { name: 'Referral fees' });
    expect(screen.getByRole('button', { name: 'Delete' })).toBeInTheDocument();
    expect(await screen.findByText('Fees accrued')).toBeInTheDocument();

    await user.click(within(fees).getByRole('button', { name: 'Approve the $725 fee' }));
    await waitFor(() => expect(approve).toHaveBeenCalledTimes(1));
    // The fee moved on: no Approve any more, Mark paid instead (through the cache).
    await waitFor(() => expect(within(fees).queryByRole('button', { name: 'Approve the $725 fee' })).not.toBeInTheDocument());
    expect(within(fees).getByRole('button', { name: 'Mark the $725 fee paid' })).toBeInTheDocument();

    await user.click(within(fees).getByRole('button', { name: 'Mark the $400 fee paid' }));
    await waitFor(() => expect(markPaid).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(within(fees).getAllByText('Paid')).toHaveLength(1));
    expect(within(fees).queryByRole('button', { name: 'Mark the $400 fee paid' })).not.toBeInTheDocument();
  });

  it('voids an approved fee with a reason, showing refusals on the field, then a neutral Void badge and the reason', async () => {
    const ID2 = 'UmVmZXJyYWxGZWU6Mg';
    const refused = jest.fn(() => ({
      data: {
        voidReferralFee: {
          __typename: 'ReferralFeePayload',
          referralFee: null,
          errors: [{ __typename: 'UserError', field: ['reason'], code: 'TOO_LONG', message: 'Reason must be at most 500 characters.' }],
        },
      },
    }));
    const voided = jest.fn(() => ({
      data: {
        voidReferralFee: {
          __typename: 'ReferralFeePayload',
          referralFee: { ...fee(ID2, 'VOID', '400.00'), voidedAt: '2026-11-03T12:00:00.000Z', voidedBy: OWNER, voidReason: 'Job cancelled.' },
          errors: [],
        },
      },
    }));
    const request = (reason: string) => ({ query: VoidReferralFeeDocument, variables: { input: { id: ID2, reason } } });
    renderPage('MANAGER', [feesMock, { request: request('Dup'), result: refused }, { request: request('Job cancelled.'), result: voided }, perf(true), perf(true)]);
    const fees = await screen.findByRole('list', { name: 'Referral fees' });

    await user.click(within(fees).getByRole('button', { name: 'Void the $400 fee' }));
    const dialog = screen.getByRole('dialog', { name: 'Void the $400 fee' });
    const reason = within(dialog).getByLabelText('Reason *');
    // Without a reason nothing is sent.
    await user.click(within(dialog).getByRole('button', { name: 'Void fee' }));
    expect(reason).toHaveAttribute('aria-invalid', 'true');

    await user.type(reason, 'Dup');
    await user.click(within(dialog).getByRole('button', { name: 'Void fee' }));
    expect(await within(dialog).findByText('Reason must be at most 500 characters.')).toBeInTheDocument();
    expect(refused).toHaveBeenCalledTimes(1);

    await user.clear(reason);
    await user.type(reason, 'Job cancelled.');
    await user.click(within(dialog).getByRole('button', { name: 'Void fee' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(voided).toHaveBeenCalledTimes(1);
    const item = within(fees).getByText('Void: Job cancelled.').closest('li')!;
    expect(within(item).getByText('Void')).toHaveClass('neutral');
    expect(within(item).getByText(/voided Nov 3, 2026 by Sam Carter/)).toBeInTheDocument();
    // A void fee takes no more steps.
    expect(within(item).queryByRole('button')).not.toBeInTheDocument();
    expect(within(fees).getByRole('button', { name: 'Void the $725 fee' })).toBeInTheDocument();
  });
});
