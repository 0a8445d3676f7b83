import type { Viewer } from '../../platform/auth/viewer';
import type { Loaders } from '../loaders';
import type { EventDefinition } from './event-definition';
import type { OutboxEventModel } from './outbox-event';

/** The declared events by outbox type (from every feature's manifest). */
export type EventRegistry = ReadonlyMap<string, EventDefinition<never>>;

export const eventRegistry = (events: readonly EventDefinition<never>[]): EventRegistry => new Map(events.map((e) => [e.type, e]));

/**
 * Whether `viewer` may receive `event` now: the rule its feature declared with it. Checked for every delivery (and
 * every catch-up) with fresh loaders, so the rules are those in force at delivery time: a field tech taken off a
 * project stops getting its events. Undeclared types reach nobody.
 */
export async function canReceive(registry: EventRegistry, viewer: Viewer, event: OutboxEventModel, loaders: Loaders): Promise<boolean> {
  const definition = registry.get(event.type);
  return definition ? definition.receive(viewer, event, loaders) : false;
}
