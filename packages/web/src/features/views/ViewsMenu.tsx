import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type KeyboardEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useViewer } from '../../app/auth';
import { getFragmentData } from '../../gql';
import type { SavedViewFieldsFragment } from '../../gql/graphql';
import { Button, TextField } from '../../ui';
import { currentView, showsView, viewParams, type ListViewSpec } from './listView';
import { MenuButton } from './MenuButton';
import { CreateSavedViewMutation, DeleteSavedViewMutation, SavedViewFields, SavedViewsQuery, UpdateSavedViewMutation } from './viewDocuments';
import styles from './views.module.css';

type UserErrors = ReadonlyArray<{ message: string }>;
const firstError = (errors: UserErrors | undefined) => errors?.[0]?.message ?? null;
/** Enter in a field of the menu does `action` (the menu has no form of its own: it may sit inside a list's filter form). */
const onEnter = (action: () => void) => (e: KeyboardEvent) => {
  if (e.key !== 'Enter') return;
  e.preventDefault();
  action();
};

/**
 * The "Views" menu of a list: its saved views (yours, then your team's shared ones with their owner); choosing one
 * puts its filter and order in the list's address. "Save current view as…" keeps the list as it is now under a name,
 * for you or your team; your own views (and, for admins and managers, the team's) can be updated to the list as it
 * is now, renamed or deleted.
 */
export function ViewsMenu({ spec }: { spec: ListViewSpec }) {
  const [params, setParams] = useSearchParams();
  const { viewer } = useViewer();
  const { data } = useQuery(SavedViewsQuery, { variables: { table: spec.table } });
  const views = (data?.savedViews ?? []).map((v) => getFragmentData(SavedViewFields, v));
  const active = views.find((v) => showsView(spec, params, v));
  const refetchQueries = [{ query: SavedViewsQuery, variables: { table: spec.table } }];
  const [create, creating] = useMutation(CreateSavedViewMutation, { refetchQueries, awaitRefetchQueries: true });
  const [update] = useMutation(UpdateSavedViewMutation, { refetchQueries });
  const [remove] = useMutation(DeleteSavedViewMutation, { refetchQueries });
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [itemError, setItemError] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);

  const apply = (view: SavedViewFieldsFragment, close: () => void) => {
    setParams(viewParams(spec, view));
    close();
  };
  const save = async () => {
    const now = currentView(spec, params);
    const r = await create({ variables: { input: { table: spec.table, name, shared, filter: now.filter, sort: now.sort } } }).catch((err: Error) => ({ data: undefined, error: err }));
    const problem = r.error ? r.error.message : firstError(r.data?.createSavedView.errors);
    setError(problem);
    if (!problem) {
      setName('');
      setShared(false);
    }
  };
  const change = async (input: { id: string; name?: string; filter?: Array<{ key: string; value: string }>; sort?: { field: string; direction: 'ASC' | 'DESC' } }) => {
    const r = await update({ variables: { input } }).catch((err: Error) => ({ data: undefined, error: err }));
    const problem = r.error ? r.error.message : firstError(r.data?.updateSavedView.errors);
    setItemError(problem);
    return !problem;
  };
  const rename = () => {
    if (renaming) void change({ id: renaming.id, name: renaming.name }).then((ok) => ok && setRenaming(null));
  };
  const drop = async (id: string) => {
    const r = await remove({ variables: { id } }).catch((err: Error) => ({ data: undefined, error: err }));
    setItemError(r.error ? r.error.message : firstError(r.data?.deleteSavedView.errors));
  };

  return (
    <MenuButton label={active ? `View: ${active.name}` : 'Views'} title="Saved views">
      {(close) => (
        <>
          <h2 className={styles.heading}>Saved views</h2>
          {views.length === 0 ? (
            <p className={styles.muted}>No saved views yet.</p>
          ) : (
            <ul className={styles.list} aria-label="Saved views">
              {views.map((v) => (
                <li key={v.id} className={styles.viewItem}>
                  {renaming?.id === v.id ? (
                    <div className={styles.rename} role="group" aria-label={`Rename ${v.name}`}>
                      <TextField
                        label={`New name for ${v.name}`}
                        hideLabel
                        value={renaming.name}
                        onChange={(e) => setRenaming({ id: v.id, name: e.target.value })}
                        onKeyDown={onEnter(rename)}
                        autoFocus
                      />
                      <Button size="sm" onClick={rename}>
                        Rename
                      </Button>
                      <Button size="sm" variant="ghost" onClick={() => setRenaming(null)}>
                        Cancel
                      </Button>
                    </div>
                  ) : (
                    <>
                      <button type="button" className={styles.viewName} aria-current={active?.id === v.id || undefined} onClick={() => apply(v, close)}>
                        {v.name}
                        {v.shared && (
                          <span className={styles.owner}>{v.owner?.id === viewer?.id ? 'Shared with your team' : `Shared by ${v.owner?.name ?? 'a former user'}`}</span>
                        )}
                      </button>
                      {v.canEdit && (
                        <span className={styles.itemActions}>
                          <button
                            type="button"
                            className={styles.linkButton}
                            aria-label={`Update ${v.name} to the list as it is now`}
                            onClick={() => void change({ id: v.id, ...currentView(spec, params) })}
                          >
                            Update
                          </button>
                          <button type="button" className={styles.linkButton} aria-label={`Rename ${v.name}`} onClick={() => setRenaming({ id: v.id, name: v.name })}>
                            Rename
                          </button>
                          <button type="button" className={styles.linkButton} aria-label={`Delete ${v.name}`} onClick={() => void drop(v.id)}>
                            Delete
                          </button>
                        </span>
                      )}
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
          {itemError && (
            <p className={styles.error} role="alert">
              {itemError}
            </p>
          )}
          <div className={styles.saveForm} role="group" aria-label="Save current view">
            <TextField label="Save current view as…" value={name} onChange={(e) => setName(e.target.value)} onKeyDown={onEnter(() => void save())} error={error} maxLength={80} />
            <label className={styles.check}>
              <input type="checkbox" checked={shared} disabled={!viewer?.team} onChange={(e) => setShared(e.target.checked)} />
              Share with my team{viewer?.team ? ` (${viewer.team.name})` : ' (you have no team)'}
            </label>
            <Button size="sm" variant="primary" loading={creating.loading} onClick={() => void save()}>
              Save view
            </Button>
          </div>
        </>
      )}
    </MenuButton>
  );
}
