import type { DataSource } from 'typeorm';
import type { Connection } from '../../platform/db/pagination';
import type { AuditService } from '../audit/audit.service';
import type { ProjectEntity } from './project.entity';

export type ProjectConnection = Connection<ProjectEntity>;

export class ProjectService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}
}
