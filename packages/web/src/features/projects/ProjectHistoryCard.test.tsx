import { screen } from '@testing-library/react';
import { ProjectHistoryDocument } from '../../gql/graphql';
import { renderMocked } from '../../test/renderMocked';
import { ProjectHistoryCard } from './ProjectHistoryCard';

const user = (id: string, name: string) => ({ __typename: 'User', id, name });
const apiKey = (id: string, name: string, partner: string | null) => ({
  __typename: 'ApiKey',
  id,
  name,
  partner: partner && { __typename: 'Partner', id: 'UGFydG5lcjox', name: partner },
});
const entry = (
  id: string,
  changes: object[],
  peopleChanges: object[],
  by: { actor?: object | null; apiKey?: object | null; byApiKey?: boolean } = {},
) => ({
  __typename: 'AuditEntryEdge',
  node: {
    __typename: 'AuditEntry',
    id,
    occurredAt: '2026-11-20T15:00:00.000Z',
    action: 'UPDATE',
    actor: by.actor === undefined ? user('VXNlcjox', 'Morgan Reyes') : by.actor,
    apiKey: by.apiKey ?? null,
    byApiKey: by.byApiKey ?? Boolean(by.apiKey),
    changes: changes.map((c) => ({ __typename: 'AuditChange', ...c })),
    peopleChanges: peopleChanges.map((c) => ({ __typename: 'AuditPeopleChange', field: 'crew', ...c })),
  },
});

/** The card over a history of these entries. */
const renderHistory = (edges: object[]) =>
  renderMocked(
    [
      {
        request: { query: ProjectHistoryDocument, variables: { entityId: 'UHJvamVjdDox' } },
        result: { data: { auditLog: { __typename: 'AuditEntryConnection', totalCount: edges.length, edges } } },
      },
    ],
    '/',
    { '/': <ProjectHistoryCard projectId="UHJvamVjdDox" /> },
  );

describe('ProjectHistoryCard', () => {
  it('names who joined or left the crew instead of counting items', async () => {
    renderHistory([
      entry(
        'QXVkaXQ6Mg',
        [{ field: 'crew', before: ['k1', 'k2'], after: ['k2', 'k3'] }],
        [{ added: [user('VXNlcjoz', 'Dee Fox')], removed: [user('VXNlcjoy', 'Ann Berg')] }],
      ),
      entry('QXVkaXQ6MQ', [{ field: 'crew', before: [], after: ['k1'] }], [{ added: [user('VXNlcjoy', 'Ann Berg')], removed: [] }]),
    ]);
    expect(await screen.findByText('Crew: Dee Fox joined; Ann Berg left')).toBeInTheDocument();
    expect(screen.getByText('Crew: Ann Berg joined')).toBeInTheDocument();
    expect(screen.queryByText(/item/)).not.toBeInTheDocument();
  });

  it('names the API key (and its partner) a change was made with, a key it may not see as a key, and the system when neither a person nor a key', async () => {
    const status = [{ field: 'status', before: 'PLANNED', after: 'IN_PROGRESS' }];
    renderHistory([
      entry('QXVkaXQ6Mw', status, [], { actor: null, apiKey: apiKey('QXBpS2V5OjE', 'Lakes form', 'Lakes Realty') }),
      entry('QXVkaXQ6Mg', status, [], { actor: null, apiKey: apiKey('QXBpS2V5OjI', 'Nightly sync', null) }),
      entry('QXVkaXQ6Mx', status, [], { actor: null, apiKey: null, byApiKey: true }),
      entry('QXVkaXQ6MQ', status, [], { actor: null }),
    ]);
    expect(await screen.findByText('API key Lakes form (Lakes Realty)')).toBeInTheDocument();
    expect(screen.getByText('API key Nightly sync')).toBeInTheDocument();
    expect(screen.getByText('An API key')).toBeInTheDocument();
    expect(screen.getByText('System')).toBeInTheDocument();
  });
});
