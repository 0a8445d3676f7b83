import type { Role } from '../../gql/graphql';
import { isOffice } from '../../app/nav';

/** What a notification or alert is about, as the API exposes it (`subject { __typename id }`). */
export interface SubjectRef {
  __typename: string;
  id: string;
}

/**
 * The page of the record a notification or alert is about, or null when the app has no page for it (or the viewer's
 * role may not open it: field techs have no lead or customer pages). A review (`REVIEW_FOLLOW_UP`,
 * `UNHAPPY_CUSTOMER`: the customer's answer on the rating page) opens for every role.
 */
export function subjectPath(subject: SubjectRef | null | undefined, role: Role): string | null {
  if (!subject) return null;
  const office = isOffice(role);
  switch (subject.__typename) {
    case 'Lead':
      return office ? `/leads/${subject.id}` : null;
    case 'Customer':
      return office ? `/customers/${subject.id}` : null;
    case 'Project':
      return `/projects/${subject.id}`;
    case 'Appointment':
      return `/appointments?id=${subject.id}`;
    case 'Interaction':
      return `/interactions?id=${subject.id}`;
    case 'Review':
      return `/reviews/${subject.id}`;
    default:
      return null;
  }
}

/** "Open lead", "Open project"… for the link's accessible name. */
export function subjectLabel(subject: SubjectRef | null | undefined): string | null {
  return subject ? `Open ${subject.__typename.toLowerCase()}` : null;
}
