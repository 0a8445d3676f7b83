import { QueryFailedError } from 'typeorm';

/** Whether `err` is PostgreSQL refusing a write because of `constraint` (unique or exclusion). */
export function violates(err: unknown, constraint: string): boolean {
  return err instanceof QueryFailedError && (err.driverError as { constraint?: string } | undefined)?.constraint === constraint;
}
