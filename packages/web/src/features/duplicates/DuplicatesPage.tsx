import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { addressLines, phoneLabel } from '../../lib/format';
import { useLoadMore } from '../../lib/listPage';
import { Button, EmptyState, ListBody, Notice, PageHeader, PagedTableCard, Table } from '../../ui';
import { DismissDuplicateMutation, DuplicateCustomersQuery } from './duplicateDocuments';
import { reasonsLabel, scoreLabel } from './duplicateFormat';
import { MergeCustomersDialog } from './MergeCustomersDialog';
import styles from './duplicates.module.css';

export const PAGE_SIZE = 25;

/** The duplicates review queue (admins; managers: pairs within their teams): merge a pair, or say they are not duplicates. */
export default function DuplicatesPage() {
  const navigate = useNavigate();
  const { data, previousData, error, fetchMore, refetch } = useQuery(DuplicateCustomersQuery, { variables: { first: PAGE_SIZE }, fetchPolicy: 'cache-and-network' });
  const list = (data ?? previousData)?.duplicateCustomers;
  const more = useLoadMore(list, fetchMore);
  const [merging, setMerging] = useState<readonly [string, string] | null>(null);
  const [dismiss] = useMutation(DismissDuplicateMutation);
  const [notice, setNotice] = useState<string | null>(null);

  const notDuplicates = async (id: string) => {
    const r = await dismiss({ variables: { id } }).catch(() => null);
    const errors = r?.data?.dismissDuplicateCustomers.errors;
    if (!r?.data || errors?.length) return setNotice(errors?.[0]?.message ?? 'The pair could not be dismissed. Try again.');
    await refetch();
  };

  return (
    <>
      <PageHeader title="Duplicates" subtitle="Customers that look like one: the same phone, or a close name at the same address. Checked every 15 minutes and after imports." />
      {notice && <Notice onDismiss={() => setNotice(null)}>{notice}</Notice>}
      <ListBody
        list={list}
        error={error}
        onRetry={() => void refetch()}
        loadingLabel="Loading possible duplicates…"
        errorTitle="The duplicates could not be loaded"
        filtered={false}
        noMatch={{ title: '', description: '' }}
        onClear={() => undefined}
        empty={<EmptyState icon="customers" title="No possible duplicates" description="Customers that look like one show here." />}
      >
        {(list) => (
          <PagedTableCard noun="pairs" shown={list.edges.length} total={list.totalCount} moreError={more.error} footer={more.footer(list)}>
            <Table
              caption="Possible duplicate customers"
              rows={list.edges.map((e) => e.node)}
              rowKey={(p) => p.id}
              columns={[
                ...([0, 1] as const).map((i) => ({
                  key: `c${i}`,
                  header: i === 0 ? 'Customer' : 'Looks like',
                  render: (p: (typeof list.edges)[number]['node']) => {
                    const c = p.customers[i];
                    if (!c) return '—';
                    return (
                      <div className={styles.pair}>
                        <Link to={`/customers/${c.id}`}>{c.name}</Link>
                        <span className={styles.muted}>{[c.email, c.phone ? phoneLabel(c.phone) : null, addressLines(c.address).join(', ')].filter(Boolean).join(' · ') || '—'}</span>
                        {c.owningTeam && <span className={styles.muted}>Team {c.owningTeam.name}</span>}
                      </div>
                    );
                  },
                })),
                { key: 'why', header: 'Why', render: (p) => reasonsLabel(p.reasons) },
                { key: 'score', header: 'Alike', numeric: true, render: (p) => scoreLabel(p.score) },
                {
                  key: 'actions',
                  header: <span className="visually-hidden">Actions</span>,
                  render: (p) => (
                    <div className={styles.actions}>
                      <Button size="sm" variant="primary" disabled={p.customers.length < 2} onClick={() => setMerging([p.customers[0]!.id, p.customers[1]!.id])} aria-label={`Merge ${p.customers.map((c) => c.name).join(' and ')}`}>
                        Merge…
                      </Button>
                      <Button size="sm" onClick={() => void notDuplicates(p.id)} aria-label={`${p.customers.map((c) => c.name).join(' and ')} are not duplicates`}>
                        Not duplicates
                      </Button>
                    </div>
                  ),
                },
              ]}
            />
          </PagedTableCard>
        )}
      </ListBody>
      {merging && (
        <MergeCustomersDialog
          customerIds={merging}
          onClose={() => setMerging(null)}
          onMerged={(survivorId) => {
            setMerging(null);
            navigate(`/customers/${survivorId}`);
          }}
        />
      )}
    </>
  );
}
