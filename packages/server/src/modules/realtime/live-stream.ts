import type { GraphQLContext, SignedIn } from '../../graphql-context';
import type { EventDefinition } from './event-definition';
import type { OutboxEventModel } from './outbox-event';
import type { Delivery } from './realtime.service';

type Filter = (args: Record<string, unknown>) => (e: OutboxEventModel) => boolean;

/**
 * A subscription field over declared events (`<x>.events.ts`): the events the viewer may receive at delivery time,
 * after `filter` on the field's arguments, each resolved as the event itself with the fresh loaders it was checked
 * with (current data, current rules), not those of the subscription's start.
 */
export function liveStream(events: readonly EventDefinition<never>[], filter?: Filter) {
  const types = events.map((e) => e.type);
  return {
    subscribe: (_: unknown, args: Record<string, unknown>, ctx: SignedIn<GraphQLContext>) => ctx.services.realtime.subscribe(ctx.viewer, types, filter?.(args)),
    resolve: ({ event, loaders }: Delivery, _args: unknown, ctx: GraphQLContext) => {
      ctx.loaders = loaders;
      return event;
    },
  };
}

/**
 * An optional ID argument as a filter on the event: no argument matches everything; an ID that names nothing (`key`
 * decodes it at the resolver edge, null for a foreign or malformed one) matches nothing.
 */
export const byId =
  (argument: string, key: (globalId: string) => string | null, pick: (e: OutboxEventModel) => string | null): Filter =>
  (args) => {
    const globalId = args[argument] as string | null | undefined;
    if (!globalId) return () => true;
    const id = key(globalId);
    return (e) => id !== null && pick(e) === id;
  };

/** The fields every live event type has. */
export const eventFields = {
  eventId: (e: OutboxEventModel) => e.seq,
  occurredAt: (e: OutboxEventModel) => e.occurredAt,
};
