import { useMutation, useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import type { TableDensity as Density } from '../../gql/graphql';
import type { Column, TableDensity } from '../../ui';
import { TablePreferencesQuery, UpdateTablePreferencesMutation } from './viewDocuments';

/** A list table as the user set it up: the columns shown in their order, every column in menu order, the density. */
export interface TableSetup<Row> {
  table: string;
  /** The columns to render, in the user's order. */
  columns: ReadonlyArray<Column<Row>>;
  /** Every column the table has, the shown ones first (in order), then the hidden ones (the table's own order). */
  all: ReadonlyArray<Column<Row> & { shown: boolean }>;
  density: TableDensity;
  /** Shows these columns in this order (keys); saved on the server for the user. */
  setColumns: (keys: string[]) => void;
  setDensity: (density: TableDensity) => void;
  /** Back to the table's own columns (its default ones) and order. */
  reset: () => void;
  /** Why the last change was not saved. */
  error: string | null;
}

/**
 * The user's set-up of a list table (`tablePreferences`, kept on the server so it follows them): which of `columns`
 * show, in which order, and how dense the rows are (compact until changed). Changes show at once and are saved.
 * Until the user chooses, the table's default columns show (all but those marked `hiddenByDefault`); columns marked
 * `required` always show.
 */
export function useTableSetup<Row>(table: string, columns: ReadonlyArray<Column<Row>>): TableSetup<Row> {
  const { data } = useQuery(TablePreferencesQuery, { variables: { table } });
  const [update, { error }] = useMutation(UpdateTablePreferencesMutation);
  const prefs = data?.tablePreferences;
  const density: TableDensity = prefs?.density ?? 'COMPACT';
  const chosen = prefs?.columns ?? [];

  const { shown, all } = useMemo(() => {
    const byKey = new Map(columns.map((c) => [c.key, c]));
    const picked = chosen.filter((k) => byKey.has(k));
    const keys = picked.length ? picked : columns.filter((c) => !c.hiddenByDefault).map((c) => c.key);
    // A required column the user's list lacks (added since) shows first.
    const missing = columns.filter((c) => c.required && !keys.includes(c.key)).map((c) => c.key);
    const order = [...missing, ...keys];
    const shownCols = order.map((k) => byKey.get(k)!);
    const hidden = columns.filter((c) => !order.includes(c.key));
    return { shown: shownCols, all: [...shownCols.map((c) => ({ ...c, shown: true })), ...hidden.map((c) => ({ ...c, shown: false }))] };
  }, [columns, chosen]);

  const save = (input: { columns?: string[]; density?: Density }) => {
    const next = { table, columns: input.columns ?? chosen, density: input.density ?? density, updatedAt: new Date().toISOString() };
    void update({
      variables: { input: { table, ...input } },
      optimisticResponse: { updateTablePreferences: { __typename: 'TablePreferencesPayload', preferences: { __typename: 'TablePreferences', ...next }, errors: [] } },
      update: (cache, { data: answer }) => {
        const preferences = answer?.updateTablePreferences.preferences;
        if (preferences) cache.writeQuery({ query: TablePreferencesQuery, variables: { table }, data: { tablePreferences: preferences } });
      },
    }).catch(() => undefined);
  };

  return {
    table,
    columns: shown,
    all,
    density,
    setColumns: (keys) => save({ columns: keys }),
    setDensity: (d) => save({ density: d }),
    reset: () => save({ columns: [] }),
    error: error?.message ?? null,
  };
}
