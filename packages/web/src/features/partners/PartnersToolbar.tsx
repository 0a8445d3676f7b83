import { useId, type ReactNode } from 'react';
import type { PartnerKind, PartnerStatus } from '../../gql/graphql';
import { NARROW_QUERY, useMediaQuery } from '../../lib/useMediaQuery';
import { Button, CollapsibleFilters, OrderSelect, SearchBox, Select, StatusTrashSelect } from '../../ui';
import type { PartnerListState } from './listParams';
import { KIND_OPTIONS, STATUS_OPTIONS } from './partnerFormat';
import { PERIODS, type Period } from './periods';
import styles from './PartnersToolbar.module.css';

const SORT_OPTIONS = [
  { value: 'NAME:ASC', label: 'Name A–Z' },
  { value: 'NAME:DESC', label: 'Name Z–A' },
  { value: 'CREATED_AT:DESC', label: 'Newest first' },
  { value: 'UPDATED_AT:DESC', label: 'Recently changed' },
];

export interface PartnersToolbarProps {
  state: PartnerListState;
  search: { text: string; setText: (text: string) => void; flush: () => void };
  onChange: (patch: Partial<PartnerListState>) => void;
  /** Admins and managers may look in the trash. */
  seesTrash: boolean;
  filtered: boolean;
  onClear: () => void;
  /** The table's Views and Columns menus, at the bar's end. */
  tools?: ReactNode;
}

/** The partners list's search, kind, status (and trash), period of the numbers and, on phones, order. */
export function PartnersToolbar({ state, search, onChange, seesTrash, filtered, onClear, tools }: PartnersToolbarProps) {
  const phone = useMediaQuery(NARROW_QUERY);
  const filtersId = useId();
  const count = [state.kind, state.status, state.deleted].filter(Boolean).length;
  return (
    <div className={styles.toolbar} role="search" aria-label="Partners">
      <SearchBox search={search} className={styles.search} placeholder="Partner or contact name, e-mail, phone" />
      <CollapsibleFilters id={filtersId} count={count} collapsed={phone} className={styles.filters}>
        <Select
          label="Kind"
          className={styles.filter}
          value={state.kind ?? ''}
          placeholder="All kinds"
          options={KIND_OPTIONS}
          onChange={(e) => onChange({ kind: (e.target.value || null) as PartnerKind | null })}
        />
        <StatusTrashSelect<PartnerStatus>
          className={styles.filter}
          options={STATUS_OPTIONS}
          status={state.status}
          deleted={state.deleted}
          seesTrash={seesTrash}
          onChange={onChange}
        />
        <Select
          label="Numbers for"
          className={styles.filter}
          value={state.period}
          options={PERIODS}
          onChange={(e) => onChange({ period: e.target.value as Period })}
        />
        <OrderSelect className={styles.sortSelect} options={SORT_OPTIONS} order={state.order} onChange={(order) => onChange({ order })} />
        {(filtered || search.text) && (
          <Button variant="ghost" onClick={onClear}>
            Clear filters
          </Button>
        )}
      </CollapsibleFilters>
      {tools && <div className={styles.tools}>{tools}</div>}
    </div>
  );
}
