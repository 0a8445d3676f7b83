import type { DataSource } from 'typeorm';

/** Raises, resolves and lists system alerts. */
export class AlertService {
  constructor(protected readonly ds: DataSource) {}
}
