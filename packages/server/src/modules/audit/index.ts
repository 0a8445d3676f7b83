import type { Feature } from '../feature';
import { AuditEntryEntity } from './audit-entry.entity';
import { auditResolvers } from './audit.resolvers';

export const audit: Feature = {
  name: 'audit',
  entities: [AuditEntryEntity],
  resolvers: auditResolvers,
  nodeTypes: [{ typeName: 'AuditEntry', entity: AuditEntryEntity, load: (id, _globalId, { services, viewer }) => services.audit.get(viewer, id) }],
};
