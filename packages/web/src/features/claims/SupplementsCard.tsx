import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import type { ClaimDetail_ClaimFragment, SupplementItem_SupplementFragment } from '../../gql/graphql';
import { dateLabel, enumLabel } from '../../lib/format';
import { failureMessage } from '../../lib/formErrors';
import { Badge, Button, Card, ConfirmButtons, Dialog, ListFooter, tableStyles } from '../../ui';
import { AnswerSupplementDialog } from './AnswerSupplementDialog';
import { RemoveSupplementMutation, SendSupplementMutation } from './claimDocuments';
import { SUPPLEMENT_STATUS_TONE } from './claimFormat';
import { exactMoney } from './claimMoney';
import { SupplementDialog } from './SupplementDialog';
import { SupplementPhotos } from './SupplementPhotos';
import { SupplementPhotosDialog } from './SupplementPhotosDialog';
import type { ClaimSupplements } from './useClaimSupplements';
import styles from './ClaimDetail.module.css';

type Supplement = SupplementItem_SupplementFragment;
type Open = { kind: 'new' } | { kind: 'edit' | 'answer' | 'remove' | 'photos'; supplement: Supplement };

/** A supplement's lines: what was asked and, once answered, what was approved. */
function SupplementLines({ supplement: s }: { supplement: Supplement }) {
  const answered = s.status === 'APPROVED' || s.status === 'PARTIALLY_APPROVED';
  return (
    <div className={styles.tableScroll}>
      <table className={tableStyles.table}>
        <caption className="visually-hidden">Lines of {s.title}</caption>
        <thead>
          <tr>
            <th scope="col">Description</th>
            <th scope="col">Code</th>
            <th scope="col" className={styles.num}>
              Quantity
            </th>
            <th scope="col" className={styles.num}>
              Unit price
            </th>
            <th scope="col" className={styles.num}>
              Requested
            </th>
            {answered && (
              <th scope="col" className={styles.num}>
                Approved
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {s.lineItems.map((l) => (
            <tr key={l.id}>
              <td>{l.description}</td>
              <td>{l.code ?? '—'}</td>
              <td className={styles.num}>
                {l.quantity}
                {l.unit ? ` ${l.unit}` : ''}
              </td>
              <td className={styles.num}>{exactMoney(l.unitPrice)}</td>
              <td className={styles.num}>{exactMoney(l.requestedTotal)}</td>
              {answered && <td className={styles.num}>{exactMoney(l.approvedTotal)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The photos picked to go with a supplement, small and in their order. */
function PickedPhotos({ supplement: s }: { supplement: Supplement }) {
  if (!s.photos.length) return null;
  return (
    <ul className={styles.pickedPhotos} aria-label={`Photos going with ${s.title}`}>
      {s.photos.map((p) => (
        <li key={p.id}>
          {p.thumbnailUrl ? (
            <img src={p.thumbnailUrl} alt={p.caption?.trim() || p.fileName} loading="lazy" decoding="async" />
          ) : (
            <span className={styles.pickedName}>{p.caption?.trim() || p.fileName}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

export interface SupplementsCardProps {
  claim: Pick<ClaimDetail_ClaimFragment, 'id' | 'project' | 'lead'>;
  /** The supplements shown (the first 10, or all once asked) and how many the claim has (`useClaimSupplements`). */
  supplements: ClaimSupplements;
  /** Admins, managers and sales on an active claim. */
  canWrite: boolean;
}

/**
 * The claim's supplements: each with its stage, requested against approved totals, who prepared it and when it was
 * sent and answered, its lines and the photos picked to go with it; draft, edit, send, pick its photos, record the
 * carrier's answer and remove drafts. The first 10 come with the claim; "Showing 10 of N supplements" offers the rest.
 */
export function SupplementsCard({ claim, supplements: list, canWrite }: SupplementsCardProps) {
  const { supplements, total } = list;
  const [open, setOpen] = useState<Open | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [send, sending] = useMutation(SendSupplementMutation);
  const [remove, removing] = useMutation(RemoveSupplementMutation);
  const close = () => setOpen(null);

  const run = async (action: () => Promise<{ errors: ReadonlyArray<{ message: string }> } | undefined>, failed: string) => {
    setMessage(null);
    try {
      const payload = await action();
      if (payload?.errors.length) setMessage(payload.errors.map((e) => e.message).join(' '));
      return !payload?.errors.length;
    } catch (e) {
      setMessage(failureMessage(e, failed));
      return false;
    }
  };

  return (
    <Card
      title="Supplements"
      description="More scope asked of the carrier after its first decision, line by line."
      actions={
        canWrite && (
          <Button size="sm" onClick={() => setOpen({ kind: 'new' })}>
            Draft a supplement
          </Button>
        )
      }
    >
      {message && (
        <p className={styles.errorText} role="alert">
          {message}
        </p>
      )}
      {supplements.length === 0 ? (
        <p className={styles.muted}>No supplements yet.</p>
      ) : (
        <ul className={styles.supplements}>
          {supplements.map((s) => (
            <li key={s.id} className={styles.supplement} aria-label={s.title}>
              <div className={styles.supplementHead}>
                <strong>{s.title}</strong>
                <Badge tone={SUPPLEMENT_STATUS_TONE[s.status]}>{enumLabel(s.status)}</Badge>
              </div>
              <dl className={styles.supplementTotals}>
                <div>
                  <dt>Requested</dt>
                  <dd>{exactMoney(s.requestedTotal)}</dd>
                </div>
                <div>
                  <dt>Approved</dt>
                  <dd>{s.status === 'DRAFT' || s.status === 'SENT' ? '—' : exactMoney(s.approvedTotal)}</dd>
                </div>
              </dl>
              <p className={styles.meta}>
                {[
                  s.preparedBy && `Prepared by ${s.preparedBy.name}`,
                  s.sentAt && `sent ${dateLabel(s.sentAt)}`,
                  s.answeredAt && `answered ${dateLabel(s.answeredAt)}`,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              <details>
                <summary>
                  {s.lineItems.length} line{s.lineItems.length === 1 ? '' : 's'}
                </summary>
                <SupplementLines supplement={s} />
              </details>
              <PickedPhotos supplement={s} />
              <SupplementPhotos supplementId={s.id} canUpload={canWrite} />
              {canWrite && (
                <div className={styles.rowActions}>
                  {s.status === 'DRAFT' && (
                    <>
                      <Button size="sm" onClick={() => setOpen({ kind: 'edit', supplement: s })}>
                        Edit
                      </Button>
                      <Button
                        size="sm"
                        variant="primary"
                        loading={sending.loading}
                        onClick={() => void run(async () => (await send({ variables: { id: s.id } })).data?.sendSupplement, 'It was not sent.')}
                      >
                        Mark sent
                      </Button>
                      <Button size="sm" variant="ghost" onClick={() => setOpen({ kind: 'remove', supplement: s })}>
                        Remove
                      </Button>
                    </>
                  )}
                  <Button size="sm" onClick={() => setOpen({ kind: 'photos', supplement: s })}>
                    {s.photos.length ? `Photos to send (${s.photos.length})` : 'Pick photos'}
                  </Button>
                  {s.status !== 'DRAFT' && (
                    <Button size="sm" onClick={() => setOpen({ kind: 'answer', supplement: s })}>
                      {s.status === 'SENT' ? "Record the carrier's answer" : 'Change the answer'}
                    </Button>
                  )}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {list.error && (
        <p className={styles.errorText} role="alert">
          {failureMessage(list.error, 'The other supplements could not be loaded.')}
        </p>
      )}
      {total > supplements.length && (
        <ListFooter inset prefix="Showing" noun="supplements" shown={supplements.length} total={total} hasMore loading={list.loading} onLoadMore={list.loadAll} />
      )}
      {open?.kind === 'new' && <SupplementDialog claimId={claim.id} onClose={close} />}
      {open?.kind === 'edit' && (
        <SupplementDialog claimId={claim.id} supplement={open.supplement} onClose={close} />
      )}
      {open?.kind === 'photos' && (
        <SupplementPhotosDialog
          supplement={open.supplement}
          claimId={claim.id}
          on={{ projectId: claim.project?.id, leadId: claim.lead?.id }}
          onClose={close}
        />
      )}
      {open?.kind === 'answer' && <AnswerSupplementDialog supplement={open.supplement} onClose={close} />}
      {open?.kind === 'remove' && (
        <Dialog
          title={`Remove ${open.supplement.title}?`}
          busy={removing.loading}
          onClose={close}
          actions={
            <ConfirmButtons
              confirmLabel="Remove draft"
              busy={removing.loading}
              onCancel={close}
              onConfirm={async () => {
                await run(async () => (await remove({ variables: { id: open.supplement.id } })).data?.removeSupplement, 'It was not removed.');
                close();
              }}
            />
          }
        >
          <p>The draft and its lines are removed for good.</p>
        </Dialog>
      )}
    </Card>
  );
}
