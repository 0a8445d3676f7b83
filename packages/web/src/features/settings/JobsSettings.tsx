import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { JobState, SettingsJobQueuesQuery } from '../../gql/graphql';
import { dateTimeLabel, enumLabel, timeAgo } from '../../lib/format';
import { Badge, Button, Card, FormAlert, type BadgeTone } from '../../ui';
import { Loaded, Section } from './Section';
import { StackedTable, type StackedColumn } from './StackedTable';
import shared from './settings.module.css';
import styles from './JobsSettings.module.css';

const JobQueuesQuery = graphql(`
  query SettingsJobQueues {
    jobQueues {
      name
      description
      schedule
      lastRun {
        id
        state
        createdAt
        startedAt
        completedAt
      }
      stateCounts {
        state
        count
      }
      recentFailures {
        id
        state
        retryCount
        createdAt
        completedAt
        output
      }
    }
  }
`);

const RunJobMutation = graphql(`
  mutation RunJob($name: String!) {
    runJob(name: $name) {
      jobId
      errors { field code message }
    }
  }
`);

type Queue = SettingsJobQueuesQuery['jobQueues'][number];

const TONE: Record<JobState, BadgeTone> = {
  CREATED: 'neutral',
  RETRY: 'warning',
  ACTIVE: 'info',
  COMPLETED: 'success',
  CANCELLED: 'neutral',
  FAILED: 'danger',
};
const STATE_LABEL: Partial<Record<JobState, string>> = { CREATED: 'Queued', RETRY: 'Retrying' };
const stateLabel = (s: JobState) => STATE_LABEL[s] ?? enumLabel(s);

const count = (q: Queue, ...states: JobState[]) =>
  q.stateCounts.filter((c) => states.includes(c.state)).reduce((sum, c) => sum + c.count, 0);

/** `0 * * * *` → `Hourly`; the common shapes in words, others as the cron text. */
export function scheduleLabel(cron: string | null | undefined): string {
  if (!cron) return 'On demand';
  const [min, hour, dom, mon, dow] = cron.trim().split(/\s+/);
  if (cron.trim() === '* * * * *') return 'Every minute';
  const every = min?.match(/^\*\/(\d+)$/);
  if (every && hour === '*' && dom === '*' && mon === '*' && dow === '*') return `Every ${every[1]} minutes`;
  if (/^\d+$/.test(min ?? '') && hour === '*' && dom === '*' && mon === '*' && dow === '*') return `Hourly at :${min!.padStart(2, '0')}`;
  if (/^\d+$/.test(min ?? '') && /^\d+$/.test(hour ?? '') && dom === '*' && mon === '*' && dow === '*') {
    return `Daily at ${hour!.padStart(2, '0')}:${min!.padStart(2, '0')} UTC`;
  }
  return cron;
}

const output = (value: unknown): string => {
  if (value == null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && 'message' in value && typeof value.message === 'string') return value.message;
  return JSON.stringify(value);
};

/** Admins: each background job queue (7-day counts, last run, schedule), with "Run now" and the latest failures. */
export function JobsSettings() {
  const { data, error, loading, refetch } = useQuery(JobQueuesQuery, {
    pollInterval: 15_000,
    notifyOnNetworkStatusChange: true,
  });
  const [runJob] = useMutation(RunJobMutation);
  const [running, setRunning] = useState<string | null>(null);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);

  const run = async (name: string) => {
    setRunning(name);
    setNote(null);
    try {
      const { data: result } = await runJob({ variables: { name } });
      const payload = result?.runJob;
      if (!payload) return;
      setNote(
        payload.errors.length
          ? { ok: false, text: `${name} was not queued: ${payload.errors.map((e) => e.message).join(' ')}` }
          : { ok: true, text: `${name} is queued and runs within a few seconds.` },
      );
      // Give the worker a moment, then show the new run.
      setTimeout(() => void refetch().catch(() => undefined), 1500);
    } catch {
      setNote({ ok: false, text: `${name} was not queued: the server could not be reached. Try again.` });
    } finally {
      setRunning(null);
    }
  };

  const columns: StackedColumn<Queue>[] = [
    {
      key: 'queue',
      header: 'Queue',
      primary: true,
      render: (q) => (
        <div className={shared.who}>
          <strong className={styles.mono}>{q.name}</strong>
          <span className={shared.muted}>{q.description}</span>
        </div>
      ),
    },
    {
      key: 'schedule',
      header: 'Schedule',
      nowrap: true,
      render: (q) => <span title={q.schedule ? `cron (UTC): ${q.schedule}` : undefined}>{scheduleLabel(q.schedule)}</span>,
    },
    { key: 'queued', header: 'Queued', numeric: true, render: (q) => count(q, 'CREATED', 'RETRY') },
    { key: 'active', header: 'Active', numeric: true, render: (q) => count(q, 'ACTIVE') },
    {
      key: 'failed',
      header: 'Failed',
      numeric: true,
      render: (q) => {
        const n = count(q, 'FAILED');
        return n ? <strong className={styles.danger}>{n}</strong> : 0;
      },
    },
    { key: 'completed', header: 'Done', numeric: true, render: (q) => count(q, 'COMPLETED') },
    {
      key: 'last',
      header: 'Last run',
      render: (q) =>
        q.lastRun ? (
          <span className={styles.lastRun}>
            <Badge tone={TONE[q.lastRun.state]}>{stateLabel(q.lastRun.state)}</Badge>
            <time
              dateTime={q.lastRun.completedAt ?? q.lastRun.startedAt ?? q.lastRun.createdAt}
              title={dateTimeLabel(q.lastRun.completedAt ?? q.lastRun.startedAt ?? q.lastRun.createdAt)}
            >
              {timeAgo(q.lastRun.completedAt ?? q.lastRun.startedAt ?? q.lastRun.createdAt)}
            </time>
          </span>
        ) : (
          <span className={shared.muted}>Never</span>
        ),
    },
    {
      key: 'run',
      header: 'Run',
      actions: true,
      render: (q) => (
        <Button size="sm" loading={running === q.name} onClick={() => void run(q.name)} aria-label={`Run ${q.name} now`}>
          Run now
        </Button>
      ),
    },
  ];

  const failures = (data?.jobQueues ?? []).flatMap((q) => q.recentFailures.map((f) => ({ queue: q.name, run: f })));

  return (
    <Section
      title="Background jobs"
      description="Reminders, alert rules, rescoring and snapshots. Counts cover the last 7 days; the table refreshes every 15 seconds."
      actions={
        <Button
          loading={loading && Boolean(data)}
          onClick={() => void refetch().catch(() => undefined)}
        >
          Refresh
        </Button>
      }
    >
      <Loaded data={data} error={error} onRetry={() => void refetch()} errorTitle="The job queues could not be loaded" loadingLabel="Loading job queues…">
        {(data) =>
          (
            <>
              <div role="status" className={shared.live}>
                {note?.ok && <p className={shared.formSuccess}>{note.text}</p>}
              </div>
              <FormAlert messages={note && !note.ok ? [note.text] : []} />
              <Card>
                <StackedTable caption="Job queues" columns={columns} rows={data.jobQueues} rowKey={(q) => q.name} />
              </Card>
              {failures.length > 0 && (
                <Card title="Recent failures">
                  <ul className={styles.failures}>
                    {failures.map(({ queue, run: f }) => (
                      <li key={f.id}>
                        <div className={styles.failureHead}>
                          <strong className={styles.mono}>{queue}</strong>
                          <span className={shared.muted}>
                            {dateTimeLabel(f.completedAt ?? f.createdAt)}
                            {f.retryCount > 0 && ` · ${f.retryCount} ${f.retryCount === 1 ? 'retry' : 'retries'}`}
                          </span>
                        </div>
                        {output(f.output) && <pre className={styles.output}>{output(f.output)}</pre>}
                      </li>
                    ))}
                  </ul>
                </Card>
              )}
            </>
          )
        }
      </Loaded>
    </Section>
  );
}
