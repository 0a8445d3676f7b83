import type { DataSource } from 'typeorm';
import type { AuditService } from '../audit/audit.service';

/** Picks the sales member a new unassigned lead goes to, by the team's strategy. */
export class AssignmentService {
  constructor(
    protected readonly ds: DataSource,
    protected readonly audit: AuditService,
  ) {}
}
