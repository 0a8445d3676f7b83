import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { CreatePartnerInput, ImportField, PartnerKind, PartnerStatus } from '../../generated/graphql';
import { fetchManyWith } from '../../platform/db/hydrate';
import { Validator } from '../../platform/validation';
import type { AuditService } from '../audit/audit.service';
import { newPartnerValues, ownerProblem } from '../partners/partner-input';
import { PartnerEntity } from '../partners/partner.entity';
import { partnerWrites } from '../partners/partner.events';
import { canWritePartner, partnerScope } from '../partners/partner.policy';
import { UserEntity } from '../users/user.entity';
import { enumCell } from './import-values';
import { allOf, changing, creating, reject, rowErrors, writeRecords, type ImportContext, type RecordColumns, type RecordWrite, type ImportTarget, type Planned } from './import-target';

const KINDS = allOf<PartnerKind>()(['REALTOR', 'INSURANCE_AGENT', 'INSURANCE_ADJUSTER', 'HOME_INSPECTOR', 'PROPERTY_MANAGER', 'SUPPLIER', 'OTHER']);
const STATUSES = allOf<PartnerStatus>()(['ACTIVE', 'PAUSED', 'ENDED']);

const FIELD_OF: Record<string, ImportField> = { name: 'NAME', kind: 'PARTNER_KIND', status: 'PARTNER_STATUS', notes: 'NOTES' };
const WRITTEN = ['name', 'kind', 'status', 'notes'] as const;

const COLUMNS: RecordColumns<PartnerEntity> = { entity: PartnerEntity, typeName: 'Partner', created: ['id', ...WRITTEN, 'feeKind', 'teamId', 'ownerId', 'createdById'], updated: WRITTEN };

type Write = RecordWrite<PartnerEntity>;

/**
 * Referral partners: a row updates the partner you may change with its name (any case), otherwise it is a new partner
 * of the import's team (createPartner's rules, partner-input.ts: ACTIVE unless given, no referral fee), owned by the
 * importer when createPartner would let them own it. Contacts and fee terms are set on the partner's page.
 */
export function partnerImport(audit: AuditService): ImportTarget<Write> {
  return {
    kind: 'PARTNER',
    staleViews: partnerWrites.staleViews ?? [],
    typeName: 'Partner',
    table: 'partners',

    keys(row) {
      const name = row.values.NAME?.toLowerCase();
      return name ? [{ field: 'NAME', key: `n:${name}`, what: 'the same name' }] : [];
    },

    async plan(m, ctx, rows) {
      const parsed = rows.map((row) => {
        const v = new Validator();
        const input: Partial<CreatePartnerInput> = {};
        if (row.values.NAME !== undefined) input.name = row.values.NAME;
        const kind = enumCell(v, 'kind', row.values.PARTNER_KIND, KINDS);
        if (kind) input.kind = kind;
        const status = enumCell(v, 'status', row.values.PARTNER_STATUS, STATUSES);
        if (status) input.status = status;
        if (row.values.NOTES !== undefined) input.notes = row.values.NOTES;
        return { row, v, input, name: input.name?.trim().toLowerCase() ?? null };
      });
      const names = [...new Set(parsed.flatMap((p) => (p.name ? [p.name] : [])))];
      const matches = (names.length ? await matching(m, ctx, names) : []).filter((p) => canWritePartner(ctx.viewer, p));
      const viewer = await m.getRepository(UserEntity).findOneBy({ id: ctx.viewer.id });
      const ownerId = ownerProblem(viewer, ctx.teamId) ? null : ctx.viewer.id;
      return parsed.map(({ row, v, input, name }): Planned<Write> => {
        const existing = (name && matches.find((p) => p.name.toLowerCase() === name)) || null;
        if (existing && !ctx.updateExisting) v.add('name', 'CONFLICT', 'A partner with this name exists, and this import does not update existing records.');
        if (!existing) {
          const values = newPartnerValues(v, input);
          if (!v.ok) return reject(row.rowNumber, rowErrors(v.errors, FIELD_OF));
          return creating(row.rowNumber, { ...values, id: randomUUID(), teamId: ctx.teamId, ownerId, createdById: ctx.viewer.id });
        }
        // updatePartner's rules: the name as given, the kind and status when given, notes.
        const patch: Partial<PartnerEntity> = {};
        const checked = newPartnerValues(v, { name: input.name ?? existing.name, kind: input.kind ?? existing.kind, notes: input.notes });
        if (input.name !== undefined) patch.name = checked.name;
        if (input.kind) patch.kind = input.kind;
        if (input.status) patch.status = input.status;
        if (input.notes !== undefined) patch.notes = checked.notes;
        if (!v.ok) return reject(row.rowNumber, rowErrors(v.errors, FIELD_OF));
        return changing(row.rowNumber, existing, patch);
      });
    },

    async write(m, ctx, items) {
      return writeRecords(m, audit, ctx, COLUMNS, items);
    },
  };
}

/** Active partners the viewer may see with one of the names (any case), oldest first; locked while the run writes. */
async function matching(m: EntityManager, ctx: ImportContext, names: string[]): Promise<PartnerEntity[]> {
  const qb = m
    .getRepository(PartnerEntity)
    .createQueryBuilder('p')
    .where('lower(p.name) = ANY(:names)', { names })
    .orderBy('p.created_at', 'ASC')
    .addOrderBy('p.id', 'ASC');
  const scope = partnerScope(ctx.viewer, 'p');
  if (scope) qb.andWhere(scope.sql, scope.params);
  if (ctx.writing) qb.setLock('pessimistic_write');
  return (await fetchManyWith(qb, () => null)).map(([p]) => p);
}
