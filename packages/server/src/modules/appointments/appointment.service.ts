import type { DataSource } from 'typeorm';
import type { Connection } from '../../platform/db/pagination';
import type { AuditService } from '../audit/audit.service';
import type { AppointmentEntity } from './appointment.entity';

export type AppointmentConnection = Connection<AppointmentEntity>;

export class AppointmentService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}
}
