import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { spaRoutes } from './spa';

let dir: string;
let server: http.Server;
let url: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-web-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>CRM</title>');
  fs.writeFileSync(path.join(dir, 'assets', 'app-abc123.js'), 'console.log(1)');
  const app = express();
  app.get('/graphql', (_req, res) => res.json({ api: true }));
  app.use(spaRoutes(dir)!);
  server = http.createServer(app).listen(0);
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('serves hashed assets with long caching', async () => {
  const res = await fetch(`${url}/assets/app-abc123.js`);
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toContain('immutable');
});

it('answers client-side routes with index.html, and leaves the API alone', async () => {
  const page = await fetch(`${url}/leads/board`, { headers: { accept: 'text/html' } });
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('<title>CRM</title>');
  expect(await (await fetch(`${url}/graphql`)).json()).toEqual({ api: true });
  expect((await fetch(`${url}/missing.json`, { headers: { accept: 'application/json' } })).status).toBe(404);
});

it('is off when the web app has not been built', () => {
  expect(spaRoutes(path.join(dir, 'nope'))).toBeNull();
});
