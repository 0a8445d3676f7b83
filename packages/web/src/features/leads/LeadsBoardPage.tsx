import { useQuery } from '@apollo/client/react';
import { useMemo, useState } from 'react';
import type { LeadCard_LeadFragment, LeadStatus } from '../../gql/graphql';
import type { UserErrorLike } from '../../lib/formErrors';
import { EmptyState, ErrorState, Notice, Spinner } from '../../ui';
import { BOARD_QUERY_VARIABLES, LeadsBoardQuery } from './boardQuery';
import { boardColumns } from './columns';
import { LeadCard, leadName } from './LeadCard';
import { LeadColumn } from './LeadColumn';
import { LeadsHeader } from './LeadsHeader';
import { LostReasonDialog } from './LostReasonDialog';
import { statusLabel } from './statuses';
import { useMoveLead } from './useMoveLead';
import styles from './LeadsBoardPage.module.css';

/** The sales pipeline as a kanban board: drag a card (or use its "Move to…" menu) to change the lead's stage. */
export default function LeadsBoardPage() {
  const { data, loading, error, refetch } = useQuery(LeadsBoardQuery, { variables: BOARD_QUERY_VARIABLES });
  const move = useMoveLead();
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<string | null>(null);
  const [losing, setLosing] = useState<LeadCard_LeadFragment | null>(null);
  const columns = useMemo(() => (data ? boardColumns(data) : []), [data]);

  const findLead = (id: string) => columns.flatMap((c) => c.cards).find((c) => c.lead.id === id)?.lead;

  const moveLead = async (lead: LeadCard_LeadFragment, to: LeadStatus, lostReason?: string) => {
    if (lead.status === to) return [];
    if (to === 'LOST' && lostReason === undefined) {
      setLosing(lead);
      return [];
    }
    setNotice(null);
    setPending((p) => new Set(p).add(lead.id));
    let errors: readonly UserErrorLike[] = [];
    try {
      errors = await move(lead, to, lostReason);
      const shown = errors.filter((e) => e.field?.join('.') !== 'lostReason');
      if (shown.length) {
        setNotice(`${leadName(lead)} was not moved to ${statusLabel(to)}: ${shown.map((e) => e.message).join(' ')}`);
      }
    } catch {
      setNotice(`${leadName(lead)} was not moved: the server could not be reached. Try again.`);
    } finally {
      setPending((p) => {
        const next = new Set(p);
        next.delete(lead.id);
        return next;
      });
    }
    return errors;
  };

  const header = <LeadsHeader view="board" subtitle="Drag a card to another stage, or use its “Move to…” menu." />;
  let fallback = null;
  if (loading && !data) fallback = <Spinner label="Loading the pipeline…" />;
  else if (error && !data) {
    fallback = <ErrorState title="The pipeline could not be loaded" error={error} onRetry={() => void refetch()} />;
  } else if (columns.every((c) => c.totalCount === 0)) {
    fallback = (
      <EmptyState icon="leads" title="No leads yet" description="New leads appear here as soon as they come in." />
    );
  }
  if (fallback) {
    return (
      <>
        {header}
        {fallback}
      </>
    );
  }

  return (
    <>
      {header}
      {notice && (
        <Notice className={styles.notice} onDismiss={() => setNotice(null)}>
          {notice}
        </Notice>
      )}
      <div className={styles.board}>
        {columns.map((column) => (
          <LeadColumn
            key={column.status}
            column={column}
            onDropLead={(id) => {
              const lead = findLead(id);
              if (lead) void moveLead(lead, column.status);
            }}
          >
            {column.cards.map(({ ref, lead }) => (
              <LeadCard
                key={lead.id}
                lead={ref}
                pending={pending.has(lead.id)}
                onMove={(to) => void moveLead(lead, to)}
              />
            ))}
          </LeadColumn>
        ))}
      </div>
      {losing && (
        <LostReasonDialog
          leadName={leadName(losing)}
          onCancel={() => setLosing(null)}
          onSubmit={(reason) => moveLead(losing, 'LOST', reason)}
        />
      )}
    </>
  );
}
