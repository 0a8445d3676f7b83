import type { DataSource } from 'typeorm';
import type { ClaimAdjusterInput, ClaimMoneyInput } from '../../generated/graphql';
import { applyScope } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';
import { fetchOne } from '../../platform/db/hydrate';
import type { Validator } from '../../platform/validation';
import { PartnerContactEntity } from '../partners/partner-contact.entity';
import { PartnerEntity } from '../partners/partner.entity';
import { partnerScope } from '../partners/partner.policy';
import { UserEntity } from '../users/user.entity';
import type { ClaimEntity } from './claim.entity';
import { toCents } from '../projects/money';

/** `ClaimAdjusterInput` with keys for the IDs (NO_MATCH_ID when an ID named nothing). */
export type AdjusterValues = ClaimAdjusterInput;
export type AdjusterColumns = Pick<ClaimEntity, 'adjusterPartnerId' | 'adjusterContactId' | 'adjusterName' | 'adjusterPhone'>;

const NO_ADJUSTER: AdjusterColumns = { adjusterPartnerId: null, adjusterContactId: null, adjusterName: null, adjusterPhone: null };

/**
 * The adjuster columns for an adjuster as given (null: none): an `INSURANCE_ADJUSTER` partner the viewer may see (and
 * one of its people), or a name and phone — not both.
 */
export async function adjusterColumns(ds: DataSource, v: Validator, viewer: Viewer, input: AdjusterValues | null): Promise<AdjusterColumns> {
  if (!input) return NO_ADJUSTER;
  if (input.partnerId) {
    if (input.name || input.phone) v.add('adjuster.name', 'INVALID', 'Give an adjuster partner or a name and phone, not both.');
    const partner = await fetchOne(applyScope(ds.getRepository(PartnerEntity).createQueryBuilder('p'), partnerScope(viewer, 'p')).andWhere('p.id = :id', { id: input.partnerId }));
    if (!partner) v.add('adjuster.partnerId', 'NOT_FOUND', 'No such partner.');
    else if (partner.kind !== 'INSURANCE_ADJUSTER') v.add('adjuster.partnerId', 'INVALID', 'The partner is not an insurance adjuster.');
    let contactId: string | null = null;
    if (input.contactId) {
      const contact = await ds.getRepository(PartnerContactEntity).findOneBy({ id: input.contactId, partnerId: input.partnerId });
      if (!contact) v.add('adjuster.contactId', 'NOT_FOUND', 'No such person at that partner.');
      contactId = contact?.id ?? null;
    }
    return { ...NO_ADJUSTER, adjusterPartnerId: partner?.id ?? null, adjusterContactId: contactId };
  }
  if (input.contactId) v.add('adjuster.contactId', 'INVALID', "A person is given with their partner's ID.");
  const name = v.text('adjuster.name', input.name, { max: 200, min: 2, required: true });
  return { ...NO_ADJUSTER, adjusterName: name, adjusterPhone: v.phone('adjuster.phone', input.phone) };
}

type MoneyColumns = Pick<ClaimEntity, 'rcv' | 'recoverableDepreciation' | 'nonRecoverableDepreciation' | 'overheadAndProfit' | 'deductible' | 'approvedTotal'>;

/** Columns that are never null: a cleared one is 0. */
const ZERO_WHEN_CLEARED = new Set<keyof MoneyColumns>(['recoverableDepreciation', 'nonRecoverableDepreciation', 'deductible']);

/**
 * The money columns `input` changes on top of `current` (omitted: unchanged; null: cleared), each not negative; both
 * depreciations together within the approved RCV (the approved total, else the RCV), overhead and profit within the RCV.
 */
export function moneyColumns(v: Validator, input: ClaimMoneyInput | null | undefined, current: MoneyColumns, prefix = 'money.'): Partial<MoneyColumns> {
  const patch: Partial<MoneyColumns> = {};
  for (const key of Object.keys(input ?? {}) as Array<keyof MoneyColumns>) {
    const value = input![key];
    if (value === undefined) continue;
    const checked = v.money(`${prefix}${key}`, value);
    (patch as Record<string, string | null>)[key] = checked ?? (ZERO_WHEN_CLEARED.has(key) ? '0' : null);
  }
  const next = { ...current, ...patch };
  const basis = next.approvedTotal ?? next.rcv;
  const depreciation = toCents(next.recoverableDepreciation) + toCents(next.nonRecoverableDepreciation);
  if (basis !== null && depreciation > toCents(basis)) {
    const at = 'approvedTotal' in patch ? 'approvedTotal' : 'recoverableDepreciation';
    v.add(`${prefix}${at}`, 'OUT_OF_RANGE', 'The depreciation (recoverable and not) cannot exceed the approved replacement cost.');
  }
  if (next.overheadAndProfit !== null && next.rcv !== null && toCents(next.overheadAndProfit) > toCents(next.rcv)) {
    v.add(`${prefix}overheadAndProfit`, 'OUT_OF_RANGE', 'Overhead and profit is part of the RCV: it cannot exceed it.');
  }
  return patch;
}

/** The claim's owner: an active staff member of its team, or an admin. Null clears it. */
export async function ownerColumn(ds: DataSource, v: Validator, ownerId: string | null, teamId: string | null): Promise<string | null> {
  if (!ownerId) return null;
  const user = await ds.getRepository(UserEntity).findOneBy({ id: ownerId });
  if (!user || !user.active) v.add('ownerId', 'NOT_FOUND', 'No such active staff member.');
  else if (user.role !== 'ADMIN' && user.teamId !== teamId) v.add('ownerId', 'INVALID', "The owner must be on the claim's team.");
  return ownerId;
}

/** `date` + `days` (`YYYY-MM-DD`). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Default days from the date of loss to the recoverable depreciation deadline. */
export const DEPRECIATION_DAYS = 180;
