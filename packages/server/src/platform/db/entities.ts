import { AnalyticsSnapshotEntity } from '../../modules/analytics/analytics-snapshot.entity';
import { AppointmentEntity } from '../../modules/appointments/appointment.entity';
import { TerritoryEntity } from '../../modules/assignment/territory.entity';
import { AuditEntryEntity } from '../../modules/audit/audit-entry.entity';
import { RefreshTokenEntity } from '../../modules/auth/refresh-token.entity';
import { SessionEntity } from '../../modules/auth/session.entity';
import { CustomerEntity } from '../../modules/customers/customer.entity';
import { InteractionEntity } from '../../modules/interactions/interaction.entity';
import { LeadEntity } from '../../modules/leads/lead.entity';
import { AlertEntity } from '../../modules/notifications/alert.entity';
import { NotificationEntity } from '../../modules/notifications/notification.entity';
import { ProjectMemberEntity } from '../../modules/projects/project-member.entity';
import { ProjectEntity } from '../../modules/projects/project.entity';
import { SettingEntity } from '../../modules/settings/setting.entity';
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
  SettingEntity,
  TerritoryEntity,
  NotificationEntity,
  AlertEntity,
  AnalyticsSnapshotEntity,
];
