import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button, cx, PageHeader } from '../../ui';
import { ExportButton } from '../export/ExportButton';
import type { ExportRequest } from '../export/exportCsv';
import { CreateLeadDialog } from './CreateLeadDialog';
import styles from './LeadsHeader.module.css';

export type LeadsView = 'board' | 'table';

/**
 * The header of both lead views: the Board/Table switch, "Export CSV" (the table: its filter and order) and "New lead". The create dialog is open while the URL
 * has `?new` or `?customerId=` (a customer page can link to `/leads?customerId=…` to start a lead for that
 * customer), so it survives a reload and Back closes it.
 */
export function LeadsHeader({ view, subtitle, exportAs }: { view: LeadsView; subtitle?: ReactNode; exportAs?: ExportRequest }) {
  const [params, setParams] = useSearchParams();
  const customerId = params.get('customerId');
  const open = params.has('new') || Boolean(customerId);

  const setOpen = (next: boolean) =>
    setParams(
      (p) => {
        const copy = new URLSearchParams(p);
        if (next) copy.set('new', '');
        else {
          copy.delete('new');
          copy.delete('customerId');
        }
        return copy;
      },
      { replace: !next },
    );

  const tab = (to: string, label: string, current: boolean) => (
    <Link to={to} className={cx(styles.viewTab, current && styles.viewTabCurrent)} aria-current={current ? 'page' : undefined}>
      {label}
    </Link>
  );

  return (
    <>
      <PageHeader
        title="Leads"
        subtitle={subtitle}
        actions={
          <>
            <nav className={styles.viewSwitch} aria-label="Leads view">
              {tab('/leads', 'Board', view === 'board')}
              {tab('/leads/list', 'Table', view === 'table')}
            </nav>
            {exportAs && <ExportButton {...exportAs} />}
            <Button variant="primary" onClick={() => setOpen(true)}>
              New lead
            </Button>
          </>
        }
      />
      {open && <CreateLeadDialog customerId={customerId} onClose={() => setOpen(false)} />}
    </>
  );
}
