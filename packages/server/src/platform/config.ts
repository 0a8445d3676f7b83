import path from 'node:path';
import { z } from 'zod';
import { trustProxySetting } from './http/trust-proxy';

const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    HOST: z.string().default('0.0.0.0'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    // Repository root's .data/ (same relative place from src/ and dist/), whatever the working directory.
    DATA_DIR: z.string().default(path.resolve(__dirname, '../../../../.data')),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    DATABASE_POOL_WAIT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
    // As root, where the embedded PostgreSQL's binaries and data go when the postgres user cannot reach them in place.
    EMBEDDED_PG_SYSTEM_DIR: z.string().optional(),
    REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
    CACHE_PREFIX: z.string().regex(/^[\w.-]{1,40}$/, 'letters, digits, . _ - only').default('crm'),
    // Benchmarks only: the app cache never hits (every dashboard widget is computed on each request).
    CACHE_DISABLED: bool.optional(),
    JWT_PRIVATE_KEY: z.string().optional(),
    JWT_KEY_ID: z.string().min(1).optional(),
    JWT_ISSUER: z.string().min(1).default('iswitch-roofs-crm'),
    JWT_AUDIENCE: z.string().min(1).default('iswitch-roofs-crm-api'),
    ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(900),
    REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(30),
    // Longest a process keeps a session's viewer without asking the database (0: every request asks).
    SESSION_CACHE_TTL_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
    // How often the process relaying the outbox says on the bus that it is working (only that process sends them).
    OUTBOX_HEARTBEAT_MS: z.coerce.number().int().min(10).max(60_000).default(250),
    // A process counts its outbox stream as live (and uses its viewer cache) only if it heard one within this long.
    OUTBOX_HEARTBEAT_TIMEOUT_MS: z.coerce.number().int().min(20).max(300_000).default(750),
    // `true`/`public`: anyone; `signed-in`: signed-in callers (production default); `false`/`off`: nobody.
    GRAPHQL_INTROSPECTION: z
      .enum(['true', 'false', '1', '0', 'public', 'signed-in', 'off'])
      .transform((v) => (v === 'true' || v === '1' ? 'public' : v === 'false' || v === '0' ? 'off' : v) as 'public' | 'signed-in' | 'off')
      .optional(),
    GRAPHQL_MAX_COST: z.coerce.number().int().min(100).max(10_000_000).default(100_000),
    GRAPHQL_TIMEOUT_MS: z.coerce.number().int().min(50).max(600_000).default(10_000),
    GRAPHQL_MAX_RESPONSE_BYTES: z.coerce.number().int().min(10_000).max(500_000_000).default(5_000_000),
    GRAPHQL_HEAVY_COST: z.coerce.number().int().min(1).default(10_000),
    GRAPHQL_HEAVY_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
    GRAPHQL_IDE: bool.optional(),
    GRAPHQL_COMPILED_READS: bool.default(true),
    JOBS_WORKERS: bool.optional(),
    JOBS_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
    WS_INIT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
    WS_SESSION_CHECK_MS: z.coerce.number().int().min(100).max(300_000).default(5_000),
    SEED_DEMO_DATA: bool.optional(),
    ADMIN_EMAIL: z.email().optional(),
    ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').max(128).optional(),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
    SHUTDOWN_DELAY_MS: z.coerce.number().int().min(0).max(120_000).default(0),
    TRUST_PROXY: trustProxySetting.optional(),
    // Failed API-key authentications one client address may make (a burst), refilled evenly over the window; then
    // its requests with any API key are refused (429) before the key is looked up.
    API_KEY_FAILURES: z.coerce.number().int().min(1).max(100_000).default(30),
    API_KEY_FAILURES_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
    // Address ranges webhook URLs may point to besides public ones (comma list of loopback, private, link-local).
    // Default: loopback in development, none otherwise (tests allow loopback explicitly).
    WEBHOOK_ALLOW_TARGETS: z
      .string()
      .regex(/^((loopback|private|link-local)(,(loopback|private|link-local))*)?$/, 'a comma list of loopback, private, link-local')
      .optional(),
    // Seconds between a failed delivery and its next attempt; the attempt after the last one is final (then DEAD).
    WEBHOOK_RETRY_SCHEDULE: z
      .string()
      .regex(/^\d+(,\d+)*$/, 'a comma list of seconds')
      .default('5,30,120,600,3600,21600'),
    // Failed deliveries in a row that disable an endpoint (admins are told).
    WEBHOOK_DISABLE_AFTER: z.coerce.number().int().min(1).max(1000).default(20),
    WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
    // Days a finished delivery and its attempts are kept after its last attempt (then the webhook-cleanup job deletes them).
    WEBHOOK_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    // Outgoing messages (platform/messaging): the channels this deployment really sends (`none`: none), and their
    // transports. A channel without a transport keeps its messages in the database (the local outbox); production
    // refuses to start when a channel listed here has none.
    MESSAGE_CHANNELS: z.string().regex(/^(none|(email|sms)(,(email|sms))*)$/, 'none, or a comma list of email, sms').default('email,sms'),
    SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
    MAIL_FROM: z.string().min(3).default('iSwitch Roofs <no-reply@iswitchroofs.test>'),
    SMS_API_URL: z.url({ protocol: /^https?$/ }).optional(),
    SMS_ACCOUNT_SID: z.string().min(1).optional(),
    SMS_AUTH_TOKEN: z.string().min(1).optional(),
    SMS_FROM: z.string().min(3).optional(),
    // Shared secret of the SMS provider's inbound webhook (POST /sms/inbound?secret=… or the X-Webhook-Secret header).
    SMS_INBOUND_SECRET: z.string().min(16).optional(),
    MESSAGE_RETRY_LIMIT: z.coerce.number().int().min(0).max(20).default(4),
    COMPANY_NAME: z.string().min(1).max(100).default('iSwitch Roofs'),
    COMPANY_TIME_ZONE: z.string().refine((tz) => { try { new Intl.DateTimeFormat('en-US', { timeZone: tz }); return true; } catch { return false; } }, 'an IANA time zone').default('America/Chicago'),
    // Where links in messages point (unsubscribe); default http://localhost:PORT.
    PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
    // Files (platform/storage): the disk under FILES_DIR (default DATA_DIR/files), or an S3-compatible bucket when
    // S3_BUCKET is set. Uploads are refused above FILES_MAX_BYTES; file URLs are signed for FILES_URL_TTL_SECONDS.
    FILES_DIR: z.string().min(1).optional(),
    FILES_MAX_BYTES: z.coerce.number().int().min(1024).max(1024 * 1024 * 1024).default(25 * 1024 * 1024),
    FILES_URL_TTL_SECONDS: z.coerce.number().int().min(1).max(3600).default(300),
    // Secret of the file URLs' HMAC; default: derived from the access-token signing key.
    FILES_URL_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
    S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'an S3 bucket name').optional(),
    S3_REGION: z.string().min(1).default('us-east-1'),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    S3_FORCE_PATH_STYLE: bool.optional(),
    S3_PREFIX: z.string().regex(/^([A-Za-z0-9_-][A-Za-z0-9._-]*\/)*$/, 'empty, or path segments each ending with /').optional(),
    // Prometheus metrics (platform/metrics): a listener of their own, and/or a bearer token for /metrics on PORT.
    METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    METRICS_HOST: z.string().min(1).optional(),
    METRICS_TOKEN: z
      .string()
      .min(16, 'must be at least 16 characters')
      .max(256)
      .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces')
      .optional(),
  });

/** Rules across variables, checked on the raw values so they are reported together with per-variable problems. */
function crossChecks(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (env.NODE_ENV === 'production' && !env.JWT_PRIVATE_KEY) {
    problems.push('JWT_PRIVATE_KEY: is required in production (PEM, PKCS#8 Ed25519)');
  }
  if (env.JWT_PRIVATE_KEY && !env.JWT_KEY_ID) problems.push('JWT_KEY_ID: is required when JWT_PRIVATE_KEY is set');
  if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
    problems.push('ADMIN_PASSWORD: ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  const shutdownDelay = Number(env.SHUTDOWN_DELAY_MS ?? 0);
  if (shutdownDelay > 0 && shutdownDelay >= Number(env.SHUTDOWN_TIMEOUT_MS ?? 10_000)) {
    problems.push('SHUTDOWN_DELAY_MS: must be shorter than SHUTDOWN_TIMEOUT_MS (the forced exit counts from the signal)');
  }
  const beat = Number(env.OUTBOX_HEARTBEAT_MS ?? 250);
  if (Number(env.OUTBOX_HEARTBEAT_TIMEOUT_MS ?? 750) < 2 * beat) {
    problems.push('OUTBOX_HEARTBEAT_TIMEOUT_MS: must be at least twice OUTBOX_HEARTBEAT_MS (one late heartbeat must not count as a dead relay)');
  }
  const channels = (env.MESSAGE_CHANNELS ?? 'email,sms').split(',');
  if (env.NODE_ENV === 'production' && channels.includes('email') && !env.SMTP_URL) {
    problems.push('SMTP_URL: is required in production while MESSAGE_CHANNELS includes email (or leave email out of MESSAGE_CHANNELS)');
  }
  if (env.NODE_ENV === 'production' && channels.includes('sms') && !env.SMS_API_URL) {
    problems.push('SMS_API_URL: is required in production while MESSAGE_CHANNELS includes sms (or leave sms out of MESSAGE_CHANNELS)');
  }
  if (env.SMS_API_URL) {
    for (const key of ['SMS_ACCOUNT_SID', 'SMS_AUTH_TOKEN', 'SMS_FROM']) if (!env[key]) problems.push(`${key}: is required when SMS_API_URL is set`);
  }
  if (env.NODE_ENV === 'production' && env.METRICS_TOKEN && env.METRICS_TOKEN.length < 32) {
    problems.push('METRICS_TOKEN: must be at least 32 characters in production (e.g. openssl rand -hex 32)');
  }
  if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
    problems.push('S3_SECRET_ACCESS_KEY: S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together');
  }
  for (const key of ['S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_PREFIX', 'S3_FORCE_PATH_STYLE']) {
    if (env[key] && !env.S3_BUCKET) problems.push(`${key}: has no effect without S3_BUCKET`);
  }
  if (env.METRICS_HOST && env.METRICS_PORT === undefined) problems.push('METRICS_HOST: has no effect without METRICS_PORT');
  if (env.METRICS_PORT !== undefined && Number(env.METRICS_PORT) !== 0 && Number(env.METRICS_PORT) === Number(env.PORT ?? 4000)) {
    problems.push('METRICS_PORT: must differ from PORT (set METRICS_TOKEN to serve /metrics on PORT)');
  }
  return problems;
}

export type Config = ReturnType<typeof toConfig>;

function toConfig(env: z.infer<typeof schema>) {
  const dev = env.NODE_ENV !== 'production';
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    logLevel: env.LOG_LEVEL,
    dataDir: env.DATA_DIR,
    databaseUrl: env.DATABASE_URL,
    databasePoolSize: env.DATABASE_POOL_SIZE,
    databasePoolWaitMs: env.DATABASE_POOL_WAIT_MS,
    embeddedPgPort: env.EMBEDDED_PG_PORT,
    embeddedPgSystemDir: env.EMBEDDED_PG_SYSTEM_DIR,
    redisUrl: env.REDIS_URL,
    cachePrefix: env.CACHE_PREFIX,
    cacheDisabled: env.CACHE_DISABLED ?? false,
    jwt: {
      privateKeyPem: env.JWT_PRIVATE_KEY?.replace(/\\n/g, '\n'),
      keyId: env.JWT_KEY_ID,
      issuer: env.JWT_ISSUER,
      audience: env.JWT_AUDIENCE,
      accessTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
      refreshTtlDays: env.REFRESH_TOKEN_TTL_DAYS,
    },
    /**
     * The per-process cache of signed-in viewers by session (platform/auth/viewer-cache.ts): changes reach it at once
     * (same process) or from the outbox stream (others), and it is bypassed while the stream is not live; `ttlMs` is
     * a safety net for changes made outside the application, 0 turns it off.
     */
    sessionCache: { ttlMs: env.SESSION_CACHE_TTL_MS, max: 10_000 },
    /**
     * The relay holding the outbox lock publishes a heartbeat on the bus every `intervalMs`; a process's outbox stream
     * is live only while it heard one within `timeoutMs`, so a dead, hung or cut-off relay turns every viewer cache off
     * within about `timeoutMs` (platform/realtime/outbox-stream.ts).
     */
    outboxHeartbeat: { intervalMs: env.OUTBOX_HEARTBEAT_MS, timeoutMs: env.OUTBOX_HEARTBEAT_TIMEOUT_MS },
    graphql: {
      introspection: env.GRAPHQL_INTROSPECTION ?? (dev ? 'public' : 'signed-in'),
      maxCost: env.GRAPHQL_MAX_COST,
      budget: { timeMs: env.GRAPHQL_TIMEOUT_MS, maxResponseBytes: env.GRAPHQL_MAX_RESPONSE_BYTES },
      /** Operations costing at least this run at most `heavyConcurrency` at a time (see heavy-lane.ts). */
      heavyCost: env.GRAPHQL_HEAVY_COST,
      heavyConcurrency: env.GRAPHQL_HEAVY_CONCURRENCY,
      /** GraphiQL on GET /graphql for browsers, in every mode (platform/graphql/ide.ts); GRAPHQL_IDE=false turns it off. */
      ide: env.GRAPHQL_IDE ?? true,
      /** Queries made only of catalogued lists are answered by SQL that builds their JSON (platform/graphql/compiled). */
      compiledReads: env.GRAPHQL_COMPILED_READS,
      wsInitTimeoutMs: env.WS_INIT_TIMEOUT_MS,
      /** Safety net: how often each process re-checks the sessions of its open sockets (the signal normally closes them at once). */
      wsSessionCheckMs: env.WS_SESSION_CHECK_MS,
    },
    seedDemoData: env.SEED_DEMO_DATA ?? dev,
    jobs: { workers: env.JOBS_WORKERS ?? true, pollSeconds: env.JOBS_POLL_SECONDS },
    admin: env.ADMIN_EMAIL && env.ADMIN_PASSWORD ? { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD } : undefined,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    /** Between readiness turning 503 and the listener closing, so load balancers stop routing here first. */
    shutdownDelayMs: env.SHUTDOWN_DELAY_MS,
    /** Express `trust proxy`: false (default), a hop count, or proxy addresses/CIDRs (see http/trust-proxy.ts). */
    trustProxy: env.TRUST_PROXY ?? false,
    /** Failed API-key authentications per client address (platform/http/key-failures.ts). */
    apiKeyFailures: { failures: env.API_KEY_FAILURES, windowSeconds: env.API_KEY_FAILURES_WINDOW_SECONDS },
    webhooks: {
      allowTargets: new Set((env.WEBHOOK_ALLOW_TARGETS ?? (env.NODE_ENV === 'development' ? 'loopback' : '')).split(',').filter(Boolean) as Array<'loopback' | 'private' | 'link-local'>),
      httpsOnly: !dev,
      retrySeconds: env.WEBHOOK_RETRY_SCHEDULE.split(',').map(Number),
      disableAfter: env.WEBHOOK_DISABLE_AFTER,
      timeoutMs: env.WEBHOOK_TIMEOUT_MS,
      retentionDays: env.WEBHOOK_RETENTION_DAYS,
      maxResponseBytes: 64 * 1024,
    },
    messaging: {
      channels: new Set(env.MESSAGE_CHANNELS.split(',').filter((c) => c !== 'none') as Array<'email' | 'sms'>),
      smtpUrl: env.SMTP_URL,
      mailFrom: env.MAIL_FROM,
      sms: env.SMS_API_URL ? { apiUrl: env.SMS_API_URL, accountSid: env.SMS_ACCOUNT_SID!, authToken: env.SMS_AUTH_TOKEN!, from: env.SMS_FROM! } : undefined,
      smsInboundSecret: env.SMS_INBOUND_SECRET,
      /** Failed sends retried by the `message-send` job before the message is FAILED. */
      retryLimit: env.MESSAGE_RETRY_LIMIT,
      publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
    },
    company: { name: env.COMPANY_NAME, timeZone: env.COMPANY_TIME_ZONE },
    /** Stored files (platform/storage): where they live, their size limit, and their signed URLs. */
    files: {
      dir: env.FILES_DIR ?? path.join(env.DATA_DIR, 'files'),
      maxBytes: env.FILES_MAX_BYTES,
      urlTtlSeconds: env.FILES_URL_TTL_SECONDS,
      urlSecret: env.FILES_URL_SECRET,
      s3: env.S3_BUCKET
        ? {
            endpoint: env.S3_ENDPOINT,
            bucket: env.S3_BUCKET,
            region: env.S3_REGION,
            accessKeyId: env.S3_ACCESS_KEY_ID,
            secretAccessKey: env.S3_SECRET_ACCESS_KEY,
            forcePathStyle: env.S3_FORCE_PATH_STYLE ?? false,
            prefix: env.S3_PREFIX,
          }
        : undefined,
    },

    /**
     * `/metrics` (Prometheus text): on a listener of its own when `port` is set (loopback unless `host` says
     * otherwise), on the main port for `Authorization: Bearer <token>` when `token` is set (required on both then),
     * nowhere otherwise (the main port answers 404). See platform/metrics/http.ts.
     */
    metrics: { port: env.METRICS_PORT, host: env.METRICS_HOST ?? '127.0.0.1', token: env.METRICS_TOKEN },
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment; throws a ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')) as Record<string, string>;
  const parsed = schema.safeParse(cleaned);
  const problems = [
    ...(parsed.error?.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}${valueHint(i.path, cleaned)}`) ?? []),
    ...crossChecks(cleaned),
  ];
  if (problems.length || !parsed.success) throw new ConfigError(problems);
  return toConfig(parsed.data);
}

function valueHint(p: PropertyKey[], env: Record<string, unknown>): string {
  const key = String(p[0] ?? '');
  if (!key || /KEY|PASSWORD|SECRET|URL|_TOKEN$/.test(key) || env[key] === undefined) return '';
  return ` (got "${String(env[key])}")`;
}
