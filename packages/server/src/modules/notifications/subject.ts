import type { Loaders } from '../loaders';
import type { AppointmentEntity } from '../appointments/appointment.entity';
import type { ClaimEntity } from '../claims/claim.entity';
import type { CustomerEntity } from '../customers/customer.entity';
import type { InteractionEntity } from '../interactions/interaction.entity';
import type { LeadEntity } from '../leads/lead.entity';
import type { ProjectEntity } from '../projects/project.entity';

export type Subject = CustomerEntity | LeadEntity | ProjectEntity | AppointmentEntity | InteractionEntity | ClaimEntity;

/**
 * The record a notification or alert is about, through the request's loaders so the viewer's row-level rules apply:
 * null when it is gone or the viewer may not see it.
 */
export async function loadSubject(loaders: Loaders, entityType: string | null, entityId: string | null): Promise<Subject | null> {
  if (!entityType || !entityId) return null;
  switch (entityType) {
    case 'Customer':
      return loaders.customerById.load(entityId);
    case 'Lead':
      return loaders.leadById.load(entityId);
    case 'Project':
      return loaders.projectById.load(entityId);
    case 'Appointment':
      return loaders.appointmentById.load(entityId);
    case 'Interaction':
      return loaders.interactionById.load(entityId);
    case 'InsuranceClaim':
      return loaders.claimById.load(entityId);
    default:
      return null;
  }
}
