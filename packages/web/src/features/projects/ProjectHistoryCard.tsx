import { useQuery } from '@apollo/client/react';
import { dateTimeLabel, timeAgo } from '../../lib/format';
import { Card, Spinner } from '../../ui';
import { actionLabel, authorLabel, changeLabel, fieldLabel } from './historyFormat';
import { ProjectHistoryQuery } from './projectDetailQuery';
import shared from './projects.module.css';
import styles from './ProjectHistoryCard.module.css';

/** Admins and managers: who changed what on the project, newest first (the audit log). */
export function ProjectHistoryCard({ projectId }: { projectId: string }) {
  const { data, loading, error } = useQuery(ProjectHistoryQuery, { variables: { entityId: projectId } });
  const entries = data?.auditLog.edges.map((e) => e.node) ?? [];
  return (
    <Card title="History">
      {loading && !data && <Spinner label="Loading the history…" />}
      {error && !data && <p className={shared.fieldError}>The history could not be loaded: {error.message}</p>}
      {data && entries.length === 0 && <p className={shared.muted}>No recorded changes.</p>}
      {entries.length > 0 && (
        <ul className={styles.history}>
          {entries.map((e) => (
            <li key={e.id}>
              <strong>{authorLabel(e)}</strong> {actionLabel(e.action)} ·{' '}
              <span className={shared.muted} title={dateTimeLabel(e.occurredAt)}>
                {timeAgo(e.occurredAt)}
              </span>
              {e.action === 'UPDATE' && e.changes.length > 0 && (
                <ul className={styles.historyChanges}>
                  {e.changes.map((c) => (
                    <li key={c.field}>
                      {fieldLabel(c.field)}: {changeLabel(c, e.peopleChanges.find((p) => p.field === c.field))}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      {data && data.auditLog.totalCount > entries.length && (
        <p className={shared.muted}>
          The {entries.length} latest of {data.auditLog.totalCount} changes.
        </p>
      )}
    </Card>
  );
}
