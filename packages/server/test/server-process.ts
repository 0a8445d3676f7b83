import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';

/**
 * The real start path (`src/main.ts`) as its own process, like a deployment runs it: production mode over a given
 * database, with a signing key shared by every process a test starts (processes of one deployment).
 */
const main = path.resolve(__dirname, '../src/main.ts');

export interface Server {
  child: ChildProcess;
  port: number;
  url: string;
  wsUrl: string;
  output(): string;
  /** Resolves once the server has logged a line containing `text`. */
  logged(text: string): Promise<void>;
  exited: Promise<number | null>;
}

const privateKeyPem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Starts a server process over `db` and waits for "server ready"; `stopAll` ends every process started. */
export async function startServerProcess(db: { url: string; name: string }, env: Record<string, string> = {}): Promise<Server> {
  const port = await freePort();
  let out = '';
  const waiters: Array<() => void> = [];
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    cwd: path.resolve(__dirname, '..'),
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      DATABASE_URL: db.url,
      SEED_DEMO_DATA: 'true',
      JWT_PRIVATE_KEY: privateKeyPem,
      JWT_KEY_ID: 'test-process',
      MESSAGE_CHANNELS: 'none',
      ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL, CACHE_PREFIX: db.name } : {}),
      ...env,
    },
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const onOutput = (d: Buffer) => {
    out += d;
    waiters.splice(0).forEach((w) => w());
  };
  child.stdout!.on('data', onOutput);
  child.stderr!.on('data', onOutput);
  void exited.then(() => waiters.splice(0).forEach((w) => w()));
  const logged = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (out.includes(`"${text}"`)) return resolve();
        if (child.exitCode !== null) return reject(new Error(`server exited before logging "${text}":\n${out}`));
        waiters.push(check);
      };
      check();
    });
  const server = { child, port, url: `http://127.0.0.1:${port}`, wsUrl: `ws://127.0.0.1:${port}/graphql`, output: () => out, logged, exited };
  started.push(server);
  await logged('server ready');
  return server;
}

const started: Server[] = [];

/** Kills every server process still running and waits for them to exit. */
export async function stopAllServerProcesses(): Promise<void> {
  for (const s of started) if (s.child.exitCode === null) s.child.kill('SIGKILL');
  await Promise.all(started.splice(0).map((s) => s.exited));
}
