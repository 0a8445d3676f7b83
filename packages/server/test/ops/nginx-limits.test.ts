import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { attachmentWorld, photoWithExif } from '../attachments';
import { useTestApp } from '../harness';
import { makeWebDist, type WebDist } from '../web-dist';
import { call, type Answer, type Target } from './edge-client';
import { startNginx, type Nginx } from './nginx';

/**
 * deploy/nginx's body limits in front of a real server: 1 MB for everything (the API's JSON limit), 50 MB for the file
 * uploads — CSV imports (POST /imports, the API's own file limit) and photos and documents (POST /uploads, whose
 * FILES_MAX_BYTES the API enforces itself) — streamed to the process rather than buffered by nginx first. Each
 * refusal is nginx's own 413, in the shape the API would answer at that address.
 */
const files = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-files-'));
const { t, w } = useTestApp(attachmentWorld, { env: { FILES_DIR: files } });
let web: WebDist | undefined;
let nginx: Nginx | undefined;
let edge: Target;

beforeAll(async () => {
  web = makeWebDist();
  fs.chmodSync(web.dir, 0o755); // nginx's workers (nobody, when the test runs as root) read the web root
  nginx = await startNginx({ upstreams: [Number(new URL(t.url).port)], webRoot: web.dir, apiRate: '100r/s', apiBurst: 100, loginRate: '10r/m', loginBurst: 10 });
  edge = { name: 'nginx', url: `https://127.0.0.1:${nginx.httpsPort}`, agent: new https.Agent({ keepAlive: false, ca: nginx.ca }) };
});

afterAll(async () => {
  edge?.agent.destroy();
  await nginx?.stop();
  web?.remove();
  fs.rmSync(files, { recursive: true, force: true });
});

/** A CSV of customers just over `bytes` long, and its number of data rows. */
function customersCsv(bytes: number): { csv: Buffer; rows: number } {
  const lines = ['Name,Email,Phone'];
  let size = lines[0]!.length + 1;
  for (let i = 0; size <= bytes; i++) {
    const line = `Customer ${i},customer.${i}@example.com,612-555-${String(i % 10_000).padStart(4, '0')}`;
    lines.push(line);
    size += line.length + 1;
  }
  return { csv: Buffer.from(`${lines.join('\n')}\n`), rows: lines.length - 1 };
}

/** The answer to a request that announces `contentLength` bytes and sends none of them (nginx judges the header). */
function announced(path: string, contentLength: number, token: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = https.request(new URL(path, edge.url), {
      method: 'POST',
      agent: edge.agent,
      headers: { 'content-type': 'text/csv', 'content-length': String(contentLength), authorization: `Bearer ${token}` },
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        req.destroy();
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode!, headers: res.headers, body, json: () => JSON.parse(body.toString()) });
      });
    });
    req.on('error', reject);
    req.flushHeaders();
  });
}

it('a 3 MB import upload reaches the server through nginx, streamed (not buffered to disk); 3 MB of GraphQL does not', async () => {
  const token = w.as.sales.accessToken;
  const { csv, rows } = customersCsv(3 * 1024 * 1024);
  const upload = await call(edge, '/imports?kind=CUSTOMER&fileName=big.csv', {
    method: 'POST',
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
    body: csv,
  });
  expect([upload.status, upload.json()]).toEqual([201, { id: expect.any(String), status: 'UPLOADED', rowCount: rows }]);
  // With request buffering on, nginx would first write a body larger than its 1 MB buffer to a temporary file (and
  // say so at warn level); unbuffered, it passes the body on as it arrives.
  expect(nginx!.output()).not.toContain('buffered to a temporary file');

  const graphql = await call(edge, '/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: Buffer.alloc(3 * 1024 * 1024, 0x20),
  });
  expect(graphql.status).toBe(413);
  expect(graphql.json()).toEqual({ errors: [{ message: 'The request body is larger than 1 MB.', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
  // Just over 1 MB is enough for the general limit.
  const justOver = await call(edge, '/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.alloc(1_200_000, 0x20) });
  expect(justOver.status).toBe(413);
});

it('an import over 50 MB is refused by nginx from its Content-Length, in the import route\'s shape', async () => {
  const tooBig = await announced('/imports?kind=CUSTOMER', 50 * 1024 * 1024 + 1, w.as.sales.accessToken);
  expect([tooBig.status, tooBig.json()]).toEqual([413, { error: 'The file is larger than 50 MB: split it into smaller files.' }]);
  // The limit is the upload's alone: the report downloads under /imports/ keep the general one.
  expect((await announced('/imports/x/errors.csv', 2 * 1024 * 1024, w.as.sales.accessToken)).status).toBe(413);
});

it('a 3 MB photo upload reaches the server through nginx, streamed; the API refuses one over FILES_MAX_BYTES itself, nginx one over 50 MB', async () => {
  const token = w.as.sales.accessToken;
  const photo = Buffer.concat([await photoWithExif(), Buffer.alloc(3 * 1024 * 1024, 1)]);
  const upload = await call(edge, `/uploads?ownerId=${encodeURIComponent(w.crewProject)}&kind=DAMAGE&fileName=roof.jpg`, {
    method: 'POST',
    headers: { 'content-type': 'image/jpeg', 'idempotency-key': randomUUID(), authorization: `Bearer ${token}` },
    body: photo,
  });
  expect([upload.status, upload.json()]).toMatchObject([201, { contentType: 'image/jpeg', sizeBytes: photo.length }]);
  expect(nginx!.output()).not.toContain('buffered to a temporary file');
  // Over FILES_MAX_BYTES (25 MB) but within the edge's 50 MB: the server's own answer, from the Content-Length.
  const overFiles = await announced(`/uploads?ownerId=${encodeURIComponent(w.crewProject)}&kind=DAMAGE`, 30 * 1024 * 1024, token);
  expect([overFiles.status, overFiles.json()]).toEqual([413, { error: 'The file is larger than 25 MB.' }]);
  // Over 50 MB: nginx's (the process never sees it), in the upload route's words.
  const overEdge = await announced(`/uploads?ownerId=${encodeURIComponent(w.crewProject)}&kind=DAMAGE`, 50 * 1024 * 1024 + 1, token);
  expect([overEdge.status, overEdge.json()]).toEqual([413, { error: 'The file is larger than 25 MB.' }]);
  // The API's answer carries its headers (no-store); nginx's own does not.
  expect([overFiles.headers['cache-control'], overEdge.headers['cache-control']]).toEqual(['no-store', undefined]);
  // Only the upload itself: GET /uploads/<key> and anything below /uploads/ keep the general limit.
  expect((await announced('/uploads/some-key', 2 * 1024 * 1024, token)).status).toBe(413);
});
