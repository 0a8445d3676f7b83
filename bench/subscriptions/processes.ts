/**
 * Child processes of the subscriptions bench — real server processes (`node --import tsx src/main.ts`) and, with
 * `--own-redis`, a private redis-server — plus /proc readings of their CPU time and memory. Every child is stopped
 * when the bench ends, fails or is interrupted; guard.cjs makes a server stop itself if the bench is killed outright.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const SERVER_DIR = path.resolve(__dirname, '../../packages/server');
const GUARD = path.join(__dirname, 'guard.cjs');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Child {
  name: string;
  pid: number;
  proc: ChildProcess;
  exited: Promise<void>;
  /** The last lines it wrote. */
  tail: string[];
}

const children = new Set<Child>();
process.on('exit', () => children.forEach((c) => c.proc.kill('SIGKILL'))); // last resort; stopAll() is the normal way

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** An Ed25519 signing key shared by all server processes, so an access token from one is valid on the others. */
export function sharedJwtKey(): { JWT_PRIVATE_KEY: string; JWT_KEY_ID: string } {
  const { privateKey } = generateKeyPairSync('ed25519');
  return { JWT_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, JWT_KEY_ID: `bench-${Date.now().toString(36)}` };
}

function track(name: string, proc: ChildProcess, echo: number): Child {
  const tail: string[] = [];
  let echoed = 0;
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (!line.trim()) continue;
      tail.push(line);
      if (tail.length > 40) tail.shift();
      if (echoed++ < echo) process.stderr.write(`[${name}] ${line.slice(0, 400)}\n`);
      else if (echo > 0 && echoed === echo + 1) process.stderr.write(`[${name}] (further output suppressed)\n`);
    }
  };
  proc.stdout?.on('data', onData);
  proc.stderr?.on('data', onData);
  const exited = new Promise<void>((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
    proc.once('exit', () => resolve());
  });
  const child: Child = { name, pid: proc.pid!, proc, exited, tail };
  children.add(child);
  void exited.then(() => children.delete(child));
  return child;
}

export interface ServerProcess extends Child {
  url: string;
  wsUrl: string;
}

/** Starts `src/main.ts` in its own process on a free loopback port and waits until GET /readyz answers 200. */
export async function startServer(name: string, env: Record<string, string>, profileDir?: string): Promise<ServerProcess> {
  const args = ['--import', 'tsx'];
  if (profileDir) args.push('--cpu-prof', `--cpu-prof-dir=${path.join(profileDir, name)}`); // one file per thread (main and tsx's loader)
  const server = await startHttpProcess(name, { cwd: SERVER_DIR, args: [...args, 'src/main.ts'], env: { ...SERVER_ENV, ...env } });
  return { ...server, wsUrl: server.url.replace(/^http/, 'ws') + '/graphql' };
}

/**
 * What a bench's server process runs with unless told otherwise: production mode, quiet, no demo data, no job workers,
 * messages kept in the local outbox (production refuses to start with a channel in MESSAGE_CHANNELS that has no
 * transport, and the default is `email,sms`).
 */
export const SERVER_ENV: Record<string, string> = {
  NODE_ENV: 'production',
  LOG_LEVEL: 'warn',
  SEED_DEMO_DATA: 'false',
  JOBS_WORKERS: 'false',
  MESSAGE_CHANNELS: 'none',
};

export interface HttpProcessOptions {
  cwd: string;
  /** Node's arguments after `--require guard.cjs`: flags, then the script. */
  args: string[];
  /** The environment besides PATH, HOME, HOST and PORT (127.0.0.1 and a free port). */
  env: Record<string, string>;
  /** Whether the process answers yet; default: GET /readyz is 200. */
  ready?: (url: string) => Promise<boolean>;
}

/**
 * Starts a Node HTTP server (`node --require guard.cjs …args`) on a free loopback port and waits until it is ready
 * (90 s at most); it stops with the bench (stopAll, or guard.cjs if the bench dies).
 */
export async function startHttpProcess(name: string, o: HttpProcessOptions): Promise<Child & { url: string }> {
  const port = await freePort();
  const proc = spawn(process.execPath, ['--require', GUARD, ...o.args], {
    cwd: o.cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...o.env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const child = track(name, proc, 20);
  const url = `http://127.0.0.1:${port}`;
  const ready = o.ready ?? ((u: string) => fetch(`${u}/readyz`).then((r) => r.ok, () => false));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (proc.exitCode !== null || proc.signalCode !== null) throw new Error(`${name} exited during start:\n${child.tail.join('\n')}`);
    if (await ready(url).catch(() => false)) break;
    if (Date.now() > deadline) throw new Error(`${name} was not ready within 90 s:\n${child.tail.join('\n')}`);
    await sleep(200);
  }
  return { ...child, url };
}

/** A private redis-server on a free loopback port (no persistence): the bench's pub/sub traffic stays its own. */
export async function startRedis(): Promise<string> {
  const port = await freePort();
  // Through guard.cjs (which ends it if the bench dies), in its own process group: a Ctrl-C reaches the servers (which
  // drain, and need Redis for that) but not Redis; stopAll() ends it last.
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  const proc = spawn(process.execPath, [GUARD, 'redis-server', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const child = track('redis', proc, 0);
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (proc.exitCode !== null || proc.signalCode !== null) throw new Error(`redis-server exited during start:\n${child.tail.join('\n')}`);
    const up = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => (s.destroy(), resolve(true)));
      s.once('error', () => resolve(false));
    });
    if (up) return `redis://127.0.0.1:${port}`;
    if (Date.now() > deadline) throw new Error('redis-server did not start within 10 s');
    await sleep(50);
  }
}

/**
 * SIGTERM to every child, servers first (they drain their sockets and finish the relay pass, which needs Redis), then
 * the rest; SIGKILL to any still running after `graceMs`.
 */
export async function stopAll(graceMs = 15_000): Promise<void> {
  const stop = (list: Child[]) =>
    Promise.all(
      list.map(async (c) => {
        c.proc.kill('SIGTERM');
        const timer = setTimeout(() => c.proc.kill('SIGKILL'), graceMs);
        await c.exited;
        clearTimeout(timer);
      }),
    );
  await stop([...children].filter((c) => c.name !== 'redis'));
  await stop([...children]);
}

/* /proc readings (Linux). null when unavailable. */

const TICK = 100; // USER_HZ

/** CPU seconds (user + system) a process has used so far. */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / TICK;
  } catch {
    return null;
  }
}

export function rssMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Busy and total CPU seconds of the whole machine so far (all cores; other users' work included). */
export function machineCpu(): { busy: number; total: number } | null {
  try {
    const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const total = f.reduce((a, b) => a + b, 0);
    const idle = (f[3] ?? 0) + (f[4] ?? 0);
    return { busy: (total - idle) / TICK, total: total / TICK };
  } catch {
    return null;
  }
}
