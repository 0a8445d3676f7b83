import { AppointmentEntity } from '../../modules/appointments/appointment.entity';
import { AuditEntryEntity } from '../../modules/audit/audit-entry.entity';
import { RefreshTokenEntity } from '../../modules/auth/refresh-token.entity';
import { SessionEntity } from '../../modules/auth/session.entity';
import { CustomerEntity } from '../../modules/customers/customer.entity';
import { InteractionEntity } from '../../modules/interactions/interaction.entity';
import { LeadEntity } from '../../modules/leads/lead.entity';
import { ProjectMemberEntity } from '../../modules/projects/project-member.entity';
import { ProjectEntity } from '../../modules/projects/project.entity';
import { TeamEntity } from '../../modules/teams/team.entity';
import { UserEntity } from '../../modules/users/user.entity';

export const entities = [
  TeamEntity,
  UserEntity,
  SessionEntity,
  RefreshTokenEntity,
  CustomerEntity,
  LeadEntity,
  ProjectEntity,
  ProjectMemberEntity,
  AppointmentEntity,
  InteractionEntity,
  AuditEntryEntity,
];
