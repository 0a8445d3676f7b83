import type { Cache } from '../cache/cache';
import type { Messenger, OutgoingEmail, OutgoingSms, Sent } from '../messaging/messenger';
import type { MetricsRegistry } from './metrics';

/**
 * The cache, counting each read of an entity's cached value as a hit or a miss (a miss computes the value). Entities
 * are names the code gives (`dashboard`), never user input.
 */
export function countedCache(cache: Cache, metrics: MetricsRegistry): Cache {
  const reads = metrics.counter({
    name: 'crm_cache_requests_total',
    help: 'Reads of the response cache, by entity and result (hit, miss).',
    labelNames: ['entity', 'result'],
  });
  return {
    kind: cache.kind,
    async wrap(entity, identifier, ttlSeconds, compute) {
      let computed = false;
      try {
        return await cache.wrap(entity, identifier, ttlSeconds, () => {
          computed = true;
          return compute();
        });
      } finally {
        reads.inc({ entity, result: computed ? 'miss' : 'hit' });
      }
    },
    invalidate: (entity) => cache.invalidate(entity),
    close: () => cache.close(),
  };
}

/**
 * The messenger, counting what each channel's transport did with a message: `sent` (the provider took it), `outbox`
 * (kept in the local outbox: no transport for the channel) or `failed` (the transport refused or failed; the message
 * is retried by its job).
 */
export function countedMessenger(messenger: Messenger, metrics: MetricsRegistry): Messenger {
  const handed = metrics.counter({
    name: 'crm_messages_sent_total',
    help: 'Messages handed to a transport, by channel (email, sms) and outcome (sent, outbox, failed).',
    labelNames: ['channel', 'outcome'],
  });
  const counted = async (channel: 'email' | 'sms', send: () => Promise<Sent>): Promise<Sent> => {
    try {
      const sent = await send();
      handed.inc({ channel, outcome: sent.provider === 'outbox' ? 'outbox' : 'sent' });
      return sent;
    } catch (err) {
      handed.inc({ channel, outcome: 'failed' });
      throw err;
    }
  };
  return {
    email: (m: OutgoingEmail) => counted('email', () => messenger.email(m)),
    sms: (m: OutgoingSms) => counted('sms', () => messenger.sms(m)),
  };
}
