import { canWriteTeamRecord, NONE, roleScope, teamRows, type Scope } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';
import type { PartnerEntity } from './partner.entity';

/**
 * Partners a viewer may see: admins all; managers and sales their teams' partners (as customers); field techs none
 * (the relationship is the office's).
 */
export const partnerScope = (viewer: Viewer, alias: string): Scope => roleScope(viewer, alias, { sales: 'team', fieldTech: () => NONE });

/** Changing a partner or its contacts needs sales rights on its team (admins: any). */
export const canWritePartner = (viewer: Viewer, partner: PartnerEntity): boolean => canWriteTeamRecord(viewer, partner);

/**
 * Referral fees a viewer may see (and approve, mark paid or void): admins all; managers their teams' fees; sales and field
 * techs none (fee amounts are the office's; sales follow referrals through `Partner.referrals`).
 */
export function referralFeeScope(viewer: Viewer, alias: string): Scope {
  if (viewer.role === 'ADMIN') return null;
  if (viewer.role === 'MANAGER') return teamRows(viewer, alias);
  return NONE;
}

/** Whether the viewer sees fee amounts at all (fee records, fee sums in partner performance). */
export const seesReferralFees = (viewer: Viewer): boolean => viewer.role === 'ADMIN' || viewer.role === 'MANAGER';
