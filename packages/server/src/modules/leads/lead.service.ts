import type { DataSource } from 'typeorm';
import type { Connection } from '../../platform/db/pagination';
import type { AuditService } from '../audit/audit.service';
import type { LeadEntity } from './lead.entity';

export type LeadConnection = Connection<LeadEntity>;

export class LeadService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}
}
