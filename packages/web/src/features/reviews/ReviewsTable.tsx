import { Link } from 'react-router';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import type { ReviewOrderField } from '../../gql/graphql';
import { dateLabel, enumLabel } from '../../lib/format';
import { Badge, cx, SortHeader, tableStyles } from '../../ui';
import type { ReviewListState } from './listParams';
import { excerpt, platformLabel, STATUS_TONE } from './reviewFormat';
import { Stars } from './Stars';
import styles from './ReviewsTable.module.css';

export const ReviewRowFragment = graphql(`
  fragment ReviewRow_review on Review {
    id
    ...ReviewItem_review @unmask
    customer {
      id
      name
    }
    updatedAt
    deletedAt
  }
`);

export interface ReviewsTableProps {
  rows: ReadonlyArray<FragmentType<typeof ReviewRowFragment>>;
  order: ReviewListState['order'];
  onSort: (field: ReviewOrderField) => void;
  /** Office roles open customers; field techs see their names only. */
  linkCustomers: boolean;
  /** True while a changed search, filter or order loads: the old rows stay, dimmed. */
  busy: boolean;
  /** The list's query string, handed to the detail page for its way back. */
  listSearch: string;
}

/** Reviews with their stars, platform, author, the start of the text, customer and project, status and date. */
export function ReviewsTable({ rows, order, onSort, linkCustomers, busy, listSearch }: ReviewsTableProps) {
  const sort = { order, onSort };
  return (
    <div className={styles.tableScroll}>
      <table className={cx(tableStyles.table, styles.table)} aria-busy={busy || undefined}>
        <caption className="visually-hidden">Reviews</caption>
        <thead>
          <tr>
            <SortHeader field="RATING" label="Rating" {...sort} />
            <th scope="col">Review</th>
            <th scope="col">Platform</th>
            <th scope="col">Customer and project</th>
            <th scope="col">Status</th>
            <SortHeader field="POSTED_AT" label="Posted" {...sort} className={styles.hideOnPhone} />
          </tr>
        </thead>
        <tbody>
          {rows.map((ref) => {
            const r = getFragmentData(ReviewRowFragment, ref);
            const text = excerpt(r.text);
            return (
              <tr key={r.id} className={styles.row}>
                <td className={cx(tableStyles.nowrap, styles.ratingCell)}>
                  <Stars rating={r.rating} />
                </td>
                <td className={styles.reviewCell}>
                  <div className={styles.stack}>
                    <Link to={`/reviews/${r.id}`} state={{ listSearch }} className={styles.rowLink}>
                      <span className="visually-hidden">Review by </span>
                      {r.authorName}
                    </Link>
                    {text ? <span className={styles.excerpt}>{text}</span> : <span className={styles.muted}>No text</span>}
                    {r.deletedAt && (
                      <span className={styles.sub}>
                        <Badge tone="danger">Deleted</Badge>
                      </span>
                    )}
                  </div>
                </td>
                <td className={tableStyles.nowrap}>{platformLabel(r.platform)}</td>
                <td className={styles.linksCell}>
                  <div className={styles.stack}>
                    {r.customer ? (
                      linkCustomers ? (
                        <Link to={`/customers/${r.customer.id}`} className={styles.cellLink}>
                          {r.customer.name}
                        </Link>
                      ) : (
                        <span>{r.customer.name}</span>
                      )
                    ) : (
                      <span className={styles.muted}>No customer</span>
                    )}
                    {r.project && (
                      <Link to={`/projects/${r.project.id}`} className={cx(styles.cellLink, styles.sub)}>
                        {r.project.name}
                      </Link>
                    )}
                  </div>
                </td>
                <td className={tableStyles.nowrap}>
                  <Badge tone={STATUS_TONE[r.status]}>{enumLabel(r.status)}</Badge>
                </td>
                <td className={cx(tableStyles.nowrap, styles.hideOnPhone)}>
                  <time dateTime={r.postedAt}>{dateLabel(r.postedAt)}</time>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
