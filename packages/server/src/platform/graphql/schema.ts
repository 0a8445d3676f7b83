import fs from 'node:fs';
import path from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import type { Resolvers } from '../../generated/graphql';
import { auditResolvers } from '../../modules/audit/audit.resolvers';
import { authResolvers } from '../../modules/auth/auth.resolvers';
import { dashboardResolvers } from '../../modules/analytics/dashboard.resolvers';
import { assignmentResolvers } from '../../modules/assignment/assignment.resolvers';
import { jobResolvers } from '../../modules/jobs/job.resolvers';
import { notificationResolvers } from '../../modules/notifications/notification.resolvers';
import { realtimeResolvers } from '../../modules/realtime/realtime.resolvers';
import { scoringResolvers } from '../../modules/scoring/scoring.resolvers';
import { appointmentResolvers } from '../../modules/appointments/appointment.resolvers';
import { customerResolvers } from '../../modules/customers/customer.resolvers';
import { interactionResolvers } from '../../modules/interactions/interaction.resolvers';
import { leadResolvers } from '../../modules/leads/lead.resolvers';
import { projectResolvers } from '../../modules/projects/project.resolvers';
import { teamResolvers } from '../../modules/teams/team.resolvers';
import { userResolvers } from '../../modules/users/user.resolvers';
import { applyAuthRules } from './auth-directive';
import { applyBudgets } from './budget';
import { checkListBounds } from './cost';
import { nodeResolvers } from './node.resolvers';
import { scalarResolvers } from './scalars';

/** `schema/` at the repository root (same relative place from src/ and dist/), unless SCHEMA_DIR says otherwise. */
export const SCHEMA_DIR = process.env.SCHEMA_DIR ?? path.resolve(__dirname, '../../../../../schema');

export function loadTypeDefs(dir = SCHEMA_DIR): string[] {
  const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.graphql')).sort();
  if (!files.length) throw new Error(`no .graphql files under ${dir}`);
  return files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
}

export const resolvers: Resolvers[] = [
  scalarResolvers as Resolvers,
  nodeResolvers,
  authResolvers,
  userResolvers,
  teamResolvers,
  customerResolvers,
  leadResolvers,
  projectResolvers,
  appointmentResolvers,
  interactionResolvers,
  auditResolvers,
  scoringResolvers,
  assignmentResolvers,
  notificationResolvers,
  jobResolvers,
  dashboardResolvers,
  realtimeResolvers,
];

/**
 * The executable schema, with default-deny auth rules and execution budgets applied. Throws if a root field has no
 * auth rule or a list field no `@listSize` bound.
 */
export function buildSchema(typeDefs: string[] = loadTypeDefs()): GraphQLSchema {
  return checkListBounds(applyBudgets(applyAuthRules(makeExecutableSchema({ typeDefs, resolvers, inheritResolversFromInterfaces: true }))));
}
