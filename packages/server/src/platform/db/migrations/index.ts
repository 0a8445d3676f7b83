import { Foundation1763800000000 } from './1763800000000-Foundation';
import { CoreDomain1763900000000 } from './1763900000000-CoreDomain';

/** Every migration, in order. New migrations are appended here. */
export const migrations = [Foundation1763800000000, CoreDomain1763900000000];
