import type { DataSource } from 'typeorm';
import type { AdjusterClaimFilter } from '../../generated/graphql';
import type { ApiCaller } from '../../platform/auth/api-caller';
import { applyScope } from '../../platform/auth/scope';
import { fetchOne } from '../../platform/db/hydrate';
import { paginate, type PageArgs } from '../../platform/db/pagination';
import { userError, Validator } from '../../platform/validation';
import { moneyColumns } from './claim-input';
import { ClaimEntity } from './claim.entity';
import { claimsVisibleToPartner } from './claim.policy';
import type { ClaimConnection, ClaimResult, ClaimService } from './claim.service';
import { SupplementEntity } from './supplement.entity';
import type { SupplementAnswer, SupplementResult, SupplementService } from './supplement.service';

export interface ClaimAdjustment {
  id: string | null;
  inspectionAt?: Date | null;
  approvedTotal?: string | null;
}

const missing = (): ClaimResult => ({ claim: null, errors: [userError('id', 'NOT_FOUND', 'No such claim.')] });

/**
 * What an adjuster partner does through its API key: reads the claims its partner adjusts, sets their inspection and
 * approved total, and answers their supplements — nothing else. Every read and write is under
 * `claimsVisibleToPartner`; anything else behaves as missing. Writes are audited with no staff actor: as the key's (the
 * request's, see AuditService).
 */
export class ClaimAdjusterService {
  constructor(
    private readonly ds: DataSource,
    private readonly claims: ClaimService,
    private readonly supplements: SupplementService,
  ) {}

  /** The caller's claims, newest first, keyset-paginated. */
  myClaims(caller: ApiCaller, args: PageArgs & { filter?: AdjusterClaimFilter | null }): Promise<ClaimConnection> {
    const qb = this.visible(caller);
    if (args.filter?.statuses?.length) qb.andWhere('c.status = ANY(:statuses)', { statuses: args.filter.statuses });
    return paginate(qb, args, [
      { sql: 'c.created_at', direction: 'DESC', value: (c) => c.createdAt },
      { sql: 'c.id', direction: 'DESC', value: (c) => c.id },
    ]);
  }

  /** One of the caller's claims, or null. */
  myClaim(caller: ApiCaller, id: string | null): Promise<ClaimEntity | null> {
    return id ? fetchOne(this.visible(caller).andWhere('c.id = :id', { id })) : Promise.resolve(null);
  }

  /** Sets the inspection (a FILED claim becomes INSPECTION_SCHEDULED) and the approved total; a CLOSED claim is refused. */
  async adjust(caller: ApiCaller, input: ClaimAdjustment): Promise<ClaimResult> {
    const claim = await this.myClaim(caller, input.id);
    if (!claim) return missing();
    if (claim.status === 'CLOSED') return { claim: null, errors: [userError('id', 'INVALID_TRANSITION', 'The claim is closed.')] };
    const v = new Validator();
    const patch: Partial<ClaimEntity> = moneyColumns(v, input.approvedTotal === undefined ? {} : { approvedTotal: input.approvedTotal }, claim, '');
    if (input.inspectionAt !== undefined) patch.inspectionAt = input.inspectionAt;
    if (!v.ok) return { claim: null, errors: v.errors };
    return this.ds.transaction(async (m) => ({ claim: await this.claims.write(m, null, claim, patch), errors: [] }));
  }

  /** Answers a supplement sent on one of the caller's claims (drafts behave as missing). */
  async answerSupplement(caller: ApiCaller, input: SupplementAnswer): Promise<SupplementResult> {
    const supplement = input.id ? await this.ds.getRepository(SupplementEntity).findOneBy({ id: input.id }) : null;
    if (!supplement || supplement.status === 'DRAFT') return { supplement: null, errors: [userError('id', 'NOT_FOUND', 'No such supplement.')] };
    return this.supplements.answer(null, async (claimId) => {
      const claim = await this.myClaim(caller, claimId);
      return claim ? { claim, errors: [] } : missing();
    }, input);
  }

  private visible(caller: ApiCaller) {
    return applyScope(this.ds.getRepository(ClaimEntity).createQueryBuilder('c').withDeleted(), claimsVisibleToPartner(caller, 'c'));
  }
}
