import { useState } from 'react';
import type { LeadStatus } from '../../gql/graphql';
import type { UserErrorLike } from '../../lib/formErrors';
import { Badge, Button } from '../../ui';
import { LostReasonDialog } from './LostReasonDialog';
import { BOARD_STATUSES, moveLabel, statusLabel, statusTone } from './statuses';
import { useMoveLead, type MovableLead } from './useMoveLead';
import styles from './leadDetail.module.css';

export interface LeadStatusControlProps {
  lead: MovableLead & { lostReason?: string | null };
  name: string;
  readOnly?: boolean;
}

/** The lead's stage and the moves the server allows the viewer now (`allowedStatuses`; the same mutation as the board). */
export function LeadStatusControl({ lead, name, readOnly = false }: LeadStatusControlProps) {
  const move = useMoveLead();
  const [pending, setPending] = useState<LeadStatus | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [losing, setLosing] = useState(false);
  const targets = lead.allowedStatuses;

  const moveTo = async (to: LeadStatus, lostReason?: string): Promise<readonly UserErrorLike[]> => {
    setNotice(null);
    setPending(to);
    try {
      const errors = await move(lead, to, lostReason);
      const shown = errors.filter((e) => e.field?.join('.') !== 'lostReason');
      if (shown.length) setNotice(`Not moved to ${statusLabel(to)}: ${shown.map((e) => e.message).join(' ')}`);
      return errors;
    } catch {
      setNotice('The server could not be reached. Try again.');
      return [];
    } finally {
      setPending(null);
    }
  };

  return (
    <div className={styles.statusBox}>
      <p className={styles.statusNow}>
        <Badge tone={statusTone(lead.status)}>{statusLabel(lead.status)}</Badge>
        {lead.status === 'WON' && <span className={styles.muted}>Final stage.</span>}
      </p>
      {lead.status === 'LOST' && lead.lostReason && (
        <p className={styles.lostReason}>
          <strong>Why lost:</strong> {lead.lostReason}
        </p>
      )}
      {!readOnly && targets.length > 0 && (
        <div className={styles.moves} role="group" aria-label="Move the lead">
          {targets.map((to) => (
            <Button
              key={to}
              size="sm"
              variant={to === 'LOST' ? 'ghost' : to === 'WON' || BOARD_STATUSES.indexOf(to) > BOARD_STATUSES.indexOf(lead.status) ? 'primary' : 'secondary'}
              className={to === 'LOST' ? styles.lostButton : undefined}
              loading={pending === to}
              disabled={pending !== null}
              onClick={() => (to === 'LOST' ? setLosing(true) : void moveTo(to))}
            >
              {moveLabel(lead.status, to)}
            </Button>
          ))}
        </div>
      )}
      {notice && (
        <p className={styles.errorText} role="alert">
          {notice}
        </p>
      )}
      {losing && (
        <LostReasonDialog leadName={name} onCancel={() => setLosing(false)} onSubmit={(reason) => moveTo('LOST', reason)} />
      )}
    </div>
  );
}
