import type { Feature } from '../feature';
import { MessageEntity } from './message.entity';
import { messageJobs } from './message.jobs';
import { messageResolvers } from './message.resolvers';

/**
 * Messages: every outgoing e-mail and SMS as a row, queued in the caller's transaction and sent by the
 * `message-send` job through the platform's transports (SMTP, the SMS API, or the local outbox), with the
 * customers' consent, unsubscribe links, STOP replies and SMS quiet hours.
 */
export const messages: Feature = {
  name: 'messages',
  entities: [MessageEntity],
  resolvers: messageResolvers,
  jobs: messageJobs,
  nodeTypes: [{ typeName: 'Message', entity: MessageEntity, load: (id, _g, { services, viewer }) => services.messages.get(viewer, id) }],
};
