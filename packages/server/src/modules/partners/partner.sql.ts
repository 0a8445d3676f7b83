import type { SqlReads } from '../../platform/graphql/compiled/sql-reads';
import { PartnerContactEntity } from './partner-contact.entity';
import { PartnerEntity } from './partner.entity';
import { partnerScope } from './partner.policy';
import { MAX_CONTACTS } from './partner.service';

/** Partner fields read in SQL by compiled queries: the same rows and order as `partner.resolvers.ts`'s loaders. */
export const partnerReads: SqlReads = {
  roots: ['partners'],
  types: [
    {
      typeName: 'Partner',
      entity: PartnerEntity,
      scope: partnerScope,
      reads: {
        owner: { kind: 'parent', type: 'User', column: 'owner_id' },
        owningTeam: { kind: 'parent', type: 'Team', column: 'team_id' },
        createdBy: { kind: 'parent', type: 'User', column: 'created_by' },
        contacts: { kind: 'children', type: 'PartnerContact', column: 'partner_id', order: { column: 'name', direction: 'ASC' }, max: MAX_CONTACTS },
        referralFee: { kind: 'columns', columns: { kind: 'fee_kind', percent: 'fee_percent', flatAmount: 'fee_flat', cap: 'fee_cap' } },
      },
    },
    // Contacts are read only under their partner, whose row rule has already applied.
    { typeName: 'PartnerContact', entity: PartnerContactEntity },
  ],
};
