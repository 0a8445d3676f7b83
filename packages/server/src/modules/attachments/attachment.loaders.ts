import type DataLoader from 'dataloader';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import type { AttachmentKind } from '../../generated/graphql';
import { applyScope, NONE, seesDeleted, scoped, type Scope } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';
import { byIdLoader, limitedGroupLoader, type GroupRequest } from '../../platform/db/loaders';
import { AttachmentEntity } from './attachment.entity';
import { attachmentScope, readerScope } from './attachment.policy';

const NEWEST = { sql: 'e.created_at', direction: 'DESC' as const };

/** Per-request galleries of one reader, by kinds: each owner's newest active attachments the reader may see. */
function galleryLoaders(ds: DataSource, scope: (alias: string) => Scope) {
  const byKinds = new Map<string, DataLoader<GroupRequest, AttachmentEntity[], string>>();
  return (kinds: readonly AttachmentKind[] | null | undefined): DataLoader<GroupRequest, AttachmentEntity[], string> => {
    const only = [...new Set(kinds ?? [])].sort();
    const name = only.join(',');
    let loader = byKinds.get(name);
    if (!loader) {
      const narrow = (qb: SelectQueryBuilder<AttachmentEntity>) => {
        applyScope(qb, scope('e'));
        return only.length ? qb.andWhere('e.kind = ANY(:kinds)', { kinds: only }) : qb;
      };
      byKinds.set(name, (loader = limitedGroupLoader(ds, AttachmentEntity, 'owner_id', (a) => a.ownerId, NEWEST, narrow)));
    }
    return loader;
  };
}

export function createAttachmentLoaders(ds: DataSource, viewer: Viewer | null) {
  const rule = scoped<AttachmentEntity>(viewer, attachmentScope);
  const partners = new Map<string, ReturnType<typeof galleryLoaders>>();
  return {
    /** Attachments the viewer may see (admins and managers: deleted ones too), null otherwise. */
    attachmentById: byIdLoader(ds, AttachmentEntity, (qb: SelectQueryBuilder<AttachmentEntity>) => (viewer && seesDeleted(viewer) ? rule(qb.withDeleted()) : rule(qb))),
    /** Attachments, deleted or not, of owners the viewer may see (who receives an attachment's live events). */
    attachmentSeenById: byIdLoader(ds, AttachmentEntity, (qb: SelectQueryBuilder<AttachmentEntity>) => rule(qb.withDeleted())),
    /** Each owner's newest active attachments the viewer may see, of `kinds` (all when empty): `load({ key: ownerId, first })`. */
    attachmentsByOwnerId: galleryLoaders(ds, (alias) => (viewer ? attachmentScope(viewer, alias) : NONE)),
    /** The same for an API key's partner: only those shared with the adjuster on owners its partner rule opens. */
    sharedAttachmentsByOwnerId: (partnerId: string | null, kinds: readonly AttachmentKind[] | null | undefined) => {
      const key = partnerId ?? '';
      let of = partners.get(key);
      if (!of) partners.set(key, (of = galleryLoaders(ds, (alias) => (partnerId ? readerScope({ partnerId }, alias) : NONE))));
      return of(kinds);
    },
  };
}
