import { screen } from '@testing-library/react';
import { ProjectHistoryDocument } from '../../gql/graphql';
import { renderMocked } from '../../test/renderMocked';
import { ProjectHistoryCard } from './ProjectHistoryCard';

const user = (id: string, name: string) => ({ __typename: 'User', id, name });
const entry = (id: string, changes: object[], peopleChanges: object[]) => ({
  __typename: 'AuditEntryEdge',
  node: {
    __typename: 'AuditEntry',
    id,
    occurredAt: '2026-11-20T15:00:00.000Z',
    action: 'UPDATE',
    actor: user('VXNlcjox', 'Morgan Reyes'),
    changes: changes.map((c) => ({ __typename: 'AuditChange', ...c })),
    peopleChanges: peopleChanges.map((c) => ({ __typename: 'AuditPeopleChange', field: 'crew', ...c })),
  },
});

describe('ProjectHistoryCard', () => {
  it('names who joined or left the crew instead of counting items', async () => {
    renderMocked(
      [
        {
          request: { query: ProjectHistoryDocument, variables: { entityId: 'UHJvamVjdDox' } },
          result: {
            data: {
              auditLog: {
                __typename: 'AuditEntryConnection',
                totalCount: 2,
                edges: [
                  entry(
                    'QXVkaXQ6Mg',
                    [{ field: 'crew', before: ['k1', 'k2'], after: ['k2', 'k3'] }],
                    [{ added: [user('VXNlcjoz', 'Dee Fox')], removed: [user('VXNlcjoy', 'Ann Berg')] }],
                  ),
                  entry('QXVkaXQ6MQ', [{ field: 'crew', before: [], after: ['k1'] }], [{ added: [user('VXNlcjoy', 'Ann Berg')], removed: [] }]),
                ],
              },
            },
          },
        },
      ],
      '/',
      { '/': <ProjectHistoryCard projectId="UHJvamVjdDox" /> },
    );
    expect(await screen.findByText('Crew: Dee Fox joined; Ann Berg left')).toBeInTheDocument();
    expect(screen.getByText('Crew: Ann Berg joined')).toBeInTheDocument();
    expect(screen.queryByText(/item/)).not.toBeInTheDocument();
  });
});
