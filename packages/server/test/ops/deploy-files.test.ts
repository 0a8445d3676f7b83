import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '../../src/platform/config';
import { NGINX_TEMPLATE } from './nginx';

/**
 * docker-compose.yml and deploy/systemd as they would be used: the compose file's topology (postgres, redis, a
 * one-shot migration the API replicas wait for, two replicas of one image and configuration, nginx in front of both
 * with every variable of deploy/nginx's template, Prometheus under the `monitoring` profile, healthchecks), checked
 * with `docker compose config` as well where the compose plugin is installed; the systemd unit's hardening and
 * wiring, checked with `systemd-analyze verify` where systemd is installed; crm.env.example through the server's own
 * configuration loader. (nginx itself runs in two-nodes.test.ts.)
 */
const ROOT = path.resolve(__dirname, '../../../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

type Obj = Record<string, any>;

describe('docker-compose.yml', () => {
  const compose = parse(read('docker-compose.yml'), { merge: true }) as Obj;
  const services = compose.services as Record<string, Obj>;
  const envOf = (name: string) => services[name]!.environment as Record<string, string | number>;

  it('runs postgres, redis, a migration, two API replicas, nginx, and Prometheus only under the monitoring profile', () => {
    expect(Object.keys(services).sort()).toEqual(['api-1', 'api-2', 'migrate', 'nginx', 'postgres', 'prometheus', 'redis']);
    expect(services.prometheus!.profiles).toEqual(['monitoring']);
    for (const [name, s] of Object.entries(services)) if (name !== 'prometheus') expect({ name, profiles: s.profiles }).toEqual({ name, profiles: undefined });
  });

  it('gives every long-running service a healthcheck; the migration is a one-shot whose exit status is its health', () => {
    for (const [name, s] of Object.entries(services)) {
      if (name === 'migrate') continue;
      expect({ name, test: s.healthcheck?.test?.[0] }).toEqual({ name, test: expect.stringMatching(/^CMD/) });
    }
    expect(services.migrate!.restart).toBe('no');
    expect(services.migrate!.command).toEqual(['node', 'packages/server/dist/migrate.js']);
    expect(fs.existsSync(path.join(ROOT, 'packages/server/src/migrate.ts'))).toBe(true);
    expect(services.migrate!.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
  });

  it('starts the replicas after the migration succeeded, from one image, with one database, Redis and signing key', () => {
    const replicas = ['api-1', 'api-2'].map((n) => services[n]!);
    for (const api of replicas) {
      expect(api.depends_on).toEqual({
        postgres: { condition: 'service_healthy' },
        redis: { condition: 'service_healthy' },
        migrate: { condition: 'service_completed_successfully' },
      });
      expect(api.image).toBe(services.migrate!.image);
      expect(api.build).toEqual(services.migrate!.build);
      expect(api.environment).toEqual(envOf('migrate'));
      // Reachable through nginx only; Prometheus finds every replica by the `server` name (deploy/prometheus).
      expect(api.ports).toBeUndefined();
      expect(api.networks.default.aliases).toContain('server');
      expect(api.healthcheck.test.join(' ')).toContain('/readyz');
    }
    const env = envOf('api-1');
    expect(env).toMatchObject({ NODE_ENV: 'production', TRUST_PROXY: '1', REDIS_URL: 'redis://redis:6379' });
    expect(String(env.DATABASE_URL)).toMatch(/@postgres:5432\/crm$/);
    expect(String(env.JWT_PRIVATE_KEY)).toMatch(/^\$\{JWT_PRIVATE_KEY:\?/);
    // Compose's SIGKILL comes after the server's own forced exit.
    expect(parseSeconds(replicas[0]!.stop_grace_period) * 1000).toBeGreaterThan(Number(env.SHUTDOWN_TIMEOUT_MS));
    // The image the replicas run: the web app where nginx's image copies it from.
    const dockerfile = read('packages/server/Dockerfile');
    expect(dockerfile).toMatch(/^WORKDIR \/app$/m);
    expect(dockerfile).toContain('COPY --from=build /app/packages/web/dist packages/web/dist');
  });

  it('puts nginx in front of both replicas with every variable of deploy/nginx/templates', () => {
    const nginx = services.nginx!;
    expect(nginx.depends_on).toEqual({ 'api-1': { condition: 'service_healthy' }, 'api-2': { condition: 'service_healthy' } });
    expect(nginx.build).toEqual({ context: 'deploy/nginx', additional_contexts: { app: 'service:api-1' } });
    const dockerfile = read('deploy/nginx/Dockerfile');
    expect(dockerfile).toContain('COPY --from=app /app/packages/web/dist /usr/share/crm/web');
    expect(dockerfile).toContain('COPY templates/ /etc/nginx/templates/');
    const env = envOf('nginx');
    const used = [...new Set([...read(path.relative(ROOT, NGINX_TEMPLATE)).matchAll(/\$\{(CRM_[A-Z0-9_]+)\}/g)].map((m) => m[1]!))];
    expect(Object.keys(env).filter((k) => k.startsWith('CRM_')).sort()).toEqual(used.sort());
    expect(env.NGINX_ENVSUBST_FILTER).toBe('^CRM_');
    expect(String(env.CRM_API_SERVERS).match(/server (\S+)/g)).toEqual(['server api-1:4000', 'server api-2:4000']);
    expect(env.CRM_WEB_ROOT).toBe('/usr/share/crm/web');
    expect(nginx.ports).toEqual(expect.arrayContaining([expect.stringMatching(/:443$/), expect.stringMatching(/:80$/)]));
  });

  it('mounts deploy/prometheus for Prometheus', () => {
    const prometheus = services.prometheus!;
    expect(prometheus.volumes).toContain('./deploy/prometheus:/etc/prometheus:ro');
    expect(prometheus.command).toContain('--config.file=/etc/prometheus/prometheus.yml');
    expect(fs.existsSync(path.join(ROOT, 'deploy/prometheus/prometheus.yml'))).toBe(true);
  });

  it('is a valid compose file for docker compose, where its plugin is installed', () => {
    const probe = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' });
    if (probe.status !== 0) {
      process.stdout.write('docker compose is not installed here: the compose file was checked by the tests above only\n');
      return;
    }
    const out = execFileSync('docker', ['compose', '-f', 'docker-compose.yml', '--profile', 'monitoring', 'config', '--services'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, JWT_PRIVATE_KEY: 'test-key' },
    });
    expect(out.trim().split('\n').sort()).toEqual(Object.keys(services).sort());
  });
});

function parseSeconds(value: string): number {
  const m = /^(\d+)s?$/.exec(value);
  if (!m) throw new Error(`not a duration in seconds: ${value}`);
  return Number(m[1]);
}

/** A systemd unit file: section -> key -> every value given (in order; an empty value is kept). */
function parseUnit(text: string): Record<string, Record<string, string[]>> {
  const unit: Record<string, Record<string, string[]>> = {};
  let section: Record<string, string[]> | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      section = unit[header[1]!] = {};
      continue;
    }
    const eq = line.indexOf('=');
    if (!section || eq < 0) throw new Error(`not a unit file line: ${line}`);
    (section[line.slice(0, eq)] ??= []).push(line.slice(eq + 1));
  }
  return unit;
}

/** An EnvironmentFile as systemd reads the simple forms used here: KEY=value, single quotes taken literally. */
function parseEnvFile(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (!m) throw new Error(`not an environment line: ${line}`);
    const value = m[2]!;
    env[m[1]!] = value.startsWith("'") && value.endsWith("'") ? value.slice(1, -1) : value;
  }
  return env;
}

describe('deploy/systemd', () => {
  const unitText = read('deploy/systemd/crm.service');
  const unit = parseUnit(unitText);
  const service = unit.Service!;
  const one = (key: string) => {
    expect({ key, values: service[key]?.length }).toEqual({ key, values: 1 });
    return service[key]![0]!;
  };
  const envExample = parseEnvFile(read('deploy/systemd/crm.env.example'));

  it('runs the migration, then the server, as an unprivileged user with its environment file', () => {
    expect(one('User')).toBe('crm');
    expect(one('EnvironmentFile')).toBe('/etc/crm/crm.env');
    expect(one('ExecStartPre')).toMatch(/^\/usr\/bin\/node \/opt\/crm\/packages\/server\/dist\/migrate\.js$/);
    expect(one('ExecStart')).toMatch(/^\/usr\/bin\/node .*\/opt\/crm\/packages\/server\/dist\/main\.js$/);
    expect(one('Environment')).toContain('NODE_ENV=production');
    expect(one('KillSignal')).toBe('SIGTERM');
    // systemd's SIGKILL comes after the server's own forced exit; a configuration error (78) is not restarted.
    expect(parseSeconds(one('TimeoutStopSec')) * 1000).toBeGreaterThan(Number(envExample.SHUTDOWN_TIMEOUT_MS));
    expect(one('RestartPreventExitStatus')).toBe('78');
    expect(unit.Install!.WantedBy).toEqual(['multi-user.target']);
  });

  it('carries the usual hardening, writable only where its data lives, JIT memory allowed for V8', () => {
    expect(service).toMatchObject({
      NoNewPrivileges: ['yes'],
      ProtectSystem: ['strict'],
      ProtectHome: ['yes'],
      PrivateTmp: ['yes'],
      PrivateDevices: ['yes'],
      CapabilityBoundingSet: [''],
      AmbientCapabilities: [''],
      RestrictNamespaces: ['yes'],
      RestrictSUIDSGID: ['yes'],
      LockPersonality: ['yes'],
      MemoryDenyWriteExecute: ['no'],
      SystemCallArchitectures: ['native'],
      StateDirectory: ['crm'],
      ReadWritePaths: ['/var/lib/crm'],
    });
    expect(one('RestrictAddressFamilies').split(/\s+/).sort()).toEqual(['AF_INET', 'AF_INET6', 'AF_UNIX']);
    expect(service.SystemCallFilter).toEqual(['@system-service', '~@privileged']);
    expect(one('Environment')).toContain('DATA_DIR=/var/lib/crm');
  });

  it('passes systemd-analyze verify where systemd is installed', () => {
    const probe = spawnSync('systemd-analyze', ['--version'], { encoding: 'utf8' });
    if (probe.status !== 0) {
      process.stdout.write('systemd-analyze is not installed here: the unit was checked by the tests above only\n');
      return;
    }
    // verify checks that the programs exist: point them at this machine's node.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-systemd-'));
    try {
      const file = path.join(dir, 'crm.service');
      fs.writeFileSync(file, unitText.replaceAll('/usr/bin/node ', `${process.execPath} `));
      const verify = spawnSync('systemd-analyze', ['verify', file], { encoding: 'utf8' });
      expect({ status: verify.status, output: `${verify.stdout}${verify.stderr}`.trim() }).toEqual({ status: 0, output: '' });
      const security = spawnSync('systemd-analyze', ['security', '--offline=true', file], { encoding: 'utf8' });
      const exposure = /Overall exposure level for crm\.service: ([\d.]+ \w+)/.exec(security.stdout)?.[1];
      if (exposure) process.stdout.write(`systemd-analyze security: exposure ${exposure}\n`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('has an example environment file the server accepts in production', () => {
    expect(() => loadConfig({ ...envExample, NODE_ENV: 'production' })).not.toThrow();
    expect(envExample).toMatchObject({ TRUST_PROXY: 'loopback', HOST: '127.0.0.1' });
    expect(envExample.JWT_PRIVATE_KEY).toContain('-----BEGIN PRIVATE KEY-----\\n');
  });
});
