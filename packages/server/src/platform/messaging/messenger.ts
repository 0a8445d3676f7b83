import type { Logger } from '../logger';

/** Sends e-mail and SMS to staff. The real provider is outside this system; see LoggingMessenger. */
export interface Messenger {
  email(to: string, subject: string, text: string): Promise<void>;
  sms(to: string, text: string): Promise<void>;
}

/** Writes each message to the log instead of sending it (no provider is configured). */
export class LoggingMessenger implements Messenger {
  constructor(private readonly logger: Logger) {}

  async email(to: string, subject: string, text: string): Promise<void> {
    this.logger.info({ channel: 'email', to, subject, text }, 'message sent (logged, no provider)');
  }

  async sms(to: string, text: string): Promise<void> {
    this.logger.info({ channel: 'sms', to, text }, 'message sent (logged, no provider)');
  }
}
