import { useId, type ReactNode } from 'react';
import type { ClaimStatus, InsuranceClaimOrderField } from '../../gql/graphql';
import { NARROW_QUERY, useMediaQuery } from '../../lib/useMediaQuery';
import { Button, CollapsibleFilters, OrderSelect, SearchBox, Select } from '../../ui';
import { STATUS_OPTIONS } from './claimFormat';
import type { ClaimListState } from './listParams';
import styles from './ClaimsToolbar.module.css';

const SORT_OPTIONS = [
  { value: 'CREATED_AT:DESC', label: 'Newest first' },
  { value: 'CREATED_AT:ASC', label: 'Oldest first' },
  { value: 'DATE_OF_LOSS:DESC', label: 'Latest loss first' },
  { value: 'DATE_OF_LOSS:ASC', label: 'Earliest loss first' },
  { value: 'DEPRECIATION_DEADLINE:ASC', label: 'Depreciation due soonest' },
  { value: 'UPDATED_AT:DESC', label: 'Recently changed' },
];

type TextBox = { text: string; setText: (text: string) => void; flush: () => void };

export interface ClaimsToolbarProps {
  state: ClaimListState;
  search: TextBox;
  carrier: TextBox;
  onChange: (patch: Partial<ClaimListState>) => void;
  filtered: boolean;
  onClear: () => void;
  /** The table's Views and Columns menus, at the bar's end. */
  tools?: ReactNode;
}

/** The claims list's search, status, carrier and, on phones, order. */
export function ClaimsToolbar({ state, search, carrier, onChange, filtered, onClear, tools }: ClaimsToolbarProps) {
  const phone = useMediaQuery(NARROW_QUERY);
  const filtersId = useId();
  const count = [state.status, state.carrier].filter(Boolean).length;
  return (
    <div className={styles.toolbar} role="search" aria-label="Claims">
      <SearchBox search={search} className={styles.search} placeholder="Carrier, claim or policy number" />
      <CollapsibleFilters id={filtersId} count={count} collapsed={phone} className={styles.filters}>
        <Select
          label="Status"
          className={styles.filter}
          value={state.status ?? ''}
          placeholder="All statuses"
          options={STATUS_OPTIONS}
          onChange={(e) => onChange({ status: (e.target.value || null) as ClaimStatus | null })}
        />
        <SearchBox search={carrier} label="Carrier" className={styles.filter} placeholder="Any carrier" />
        <OrderSelect<InsuranceClaimOrderField>
          className={styles.sortSelect}
          options={SORT_OPTIONS}
          order={state.order}
          onChange={(order) => onChange({ order })}
        />
        {(filtered || search.text || carrier.text) && (
          <Button variant="ghost" onClick={onClear}>
            Clear filters
          </Button>
        )}
      </CollapsibleFilters>
      {tools && <div className={styles.tools}>{tools}</div>}
    </div>
  );
}
