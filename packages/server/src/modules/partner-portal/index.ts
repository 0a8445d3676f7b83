import type { Feature } from '../feature';
import { createPartnerPortalLoaders } from './partner-portal.loaders';
import { partnerPortalResolvers } from './partner-portal.resolvers';

/**
 * The partner portal: what a partner's API key may do (`myPartner`, `myReferrals`, `submitReferral`), with types
 * written for partners. Its root fields are the API-key schema (platform/graphql/auth-directive.ts, `apiKeySchema`).
 */
export const partnerPortal: Feature = {
  name: 'partner-portal',
  resolvers: partnerPortalResolvers,
  loaders: createPartnerPortalLoaders,
};

declare module '../loaders' {
  interface Loaders extends ReturnType<typeof createPartnerPortalLoaders> {}
}
