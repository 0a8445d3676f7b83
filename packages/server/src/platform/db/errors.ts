import { QueryFailedError } from 'typeorm';

/** Whether `err` is PostgreSQL refusing a write because of `constraint` (unique or exclusion). */
export function violates(err: unknown, constraint: string): boolean {
  return err instanceof QueryFailedError && (err.driverError as { constraint?: string } | undefined)?.constraint === constraint;
}

/**
 * Whether `err` is PostgreSQL's class 22, data exception: a value its column's type cannot take (invalid text, out of
 * range), whether TypeORM wrapped the driver's error or not.
 */
export function isDataException(err: unknown): boolean {
  const code = (err as { driverError?: { code?: unknown }; code?: unknown }).driverError?.code ?? (err as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('22');
}
