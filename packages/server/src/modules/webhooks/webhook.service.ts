import type { DataSource, EntityManager } from 'typeorm';
import type { CreateWebhookEndpointInput, UpdateWebhookEndpointInput, WebhookDeliveryFilter } from '../../generated/graphql';
import { applyScope } from '../../platform/auth/scope';
import { paginate, type Connection, type PageArgs } from '../../platform/db/pagination';
import { targetProblem, type OutboundPolicy } from '../../platform/http/outbound';
import { newWebhookSecret } from '../../platform/http/standard-webhooks';
import type { JobSender } from '../../platform/jobs/job-queue';
import { Validator, userError, type UserErrorData } from '../../platform/validation';
import type { AuditService } from '../audit/audit.service';
import { PartnerEntity } from '../partners/partner.entity';
import { EVENT_TYPES, namesFor } from './webhook.payloads';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';
import type { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookEndpointEntity } from './webhook-endpoint.entity';
import { endpointScope, type WebhookManager } from './webhook.policy';

export type WebhookEndpointConnection = Connection<WebhookEndpointEntity>;
export type WebhookDeliveryConnection = Connection<WebhookDeliveryEntity>;

export interface EndpointResult {
  endpoint: WebhookEndpointEntity | null;
  errors: UserErrorData[];
}
export interface SecretResult extends EndpointResult {
  secret: string | null;
}
export interface DeliveryResult {
  delivery: WebhookDeliveryEntity | null;
  errors: UserErrorData[];
}
/** Inputs with keys for IDs (NO_MATCH_ID when an ID named nothing of its type; `id` null likewise). */
export type NewEndpoint = CreateWebhookEndpointInput;
export interface EndpointChanges extends Omit<UpdateWebhookEndpointInput, 'id'> {
  id: string | null;
}

const refused = (errors: UserErrorData[]) => ({ endpoint: null, secret: null, errors });
const noEndpoint = (field = 'id') => refused([userError(field, 'NOT_FOUND', 'No such webhook endpoint.')]);
const DEFAULT_GRACE_MINUTES = 1_440;

/**
 * Webhook endpoints and their deliveries, for admins (every endpoint; company or a partner's) and API keys with
 * `webhooks:manage` (their own). Each change is audited; secrets are returned once and never audited or logged.
 */
export class WebhookService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly dispatcher: WebhookDispatcher,
    private readonly jobs: JobSender,
    private readonly policy: () => OutboundPolicy,
  ) {}

  list(who: WebhookManager, args: PageArgs): Promise<WebhookEndpointConnection> {
    return paginate(this.visible(who), args, [
      { sql: 'w.created_at', direction: 'DESC', value: (w) => w.createdAt },
      { sql: 'w.id', direction: 'DESC', value: (w) => w.id },
    ]);
  }

  get(who: WebhookManager, id: string | null): Promise<WebhookEndpointEntity | null> {
    return id ? this.visible(who).andWhere('w.id = :id', { id }).getOne() : Promise.resolve(null);
  }

  /** The event catalogue. */
  eventTypes() {
    return EVENT_TYPES;
  }

  /** An endpoint's deliveries, newest first (none for an endpoint the manager may not see). */
  async deliveries(who: WebhookManager, endpointId: string | null, args: PageArgs & { filter?: WebhookDeliveryFilter | null }): Promise<WebhookDeliveryConnection> {
    const endpoint = await this.get(who, endpointId);
    const qb = this.ds.getRepository(WebhookDeliveryEntity).createQueryBuilder('d').where('d.endpoint_id = :endpointId', { endpointId: endpoint?.id ?? null });
    if (!endpoint) qb.andWhere('false');
    if (args.filter?.statuses?.length) qb.andWhere('d.status = ANY(:statuses)', { statuses: args.filter.statuses });
    return paginate(qb, args, [
      { sql: 'd.created_at', direction: 'DESC', value: (d) => d.createdAt },
      { sql: 'd.id', direction: 'DESC', value: (d) => d.id },
    ]);
  }

  async create(who: WebhookManager, input: NewEndpoint): Promise<SecretResult> {
    const v = new Validator();
    let partnerId: string | null = who.caller ? who.caller.partnerId : null;
    if (input.partnerId) {
      if (who.caller) v.add('partnerId', 'FORBIDDEN', "An API key's endpoint is always its own.");
      else if (!(await this.ds.getRepository(PartnerEntity).findOneBy({ id: input.partnerId }))) v.add('partnerId', 'NOT_FOUND', 'No such partner.');
      else partnerId = input.partnerId;
    }
    const url = await this.checkUrl(v, input.url);
    const description = v.text('description', input.description, { max: 200 });
    const eventTypes = this.checkEvents(v, input.eventTypes, partnerId);
    if (!v.ok) return refused(v.errors);
    const secret = newWebhookSecret();
    return this.ds.transaction(async (m) => {
      const endpoint = await m.getRepository(WebhookEndpointEntity).save(m.getRepository(WebhookEndpointEntity).create({
        url: url!, description, eventTypes: eventTypes!, active: true, partnerId, secret, consecutiveFailures: 0, createdById: who.viewer?.id ?? null,
      }));
      await this.recorded(m, who, 'CREATE', null, endpoint);
      return { endpoint, secret, errors: [] };
    });
  }

  update(who: WebhookManager, input: EndpointChanges): Promise<EndpointResult> {
    return this.change(who, input.id, async (m, before) => {
      const v = new Validator();
      const patch: Partial<WebhookEndpointEntity> = {};
      if (input.url != null) patch.url = (await this.checkUrl(v, input.url)) ?? before.url;
      if (input.description !== undefined) patch.description = v.text('description', input.description, { max: 200 });
      if (input.eventTypes != null) patch.eventTypes = this.checkEvents(v, input.eventTypes, before.partnerId) ?? before.eventTypes;
      if (input.active != null && input.active !== before.active) {
        Object.assign(patch, input.active ? { active: true, disabledReason: null, consecutiveFailures: 0 } : { active: false, disabledReason: 'Disabled by hand.' });
      }
      if (!v.ok) return refused(v.errors);
      return { endpoint: await this.write(m, who, before, patch), errors: [] };
    });
  }

  async rotate(who: WebhookManager, id: string | null, graceMinutes: number | null | undefined): Promise<SecretResult> {
    const secret = newWebhookSecret();
    const result = await this.change(who, id, async (m, before) => {
      const v = new Validator();
      const grace = v.intRange('graceMinutes', graceMinutes ?? DEFAULT_GRACE_MINUTES, 0, 10_080)!;
      if (!v.ok) return refused(v.errors);
      const patch = { secret, previousSecret: grace ? before.secret : null, previousValidUntil: grace ? new Date(Date.now() + grace * 60_000) : null };
      return { endpoint: await this.write(m, who, before, patch), errors: [] };
    });
    return { ...result, secret: result.endpoint ? secret : null };
  }

  remove(who: WebhookManager, id: string | null): Promise<EndpointResult> {
    return this.change(who, id, async (m, before) => {
      await m.getRepository(WebhookEndpointEntity).delete({ id: before.id });
      await this.audit.record(m, who.viewer, { entityType: 'WebhookEndpoint', entityId: before.id, action: 'HARD_DELETE', before: redacted(before), after: null });
      return { endpoint: before, errors: [] };
    });
  }

  /** The same event id and body again, due now, as a new run of attempts. */
  async redeliver(who: WebhookManager, deliveryId: string | null): Promise<DeliveryResult> {
    const delivery = deliveryId ? await this.ds.getRepository(WebhookDeliveryEntity).findOneBy({ id: deliveryId }) : null;
    const endpoint = delivery ? await this.get(who, delivery.endpointId) : null;
    if (!delivery || !endpoint) return { delivery: null, errors: [userError('deliveryId', 'NOT_FOUND', 'No such delivery.')] };
    if (!endpoint.active) return { delivery: null, errors: [userError('deliveryId', 'INVALID', 'The endpoint is disabled; turn it on first.')] };
    await this.ds.query(`UPDATE webhook_deliveries SET status = 'PENDING', attempts = 0, next_attempt_at = now() WHERE id = $1`, [delivery.id]);
    await this.jobs.send('webhook-deliver', { deliveryId: delivery.id });
    return { delivery: await this.ds.getRepository(WebhookDeliveryEntity).findOneByOrFail({ id: delivery.id }), errors: [] };
  }

  /** A `webhook.test` event for the endpoint, sent now. */
  async sendTest(who: WebhookManager, endpointId: string | null): Promise<DeliveryResult> {
    const endpoint = await this.get(who, endpointId);
    if (!endpoint) return { delivery: null, errors: [userError('endpointId', 'NOT_FOUND', 'No such webhook endpoint.')] };
    if (!endpoint.active) return { delivery: null, errors: [userError('endpointId', 'INVALID', 'The endpoint is disabled; turn it on first.')] };
    const now = new Date();
    const body = JSON.stringify({ type: 'webhook.test', timestamp: now.toISOString(), data: { message: 'A test event from iSwitch Roofs CRM.' } });
    const id = await this.dispatcher.insert(this.ds.manager, endpoint.id, `evt_test_${now.getTime().toString(36)}${Math.random().toString(36).slice(2, 8)}`, 'webhook.test', body);
    await this.jobs.send('webhook-deliver', { deliveryId: id });
    return { delivery: await this.ds.getRepository(WebhookDeliveryEntity).findOneByOrFail({ id: id! }), errors: [] };
  }

  private async checkUrl(v: Validator, raw: string): Promise<string | null> {
    const url = v.text('url', raw, { max: 2000, required: true });
    if (!url) return null;
    const problem = await targetProblem(url, this.policy());
    if (problem) v.add('url', 'INVALID', `The URL ${problem}.`);
    return problem ? null : url;
  }

  private checkEvents(v: Validator, types: string[], partnerId: string | null): string[] | null {
    const unique = [...new Set(types.map((t) => t.trim()))];
    const audience = partnerId ? 'PARTNER' : 'COMPANY';
    const unknown = unique.filter((t) => !EVENT_TYPES.some((e) => e.name === t));
    const elsewhere = unique.filter((t) => !unknown.includes(t) && !namesFor(audience).includes(t));
    if (!unique.length) v.add('eventTypes', 'REQUIRED', 'Pick at least one event.');
    else if (unknown.length) v.add('eventTypes', 'INVALID', `Unknown event types: ${unknown.join(', ')}.`);
    else if (elsewhere.length) v.add('eventTypes', 'INVALID', `${partnerId ? "A partner's" : 'A company'} endpoint cannot take ${elsewhere.join(', ')}.`);
    else return unique;
    return null;
  }

  private visible(who: WebhookManager) {
    return applyScope(this.ds.getRepository(WebhookEndpointEntity).createQueryBuilder('w'), endpointScope(who, 'w'));
  }

  private async change<R extends EndpointResult>(who: WebhookManager, id: string | null, apply: (m: EntityManager, before: WebhookEndpointEntity) => Promise<R>): Promise<R | ReturnType<typeof noEndpoint>> {
    if (!id) return noEndpoint();
    return this.ds.transaction(async (m) => {
      const scoped = applyScope(m.getRepository(WebhookEndpointEntity).createQueryBuilder('w'), endpointScope(who, 'w'));
      const before = await scoped.andWhere('w.id = :id', { id }).setLock('pessimistic_write').getOne();
      return before ? apply(m, before) : noEndpoint();
    });
  }

  private async write(m: EntityManager, who: WebhookManager, before: WebhookEndpointEntity, patch: Partial<WebhookEndpointEntity>) {
    const repo = m.getRepository(WebhookEndpointEntity);
    const saved = await repo.save(repo.merge(repo.create({ ...before }), patch));
    await this.recorded(m, who, 'UPDATE', before, saved);
    return saved;
  }

  private recorded(m: EntityManager, who: WebhookManager, action: 'CREATE' | 'UPDATE', before: WebhookEndpointEntity | null, after: WebhookEndpointEntity) {
    return this.audit.record(m, who.viewer, { entityType: 'WebhookEndpoint', entityId: after.id, action, before: before && redacted(before), after: redacted(after) });
  }
}

/** An endpoint as the audit log keeps it: never its secrets (a rotation shows as `secretRotated`). */
function redacted(e: WebhookEndpointEntity) {
  const { secret, previousSecret: _previous, ...rest } = e;
  return { ...rest, secretPrefix: secret.slice(0, 10) };
}
