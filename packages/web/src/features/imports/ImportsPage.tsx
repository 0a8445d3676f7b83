import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useApi } from '../../app/auth';
import type { ImportKind } from '../../gql/graphql';
import { dateTimeLabel } from '../../lib/format';
import { useLoadMore } from '../../lib/listPage';
import { Badge, Button, Card, ListBody, PageHeader, PagedTableCard, Select, Table, EmptyState } from '../../ui';
import { uploadImport } from './files';
import { ImportsListQuery } from './importDocuments';
import { KIND_LABELS, STATUS_LABELS, STATUS_TONES } from './importFormat';
import styles from './imports.module.css';

export const PAGE_SIZE = 20;

const KIND_OPTIONS = (Object.keys(KIND_LABELS) as ImportKind[]).map((value) => ({ value, label: KIND_LABELS[value] }));

/** Choose what the file holds and the file; the upload leads to its mapping. */
function UploadCard() {
  const api = useApi();
  const navigate = useNavigate();
  const [kind, setKind] = useState<ImportKind>('CUSTOMER');
  const [file, setFile] = useState<File | null>(null);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return setProblem('Choose a CSV file.');
    setSending(true);
    setProblem(null);
    const outcome = await uploadImport(api.tokens, kind, file);
    setSending(false);
    if (outcome.ok) navigate(`/imports/${outcome.id}`);
    else setProblem(outcome.message);
  };

  return (
    <Card title="New import">
      <form className={styles.uploadForm} onSubmit={(e) => void submit(e)} aria-label="Upload a CSV file">
        <Select label="The file holds" value={kind} options={KIND_OPTIONS} onChange={(e) => setKind(e.target.value as ImportKind)} />
        <label className={styles.fileField}>
          CSV file
          <input type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </label>
        <Button type="submit" variant="primary" loading={sending}>
          Upload
        </Button>
      </form>
      {problem && (
        <p className={styles.error} role="alert">
          {problem}
        </p>
      )}
      <p className={styles.note}>
        A CSV file (UTF-8, up to 50 MB) whose first row names the columns. Next you match its columns with the fields, check
        it (nothing is saved), then import it: new records go to your team, rows matching a record by e-mail or phone update
        it, and rejected rows are listed with the reason.
      </p>
    </Card>
  );
}

/** CSV imports: upload a file, and the imports the viewer may see. */
export default function ImportsPage() {
  const { data, previousData, error, fetchMore, refetch } = useQuery(ImportsListQuery, { variables: { first: PAGE_SIZE }, fetchPolicy: 'cache-and-network' });
  const list = (data ?? previousData)?.imports;
  const more = useLoadMore(list, fetchMore);
  return (
    <>
      <PageHeader title="Import" subtitle="Customers, leads and partners from a CSV file, with a dry run first." />
      <div className={styles.stack}>
        <UploadCard />
        <ListBody
          list={list}
          error={error}
          onRetry={() => void refetch()}
          loadingLabel="Loading imports…"
          errorTitle="The imports could not be loaded"
          changing={false}
          filtered={false}
          noMatch={{ title: 'No imports', description: '' }}
          onClear={() => undefined}
          empty={<EmptyState icon="inbox" title="No imports yet" description="Upload a CSV file to start." />}
        >
          {(list) => (
            <PagedTableCard noun="imports" shown={list.edges.length} total={list.totalCount} moreError={more.error} footer={more.footer(list)}>
              <Table
                caption="Imports"
                rows={list.edges.map((e) => e.node)}
                rowKey={(i) => i.id}
                columns={[
                  { key: 'file', header: 'File', render: (i) => <Link to={`/imports/${i.id}`}>{i.fileName}</Link> },
                  { key: 'kind', header: 'Records', render: (i) => KIND_LABELS[i.kind] },
                  { key: 'status', header: 'Status', render: (i) => <Badge tone={STATUS_TONES[i.status]}>{STATUS_LABELS[i.status]}</Badge> },
                  { key: 'rows', header: 'Rows', numeric: true, render: (i) => i.rowCount.toLocaleString() },
                  { key: 'new', header: 'New', numeric: true, render: (i) => i.counts.create.toLocaleString() },
                  { key: 'updated', header: 'Updated', numeric: true, render: (i) => i.counts.update.toLocaleString() },
                  { key: 'rejected', header: 'Rejected', numeric: true, render: (i) => i.counts.reject.toLocaleString() },
                  { key: 'by', header: 'By', render: (i) => i.createdBy?.name ?? '—' },
                  { key: 'when', header: 'Uploaded', render: (i) => dateTimeLabel(i.createdAt) },
                ]}
              />
            </PagedTableCard>
          )}
        </ListBody>
      </div>
    </>
  );
}


