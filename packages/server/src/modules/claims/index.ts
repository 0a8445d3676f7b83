import type { Feature } from '../feature';
import { claimAttachments, supplementAttachments } from './claim.attachments';
import { CarrierPaymentEntity } from './carrier-payment.entity';
import { claimAdjusterResolvers } from './claim-adjuster.resolvers';
import { ClaimStatusChangeEntity } from './claim-status-change.entity';
import { ClaimEntity } from './claim.entity';
import { claimEvents } from './claim.events';
import { claimJobs } from './claim.jobs';
import { createClaimLoaders } from './claim.loaders';
import { claimResolvers } from './claim.resolvers';
import { claimTable } from './claim.table';
import { SupplementEntity, SupplementLineEntity } from './supplement.entity';

/**
 * Insurance claims (issue 18): claims on leads and projects with their money, stages, supplements and carrier
 * payments for staff; and the adjuster's API (`myClaims`, `adjustClaim`, `adjustSupplement`) for the API keys of
 * `INSURANCE_ADJUSTER` partners. Other features reuse `claimScope`, `claimsVisibleToPartner` and `readableClaimIds`
 * (claim.policy.ts) for what hangs on a claim.
 */
export const claims: Feature = {
  name: 'claims',
  entities: [ClaimEntity, ClaimStatusChangeEntity, SupplementEntity, SupplementLineEntity, CarrierPaymentEntity],
  attachmentOwners: [claimAttachments, supplementAttachments],
  resolvers: [claimResolvers, claimAdjusterResolvers],
  loaders: createClaimLoaders,
  events: claimEvents,
  jobs: claimJobs,
  tables: [claimTable],
  nodeTypes: [
    { typeName: 'InsuranceClaim', entity: ClaimEntity, load: (id, _g, { loaders }) => loaders.claimById.load(id) },
    { typeName: 'Supplement', entity: SupplementEntity, load: (id, _g, { loaders }) => loaders.supplementById.load(id) },
    { typeName: 'CarrierPayment', entity: CarrierPaymentEntity, load: (id, _g, { loaders }) => loaders.carrierPaymentById.load(id) },
  ],
};

declare module '../loaders' {
  interface Loaders extends ReturnType<typeof createClaimLoaders> {}
}
