import type { ClaimDetail_ClaimFragment } from '../../gql/graphql';
import { Card } from '../../ui';
import { cx } from '../../ui';
import { deadlineNote, deadlineState } from './claimFormat';
import { exactMoney, isNegative, isPositive } from './claimMoney';
import { DeadlineLabel } from './DeadlineLabel';
import styles from './ClaimDetail.module.css';

type Claim = Pick<ClaimDetail_ClaimFragment, 'status' | 'money' | 'depreciationDeadline'>;

/** One labelled amount (`<dt>`/`<dd>`), exact to the cent. */
function Amount({ label, value, strong = false, note }: { label: string; value: string | null | undefined; strong?: boolean; note?: string }) {
  return (
    <div className={cx(styles.amountRow, strong && styles.amountStrong)}>
      <dt>
        {label}
        {note && <span className={styles.amountNote}>{note}</span>}
      </dt>
      <dd>{exactMoney(value)}</dd>
    </div>
  );
}

/**
 * The claim's money as the server computes it (decimal strings shown to the cent; nothing is added up here): what
 * the homeowner and the carrier still owe up front, then the scope (RCV, depreciation, ACV, deductible, overhead and
 * profit, approved total), supplements and payments; and the recoverable depreciation's deadline, flagged when near
 * or past while depreciation is still to collect.
 */
export function ClaimMoneyCard({ claim }: { claim: Claim }) {
  const m = claim.money;
  const open = claim.status !== 'CLOSED' && claim.status !== 'DENIED';
  const pending = open && isPositive(m.depreciationToCollect);
  const deadline = deadlineState(claim.depreciationDeadline);
  const alarm = pending && (deadline.kind === 'near' || deadline.kind === 'today' || deadline.kind === 'past');
  return (
    <Card title="Money" description="Computed by the server from the amounts, supplements and payments; exact to the cent.">
      <dl className={styles.owes} aria-label="Balances">
        <div>
          <dt>Homeowner owes</dt>
          <dd>{exactMoney(m.homeownerOwes)}</dd>
          <span className={styles.amountNote}>The deductible</span>
        </div>
        <div>
          <dt>Carrier still owes</dt>
          <dd className={cx(isNegative(m.carrierOwes) && styles.overpaid)}>{exactMoney(m.carrierOwes)}</dd>
          <span className={styles.amountNote}>
            {m.carrierOwes == null
              ? 'Known once the RCV or the approved total is'
              : isNegative(m.carrierOwes)
                ? 'Paid more than owed'
                : m.depreciationReleased
                  ? 'Depreciation released: the project is completed'
                  : 'Depreciation held until the project is completed'}
          </span>
        </div>
        <div>
          <dt>Depreciation to collect</dt>
          <dd>{exactMoney(m.depreciationToCollect)}</dd>
          <span className={styles.amountNote}>
            Deadline <DeadlineLabel deadline={claim.depreciationDeadline} pending={pending} />
          </span>
        </div>
      </dl>
      {alarm && (
        <p className={cx(styles.deadlineAlert, deadline.kind === 'past' && styles.deadlinePast)} role="alert">
          {deadline.kind === 'past'
            ? `The recoverable depreciation deadline passed ${deadlineNote(deadline)} with ${exactMoney(m.depreciationToCollect)} still to collect.`
            : `${exactMoney(m.depreciationToCollect)} of recoverable depreciation must be claimed ${deadlineNote(deadline)}: finish and invoice the work.`}
        </p>
      )}
      <dl className={styles.amounts} aria-label="Scope">
        <Amount label="RCV" value={m.rcv} note="Replacement cost, overhead and profit included" />
        <Amount label="Overhead and profit" value={m.overheadAndProfit} />
        <Amount label="Approved total" value={m.approvedTotal} note={m.approvedTotal == null ? 'Not decided yet' : undefined} />
        <Amount label="Recoverable depreciation" value={m.recoverableDepreciation} />
        <Amount label="Non-recoverable depreciation" value={m.nonRecoverableDepreciation} />
        <Amount label="ACV" value={m.acv} strong note="Approved RCV less both depreciations" />
        <Amount label="Deductible" value={m.deductible} />
      </dl>
      <dl className={styles.amounts} aria-label="Supplements and payments">
        <Amount label="Supplements requested" value={m.supplementsRequested} />
        <Amount label="Supplements approved" value={m.supplementsApproved} />
        <Amount label="Payments received" value={m.paymentsReceived} strong />
      </dl>
    </Card>
  );
}
