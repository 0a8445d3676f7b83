import type { CreatePartnerInput } from '../../generated/graphql';
import type { Validator } from '../../platform/validation';
import type { UserEntity } from '../users/user.entity';
import type { PartnerEntity } from './partner.entity';

type DetailsInput = Pick<CreatePartnerInput, 'name' | 'kind' | 'status' | 'notes'>;

/**
 * The columns of a new partner from its details (createPartner and imports): ACTIVE unless given, no referral fee
 * (createPartner sets the terms given). Only present fields are validated; the name and the kind are required.
 */
export function newPartnerValues(v: Validator, input: Partial<DetailsInput>): Partial<PartnerEntity> {
  const values: Partial<PartnerEntity> = {
    name: v.text('name', input.name ?? null, { max: 200, min: 2, required: true }) ?? '',
    status: input.status ?? 'ACTIVE',
    notes: v.text('notes', input.notes, { max: 5000 }),
    feeKind: 'NONE',
    feePercent: null,
    feeFlat: null,
    feeCap: null,
  };
  if (input.kind) values.kind = input.kind;
  else v.add('kind', 'REQUIRED', 'Kind is required.');
  return values;
}

/**
 * Who may own a partner of `teamId`: an active staff member on that team (admins own any). The problem with `user`
 * as `[code, message]`, or null when they may.
 */
export function ownerProblem(user: Pick<UserEntity, 'active' | 'role' | 'teamId'> | null, teamId: string | null): ['NOT_FOUND' | 'INVALID', string] | null {
  if (!user || !user.active) return ['NOT_FOUND', 'No such active staff member.'];
  if (user.role !== 'ADMIN' && user.teamId !== teamId) return ['INVALID', "The owner must be on the partner's team."];
  return null;
}
