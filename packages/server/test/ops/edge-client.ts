import http from 'node:http';
import https from 'node:https';

/**
 * A client for the ops tests: requests to a server process directly (HTTP) or through nginx (HTTPS, its self-signed
 * certificate trusted by the target's agent), answers read whole.
 */

/** Where requests go: a process directly (HTTP) or nginx (HTTPS), each over its own keep-alive agent. */
export interface Target {
  name: string;
  url: string;
  agent: http.Agent;
}

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  json(): any;
}

export const LOGIN = 'mutation($i: LoginInput!) { login(input: $i) { accessToken errors { code } } }';
export const admin = { email: 'admin@iswitchroofs.test', password: 'RoofDemo!2026' };
export const sales = { email: 'sales@iswitchroofs.test', password: 'RoofDemo!2026' };

export function call(
  target: Target,
  path: string,
  o: { method?: string; headers?: Record<string, string>; body?: string | Buffer; localAddress?: string } = {},
): Promise<Answer> {
  const url = new URL(path, target.url);
  const send = url.protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const req = send(url, { method: o.method ?? 'GET', headers: o.headers, agent: target.agent, localAddress: o.localAddress }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode!, headers: res.headers, body, json: () => JSON.parse(body.toString()) });
      });
    });
    req.on('error', reject);
    req.end(o.body);
  });
}

export function gql(target: Target, query: string, variables?: object, token?: string, o: { localAddress?: string; headers?: Record<string, string> } = {}) {
  return call(target, '/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...o.headers },
    body: JSON.stringify({ query, variables }),
    localAddress: o.localAddress,
  });
}

export async function login(target: Target, who: { email: string; password: string }, localAddress?: string): Promise<string> {
  const res = await gql(target, LOGIN, { i: who }, undefined, { localAddress });
  const token = res.status === 200 ? (res.json().data?.login?.accessToken as string | undefined) : undefined;
  if (!token) throw new Error(`login through ${target.name} failed: ${res.status} ${res.body.toString()}`);
  return token;
}

/** Rejects with `what` if `promise` has not settled within `ms` (a deadline, so a hang names itself). */
export function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`deadline: ${what} within ${ms} ms`)), ms))),
  ]).finally(() => clearTimeout(timer));
}
