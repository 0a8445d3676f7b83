import type { LeadScoringService } from '../scoring/scoring.service';
import { Brackets, type DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { InteractionFilter, InteractionOrder } from '../../generated/graphql';
import type { Viewer } from '../../platform/auth/viewer';
import { RecordStore, type RecordResult } from '../../platform/db/record-store';
import { paginate, type Connection, type ListQuery, type PageArgs } from '../../platform/db/pagination';
import { likePattern } from '../../platform/db/search';
import { Validator, type UserErrorData } from '../../platform/validation';
import type { AuditService } from '../audit/audit.service';
import { CustomerEntity } from '../customers/customer.entity';
import { interactionContent, interactionReferences, newContent, type InteractionChanges, type NewInteraction } from './interaction-input';
import { InteractionEntity } from './interaction.entity';
import { canWriteInteraction, interactionScope } from './interaction.policy';
import { writeEffects, type EventSink } from '../realtime/event-definition';
import { interactionWrites } from './interaction.events';

export type InteractionConnection = Connection<InteractionEntity>;
/** The `interactions` list's arguments as the service takes them (IDs decoded). */
export interface InteractionListArgs {
  filter?: InteractionListFilter | null;
  orderBy?: InteractionOrder | null;
}
/** The `interactions` filter as the service takes it: keys for IDs (NO_MATCH_ID when an ID named nothing). */
export interface InteractionListFilter extends Omit<InteractionFilter, 'customerId' | 'leadId' | 'projectId' | 'userId'> {
  customerId?: string | null;
  leadId?: string | null;
  projectId?: string | null;
  userId?: string | null;
}

export interface InteractionResult {
  interaction: InteractionEntity | null;
  errors: UserErrorData[];
}

const ORDER_COLUMNS = {
  OCCURRED_AT: { sql: 'i.occurred_at', value: (i: InteractionEntity) => i.occurredAt },
  CREATED_AT: { sql: 'i.created_at', value: (i: InteractionEntity) => i.createdAt },
} as const;


const asInteraction = (r: RecordResult<InteractionEntity>): InteractionResult => ({ interaction: r.row, errors: r.errors });

export class InteractionService {
  private readonly store: RecordStore<InteractionEntity>;

  constructor(
    private readonly ds: DataSource,
    audit: AuditService,
    private readonly scoring: LeadScoringService,
    events: EventSink,
  ) {
    const kind = { entity: InteractionEntity, typeName: 'Interaction', noun: 'interaction', alias: 'i', scope: interactionScope };
    this.store = new RecordStore(ds, { ...kind, onWrite: writeEffects(events, interactionWrites) }, audit);
  }

  /** One interaction, or null when it does not exist or the viewer may not see it. Admins and managers also see deleted ones. */
  get(viewer: Viewer, id: string | null): Promise<InteractionEntity | null> {
    return this.store.get(viewer, id);
  }

  async softDelete(viewer: Viewer, id: string | null): Promise<InteractionResult> {
    return asInteraction(await this.store.softDelete(viewer, id, { also: (m, row) => this.rescoring(m, row) }));
  }

  async restore(viewer: Viewer, id: string | null): Promise<InteractionResult> {
    return asInteraction(await this.store.restore(viewer, id, { also: (m, row) => this.rescoring(m, row) }));
  }

  /** Admins only: removes the interaction for good. */
  hardDelete(viewer: Viewer, id: string | null): Promise<{ deletedId: string | null; errors: UserErrorData[] }> {
    return this.store.hardDelete(viewer, id, { also: (m, row) => this.rescoring(m, row) });
  }

  /** Interactions the viewer may see, filtered, ordered (most recent first by default) and keyset-paginated. */
  list(viewer: Viewer, args: PageArgs & InteractionListArgs): Promise<InteractionConnection> {
    const { query, order } = this.listQuery(viewer, args);
    return paginate(query, args, order);
  }

  /** What `list` pages through: the query (row rules and filters) and its order. Exports read it whole. */
  listQuery(viewer: Viewer, args: InteractionListArgs): ListQuery<InteractionEntity> {
    const order = ORDER_COLUMNS[args.orderBy?.field ?? 'OCCURRED_AT'];
    return this.store.query(viewer, args, order, args.orderBy?.direction ?? 'DESC', (qb) => this.filter(qb, args.filter));
  }

  /** Logs an interaction by the viewer with a customer they may see (field techs: on one of their projects). */
  async log(viewer: Viewer, input: NewInteraction): Promise<InteractionResult> {
    const v = new Validator();
    const { customer, leadId, projectId } = await interactionReferences(this.ds, v, viewer, input);
    const content = interactionContent(v, input, newContent(input.type));
    if (!v.ok || !customer) return { interaction: null, errors: v.errors };
    const values: Partial<InteractionEntity> = { ...content, customerId: customer.id, leadId, projectId, userId: viewer.id, teamId: customer.teamId };
    return this.ds.transaction(async (m) => ({ interaction: await this.rescoring(m, await this.store.writer.create(m, viewer, values)), errors: [] }));
  }

  async update(viewer: Viewer, input: InteractionChanges): Promise<InteractionResult> {
    const existing = await this.store.find(viewer, input.id, false);
    if (!existing) return asInteraction(this.store.notFound());
    if (!canWriteInteraction(viewer, existing, await this.customerTeamId(existing))) {
      return asInteraction(this.store.forbidden('Only its author, managers and admins may change this interaction.'));
    }
    const v = new Validator();
    const patch = interactionContent(v, input, existing);
    if (!v.ok) return { interaction: null, errors: v.errors };
    return this.ds.transaction(async (m) => ({ interaction: await this.rescoring(m, await this.store.writer.update(m, viewer, existing, patch)), errors: [] }));
  }

  /** Rescores the interaction's lead (its responsiveness and aging change) in the same transaction; returns `interaction`. */
  private async rescoring(m: EntityManager, interaction: InteractionEntity): Promise<InteractionEntity> {
    if (interaction.leadId) await this.scoring.rescore(m, interaction.leadId, true);
    return interaction;
  }

  /** The team of the interaction's customer now (the customer may have moved since it was logged). */
  private async customerTeamId(interaction: InteractionEntity): Promise<string | null> {
    const customer = await this.ds
      .getRepository(CustomerEntity)
      .findOne({ where: { id: interaction.customerId }, withDeleted: true, select: { id: true, teamId: true } });
    return customer?.teamId ?? null;
  }

  private filter(qb: SelectQueryBuilder<InteractionEntity>, f: InteractionListFilter | null | undefined): void {
    if (!f) return;
    const ref = (column: string, id: string | null | undefined) => {
      if (id) qb.andWhere(`i.${column} = :${column}`, { [column]: id });
    };
    ref('customer_id', f.customerId);
    ref('lead_id', f.leadId);
    ref('project_id', f.projectId);
    ref('user_id', f.userId);
    if (f.types?.length) qb.andWhere('i.type = ANY(:types)', { types: f.types });
    if (f.directions?.length) qb.andWhere('i.direction = ANY(:directions)', { directions: f.directions });
    if (f.occurredAt?.from) qb.andWhere('i.occurred_at >= :occurredFrom', { occurredFrom: f.occurredAt.from });
    if (f.occurredAt?.to) qb.andWhere('i.occurred_at <= :occurredTo', { occurredTo: f.occurredAt.to });
    const like = likePattern(f.search);
    if (like) {
      qb.andWhere(
        new Brackets((w) => {
          w.where('i.subject ILIKE :like', { like }).orWhere('i.notes ILIKE :like', { like }).orWhere('i.outcome ILIKE :like', { like });
        }),
      );
    }
  }
}
