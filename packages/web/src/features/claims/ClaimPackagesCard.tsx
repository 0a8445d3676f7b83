import { useMutation } from '@apollo/client/react';
import { useState, type MouseEvent } from 'react';
import type { BadgeTone } from '../../ui';
import type { ClaimDetail_ClaimFragment, ClaimPackageItem_ClaimPackageFragment, ClaimPackageStatus } from '../../gql/graphql';
import { dateTimeLabel } from '../../lib/format';
import { failureMessage } from '../../lib/formErrors';
import { Badge, Button, Card, Select } from '../../ui';
import { downloadUrl } from '../attachments';
import { GenerateClaimPackageMutation } from './claimDocuments';
import styles from './ClaimDetail.module.css';

type ClaimPackage = ClaimPackageItem_ClaimPackageFragment;

const STATUS: Record<ClaimPackageStatus, { label: string; tone: BadgeTone }> = {
  QUEUED: { label: 'Queued', tone: 'info' },
  READY: { label: 'Ready', tone: 'success' },
  FAILED: { label: 'Failed', tone: 'danger' },
};

/** The value of "For" that means the claim alone (no supplement's lines). */
const CLAIM_ALONE = '';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Whether a signed URL has expired (or does within a few seconds): ask for a fresh one before following it. */
const stale = (expiresAt: string) => Date.now() > Date.parse(expiresAt) - 5_000;

function PackageDownload({ pkg, freshUrls }: { pkg: ClaimPackage; freshUrls: () => Promise<unknown> }) {
  const doc = pkg.document;
  if (!doc) return null;
  const follow = (e: MouseEvent<HTMLAnchorElement>) => {
    if (!stale(doc.urlExpiresAt)) return;
    // The signature has expired: follow the fresh link once the claim is read again.
    e.preventDefault();
    const id = doc.id;
    void freshUrls().then(() => document.querySelector<HTMLAnchorElement>(`[data-download="${CSS.escape(id)}"]`)?.click());
  };
  return (
    <a href={downloadUrl(doc.url)} download={doc.fileName} data-download={doc.id} onClick={follow} aria-label={`Download PDF: ${doc.fileName}`}>
      Download PDF
    </a>
  );
}

export interface ClaimPackagesCardProps {
  claim: Pick<ClaimDetail_ClaimFragment, 'id' | 'packages'>;
  /** The supplements a package may be for: those the page shows (the first 10, or all once read). */
  supplements: ClaimDetail_ClaimFragment['supplements'];
  /** Admins, managers and sales on an active claim generate packages. */
  canGenerate: boolean;
  /** Reads the claim again (fresh signed URLs); resolves once the cache has it. */
  freshUrls: () => Promise<unknown>;
}

/**
 * The claim packages: one PDF for the carrier with the claim's summary, a supplement's lines and the chosen photos,
 * built by a background job. Generate one for the claim alone or for a supplement (with the photos picked into it);
 * the list (newest first) shows each one Queued, Ready (Download PDF) or Failed (why), updated live by the page's
 * `claimUpdated` stream, which carries the claim's packages.
 */
export function ClaimPackagesCard({ claim, supplements, canGenerate, freshUrls }: ClaimPackagesCardProps) {
  const [scope, setScope] = useState(supplements[0]?.id ?? CLAIM_ALONE);
  const [message, setMessage] = useState<string | null>(null);
  const [generate, { loading }] = useMutation(GenerateClaimPackageMutation);
  const supplement = supplements.find((s) => s.id === scope);

  const submit = async () => {
    setMessage(null);
    try {
      const { data } = await generate({ variables: { input: { claimId: claim.id, supplementId: supplement?.id ?? null } } });
      const errors = data?.generateClaimPackage.errors ?? [];
      if (errors.length) setMessage(errors.map((e) => e.message).join(' '));
      else if (!data?.generateClaimPackage.claimPackage) setMessage('The package was not queued. Try again.');
    } catch (e) {
      setMessage(failureMessage(e, 'The package was not queued.'));
    }
  };

  return (
    <Card title="Claim package" description="One PDF for the carrier: the claim's summary, a supplement's lines and the chosen photos.">
      {canGenerate && (
        <div className={styles.packageForm}>
          <Select
            label="For"
            value={scope}
            onChange={(e) => setScope(e.target.value)}
            options={[{ value: CLAIM_ALONE, label: 'The claim alone' }, ...supplements.map((s) => ({ value: s.id, label: s.title }))]}
            hint={
              supplement
                ? supplement.photos.length
                  ? `Its lines and the ${plural(supplement.photos.length, 'photo')} picked into it.`
                  : 'Its lines; no photos are picked into it yet.'
                : "The claim's summary and its own photos."
            }
          />
          <Button variant="primary" loading={loading} onClick={() => void submit()}>
            Generate package
          </Button>
        </div>
      )}
      {message && (
        <p className={styles.errorText} role="alert">
          {message}
        </p>
      )}
      {claim.packages.length === 0 ? (
        <p className={styles.muted}>No claim packages yet.</p>
      ) : (
        <ul className={styles.packages} aria-label="Claim packages">
          {claim.packages.map((p) => (
            <li key={p.id} className={styles.package} aria-label={`Package of ${dateTimeLabel(p.createdAt)}`}>
              <div className={styles.supplementHead}>
                <strong>{p.supplement ? p.supplement.title : 'The claim'}</strong>
                <Badge tone={STATUS[p.status].tone}>{STATUS[p.status].label}</Badge>
              </div>
              <p className={styles.meta}>
                {[plural(p.photoCount, 'photo'), p.pageCount != null && plural(p.pageCount, 'page')].filter(Boolean).join(' · ')}
                {' · '}
                Requested {p.requestedBy ? `by ${p.requestedBy.name} ` : ''}
                <time dateTime={p.createdAt}>{dateTimeLabel(p.createdAt)}</time>
              </p>
              {p.status === 'QUEUED' && <p className={styles.meta}>Being built; it shows here when ready.</p>}
              {p.status === 'FAILED' && (
                <p className={styles.errorText}>It could not be built: {p.error ?? 'no reason given'}. Generate it again.</p>
              )}
              {p.status === 'READY' && <PackageDownload pkg={p} freshUrls={freshUrls} />}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
