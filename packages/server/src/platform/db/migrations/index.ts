import { Foundation1763800000000 } from './1763800000000-Foundation';

/** Every migration, in order. New migrations are appended here. */
export const migrations = [Foundation1763800000000];
