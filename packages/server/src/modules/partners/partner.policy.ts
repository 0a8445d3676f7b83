import { canWriteTeamRecord, NONE, roleScope, type Scope } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';
import type { PartnerEntity } from './partner.entity';

/**
 * Partners a viewer may see: admins all; managers and sales their teams' partners (as customers); field techs none
 * (the relationship is the office's).
 */
export const partnerScope = (viewer: Viewer, alias: string): Scope => roleScope(viewer, alias, { sales: 'team', fieldTech: () => NONE });

/** Changing a partner or its contacts needs sales rights on its team (admins: any). */
export const canWritePartner = (viewer: Viewer, partner: PartnerEntity): boolean => canWriteTeamRecord(viewer, partner);
