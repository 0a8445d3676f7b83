import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../server-process';

/**
 * Debian's nginx running deploy/nginx's configuration unprivileged: the template rendered the way envsubst would
 * (only `${CRM_...}` names), a self-signed certificate from deploy/nginx/self-signed.sh, and a main file that keeps
 * the pid, logs and temp files in a temporary folder (nothing under /etc/nginx or /var is written).
 */
const DEPLOY = path.resolve(__dirname, '../../../../deploy/nginx');
export const NGINX_TEMPLATE = path.join(DEPLOY, 'templates/crm.conf.template');

export function nginxBinary(): string {
  if (process.env.NGINX_BIN) return process.env.NGINX_BIN;
  return fs.existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';
}

/** `${CRM_X}` → vars.CRM_X for every name the template uses; a name without a value is an error, like a typo. */
export function renderTemplate(template: string, vars: Record<string, string>): string {
  const missing = new Set<string>();
  const out = template.replace(/\$\{(CRM_[A-Z0-9_]+)\}/g, (_m, name: string) => {
    if (!(name in vars)) missing.add(name);
    return vars[name] ?? '';
  });
  if (missing.size) throw new Error(`no value for ${[...missing].join(', ')} in ${NGINX_TEMPLATE}`);
  return out;
}

export interface NginxOptions {
  /** Ports of the API processes on 127.0.0.1. */
  upstreams: number[];
  /** The web build whose assets/ nginx serves (WEB_DIST_DIR of the processes). */
  webRoot: string;
  apiRate: string;
  apiBurst: number;
  loginRate: string;
  loginBurst: number;
}

export interface Nginx {
  dir: string;
  httpsPort: number;
  httpPort: number;
  /** The self-signed certificate (PEM) clients must trust. */
  ca: Buffer;
  accessLog(): string;
  output(): string;
  stop(): Promise<void>;
}

export async function startNginx(o: NginxOptions): Promise<Nginx> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-nginx-'));
  // As root, nginx's workers run as `nobody`: they must reach the temp folders (the key stays 0600, read by the master).
  fs.chmodSync(dir, 0o755);
  let child: ChildProcess | undefined;
  try {
    execFileSync('sh', [path.join(DEPLOY, 'self-signed.sh'), path.join(dir, 'tls'), 'localhost'], { stdio: 'pipe' });
    const [httpsPort, httpPort] = [await freePort(), await freePort()];
    const site = renderTemplate(fs.readFileSync(NGINX_TEMPLATE, 'utf8'), {
      CRM_API_SERVERS: o.upstreams.map((p) => `server 127.0.0.1:${p} max_fails=1 fail_timeout=10s;`).join(' '),
      CRM_SERVER_NAME: 'localhost',
      CRM_PUBLIC_HOST: `127.0.0.1:${httpsPort}`,
      CRM_HTTP_LISTEN: `127.0.0.1:${httpPort}`,
      CRM_HTTPS_LISTEN: `127.0.0.1:${httpsPort}`,
      CRM_TLS_CERT: path.join(dir, 'tls/tls.crt'),
      CRM_TLS_KEY: path.join(dir, 'tls/tls.key'),
      CRM_WEB_ROOT: o.webRoot,
      CRM_BROTLI_STATIC: '',
      CRM_ACCESS_LOG: path.join(dir, 'access.log'),
      CRM_API_RATE: o.apiRate,
      CRM_API_BURST: String(o.apiBurst),
      CRM_LOGIN_RATE: o.loginRate,
      CRM_LOGIN_BURST: String(o.loginBurst),
    });
    fs.writeFileSync(path.join(dir, 'crm.conf'), site);
    const mimeTypes = fs.existsSync('/etc/nginx/mime.types')
      ? 'include /etc/nginx/mime.types;'
      : 'types { text/html html; text/css css; application/javascript js; application/json json; }';
    fs.writeFileSync(
      path.join(dir, 'nginx.conf'),
      `worker_processes 1;
pid ${dir}/nginx.pid;
error_log stderr notice;
events { worker_connections 1024; }
http {
  ${mimeTypes}
  default_type application/octet-stream;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/crm.conf;
}
`,
    );
    const args = ['-p', dir, '-c', path.join(dir, 'nginx.conf')];
    execFileSync(nginxBinary(), [...args, '-t', '-q'], { stdio: 'pipe' });
    let out = '';
    // With `error_log stderr notice`, nginx says "start worker processes" once its sockets are bound: the signal it is
    // ready (its pid file is no signal: `nginx -t` leaves one behind).
    const ready = new Promise<void>((resolve, reject) => {
      child = spawn(nginxBinary(), [...args, '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
      const onOutput = (d: Buffer) => {
        out += d;
        if (out.includes('start worker processes')) resolve();
      };
      child.stdout!.on('data', onOutput);
      child.stderr!.on('data', onOutput);
      child.once('exit', (code) => reject(new Error(`nginx exited (${code}) before it was ready:\n${out}`)));
    });
    await ready;
    const proc = child!;
    const exited = new Promise<void>((resolve) => (proc.exitCode !== null ? resolve() : proc.once('exit', () => resolve())));
    return {
      dir,
      httpsPort,
      httpPort,
      ca: fs.readFileSync(path.join(dir, 'tls/tls.crt')),
      accessLog: () => fs.readFileSync(path.join(dir, 'access.log'), 'utf8'),
      output: () => out,
      async stop() {
        if (proc.exitCode === null) proc.kill('SIGQUIT'); // graceful: finish what is in flight
        const killed = setTimeout(() => proc.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(killed);
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    child?.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}
