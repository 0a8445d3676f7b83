import { useQuery } from '@apollo/client/react';
import { useMemo, type MouseEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useViewer } from '../../app/auth';
import { getFragmentData, graphql } from '../../gql';
import type { LeadOrderField } from '../../gql/graphql';
import { enumLabel, initials, money } from '../../lib/format';
import { useLoadMore, useSearchBox } from '../../lib/listPage';
import { NARROW_QUERY, useMediaQuery } from '../../lib/useMediaQuery';
import { Badge, Button, CollapsibleFilters, cx, EmptyState, ListBody, ListFooter, Select, tableStyles, TextField } from '../../ui';
import { LeadCardFragment, leadName } from './LeadCard';
import { LeadsHeader } from './LeadsHeader';
import { enumOptions, LEAD_PRIORITIES, LEAD_SOURCES } from './options';
import { ScoreBadge } from './ScoreBadge';
import { BOARD_STATUSES, statusLabel, statusTone } from './statuses';
import { useAssignableUsers } from './useAssignableUsers';
import { FILTER_KEYS, FIRST_DIRECTION, SORT_LABELS, SORT_OPTIONS, readParams, shortDate, shortDateTime } from './leadsTableParams';
import styles from './leadsTable.module.css';

// A row shows what a board card shows, and when the lead was created and is next followed up.
export const LeadRowFragment = graphql(`
  fragment LeadRow_lead on Lead {
    ...LeadCard_lead
    nextFollowUpAt
    createdAt
  }
`);

export const LeadsTableQuery = graphql(`
  query LeadsTable($first: Int!, $after: String, $filter: LeadFilter, $orderBy: LeadOrder) {
    leads(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      edges {
        cursor
        node { id ...LeadRow_lead }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const PAGE_SIZE = 25;

/** Every lead the viewer may see as a sortable, filterable table, a page at a time. */
export default function LeadsTablePage() {
  const { viewer } = useViewer();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const { filter, orderBy, filtered } = useMemo(() => readParams(params, viewer?.id), [params, viewer?.id]);
  const { users } = useAssignableUsers(viewer);

  const { data, previousData, loading, error, refetch, fetchMore } = useQuery(LeadsTableQuery, {
    variables: { first: PAGE_SIZE, filter, orderBy },
    notifyOnNetworkStatusChange: true,
    skip: params.get('assignee') === 'me' && !viewer,
  });
  const shown = data ?? previousData;
  // Phones show the search box and a "Filters" button; the menus open below it.
  const phone = useMediaQuery(NARROW_QUERY);
  const activeFilters = (['status', 'source', 'priority', 'assignee'] as const).filter((k) => params.get(k)).length;

  // The search box types freely; the URL (and the query) follows a moment later.
  const search = useSearchBox(params.get('q') ?? '', (text) => update({ q: text }));

  /** Changes URL parameters (empty values removed), replacing the history entry. */
  function update(patch: Record<string, string | null>) {
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        for (const [k, v] of Object.entries(patch)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true },
    );
  }

  const sortBy = (field: LeadOrderField) => {
    const direction = orderBy.field === field ? (orderBy.direction === 'ASC' ? 'DESC' : 'ASC') : FIRST_DIRECTION[field];
    update({ sort: field, dir: direction.toLowerCase() });
  };

  const clearFilters = () => {
    search.setText('');
    update(Object.fromEntries(FILTER_KEYS.map((k) => [k, null])));
  };

  const assigneeOptions = [
    { value: 'me', label: 'Me' },
    { value: 'none', label: 'Unassigned' },
    ...users.filter((u) => u.id !== viewer?.id).map((u) => ({ value: u.id, label: u.teamName ? `${u.name} (${u.teamName})` : u.name })),
  ];
  const assigneeParam = params.get('assignee') ?? '';
  if (assigneeParam && !assigneeOptions.some((o) => o.value === assigneeParam)) {
    assigneeOptions.push({ value: assigneeParam, label: 'Chosen person' });
  }

  const filterMenus = [
    { param: 'status', label: 'Status', placeholder: 'Any status', options: enumOptions(BOARD_STATUSES) },
    { param: 'source', label: 'Source', placeholder: 'Any source', options: enumOptions(LEAD_SOURCES) },
    { param: 'priority', label: 'Priority', placeholder: 'Any priority', options: enumOptions(LEAD_PRIORITIES) },
    { param: 'assignee', label: 'Assignee', placeholder: 'Anyone', options: assigneeOptions },
  ];

  const list = shown?.leads;
  const rows = useMemo(
    () =>
      (list?.edges ?? []).map((e) => {
        const row = getFragmentData(LeadRowFragment, e.node);
        return { ...getFragmentData(LeadCardFragment, row), ...row };
      }),
    [list],
  );

  const more = useLoadMore(list, fetchMore);

  // A click anywhere on a row opens the lead; links, buttons and the score badge keep their own behaviour.
  const openRow = (e: MouseEvent<HTMLTableRowElement>, id: string) => {
    if (e.target instanceof Element && e.target.closest('a, button, select, input, label')) return;
    if (window.getSelection()?.toString()) return;
    void navigate(`/leads/${id}`);
  };

  const sortHeader = (field: LeadOrderField, label: string, numeric = false) => {
    const active = orderBy.field === field;
    const sort = active ? (orderBy.direction === 'ASC' ? 'ascending' : 'descending') : 'none';
    return (
      <th scope="col" aria-sort={sort} className={numeric ? styles.numeric : undefined}>
        <button type="button" className={styles.sortButton} onClick={() => sortBy(field)}>
          {label}
          <span aria-hidden="true" className={active ? styles.sortActive : styles.sortIdle}>
            {active ? (orderBy.direction === 'ASC' ? '▲' : '▼') : '↕'}
          </span>
        </button>
      </th>
    );
  };

  const body = (
    <ListBody
      list={list}
      error={error}
      onRetry={() => void refetch()}
      loadingLabel="Loading leads…"
      errorTitle="Leads could not be loaded"
      filtered={filtered}
      noMatch={{ title: 'No leads match these filters', description: 'Try other words or clear the filters.' }}
      onClear={clearFilters}
      empty={<EmptyState icon="leads" title="No leads yet" description="New leads appear here as soon as they come in." />}
    >
      {(list) => (
        <>
          {error && (
            <p className={styles.inlineError} role="alert">
              Could not refresh the list: {error.message}{' '}
              <Button size="sm" onClick={() => void refetch()}>
                Try again
              </Button>
            </p>
          )}
          <div className={styles.tableWrap} aria-busy={loading || undefined}>
            <table className={cx(tableStyles.table, styles.table)}>
              <caption className="visually-hidden">
                Leads, sorted by {SORT_LABELS[orderBy.field].toLowerCase()}{' '}
                {orderBy.direction === 'ASC' ? 'ascending' : 'descending'}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Lead</th>
                  <th scope="col">Status · priority</th>
                  {sortHeader('SCORE', 'Score')}
                  {sortHeader('ESTIMATED_VALUE', 'Value', true)}
                  <th scope="col">Source</th>
                  <th scope="col">Assignee</th>
                  {sortHeader('NEXT_FOLLOW_UP_AT', 'Follow-up')}
                  {sortHeader('CREATED_AT', 'Created')}
                </tr>
              </thead>
              <tbody>
                {rows.map((lead) => (
                  <tr key={lead.id} className={styles.row} onClick={(e) => openRow(e, lead.id)}>
                    <td className={styles.leadCell}>
                      <Link to={`/leads/${lead.id}`} className={styles.leadLink}>
                        {leadName(lead)}
                      </Link>
                      <span className={styles.sub}>
                        {[lead.propertyAddress.city, lead.projectType && enumLabel(lead.projectType)]
                          .filter(Boolean)
                          .join(' · ') || 'No address yet'}
                      </span>
                    </td>
                    <td data-label="Status" className={styles.statusCell}>
                      <span className={styles.badges}>
                        <Badge tone={statusTone(lead.status)}>{statusLabel(lead.status)}</Badge>
                        {(lead.priority === 'URGENT' || lead.priority === 'HIGH') && (
                          <Badge tone={lead.priority === 'URGENT' ? 'danger' : 'warning'}>{enumLabel(lead.priority)}</Badge>
                        )}
                      </span>
                    </td>
                    <td data-label="Score" className={styles.scoreCell}>
                      <ScoreBadge score={lead.score} factors={lead.scoreFactors} />
                    </td>
                    <td data-label="Value" className={styles.numeric}>
                      {money(lead.estimatedValue)}
                    </td>
                    <td data-label="Source" className={tableStyles.nowrap}>{enumLabel(lead.source)}</td>
                    <td data-label="Assignee">
                      {lead.assignee ? (
                        <span className={styles.assignee}>
                          <span className={styles.avatar} aria-hidden="true">
                            {initials(lead.assignee.name)}
                          </span>
                          {lead.assignee.id === viewer?.id ? 'You' : lead.assignee.name}
                        </span>
                      ) : (
                        <span className={styles.muted}>Unassigned</span>
                      )}
                    </td>
                    <td data-label="Follow-up" className={tableStyles.nowrap}>
                      {lead.nextFollowUpAt ? shortDateTime(lead.nextFollowUpAt) : <span className={styles.muted}>—</span>}
                    </td>
                    <td data-label="Created" className={cx(tableStyles.nowrap, styles.createdCell)}>
                      {shortDate(lead.createdAt)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ListFooter noun="leads" {...more.footer(list)} />
        </>
      )}
    </ListBody>
  );

  return (
    <>
      <LeadsHeader view="table" subtitle="Search, filter and sort every lead you may see." />
      <form className={styles.filters} role="search" aria-label="Filter leads" onSubmit={(e) => e.preventDefault()}>
        <TextField
          label="Search"
          type="search"
          placeholder="Name, phone, e-mail or address"
          value={search.text}
          onChange={(e) => search.setText(e.target.value)}
          className={styles.search}
        />
        <CollapsibleFilters id="lead-filter-fields" count={activeFilters} collapsed={phone} className={styles.filterFields}>
          {filterMenus.map((menu) => (
            <Select
              key={menu.param}
              label={menu.label}
              placeholder={menu.placeholder}
              options={menu.options}
              value={params.get(menu.param) ?? ''}
              onChange={(e) => update({ [menu.param]: e.target.value })}
            />
          ))}
          <Select
            label="Sort by"
            className={styles.sortSelect}
            options={SORT_OPTIONS}
            value={`${orderBy.field}:${orderBy.direction}`}
            onChange={(e) => {
              const [field, dir] = e.target.value.split(':');
              update({ sort: field ?? null, dir: dir?.toLowerCase() ?? null });
            }}
          />
          {filtered && (
            <Button variant="ghost" onClick={clearFilters} className={styles.clear}>
              Clear filters
            </Button>
          )}
        </CollapsibleFilters>
      </form>
      {body}
    </>
  );
}
