import { OUTBOX, type Messenger, type OutgoingEmail, type OutgoingSms, type Sent } from '../src/platform/messaging/messenger';

/** Captures what the transports are handed in tests, then passes it on to `next` (the configured ones), if given. */
export class RecordingMessenger implements Messenger {
  readonly sent: Array<{ channel: 'email'; to: string; subject: string; text: string; html: string } | { channel: 'sms'; to: string; text: string }> = [];

  constructor(private readonly next?: Messenger) {}

  async email(m: OutgoingEmail): Promise<Sent> {
    this.sent.push({ channel: 'email', to: m.to, subject: m.subject, text: m.text, html: m.html });
    return this.next ? this.next.email(m) : OUTBOX;
  }

  async sms(m: OutgoingSms): Promise<Sent> {
    this.sent.push({ channel: 'sms', to: m.to, text: m.body });
    return this.next ? this.next.sms(m) : OUTBOX;
  }
}
