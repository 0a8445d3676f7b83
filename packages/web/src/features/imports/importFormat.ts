import type { BadgeTone } from '../../ui';
import type { ImportKind, ImportRowOutcome, ImportStatus } from '../../gql/graphql';

export const KIND_LABELS: Record<ImportKind, string> = { CUSTOMER: 'Customers', LEAD: 'Leads', PARTNER: 'Partners' };

export const STATUS_LABELS: Record<ImportStatus, string> = {
  UPLOADED: 'Map columns',
  CHECKING: 'Checking',
  CHECKED: 'Checked',
  RUNNING: 'Importing',
  COMPLETED: 'Imported',
  FAILED: 'Failed',
};

export const STATUS_TONES: Record<ImportStatus, BadgeTone> = {
  UPLOADED: 'neutral',
  CHECKING: 'info',
  CHECKED: 'info',
  RUNNING: 'info',
  COMPLETED: 'success',
  FAILED: 'danger',
};

export const OUTCOME_LABELS: Record<ImportRowOutcome, string> = { CREATE: 'New', UPDATE: 'Update', UNCHANGED: 'No change', REJECT: 'Rejected' };

export const OUTCOME_TONES: Record<ImportRowOutcome, BadgeTone> = { CREATE: 'success', UPDATE: 'info', UNCHANGED: 'neutral', REJECT: 'danger' };

/** Where an imported record's page is. */
export const recordPath = (kind: ImportKind, id: string) => `/${kind === 'CUSTOMER' ? 'customers' : kind === 'LEAD' ? 'leads' : 'partners'}/${id}`;

export const bytesLabel = (n: number) => (n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(0)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

/** Whether a dry run or a run is going on (the page polls then). */
export const isBusy = (status: ImportStatus) => status === 'CHECKING' || status === 'RUNNING';
