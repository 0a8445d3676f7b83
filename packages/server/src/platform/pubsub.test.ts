import { PubSub } from 'graphql-subscriptions';
import { NamespacedPubSub } from './pubsub';

describe('NamespacedPubSub', () => {
  it('keeps two namespaces on one engine apart', async () => {
    const shared = new PubSub();
    const a = new NamespacedPubSub(shared, 'deploy-a');
    const b = new NamespacedPubSub(shared, 'deploy-b');
    const heardByA: unknown[] = [];
    const heardByB: unknown[] = [];
    await a.subscribe('crm.events.lead', (m: unknown) => heardByA.push(m), {});
    const idB = await b.subscribe('crm.events.lead', (m: unknown) => heardByB.push(m), {});

    await a.publish('crm.events.lead', { seq: '1' });
    await b.publish('crm.events.lead', { seq: '2' });
    b.unsubscribe(idB);
    await b.publish('crm.events.lead', { seq: '3' });

    expect(heardByA).toEqual([{ seq: '1' }]);
    expect(heardByB).toEqual([{ seq: '2' }]);
  });

  it('namespaces the iterators subscriptions use', async () => {
    const shared = new PubSub();
    const a = new NamespacedPubSub(shared, 'deploy-a');
    const iterator = a.asyncIterableIterator<{ seq: string }>(['crm.events.lead']);
    const next = iterator.next();
    await new Promise((r) => setImmediate(r)); // let the iterator subscribe
    await shared.publish('crm.events.lead', { seq: 'foreign' });
    await shared.publish('deploy-a:crm.events.lead', { seq: 'own' });
    expect((await next).value).toEqual({ seq: 'own' });
    await iterator.return?.();
  });
});
