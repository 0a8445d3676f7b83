import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useApi, useViewer } from '../../app/auth';
import type { ImportDetailQuery, ImportField, ImportKind, ImportPhase, ImportRowOutcome } from '../../gql/graphql';
import { useViewerTeams } from '../../lib/viewerTeams';
import { useLoadMore } from '../../lib/listPage';
import { Badge, Button, Card, EmptyState, ErrorState, ListFooter, PageHeader, Select, Spinner, Table } from '../../ui';
import { downloadReport } from './files';
import { CheckImportMutation, ImportQuery, ImportRowsQuery, RunImportMutation, SetImportMappingMutation } from './importDocuments';
import { bytesLabel, isBusy, KIND_LABELS, OUTCOME_LABELS, OUTCOME_TONES, recordPath, STATUS_LABELS, STATUS_TONES } from './importFormat';
import styles from './imports.module.css';

type Imp = NonNullable<ImportDetailQuery['import']>;

export const POLL_MS = 1000;
export const ROWS_PAGE = 50;

/** The root list each kind of import fills. */
const LIST_OF: Record<ImportKind, string> = { CUSTOMER: 'customers', LEAD: 'leads', PARTNER: 'partners' };

/** Whether the mapping may still change (nothing was written yet). */
const configurable = (imp: Imp) => imp.status === 'UPLOADED' || imp.status === 'CHECKED' || (imp.status === 'FAILED' && !imp.startedAt);

/** The column → field choices, the team and whether matches update; "Check file" saves them and starts the dry run. */
function MappingCard({ imp, onError }: { imp: Imp; onError: (messages: string[]) => void }) {
  const { viewer } = useViewer();
  const { teams } = useViewerTeams(viewer);
  const [fields, setFields] = useState<Array<ImportField | null>>(() => imp.columns.map((c) => c.field ?? null));
  const [teamId, setTeamId] = useState(imp.owningTeam?.id ?? '');
  const [updateExisting, setUpdateExisting] = useState(imp.updateExisting);
  const [map, mapping] = useMutation(SetImportMappingMutation);
  const [check, checking] = useMutation(CheckImportMutation);
  const choosesTeam = viewer?.role === 'ADMIN' || (viewer?.role === 'MANAGER' && teams.length > 1);
  const options = imp.fields.map((f) => ({ value: f.field, label: `${f.label}${f.required ? ' (required)' : ''}` }));
  const missing = imp.fields.filter((f) => f.required && !fields.includes(f.field));

  const submit = async () => {
    onError([]);
    const columns = fields.map((field, index) => ({ index, field }));
    const saved = await map({ variables: { input: { id: imp.id, columns, updateExisting, ...(choosesTeam && teamId ? { teamId } : {}) } } }).catch((e: Error) => ({ data: null, error: e }));
    const mapErrors = saved.data?.setImportMapping.errors ?? [];
    if (!saved.data || mapErrors.length) return onError(mapErrors.length ? mapErrors.map((e) => e.message) : ['The mapping could not be saved. Try again.']);
    const started = await check({ variables: { id: imp.id } }).catch(() => null);
    const errors = started?.data?.checkImport.errors ?? [];
    if (!started?.data || errors.length) onError(errors.length ? errors.map((e) => e.message) : ['The check could not start. Try again.']);
  };

  return (
    <Card title="Match the columns">
      <Table
        caption="Columns of the file"
        rows={imp.columns}
        rowKey={(c) => String(c.index)}
        columns={[
          { key: 'header', header: 'Column', render: (c) => <strong>{c.header}</strong> },
          { key: 'samples', header: 'First values', render: (c) => <span className={styles.samples}>{c.samples.filter(Boolean).join(' · ') || '—'}</span> },
          {
            key: 'field',
            header: 'Imports into',
            render: (c) => (
              <Select
                label={`Field for column ${c.header}`}
                hideLabel
                value={fields[c.index] ?? ''}
                placeholder="Skip this column"
                options={options.map((o) => ({ ...o, disabled: o.value !== fields[c.index] && fields.includes(o.value as ImportField) }))}
                onChange={(e) => setFields((all) => all.map((f, i) => (i === c.index ? ((e.target.value || null) as ImportField | null) : f)))}
              />
            ),
          },
        ]}
      />
      <div className={styles.options}>
        {choosesTeam && (
          <Select
            label="New records go to"
            value={teamId}
            placeholder={viewer?.role === 'ADMIN' ? 'No team' : undefined}
            options={teams.map((t) => ({ value: t.id, label: t.name }))}
            onChange={(e) => setTeamId(e.target.value)}
          />
        )}
        <label className={styles.check}>
          <input type="checkbox" checked={updateExisting} onChange={(e) => setUpdateExisting(e.target.checked)} />
          Update records that match a row (by e-mail or phone{imp.kind === 'PARTNER' ? '; partners by name' : ''})
        </label>
      </div>
      {missing.length > 0 && <p className={styles.note}>Choose the column with the {missing.map((f) => f.label.toLowerCase()).join(' and ')}.</p>}
      <div className={styles.actions}>
        <Button variant="primary" onClick={() => void submit()} loading={mapping.loading || checking.loading} disabled={missing.length > 0}>
          {imp.status === 'CHECKED' ? 'Check again' : 'Check file'}
        </Button>
      </div>
    </Card>
  );
}

/** A progress bar of the dry run or the run. */
function Progress({ imp }: { imp: Imp }) {
  const percent = Math.round(imp.progress * 100);
  const what = imp.status === 'CHECKING' ? 'Checking' : 'Importing';
  return (
    <Card title={imp.status === 'CHECKING' ? 'Checking the file' : 'Importing'}>
      <div className={styles.progress} role="progressbar" aria-label={`${what} progress`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
        <div className={styles.progressBar} style={{ width: `${percent}%` }} />
      </div>
      <p className={styles.progressLabel} aria-live="polite">
        {what}: {imp.processedRows.toLocaleString()} of {imp.rowCount.toLocaleString()} rows ({percent}%)
      </p>
    </Card>
  );
}

function Counts({ counts }: { counts: NonNullable<Imp['checked']> }) {
  const items: Array<[string, number, 'success' | 'info' | 'neutral' | 'danger']> = [
    ['new', counts.create, 'success'],
    ['to update', counts.update, 'info'],
    ['unchanged', counts.unchanged, 'neutral'],
    ['rejected', counts.reject, 'danger'],
  ];
  return (
    <ul className={styles.counts} aria-label="Row counts">
      {items.map(([label, n, tone]) => (
        <li key={label}>
          <Badge tone={tone}>
            {n.toLocaleString()} {label}
          </Badge>
        </li>
      ))}
    </ul>
  );
}

const FILTERS: Array<[ImportRowOutcome | null, string]> = [
  [null, 'All rows'],
  ['REJECT', 'Rejected'],
  ['CREATE', 'New'],
  ['UPDATE', 'Updates'],
  ['UNCHANGED', 'No change'],
];

/** The row reports of a phase, filtered by outcome, 50 at a time. */
function RowsTable({ imp, phase }: { imp: Imp; phase: ImportPhase }) {
  const [outcome, setOutcome] = useState<ImportRowOutcome | null>(imp.status === 'COMPLETED' || (phase === 'CHECK' && (imp.checked?.reject ?? 0) > 0) ? 'REJECT' : null);
  const counts = phase === 'RUN' ? imp.counts : imp.checked;
  const { data, previousData, error, fetchMore, refetch } = useQuery(ImportRowsQuery, {
    variables: { id: imp.id, phase, outcome, first: ROWS_PAGE },
    fetchPolicy: 'cache-and-network',
  });
  const rows = (data ?? previousData)?.import?.rows;
  const more = useLoadMore(rows, fetchMore);
  const countOf = (o: ImportRowOutcome | null) =>
    !counts ? null : o === null ? counts.rows : { CREATE: counts.create, UPDATE: counts.update, UNCHANGED: counts.unchanged, REJECT: counts.reject }[o];
  return (
    <Card title={phase === 'CHECK' ? 'What the import would do' : 'What the import did'}>
      <div className={styles.filters} role="group" aria-label="Show rows">
        {FILTERS.map(([value, label]) => (
          <Button key={label} size="sm" variant={outcome === value ? 'primary' : 'secondary'} aria-pressed={outcome === value} onClick={() => setOutcome(value)}>
            {label}
            {countOf(value) !== null ? ` (${countOf(value)!.toLocaleString()})` : ''}
          </Button>
        ))}
      </div>
      {!rows && (error ? <ErrorState title="The rows could not be loaded" error={error} onRetry={() => void refetch()} /> : <Spinner label="Loading rows…" />)}
      {rows && (
        <>
          <Table
            caption={phase === 'CHECK' ? 'Dry run results' : 'Import results'}
            rows={rows.edges.map((e) => e.node)}
            rowKey={(r) => String(r.rowNumber)}
            empty="No rows."
            columns={[
              { key: 'row', header: 'Row', numeric: true, render: (r) => r.rowNumber },
              {
                key: 'outcome',
                header: 'Outcome',
                render: (r) =>
                  r.recordId && phase === 'RUN' ? (
                    <Link to={recordPath(imp.kind, r.recordId)}>
                      <Badge tone={OUTCOME_TONES[r.outcome]}>{OUTCOME_LABELS[r.outcome]}</Badge>
                    </Link>
                  ) : (
                    <Badge tone={OUTCOME_TONES[r.outcome]}>{OUTCOME_LABELS[r.outcome]}</Badge>
                  ),
              },
              {
                key: 'why',
                header: 'Reason',
                render: (r) =>
                  r.errors.length ? (
                    <ul className={styles.reasons}>
                      {r.errors.map((e) => (
                        <li key={`${e.field}-${e.message}`}>
                          {e.column ? <strong>{e.column}: </strong> : null}
                          {e.message}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    '—'
                  ),
              },
              { key: 'cells', header: 'Row as written', render: (r) => <span className={styles.cells}>{r.cells.join(', ') || '—'}</span> },
            ]}
          />
          {more.error && <p className={styles.error}>More rows could not be loaded: {more.error}</p>}
          {rows.pageInfo.hasNextPage && <ListFooter {...more.footer(rows)} />}
        </>
      )}
    </Card>
  );
}

/** One import: map its columns, check it (dry run), run it with a progress bar, see and download the rejected rows. */
export default function ImportPage() {
  const { id = '' } = useParams();
  const api = useApi();
  const { data, error, refetch, startPolling, stopPolling } = useQuery(ImportQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const imp = data?.import ?? null;
  const busy = imp ? isBusy(imp.status) : false;
  const [messages, setMessages] = useState<string[]>([]);
  const [run, running] = useMutation(RunImportMutation);
  const [downloadProblem, setDownloadProblem] = useState<string | null>(null);

  useEffect(() => {
    if (busy) startPolling(POLL_MS);
    else stopPolling();
    return () => stopPolling();
  }, [busy, startPolling, stopPolling]);

  // An import announces no record one by one: once it is done, the cached lists it changed load again when shown.
  const client = useApolloClient();
  const completed = imp?.status === 'COMPLETED' ? imp.kind : null;
  useEffect(() => {
    if (!completed) return;
    for (const fieldName of [LIST_OF[completed], 'dashboard']) client.cache.evict({ id: 'ROOT_QUERY', fieldName });
    client.cache.gc();
  }, [completed, client]);

  const phase: ImportPhase | null = useMemo(() => (!imp ? null : imp.startedAt ? 'RUN' : imp.checked ? 'CHECK' : null), [imp]);

  if (!imp) {
    if (error) return <ErrorState title="The import could not be loaded" error={error} onRetry={() => void refetch()} />;
    if (data) return <EmptyState icon="search" title="Import not found" description="It does not exist or you may not see it." />;
    return <Spinner label="Loading the import…" />;
  }

  const start = async () => {
    setMessages([]);
    const r = await run({ variables: { id: imp.id } }).catch(() => null);
    const errors = r?.data?.runImport.errors ?? [];
    if (!r?.data || errors.length) setMessages(errors.length ? errors.map((e) => e.message) : ['The import could not start. Try again.']);
  };
  const download = async () => {
    setDownloadProblem(null);
    if (imp.errorReportPath) setDownloadProblem(await downloadReport(api.tokens, imp.errorReportPath, `${imp.fileName}-errors.csv`));
  };
  const toImport = (imp.checked?.create ?? 0) + (imp.checked?.update ?? 0);

  return (
    <>
      <PageHeader
        title={imp.fileName}
        subtitle={
          <>
            {KIND_LABELS[imp.kind]} · {imp.rowCount.toLocaleString()} rows · {bytesLabel(imp.sizeBytes)}
            {imp.owningTeam ? ` · new records go to ${imp.owningTeam.name}` : ''} · <Link to="/imports">All imports</Link>
          </>
        }
        actions={<Badge tone={STATUS_TONES[imp.status]}>{STATUS_LABELS[imp.status]}</Badge>}
      />
      <div className={styles.stack}>
        {messages.length > 0 && (
          <div role="alert" className={styles.error}>
            {messages.map((m) => (
              <p key={m}>{m}</p>
            ))}
          </div>
        )}
        {imp.status === 'FAILED' && imp.failure && (
          <Card title="The import stopped">
            <p className={styles.failure}>{imp.failure}</p>
            {imp.startedAt && (
              <div className={styles.actions}>
                <Button variant="primary" onClick={() => void start()} loading={running.loading}>
                  Continue the import
                </Button>
              </div>
            )}
          </Card>
        )}
        {busy && <Progress imp={imp} />}
        {configurable(imp) && <MappingCard key={`${imp.status}-${imp.columns.map((c) => c.field).join()}`} imp={imp} onError={setMessages} />}
        {imp.status === 'CHECKED' && imp.checked && (
          <Card title="Dry run">
            <Counts counts={imp.checked} />
            <p className={styles.note}>Nothing was saved. Rejected rows are left out of the import; fix them in the file and import them again.</p>
            <div className={styles.actions}>
              <Button variant="primary" onClick={() => void start()} loading={running.loading} disabled={toImport === 0}>
                Import {toImport.toLocaleString()} rows
              </Button>
              {imp.errorReportPath && <Button onClick={() => void download()}>Download rejected rows</Button>}
            </div>
          </Card>
        )}
        {imp.status === 'COMPLETED' && (
          <Card title="Import finished">
            <Counts counts={imp.counts} />
            <div className={styles.actions}>
              {imp.errorReportPath && (
                <Button variant="primary" onClick={() => void download()}>
                  Download error report
                </Button>
              )}
              <Link to="/imports">Import another file</Link>
            </div>
          </Card>
        )}
        {downloadProblem && (
          <p className={styles.error} role="alert">
            {downloadProblem}
          </p>
        )}
        {phase && !busy && <RowsTable key={`${phase}-${imp.status}`} imp={imp} phase={phase} />}
      </div>
    </>
  );
}
