import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on a free local port: every message it receives (envelope recipients and parsed MIME). */
export interface TestSmtp {
  port: number;
  received: Array<{ to: string[]; parsed: ParsedMail }>;
  /** Resolves when the next message has arrived (call before causing it). */
  nextMail(): Promise<void>;
  /** Resolves once a message to `address` has arrived (already or later). */
  mailTo(address: string): Promise<{ to: string[]; parsed: ParsedMail }>;
  close(): Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
  const received: TestSmtp['received'] = [];
  const waiting: Array<() => void> = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, done) {
      simpleParser(stream).then((parsed) => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), parsed });
        waiting.splice(0).forEach((f) => f());
        done();
      }, done);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const nextMail = () => new Promise<void>((resolve) => waiting.push(resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    received,
    nextMail,
    async mailTo(address) {
      for (;;) {
        const found = received.find((m) => m.to.includes(address));
        if (found) return found;
        await nextMail();
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
