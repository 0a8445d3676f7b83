import type { PubSubEngine } from 'graphql-subscriptions';

/** Topic of changes to one user's own account. */
export const viewerUpdatedTopic = (userId: string) => `user.updated.${userId}`;

export interface UserUpdatedEvent {
  userId: string;
}

export function publishUserUpdated(bus: PubSubEngine, userId: string): Promise<void> {
  return bus.publish(viewerUpdatedTopic(userId), { userId } satisfies UserUpdatedEvent);
}
