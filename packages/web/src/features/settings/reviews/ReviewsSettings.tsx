import { ReviewRequestsTable } from './ReviewRequestsTable';
import { ReviewSettingsForm } from './ReviewSettingsForm';
import styles from './ReviewsSettings.module.css';

/** `/settings/reviews` (admins and managers): how review requests are made and sent, and the recent requests. */
export function ReviewsSettings() {
  return (
    <div className={styles.page}>
      <ReviewSettingsForm />
      <ReviewRequestsTable />
    </div>
  );
}
