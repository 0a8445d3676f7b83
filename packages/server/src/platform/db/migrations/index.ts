import { Foundation1763800000000 } from './1763800000000-Foundation';
import { CoreDomain1763900000000 } from './1763900000000-CoreDomain';
import { Workflows1764000000000 } from './1764000000000-Workflows';

/** Every migration, in order. New migrations are appended here. */
export const migrations = [Foundation1763800000000, CoreDomain1763900000000, Workflows1764000000000];
