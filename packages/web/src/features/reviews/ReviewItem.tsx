import { Link } from 'react-router';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { dateLabel, enumLabel } from '../../lib/format';
import { Badge } from '../../ui';
import { excerpt, platformLabel, STATUS_TONE } from './reviewFormat';
import { Stars } from './Stars';
import styles from './ReviewItem.module.css';

/** A review as the customer and project pages list it. */
export const ReviewItemFragment = graphql(`
  fragment ReviewItem_review on Review {
    id
    platform
    rating
    authorName
    text
    status
    postedAt
    project {
      id
      name
    }
  }
`);

export interface ReviewItemProps {
  review: FragmentType<typeof ReviewItemFragment>;
  /** Name the project it is about (on the customer page; not on the project's own). */
  showProject?: boolean;
}

/** One review in a card's list: stars, platform, author (a link to the review), the start of the text and status. */
export function ReviewItem({ review: ref, showProject = false }: ReviewItemProps) {
  const r = getFragmentData(ReviewItemFragment, ref);
  const text = excerpt(r.text, 160);
  return (
    <li className={styles.item}>
      <div className={styles.itemMain}>
        <span className={styles.head}>
          <Stars rating={r.rating} />
          <Link to={`/reviews/${r.id}`} className={styles.itemTitle}>
            <span className="visually-hidden">Review by </span>
            {r.authorName}
          </Link>
        </span>
        {text && <span className={styles.text}>{text}</span>}
        <span className={styles.meta}>
          {platformLabel(r.platform)} · <time dateTime={r.postedAt}>{dateLabel(r.postedAt)}</time>
          {showProject && r.project && (
            <>
              {' · '}
              <Link to={`/projects/${r.project.id}`}>{r.project.name}</Link>
            </>
          )}
        </span>
      </div>
      <Badge tone={STATUS_TONE[r.status]}>{enumLabel(r.status)}</Badge>
    </li>
  );
}
