import { readFileSync } from 'node:fs';
import path from 'node:path';
import { documentIdOf, OPERATIONS_DIR } from '../src/platform/graphql/registered-operations';
import type { GqlResponse, TestApp } from './harness';

/** The text and `documentId` of a registered partner operation (`operations/partner/<name>.graphql`). */
export function registered(name: string): { body: string; documentId: string } {
  const body = readFileSync(path.join(OPERATIONS_DIR, 'partner', `${name}.graphql`), 'utf8');
  return { body, documentId: documentIdOf(body) };
}

/** A POST to /graphql with an API key and any body (a `documentId` or a `query`), as a partner's client sends it. */
export async function keyCall<T = any>(t: TestApp, key: string, body: Record<string, unknown>): Promise<GqlResponse<T>> {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as GqlResponse<T>['body'], headers: res.headers };
}

/** An answer to `myPartnerFrom`: status, body and a header reader. */
export type KeyAnswer = Awaited<ReturnType<typeof myPartnerFrom>>;

/**
 * Runs the registered `MyPartner` with `key` as a client at `address`, claimed in X-Forwarded-For (believed by an app
 * trusting loopback proxies: `TRUST_PROXY: 'loopback'`).
 */
export async function myPartnerFrom(t: TestApp, address: string, key: string) {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, 'x-forwarded-for': address },
    body: JSON.stringify({ documentId: registered('MyPartner').documentId }),
  });
  const header = (name: string) => res.headers.get(name);
  return { status: res.status, body: (await res.json()) as { data?: any; errors?: Array<{ message: string; extensions: Record<string, unknown> }> }, header };
}

/** An answer's status and RateLimit-Limit / -Remaining. */
export const rateOf = (r: KeyAnswer) => [r.status, r.header('ratelimit-limit'), r.header('ratelimit-remaining')];

/** Runs a registered operation by its `documentId`. */
export const runRegistered = <T = any>(t: TestApp, key: string, name: string, variables: Record<string, unknown> = {}) =>
  keyCall<T>(t, key, { documentId: registered(name).documentId, variables });

const CREATE_KEY = `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret apiKey { id prefix scopes status } errors { field code message } } }`;

/** Creates a key as the given admin; returns its secret and id. */
export async function createKey(t: TestApp, adminToken: string, input: Record<string, unknown>): Promise<{ secret: string; id: string }> {
  const r = await t.gql(CREATE_KEY, { i: input }, adminToken);
  const payload = r.body.data?.createApiKey;
  if (!payload?.secret) throw new Error(`createApiKey failed: ${JSON.stringify(r.body)}`);
  return { secret: payload.secret, id: payload.apiKey.id };
}

/** A usage row as the `api_usage` table holds it (the key's own UUID). */
export interface UsageSeed {
  keyId: string;
  day: string;
  operation: string;
  count: number;
  errors: number;
  cost: number;
}

/** Writes usage rows straight into `api_usage` (days and operations the metering of real calls cannot produce). */
export async function seedUsage(t: TestApp, rows: UsageSeed[]): Promise<void> {
  const column = <K extends keyof UsageSeed>(k: K) => rows.map((r) => r[k]);
  await t.ds.query(
    `INSERT INTO api_usage (key_id, day, operation, count, errors, cost)
     SELECT * FROM unnest($1::uuid[], $2::date[], $3::varchar[], $4::int[], $5::int[], $6::bigint[])`,
    [column('keyId'), column('day'), column('operation'), column('count'), column('errors'), column('cost')],
  );
}
