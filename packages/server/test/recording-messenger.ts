import type { Messenger } from '../src/platform/messaging/messenger';

/** Captures outgoing e-mail and SMS in tests (the provider is outside the system). */
export class RecordingMessenger implements Messenger {
  readonly sent: Array<{ channel: 'email' | 'sms'; to: string; subject?: string; text: string }> = [];

  async email(to: string, subject: string, text: string): Promise<void> {
    this.sent.push({ channel: 'email', to, subject, text });
  }

  async sms(to: string, text: string): Promise<void> {
    this.sent.push({ channel: 'sms', to, text });
  }
}
