/**
 * A TCP proxy between one server and PostgreSQL that counts the SQL statements the server sends, without knowing
 * anything about the server: it reads the frontend protocol and counts simple-query messages ('Q') and extended-protocol
 * executions ('E'), per `application_name` of the connection (from its StartupMessage). Bytes pass through unchanged.
 */
import net from 'node:net';

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const PROTOCOL_3 = 196608;

/** Parses one connection's client → server stream and calls `onStatement` for each 'Q' and 'E' message. */
class FrontendParser {
  private startup = true;
  /** Bytes of a message header (1 + 4, or 4 + 4 during startup) collected so far. */
  private header = Buffer.alloc(8);
  private headerLen = 0;
  /** Body bytes of the current message still to pass. */
  private skip = 0;
  /** The startup message's body, which holds the parameters. */
  private startupBody: Buffer[] | null = null;
  /** The body of a 'Q' or 'P' message being collected for `onText`. */
  private textBody: Buffer[] | null = null;
  private textType = 0;

  constructor(
    private readonly onStartup: (params: Record<string, string>) => void,
    private readonly onStatement: () => void,
    /** When set, receives the SQL text of each simple query and each prepared (parsed) statement. */
    private readonly onText?: () => ((text: string) => void) | null,
  ) {}

  push(chunk: Buffer): void {
    let i = 0;
    while (i < chunk.length) {
      if (this.skip > 0) {
        const n = Math.min(this.skip, chunk.length - i);
        this.startupBody?.push(chunk.subarray(i, i + n));
        this.textBody?.push(Buffer.from(chunk.subarray(i, i + n)));
        this.skip -= n;
        i += n;
        if (this.skip === 0 && this.startupBody) this.finishStartup();
        if (this.skip === 0 && this.textBody) this.finishText();
        continue;
      }
      const need = this.startup ? 8 : 5;
      const n = Math.min(need - this.headerLen, chunk.length - i);
      chunk.copy(this.header, this.headerLen, i, i + n);
      this.headerLen += n;
      i += n;
      if (this.headerLen < need) return;
      this.headerLen = 0;
      if (this.startup) {
        const length = this.header.readInt32BE(0);
        const code = this.header.readInt32BE(4);
        this.skip = length - 8;
        // SSL/GSS requests are answered with one byte and followed by the real startup message.
        if (code === SSL_REQUEST || code === GSSENC_REQUEST) continue;
        if (code === PROTOCOL_3) this.startupBody = [];
        this.startup = false;
        if (this.skip === 0 && this.startupBody) this.finishStartup();
      } else {
        const type = this.header[0]!;
        if (type === 0x51 /* Q */ || type === 0x45 /* E */) this.onStatement();
        this.skip = this.header.readInt32BE(1) - 4;
        if ((type === 0x51 || type === 0x50) /* Q, P */ && this.skip > 0 && this.onText?.()) {
          this.textBody = [];
          this.textType = type;
        }
      }
    }
  }

  /** Q: the query text; P: statement name, then the query text. */
  private finishText(): void {
    const body = Buffer.concat(this.textBody!);
    this.textBody = null;
    const parts = body.toString('utf8').split('\0');
    const text = (this.textType === 0x51 ? parts[0] : parts[1]) ?? '';
    this.onText?.()?.(text);
  }

  private finishStartup(): void {
    const parts = Buffer.concat(this.startupBody!).toString('utf8').split('\0');
    this.startupBody = null;
    const params: Record<string, string> = {};
    for (let k = 0; k + 1 < parts.length && parts[k]; k += 2) params[parts[k]!] = parts[k + 1]!;
    this.onStartup(params);
  }
}

export class SqlCounter {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  /** Statements per application_name ('' when none). */
  readonly counts = new Map<string, number>();
  port = 0;
  /** While set, the SQL text of every statement sent (simple queries and parsed statements), with its connection's application_name. */
  capture: Array<{ app: string; text: string }> | null = null;

  constructor(
    private readonly upstreamHost: string,
    private readonly upstreamPort: number,
  ) {}

  /** Listens on a free loopback port; returns it. */
  async start(): Promise<number> {
    this.server = net.createServer((client) => this.connect(client));
    await new Promise<void>((resolve, reject) => this.server!.once('error', reject).listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.address() as net.AddressInfo).port;
    return this.port;
  }

  /** `url` (a postgres:// URL) through this proxy. */
  via(url: string): string {
    const u = new URL(url);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString();
  }

  /** Statements so far from connections whose application_name is not in `exclude`. */
  total(exclude: ReadonlySet<string> = new Set()): number {
    let n = 0;
    for (const [app, c] of this.counts) if (!exclude.has(app)) n += c;
    return n;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private connect(client: net.Socket): void {
    const upstream = net.connect(this.upstreamPort, this.upstreamHost);
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    this.sockets.add(client).add(upstream);
    let app = '';
    const parser = new FrontendParser(
      (params) => (app = params.application_name ?? ''),
      () => this.counts.set(app, (this.counts.get(app) ?? 0) + 1),
      () => (this.capture ? (text) => this.capture?.push({ app, text }) : null),
    );
    client.on('data', (chunk: Buffer) => parser.push(chunk));
    client.pipe(upstream);
    upstream.pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  }
}
