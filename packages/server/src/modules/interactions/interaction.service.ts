import type { DataSource } from 'typeorm';
import type { Connection } from '../../platform/db/pagination';
import type { AuditService } from '../audit/audit.service';
import type { InteractionEntity } from './interaction.entity';

export type InteractionConnection = Connection<InteractionEntity>;

export class InteractionService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}
}
