import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useViewer } from '../../app/auth';
import { getFragmentData, graphql } from '../../gql';
import type { Role, UserFilter, UserRow_UserFragment } from '../../gql/graphql';
import { timeAgo } from '../../lib/format';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { Badge, Button, Card, EmptyState, ErrorState, ListFooter, Select, Spinner, TextField } from '../../ui';
import { ROLE_OPTIONS, roleLabel, ROLES } from './options';
import { Section } from './Section';
import { StackedTable, type StackedColumn } from './StackedTable';
import { SetActiveDialog, UserDialog } from './UserDialog';
import shared from './settings.module.css';
import styles from './UsersSettings.module.css';

const PAGE_SIZE = 25;

export const UserRowFragment = graphql(`
  fragment UserRow_user on User {
    id
    name
    email
    role
    active
    lastLoginAt
    team {
      id
      name
    }
  }
`);

export const SettingsUsersQuery = graphql(`
  query SettingsUsers($first: Int!, $after: String, $filter: UserFilter) {
    users(first: $first, after: $after, filter: $filter) {
      totalCount
      edges {
        node { id ...UserRow_user }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const TeamOptionsQuery = graphql(`
  query SettingsTeamOptions {
    teams {
      id
      name
    }
  }
`);

const NO_TEAM = 'none';

/** `?role=&team=&status=&q=` → the API's filter. */
function filterFrom(params: URLSearchParams, search: string): UserFilter {
  const filter: UserFilter = {};
  const role = params.get('role');
  if (role && (ROLES as readonly string[]).includes(role)) filter.roles = [role as Role];
  const team = params.get('team');
  if (team === NO_TEAM) filter.teamId = null;
  else if (team) filter.teamId = team;
  const status = params.get('status');
  if (status === 'active') filter.active = true;
  if (status === 'inactive') filter.active = false;
  if (search.trim()) filter.search = search.trim();
  return filter;
}

type Open = { kind: 'create' } | { kind: 'edit' | 'activate'; user: UserRow_UserFragment } | null;

/**
 * Admins and managers: the staff directory, filtered by role, team, status and a search, 25 at a time. Admins also
 * create users, edit their name, e-mail, role and team, and deactivate or reactivate them.
 */
export function UsersSettings() {
  const { viewer } = useViewer();
  const isAdmin = viewer?.role === 'ADMIN';
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const settledSearch = useDebouncedValue(search, 300);
  const filter = filterFrom(params, settledSearch);
  const { data, loading, error, refetch, fetchMore } = useQuery(SettingsUsersQuery, {
    variables: { first: PAGE_SIZE, filter },
    notifyOnNetworkStatusChange: true,
  });
  const teams = useQuery(TeamOptionsQuery).data?.teams ?? [];
  const [open, setOpen] = useState<Open>(null);

  const setParam = (key: string, value: string) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  const users = (data?.users.edges ?? []).map((e) => getFragmentData(UserRowFragment, e.node));
  const columns: StackedColumn<UserRow_UserFragment>[] = [
    {
      key: 'name',
      header: 'Name',
      primary: true,
      render: (u) => (
        <div className={shared.who}>
          <strong>
            {u.name}
            {u.id === viewer?.id && <span className={shared.muted}> (you)</span>}
          </strong>
          <span className={shared.muted}>{u.email}</span>
        </div>
      ),
    },
    { key: 'role', header: 'Role', nowrap: true, render: (u) => roleLabel(u.role) },
    { key: 'team', header: 'Team', nowrap: true, render: (u) => u.team?.name ?? <span className={shared.muted}>No team</span> },
    {
      key: 'status',
      header: 'Status',
      nowrap: true,
      render: (u) => (u.active ? <Badge tone="success">Active</Badge> : <Badge tone="neutral">Deactivated</Badge>),
    },
    {
      key: 'login',
      header: 'Last sign-in',
      nowrap: true,
      render: (u) =>
        u.lastLoginAt ? (
          <time dateTime={u.lastLoginAt}>{timeAgo(u.lastLoginAt)}</time>
        ) : (
          <span className={shared.muted}>Never</span>
        ),
    },
  ];
  if (isAdmin) {
    columns.push({
      key: 'actions',
      header: 'Actions',
      actions: true,
      render: (u) => (
        <div className={shared.rowActions}>
          <Button size="sm" onClick={() => setOpen({ kind: 'edit', user: u })} aria-label={`Edit ${u.name}`}>
            Edit
          </Button>
          {u.id !== viewer?.id && (
            <Button
              size="sm"
              variant="ghost"
              onClick={() => setOpen({ kind: 'activate', user: u })}
              aria-label={`${u.active ? 'Deactivate' : 'Reactivate'} ${u.name}`}
            >
              {u.active ? 'Deactivate' : 'Reactivate'}
            </Button>
          )}
        </div>
      ),
    });
  }

  const filtered = Object.keys(filter).length > 0;

  return (
    <Section
      title="Users"
      description={
        isAdmin
          ? 'Staff who sign in to the CRM. Deactivated users keep their history but can no longer sign in.'
          : 'Staff who sign in to the CRM. Only admins add or change users.'
      }
      actions={
        isAdmin && (
          <Button variant="primary" onClick={() => setOpen({ kind: 'create' })}>
            Add user
          </Button>
        )
      }
    >
      <Card>
        <div className={styles.filters}>
          <TextField
            label="Search"
            type="search"
            placeholder="Name or e-mail"
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              setParam('q', e.target.value);
            }}
          />
          <Select
            label="Role"
            placeholder="All roles"
            options={ROLE_OPTIONS}
            value={params.get('role') ?? ''}
            onChange={(e) => setParam('role', e.target.value)}
          />
          <Select
            label="Team"
            placeholder="All teams"
            options={[{ value: NO_TEAM, label: 'No team' }, ...teams.map((t) => ({ value: t.id, label: t.name }))]}
            value={params.get('team') ?? ''}
            onChange={(e) => setParam('team', e.target.value)}
          />
          <Select
            label="Status"
            placeholder="Any status"
            options={[
              { value: 'active', label: 'Active' },
              { value: 'inactive', label: 'Deactivated' },
            ]}
            value={params.get('status') ?? ''}
            onChange={(e) => setParam('status', e.target.value)}
          />
        </div>
        {error && !data ? (
          <ErrorState title="Users could not be loaded" error={error} onRetry={() => void refetch()} />
        ) : !data ? (
          <Spinner label="Loading users…" />
        ) : users.length === 0 ? (
          <EmptyState
            icon="customers"
            title={filtered ? 'No users match' : 'No users yet'}
            description={filtered ? 'Try another role, team or status, or clear the search.' : undefined}
          />
        ) : (
          <>
            <StackedTable
              caption="Users"
              columns={columns}
              rows={users}
              rowKey={(u) => u.id}
              rowClassName={(u) => (u.active ? undefined : shared.inactiveRow)}
            />
            <ListFooter
              shown={users.length}
              total={data.users.totalCount}
              hasMore={data.users.pageInfo.hasNextPage}
              loading={loading}
              onLoadMore={() => void fetchMore({ variables: { after: data.users.pageInfo.endCursor } }).catch(() => undefined)}
            />
          </>
        )}
      </Card>
      {open?.kind === 'create' && <UserDialog teams={teams} onClose={() => setOpen(null)} />}
      {open?.kind === 'edit' && <UserDialog user={open.user} teams={teams} onClose={() => setOpen(null)} />}
      {open?.kind === 'activate' && <SetActiveDialog user={open.user} onClose={() => setOpen(null)} />}
    </Section>
  );
}
