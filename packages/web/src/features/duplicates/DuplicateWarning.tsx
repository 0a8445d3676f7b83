import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import type { PossibleDuplicatesInput } from '../../gql/graphql';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { PossibleDuplicatesQuery } from './duplicateDocuments';
import { reasonsLabel } from './duplicateFormat';
import styles from './duplicates.module.css';

/** How long typing must pause before the server is asked. */
export const DUPLICATE_DEBOUNCE_MS = 400;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/** Whether what is typed can match anything: an e-mail, a phone number, or a name with a street. */
function askable(p: PossibleDuplicatesInput): boolean {
  const digits = (p.phone ?? '').replace(/\D/g, '');
  return EMAIL.test(p.email?.trim() ?? '') || digits.length >= 10 || ((p.name?.trim().length ?? 0) >= 2 && Boolean(p.address?.street?.trim()));
}

/**
 * A warning under a customer or lead form while what is typed looks like an existing customer or open lead (same
 * e-mail or phone, or a close name at the same address), with links to them (in a new tab: the form stays).
 */
export function DuplicateWarning({ probe }: { probe: PossibleDuplicatesInput }) {
  // Compared as text: a new object with the same values each render is no change.
  const settled = JSON.parse(useDebouncedValue(JSON.stringify(probe), DUPLICATE_DEBOUNCE_MS)) as PossibleDuplicatesInput;
  const skip = !askable(settled);
  const { data } = useQuery(PossibleDuplicatesQuery, { variables: { input: settled }, skip, fetchPolicy: 'network-only' });
  const found = skip ? [] : (data?.possibleDuplicates ?? []);
  if (!found.length) return null;
  return (
    <div className={styles.warning} role="status" aria-live="polite">
      <p>This looks like {found.length === 1 ? 'an existing record' : 'existing records'}:</p>
      <ul>
        {found.map((d) => (
          <li key={d.customer?.id ?? d.lead?.id}>
            {d.customer ? (
              <>
                Customer{' '}
                <Link to={`/customers/${d.customer.id}`} target="_blank" rel="noopener">
                  {d.customer.name}
                </Link>
              </>
            ) : (
              <>
                Lead{' '}
                <Link to={`/leads/${d.lead!.id}`} target="_blank" rel="noopener">
                  {d.lead!.contactName ?? d.lead!.contactEmail ?? d.lead!.contactPhone ?? 'without a name'}
                </Link>
              </>
            )}{' '}
            <span className={styles.muted}>({reasonsLabel(d.reasons)})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
