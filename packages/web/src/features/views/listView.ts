/** A list's order as a saved view keeps it: the list's order field and direction. */
export interface ViewSort {
  field: string;
  direction: 'ASC' | 'DESC';
}

/**
 * How a list page's address holds what a saved view saves. Every list keeps its filter and order in the URL; the view
 * keeps the filter's parameters as they are (`status=NEW`) and the order as field and direction, which the page
 * reads from and writes to its own parameters (`sort=name&dir=asc`, `sort=START_DATE-ASC`, …).
 */
export interface ListViewSpec {
  /** The table's key (`leads`). */
  table: string;
  /** The URL parameters that are the list's filter (those a view saves). */
  filterKeys: readonly string[];
  /** The order the URL holds now. */
  sortOf: (params: URLSearchParams) => ViewSort;
  /** The URL parameters of an order (empty for the list's default). */
  sortParams: (sort: ViewSort) => Record<string, string>;
}

/** What a view of the list as it is now would save. */
export function currentView(spec: ListViewSpec, params: URLSearchParams): { filter: Array<{ key: string; value: string }>; sort: ViewSort } {
  const filter = spec.filterKeys.flatMap((key) => {
    const value = params.get(key);
    return value ? [{ key, value }] : [];
  });
  return { filter, sort: spec.sortOf(params) };
}

/** The list's URL for a view: its filter, its order (the list's default when it has none), nothing else kept. */
export function viewParams(spec: ListViewSpec, view: { filter: ReadonlyArray<{ key: string; value: string }>; sort?: ViewSort | null }): URLSearchParams {
  const p = new URLSearchParams();
  for (const { key, value } of view.filter) if (spec.filterKeys.includes(key)) p.set(key, value);
  if (view.sort) for (const [k, v] of Object.entries(spec.sortParams(view.sort))) p.set(k, v);
  return p;
}

/** Whether the list shows exactly a view (its filter and order). */
export function showsView(spec: ListViewSpec, params: URLSearchParams, view: { filter: ReadonlyArray<{ key: string; value: string }>; sort?: ViewSort | null }): boolean {
  const now = currentView(spec, params);
  const want = viewParams(spec, view);
  const mine = viewParams(spec, now);
  if (!view.sort) for (const k of Object.keys(spec.sortParams(now.sort))) mine.delete(k);
  mine.sort();
  want.sort();
  return mine.toString() === want.toString();
}
