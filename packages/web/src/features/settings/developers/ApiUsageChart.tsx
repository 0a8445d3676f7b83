import { useQuery } from '@apollo/client/react';
import type { ApiKeyUsageQuery } from '../../../gql/graphql';
import { calendarDateLabel } from '../../../lib/format';
import { Button, Card, Dialog, ErrorState, Spinner } from '../../../ui';
import { Section } from '../Section';
import { ApiKeyUsageQuery as UsageQuery } from './apiKeyDocuments';
import styles from './Developers.module.css';

export const USAGE_DAYS = 30;

export interface UsageDay {
  day: string;
  requests: number;
  errors: number;
}

/** The server's totals per day as one entry for each of the `days` days up to `today` (UTC), oldest first, empty days as zero. */
export function usageByDay(rows: ApiKeyUsageQuery['apiUsageRows']['dailyTotals'], today = new Date(), days = USAGE_DAYS): UsageDay[] {
  const byDay = new Map<string, UsageDay>();
  for (let i = days - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - i));
    const day = d.toISOString().slice(0, 10);
    byDay.set(day, { day, requests: 0, errors: 0 });
  }
  for (const r of rows) {
    const entry = byDay.get(r.day) ?? { day: r.day, requests: 0, errors: 0 };
    entry.requests += r.count;
    entry.errors += r.errors;
    byDay.set(r.day, entry);
  }
  return [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
}

/** Requests per day as bars, the part answered with errors in red (plain CSS, like the dashboard's funnel). */
export function UsageBars({ days }: { days: readonly UsageDay[] }) {
  const max = Math.max(1, ...days.map((d) => d.requests));
  return (
    <ol className={styles.bars} aria-label="Requests per day">
      {days.map((d) => {
        const label = `${calendarDateLabel(d.day, true)}: ${d.requests} requests, ${d.errors} errors`;
        return (
          <li key={d.day} className={styles.barDay} title={label}>
            <span className="visually-hidden">{label}</span>
            <span className={styles.bar} style={{ height: `${(d.requests / max) * 100}%` }} aria-hidden="true">
              <span className={styles.barErrors} style={{ height: d.requests ? `${(d.errors / d.requests) * 100}%` : 0 }} />
            </span>
          </li>
        );
      })}
    </ol>
  );
}

/** The usage of one key (`apiKeyId`) or of every key: totals, one bar per day and a legend; a spinner until it loads. */
export function UsageSummary({ apiKeyId }: { apiKeyId?: string }) {
  const { data, error, refetch } = useQuery(UsageQuery, { variables: { filter: apiKeyId ? { apiKeyId } : {} } });
  if (!data) {
    return error ? (
      <ErrorState title="The usage could not be loaded" error={error} onRetry={() => void refetch()} />
    ) : (
      <Spinner label="Loading the usage…" />
    );
  }
  const days = usageByDay(data.apiUsageRows.dailyTotals);
  const requests = days.reduce((n, d) => n + d.requests, 0);
  const errors = days.reduce((n, d) => n + d.errors, 0);
  return (
    <>
      <p className={styles.usageTotals} role="status">
        <strong>{requests.toLocaleString('en-US')}</strong> requests, <strong>{errors.toLocaleString('en-US')}</strong> with
        errors, in the last {USAGE_DAYS} days (UTC).
      </p>
      <UsageBars days={days} />
      <div className={styles.legend} aria-hidden="true">
        <span className={styles.legendRequests}>Requests</span>
        <span className={styles.legendErrors}>Errors</span>
        <span>
          {calendarDateLabel(days[0]?.day, true)} – {calendarDateLabel(days[days.length - 1]?.day, true)}
        </span>
      </div>
    </>
  );
}

/** Admins: one key's requests and errors per day over the last 30 days (`apiUsageRows`' `dailyTotals`). */
export function ApiUsageDialog({ apiKey, onClose }: { apiKey: { id: string; name: string }; onClose: () => void }) {
  return (
    <Dialog title={`Usage of ${apiKey.name}`} size="lg" onClose={onClose} actions={<Button onClick={onClose}>Close</Button>}>
      <UsageSummary apiKeyId={apiKey.id} />
    </Dialog>
  );
}

/** Admins: every key's requests and errors per day over the last 30 days. */
export function ApiUsageOverview() {
  return (
    <Section title="API usage" description="Requests with any API key per day, the part refused or failed in red.">
      <Card>
        <UsageSummary />
      </Card>
    </Section>
  );
}
