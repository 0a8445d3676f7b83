import { useQuery } from '@apollo/client/react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { LeadCard_LeadFragment, LeadStatus } from '../../gql/graphql';
import type { UserErrorLike } from '../../lib/formErrors';
import { EmptyState, ErrorState, Notice, Spinner } from '../../ui';
import { BOARD_QUERY_VARIABLES, LeadsBoardQuery } from './boardQuery';
import { boardColumns } from './columns';
import { LeadCard, leadName } from './LeadCard';
import { LeadColumn } from './LeadColumn';
import { LeadsHeader } from './LeadsHeader';
import { LostReasonDialog } from './LostReasonDialog';
import { isClosed, refusedMoveText, statusLabel } from './statuses';
import { BOARD_KEYS_HINT, CARD_LINK_SELECTOR, useBoardKeyboard } from './useBoardKeyboard';
import { useCollapsedStages } from './useCollapsedStages';
import { useMoveLead } from './useMoveLead';
import styles from './LeadsBoardPage.module.css';

/**
 * The sales pipeline as a kanban board: drag a card (or use its Move menu) to change the lead's stage. Compact cards
 * and foldable WON/LOST stages keep all six stages in view at 1280 px; the keyboard moves between cards.
 */
export default function LeadsBoardPage() {
  const { data, loading, error, refetch } = useQuery(LeadsBoardQuery, { variables: BOARD_QUERY_VARIABLES });
  const move = useMoveLead();
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<string | null>(null);
  const [losing, setLosing] = useState<LeadCard_LeadFragment | null>(null);
  // The lead whose Move menu is open: held here, so a card drawn anew by a live update keeps it open.
  const [menuFor, setMenuFor] = useState<string | null>(null);
  const columns = useMemo(() => (data ? boardColumns(data) : []), [data]);
  const keyboard = useBoardKeyboard(columns);
  const stages = useCollapsedStages();
  const keysHintId = useId();
  const board = useRef<HTMLDivElement>(null);
  // The lead last moved from the keyboard or menu: when its card changes column (it is drawn anew) or a dialog closes,
  // focus that went with it to the page comes back to the card, or to its stage's strip when that is collapsed.
  const follow = useRef<string | null>(null);
  useEffect(() => {
    const id = follow.current;
    if (!id || !board.current || (document.activeElement && document.activeElement !== document.body)) return;
    const status = columns.find((c) => c.cards.some((card) => card.lead.id === id))?.status;
    const card = board.current.querySelector<HTMLElement>(`[data-lead-id="${id}"] ${CARD_LINK_SELECTOR}`);
    (card ?? board.current.querySelector<HTMLElement>(`[data-status="${status}"] button`))?.focus();
  }, [columns, losing]);

  const findLead = (id: string) => columns.flatMap((c) => c.cards).find((c) => c.lead.id === id)?.lead;

  const moveLead = async (lead: LeadCard_LeadFragment, to: LeadStatus, lostReason?: string) => {
    if (lead.status === to) return [];
    const focused = board.current?.querySelector(`[data-lead-id="${lead.id}"]`)?.contains(document.activeElement);
    if (focused) follow.current = lead.id;
    else if (follow.current !== lead.id) follow.current = null;
    if (!lead.allowedStatuses.includes(to)) {
      setNotice(`${leadName(lead)} was not moved. ${refusedMoveText(lead.status, to, lead.allowedStatuses)}`);
      return [];
    }
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

  const header = <LeadsHeader view="board" subtitle="Drag a card to another stage, or use its Move menu (M on a card)." />;
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
      <p id={keysHintId} className="visually-hidden">
        {BOARD_KEYS_HINT}
      </p>
      <div ref={board} className={styles.board} onFocus={keyboard.onFocus} onKeyDown={keyboard.onKeyDown}>
        {columns.map((column) => (
          <LeadColumn
            key={column.status}
            column={column}
            collapse={
              isClosed(column.status)
                ? { collapsed: stages.isCollapsed(column.status), onToggle: () => stages.toggle(column.status) }
                : undefined
            }
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
                tabStop={keyboard.isTabStop(column.status, lead.id)}
                keysHintId={keysHintId}
                menuOpen={menuFor === lead.id}
                onMenuOpenChange={(open) => setMenuFor((current) => (open ? lead.id : current === lead.id ? null : current))}
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
