import type { FragmentType } from '../../gql';
import { Card } from '../../ui';
import { ReviewItem, ReviewItemFragment } from '../reviews/ReviewItem';
import { ProjectReviewRequest, type ProjectReviewRequestProps } from './ProjectReviewRequest';
import shared from './projects.module.css';
import styles from './ProjectReviewsCard.module.css';

export interface ProjectReviewsCardProps extends ProjectReviewRequestProps {
  reviews: ReadonlyArray<{ id: string } & FragmentType<typeof ReviewItemFragment>>;
}

/**
 * The project's review request (or "Ask for a review"), then what customers posted about it (newest first), each
 * linking to the review.
 */
export function ProjectReviewsCard({ reviews, ...request }: ProjectReviewsCardProps) {
  return (
    <Card
      title={
        <>
          Reviews <span className={styles.count}>{reviews.length}</span>
        </>
      }
    >
      <ProjectReviewRequest {...request} />
      {reviews.length === 0 ? (
        <p className={shared.muted}>No reviews of this project yet.</p>
      ) : (
        <ul className={styles.list} aria-label="Reviews of this project">
          {reviews.map((review) => (
            <ReviewItem key={review.id} review={review} />
          ))}
        </ul>
      )}
    </Card>
  );
}
