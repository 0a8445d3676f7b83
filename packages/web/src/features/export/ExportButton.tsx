import { useState } from 'react';
import { useOptionalApi } from '../../app/auth';
import { Button, Notice } from '../../ui';
import { downloadCsv, ExportFailed, type ExportRequest } from './exportCsv';
import styles from './ExportButton.module.css';

/**
 * "Export CSV" on a list page: the list as it is filtered and ordered now, every row (admins; others up to 10,000),
 * downloaded as a UTF-8 CSV file Excel opens directly. Refusals (too many rows, …) are shown next to the button.
 */
export function ExportButton(props: ExportRequest) {
  const api = useOptionalApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    if (!api) return;
    setBusy(true);
    setError(null);
    try {
      await downloadCsv(props, api.tokens);
    } catch (e) {
      setError(e instanceof ExportFailed ? e.message : 'The export failed.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className={styles.wrap}>
      <Button onClick={() => void run()} loading={busy} disabled={!api}>
        {busy ? 'Exporting…' : 'Export CSV'}
      </Button>
      {error && (
        <Notice className={styles.error} onDismiss={() => setError(null)}>
          {error}
        </Notice>
      )}
    </span>
  );
}
