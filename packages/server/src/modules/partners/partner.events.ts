import type { WriteEffects } from '../realtime/event-definition';
import type { PartnerEntity } from './partner.entity';

/** Partners are not live yet and move no cached view; their writes are audited like every record's. */
export const partnerWrites: WriteEffects<PartnerEntity> = {};
