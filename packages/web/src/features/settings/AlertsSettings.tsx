import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useViewer } from '../../app/auth';
import { subjectLabel, subjectPath } from '../notifications/subjectLink';
import { graphql } from '../../gql';
import type { AlertSeverity } from '../../gql/graphql';
import { dateTimeLabel, enumLabel, timeAgo } from '../../lib/format';
import { Badge, Button, Card, EmptyState, FormAlert, cx, type BadgeTone } from '../../ui';
import { Loaded, Section } from './Section';
import shared from './settings.module.css';
import styles from './AlertsSettings.module.css';

const AlertsQuery = graphql(`
  query SettingsAlerts($includeResolved: Boolean!) {
    alerts(includeResolved: $includeResolved, first: 100) {
      id
      kind
      severity
      title
      body
      createdAt
      resolvedAt
      team {
        id
        name
      }
      subject {
        id
      }
    }
  }
`);

const ResolveAlertMutation = graphql(`
  mutation ResolveAlert($id: ID!) {
    resolveAlert(id: $id) {
      id
      resolvedAt
    }
  }
`);

const TONE: Record<AlertSeverity, BadgeTone> = { INFO: 'info', WARNING: 'warning', CRITICAL: 'danger' };

/**
 * Admins (every alert) and managers (their teams'): conditions the background rules raised (hot lead without an
 * assignee, project over budget, appointment without anyone) and unhappy customers from the rating page, newest first,
 * with the record and "Resolve".
 */
export function AlertsSettings() {
  const { viewer } = useViewer();
  const [includeResolved, setIncludeResolved] = useState(false);
  const { data, error, loading, refetch } = useQuery(AlertsQuery, {
    variables: { includeResolved },
    notifyOnNetworkStatusChange: true,
  });
  const [resolve] = useMutation(ResolveAlertMutation, { refetchQueries: ['SettingsAlerts'] });
  const [resolving, setResolving] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const onResolve = async (id: string) => {
    setResolving(id);
    setProblem(null);
    try {
      const { data: result } = await resolve({ variables: { id } });
      if (!result?.resolveAlert) setProblem('That alert is gone, or it is not one you may resolve.');
    } catch {
      setProblem('The alert could not be resolved: the server could not be reached. Try again.');
    } finally {
      setResolving(null);
    }
  };

  const alerts = data?.alerts ?? [];
  const open = alerts.filter((a) => !a.resolvedAt).length;

  return (
    <Section
      title="Alerts"
      description={
        viewer?.role === 'ADMIN'
          ? 'Conditions someone should act on: raised by the background rules (they resolve themselves when the condition clears) and by unhappy customers on the rating page (resolve them once someone has called).'
          : 'Conditions in your teams someone should act on: raised by the background rules (they resolve themselves when the condition clears) and by unhappy customers on the rating page (resolve them once someone has called).'
      }
      actions={
        <>
          <label className={styles.checkbox}>
            <input type="checkbox" checked={includeResolved} onChange={(e) => setIncludeResolved(e.target.checked)} />
            Show resolved
          </label>
          <Button loading={loading && Boolean(data)} onClick={() => void refetch().catch(() => undefined)}>
            Refresh
          </Button>
        </>
      }
    >
      <FormAlert messages={problem ? [problem] : []} />
      <Loaded data={data} error={error} onRetry={() => void refetch()} errorTitle="Alerts could not be loaded" loadingLabel="Loading alerts…">
        {() =>
          alerts.length === 0 ? (
            <Card>
              <EmptyState icon="alert" title="No open alerts" description="Nothing needs attention right now." />
            </Card>
          ) : (
            <Card title={includeResolved ? `${open} open, ${alerts.length - open} resolved` : `${open} open`}>
              <ul className={styles.alerts}>
                {alerts.map((a) => {
                  const path = subjectPath(a.subject, viewer?.role ?? 'MANAGER');
                  return (
                    <li key={a.id} className={cx(styles.alert, a.resolvedAt && styles.resolved)}>
                      <div className={styles.alertHead}>
                        <Badge tone={a.resolvedAt ? 'neutral' : TONE[a.severity]}>{enumLabel(a.severity)}</Badge>
                        <strong>{a.title}</strong>
                      </div>
                      {a.body && <p className={styles.alertBody}>{a.body}</p>}
                      <div className={styles.alertMeta}>
                        <span>
                          <time dateTime={a.createdAt} title={dateTimeLabel(a.createdAt)}>
                            {timeAgo(a.createdAt)}
                          </time>
                          {a.team && ` · ${a.team.name}`}
                          {a.resolvedAt && ` · resolved ${timeAgo(a.resolvedAt)}`}
                        </span>
                        <span className={shared.rowActions}>
                          {path && (
                            <Link to={path} className={styles.alertLink}>
                              {subjectLabel(a.subject)}
                            </Link>
                          )}
                          {!a.resolvedAt && (
                            <Button
                              size="sm"
                              loading={resolving === a.id}
                              onClick={() => void onResolve(a.id)}
                              aria-label={`Resolve: ${a.title}`}
                            >
                              Resolve
                            </Button>
                          )}
                        </span>
                      </div>
                    </li>
                  );
                })}
              </ul>
            </Card>
          )
        }
      </Loaded>
    </Section>
  );
}
