import type { AttachmentOwnerKind } from '../../generated/graphql';
import { NONE, type Scope } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';
import type { Loaders } from '../loaders';

/** The columns every owner row has that attachments need. */
export interface OwnerRow {
  id: string;
  /** The team attachments are recorded under (audit entries, event rows); none when the owner has no team column. */
  teamId?: string | null;
}

/**
 * How one kind of record owns attachments, contributed by the feature that owns the record through its manifest
 * (`Feature.attachmentOwners`, e.g. `leads/lead.attachments.ts`): its table and row rules, who may add files to one.
 * Attachments know no owner feature; an owner kind no feature contributes has no attachment anyone can see.
 */
export interface AttachmentOwnerAccess<T extends OwnerRow = OwnerRow> {
  kind: AttachmentOwnerKind;
  /** The owner's GraphQL type (global IDs, `Attachment.owner`). */
  typeName: string;
  /** Its entity and table (`deleted_at` soft deletes: attachments of a deleted owner are hidden with it). */
  entity: new () => T;
  table: string;
  /** Whether its table has `deleted_at` (soft deletes); default true. */
  softDeletes?: boolean;
  /** Which of its rows a staff viewer may see (the owner feature's policy). */
  scope(viewer: Viewer, alias: string): Scope;
  /** Whether a viewer who sees `row` may add attachments to it. */
  canAttach(viewer: Viewer, row: T): boolean;
  /** Which of its rows an API key of `partnerId` may see attachments of (only those shared with the adjuster); none when omitted. */
  partnerScope?(partnerId: string, alias: string): Scope;
  /** The owner's row by id through the request's loaders (its row rule), for `Attachment.owner`. */
  load(loaders: Loaders, id: string): Promise<object | null>;
}

/** Who reads attachments: a staff viewer, or the partner of an API key (adjusters). */
export type AttachmentReader = { viewer: Viewer } | { partnerId: string };

/** The owner kinds the features contributed (set once by the composition root, `modules/index.ts`). */
export class AttachmentOwnerRegistry {
  private readonly byKind = new Map<AttachmentOwnerKind, AttachmentOwnerAccess>();

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  register(owners: readonly AttachmentOwnerAccess<any>[]): void {
    for (const o of owners as AttachmentOwnerAccess[]) {
      if (this.byKind.has(o.kind)) throw new Error(`Two features own attachments of kind ${o.kind}`);
      this.byKind.set(o.kind, o);
    }
  }

  of(kind: AttachmentOwnerKind): AttachmentOwnerAccess | null {
    return this.byKind.get(kind) ?? null;
  }

  ofType(typeName: string): AttachmentOwnerAccess | null {
    return [...this.byKind.values()].find((o) => o.typeName === typeName) ?? null;
  }

  /** The GraphQL type of an owner row (`AttachmentOwner`'s members). */
  typeOf(row: object): string | null {
    return [...this.byKind.values()].find((o) => row instanceof o.entity)?.typeName ?? null;
  }

  /**
   * The row rule of attachments (alias `alias`): those whose owner the reader may see (a partner: only those shared
   * with the adjuster, of owners their rule opens). One clause per owner kind, each a subquery over the owner's table
   * under the owner's own rule.
   */
  scope(reader: AttachmentReader, alias: string): Scope {
    const clauses: string[] = [];
    const params: Record<string, unknown> = {};
    for (const o of this.byKind.values()) {
      const ownerAlias = `own_${o.kind.toLowerCase()}`;
      const rule = 'viewer' in reader ? o.scope(reader.viewer, ownerAlias) : o.partnerScope ? o.partnerScope(reader.partnerId, ownerAlias) : NONE;
      if (rule === NONE || rule?.sql === 'false') continue;
      Object.assign(params, rule?.params ?? {});
      const where = rule ? ` AND (${rule.sql})` : '';
      clauses.push(`(${alias}.owner_kind = '${o.kind}' AND ${alias}.owner_id IN (SELECT ${ownerAlias}.id FROM ${o.table} ${ownerAlias} WHERE ${o.softDeletes === false ? 'true' : `${ownerAlias}.deleted_at IS NULL`}${where}))`);
    }
    if (!clauses.length) return NONE;
    const shared = 'viewer' in reader ? '' : `${alias}.shared_with_adjuster AND `;
    return { sql: `${shared}(${clauses.join(' OR ')})`, params };
  }
}

/** The application's registry: features contribute through their manifests, `modules/index.ts` registers them. */
export const attachmentOwners = new AttachmentOwnerRegistry();
