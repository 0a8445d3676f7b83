import nodemailer from 'nodemailer';
import type { Config } from '../config';
import type { Logger } from '../logger';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers, e.g. `List-Unsubscribe`. */
  headers?: Record<string, string>;
}

export interface OutgoingSms {
  to: string;
  body: string;
}

/** What a transport reports for a message it accepted: who took it and their id for it. */
export interface Sent {
  provider: string;
  providerId: string | null;
}

/**
 * Hands e-mail and SMS to their providers. It knows nothing of records, consent or retries (the messages feature
 * does); a rejected message throws. Built from the configuration by `createMessenger`.
 */
export interface Messenger {
  email(m: OutgoingEmail): Promise<Sent>;
  sms(m: OutgoingSms): Promise<Sent>;
}

/** The local outbox: the message stays in the database only (development and test without a transport). */
export const OUTBOX: Sent = { provider: 'outbox', providerId: null };

/** E-mail over SMTP (`SMTP_URL`, e.g. `smtps://user:pass@mail.example.com:465`), from `MAIL_FROM`. */
export class SmtpTransport {
  private readonly transporter: nodemailer.Transporter;

  constructor(url: string, private readonly from: string) {
    this.transporter = nodemailer.createTransport(url);
  }

  async email(m: OutgoingEmail): Promise<Sent> {
    const info = await this.transporter.sendMail({ from: this.from, to: m.to, subject: m.subject, text: m.text, html: m.html, headers: m.headers });
    return { provider: 'smtp', providerId: info.messageId ?? null };
  }

  close(): void {
    this.transporter.close();
  }
}

export interface SmsApiSettings {
  /** The provider's "create message" URL, e.g. `https://api.twilio.com/2010-04-01/Accounts/{sid}/Messages.json`. */
  apiUrl: string;
  accountSid: string;
  authToken: string;
  from: string;
}

/**
 * SMS through an HTTP provider in the common Twilio-like shape: POST form-encoded `To`, `From`, `Body` with basic
 * auth (account SID, auth token); a 2xx answer's JSON `sid` is the provider's id for the message.
 */
export class HttpSmsTransport {
  constructor(private readonly s: SmsApiSettings, private readonly timeoutMs = 10_000) {}

  async sms(m: OutgoingSms): Promise<Sent> {
    const res = await fetch(this.s.apiUrl, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${this.s.accountSid}:${this.s.authToken}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: new URLSearchParams({ To: m.to, From: this.s.from, Body: m.body }).toString(),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`SMS provider answered ${res.status}: ${text.slice(0, 200)}`);
    let sid: unknown = null;
    try {
      sid = (JSON.parse(text) as { sid?: unknown }).sid;
    } catch {
      throw new Error(`SMS provider answered ${res.status} without JSON`);
    }
    return { provider: 'sms-api', providerId: typeof sid === 'string' ? sid : null };
  }
}

/**
 * The configured transports: SMTP and the SMS API when set, else the local outbox (config.ts refuses a production
 * start with a channel in `MESSAGE_CHANNELS` that has no transport).
 */
export function createMessenger(config: Config, logger: Logger): Messenger & { close(): void } {
  const smtp = config.messaging.smtpUrl ? new SmtpTransport(config.messaging.smtpUrl, config.messaging.mailFrom) : null;
  const sms = config.messaging.sms ? new HttpSmsTransport(config.messaging.sms) : null;
  const log = logger.child({ component: 'messenger' });
  if (!smtp) log.info('no SMTP_URL: e-mail stays in the local outbox (messages table)');
  if (!sms) log.info('no SMS_API_URL: SMS stays in the local outbox (messages table)');
  return {
    email: (m) => (smtp ? smtp.email(m) : Promise.resolve(OUTBOX)),
    sms: (m) => (sms ? sms.sms(m) : Promise.resolve(OUTBOX)),
    close: () => smtp?.close(),
  };
}
