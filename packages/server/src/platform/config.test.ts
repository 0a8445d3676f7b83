import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('applies development defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ env: 'development', port: 4000, seedDemoData: true, graphql: { introspection: 'public', ide: true } });
    expect(c.databaseUrl).toBeUndefined();
  });

  it('names every bad variable in one error', () => {
    let error: unknown;
    try {
      loadConfig({ NODE_ENV: 'production', PORT: 'eighty', DATABASE_URL: 'mysql://db/crm', ADMIN_EMAIL: 'root@example.com', LOG_LEVEL: 'loud' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/^PORT: .*\(got "eighty"\)/m);
    expect(problems).toMatch(/^DATABASE_URL: /m);
    expect(problems).not.toMatch(/mysql/); // URLs may hold credentials: never echoed
    expect(problems).toMatch(/^LOG_LEVEL: /m);
    expect(problems).toMatch(/^JWT_PRIVATE_KEY: is required in production/m);
    expect(problems).toMatch(/^ADMIN_PASSWORD: ADMIN_EMAIL and ADMIN_PASSWORD must be set together/m);
  });

  it('trusts no proxy unless TRUST_PROXY says which', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'none' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::/8, 192.0.2.4' }).trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::/8',
      '192.0.2.4',
    ]);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY: trusting every hop/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/8, proxy.internal' })).toThrow(/TRUST_PROXY: .*"proxy\.internal"/);
  });

  it('has no default secrets in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_PRIVATE_KEY/);
    const c = loadConfig({ NODE_ENV: 'production', JWT_PRIVATE_KEY: 'pem', JWT_KEY_ID: 'k1', MESSAGE_CHANNELS: 'none' });
    // In production only signed-in callers may introspect, unless it is opened (or closed) explicitly.
    // The IDE is on in production too (it is served from this origin, and introspection still needs a sign-in).
    expect(c).toMatchObject({ seedDemoData: false, graphql: { ide: true, introspection: 'signed-in' } });
    expect(loadConfig({ ...{ NODE_ENV: 'production', JWT_PRIVATE_KEY: 'pem', JWT_KEY_ID: 'k1', MESSAGE_CHANNELS: 'none' }, GRAPHQL_IDE: 'false' }).graphql.ide).toBe(false);
    const prod = { NODE_ENV: 'production', JWT_PRIVATE_KEY: 'pem', JWT_KEY_ID: 'k1', MESSAGE_CHANNELS: 'none' };
    expect(loadConfig({ ...prod, GRAPHQL_INTROSPECTION: 'true' }).graphql.introspection).toBe('public');
    expect(loadConfig({ ...prod, GRAPHQL_INTROSPECTION: 'off' }).graphql.introspection).toBe('off');
    expect(() => loadConfig({ ...prod, GRAPHQL_INTROSPECTION: 'maybe' })).toThrow(/GRAPHQL_INTROSPECTION/);
  });

  it('has the hostile-request budgets by default', () => {
    expect(loadConfig({}).graphql).toMatchObject({ maxCost: 100_000, budget: { timeMs: 10_000, maxResponseBytes: 5_000_000 } });
    expect(() => loadConfig({ GRAPHQL_TIMEOUT_MS: '0' })).toThrow(/GRAPHQL_TIMEOUT_MS/);
  });

  it('heartbeats the outbox relay every OUTBOX_HEARTBEAT_MS (250) and trusts a stream for OUTBOX_HEARTBEAT_TIMEOUT_MS (750), at least two beats', () => {
    expect(loadConfig({}).outboxHeartbeat).toEqual({ intervalMs: 250, timeoutMs: 750 });
    expect(loadConfig({ OUTBOX_HEARTBEAT_MS: '1000', OUTBOX_HEARTBEAT_TIMEOUT_MS: '3000' }).outboxHeartbeat).toEqual({ intervalMs: 1_000, timeoutMs: 3_000 });
    expect(() => loadConfig({ OUTBOX_HEARTBEAT_MS: '500' })).toThrow(/OUTBOX_HEARTBEAT_TIMEOUT_MS: must be at least twice OUTBOX_HEARTBEAT_MS/);
  });

  it('waits SHUTDOWN_DELAY_MS (default 0) after readiness turns 503, always less than the forced-exit timeout', () => {
    expect(loadConfig({}).shutdownDelayMs).toBe(0);
    expect(loadConfig({ SHUTDOWN_DELAY_MS: '5000' }).shutdownDelayMs).toBe(5_000);
    expect(() => loadConfig({ SHUTDOWN_DELAY_MS: '10000' })).toThrow(/SHUTDOWN_DELAY_MS: must be shorter than SHUTDOWN_TIMEOUT_MS/);
    expect(loadConfig({ SHUTDOWN_DELAY_MS: '10000', SHUTDOWN_TIMEOUT_MS: '30000' }).shutdownDelayMs).toBe(10_000);
  });

  it('refuses production without a transport for each channel in MESSAGE_CHANNELS (default email,sms)', () => {
    const prod = { NODE_ENV: 'production', JWT_PRIVATE_KEY: 'pem', JWT_KEY_ID: 'k1' };
    let problems = '';
    try {
      loadConfig(prod);
    } catch (err) {
      problems = (err as ConfigError).problems.join('\n');
    }
    expect(problems).toMatch(/^SMTP_URL: is required in production/m);
    expect(problems).toMatch(/^SMS_API_URL: is required in production/m);
    expect(() => loadConfig({ ...prod, MESSAGE_CHANNELS: 'email', SMTP_URL: 'smtp://mail.example.com:587' })).not.toThrow();
    expect(() => loadConfig({ ...prod, MESSAGE_CHANNELS: 'sms', SMS_API_URL: 'https://sms.example.com/Messages.json' })).toThrow(/SMS_AUTH_TOKEN: is required when SMS_API_URL is set/);
    // Development and test keep messages in the local outbox instead.
    expect(loadConfig({}).messaging).toMatchObject({ smtpUrl: undefined, sms: undefined, publicUrl: 'http://localhost:4000' });
    expect(loadConfig({}).company).toEqual({ name: 'iSwitch Roofs', timeZone: 'America/Chicago' });
    expect(() => loadConfig({ COMPANY_TIME_ZONE: 'Mars/Olympus' })).toThrow(/COMPANY_TIME_ZONE/);
  });

  it('serves /metrics nowhere by default; METRICS_PORT on loopback, METRICS_TOKEN long enough in production and never echoed', () => {
    expect(loadConfig({}).metrics).toEqual({ port: undefined, host: '127.0.0.1', token: undefined });
    expect(loadConfig({ METRICS_PORT: '9464' }).metrics).toEqual({ port: 9464, host: '127.0.0.1', token: undefined });
    expect(loadConfig({ METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0', METRICS_TOKEN: 'a'.repeat(16) }).metrics).toEqual({ port: 9464, host: '0.0.0.0', token: 'a'.repeat(16) });
    const problemsOf = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return '';
      } catch (err) {
        return (err as ConfigError).problems.join('\n');
      }
    };
    const prod = { NODE_ENV: 'production', JWT_PRIVATE_KEY: 'pem', JWT_KEY_ID: 'k1', MESSAGE_CHANNELS: 'none' };
    expect(problemsOf({ ...prod, METRICS_TOKEN: 'short-but-16-chars-x' })).toMatch(/^METRICS_TOKEN: must be at least 32 characters in production/m);
    expect(problemsOf({ ...prod, METRICS_TOKEN: 'x'.repeat(32) })).toBe('');
    expect(problemsOf({ METRICS_TOKEN: 'secret' })).toMatch(/^METRICS_TOKEN: must be at least 16 characters$/m);
    expect(problemsOf({ METRICS_TOKEN: 'has spaces in the token' })).toMatch(/^METRICS_TOKEN: printable ASCII without spaces$/m);
    expect(problemsOf({ METRICS_HOST: '0.0.0.0' })).toMatch(/^METRICS_HOST: has no effect without METRICS_PORT/m);
    expect(problemsOf({ PORT: '4000', METRICS_PORT: '4000' })).toMatch(/^METRICS_PORT: must differ from PORT/m);
    expect(problemsOf({ METRICS_PORT: 'nine' })).toMatch(/^METRICS_PORT: .*\(got "nine"\)/m);
  });
});
