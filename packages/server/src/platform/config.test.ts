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
    const c = loadConfig({ NODE_ENV: 'production', JWT_PRIVATE_KEY: 'pem', JWT_KEY_ID: 'k1' });
    // In production only signed-in callers may introspect, unless it is opened (or closed) explicitly.
    expect(c).toMatchObject({ seedDemoData: false, graphql: { ide: false, introspection: 'signed-in' } });
    const prod = { NODE_ENV: 'production', JWT_PRIVATE_KEY: 'pem', JWT_KEY_ID: 'k1' };
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
});
