import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { S3Server } from '../../../test/s3-server';
import { DiskStorage } from './disk-storage';
import type { ObjectStorage } from './object-storage';
import { S3Storage } from './s3-storage';
import { UrlSigner } from './signed-urls';
import { sniff, typesOfDeclared, typesOfName } from './sniff';
import { measured, UploadRefused } from './upload-stream';

let s3: S3Server;
let dir: string;
const storages: Record<string, () => ObjectStorage> = {};

beforeAll(async () => {
  s3 = await S3Server.start();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'files-'));
  const e = s3.env();
  storages.disk = () => new DiskStorage(dir);
  storages.s3 = () => new S3Storage({ endpoint: e.S3_ENDPOINT, bucket: e.S3_BUCKET!, region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', forcePathStyle: true, prefix: 'test/' });
});
afterAll(async () => {
  await s3.stop();
  await fs.rm(dir, { recursive: true, force: true });
});

describe.each(['disk', 's3'])('%s storage', (driver) => {
  it('puts a stream, heads, gets and deletes it', async () => {
    const storage = storages[driver]!();
    const body = 'x'.repeat(6 * 1024 * 1024 + 17); // more than one multipart part
    expect(await storage.put('a/one.txt', Readable.from([Buffer.from(body)]), { contentType: 'text/plain' })).toEqual({ size: body.length, contentType: 'text/plain' });
    expect(await storage.head('a/one.txt')).toEqual({ size: body.length, contentType: 'text/plain' });
    expect(await text((await storage.get('a/one.txt'))!)).toBe(body);
    await storage.delete('a/one.txt');
    expect(await storage.head('a/one.txt')).toBeNull();
    expect(await storage.get('a/one.txt')).toBeNull();
    await storage.delete('a/one.txt');
  });

  it('stores nothing when the body fails (over the size limit)', async () => {
    const storage = storages[driver]!();
    const { body } = measured(Buffer.alloc(1000, 1), Readable.from([Buffer.alloc(6 * 1024 * 1024, 2)]), 5 * 1024 * 1024);
    await expect(storage.put('a/big.bin', body, { contentType: 'application/octet-stream' })).rejects.toBeInstanceOf(UploadRefused);
    expect(await storage.head('a/big.bin')).toBeNull();
    if (driver === 'disk') expect(await fs.readdir(path.join(dir, 'a'))).toEqual([]);
  });

  it('refuses keys that leave its root', async () => {
    const storage = storages[driver]!();
    for (const key of ['../x', '/etc/passwd', 'a/../../x', 'a//b', '']) await expect(storage.head(key)).rejects.toThrow('Invalid storage key');
  });
});

describe('sniff', () => {
  it('knows the formats by their first bytes, not their names', () => {
    expect(sniff(Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0, 0]))).toBe('image/jpeg');
    expect(sniff(Buffer.from('89504e470d0a1a0a0000', 'hex'))).toBe('image/png');
    expect(sniff(Buffer.from('GIF89a....'))).toBe('image/gif');
    expect(sniff(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'))).toBe('image/webp');
    expect(sniff(Buffer.from('\x00\x00\x00\x18ftypheic\x00\x00\x00\x00', 'latin1'))).toBe('image/heic');
    expect(sniff(Buffer.from('\x00\x00\x00\x18ftypmif1\x00\x00\x00\x00', 'latin1'))).toBe('image/heif');
    expect(sniff(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniff(Buffer.from('MZ\x90\x00', 'latin1'))).toBeNull();
    expect(sniff(Buffer.from('<svg xmlns='))).toBeNull();
    expect(sniff(Buffer.alloc(0))).toBeNull();
  });
  it('reads names and declared types', () => {
    expect(typesOfName('IMG_0001.JPG')).toEqual(['image/jpeg']);
    expect(typesOfName('scope.pdf')).toEqual(['application/pdf']);
    expect(typesOfName('photo')).toBeNull();
    expect(typesOfName('invoice.exe')).toEqual([]);
    expect(typesOfDeclared('image/jpg')).toEqual(['image/jpeg']);
    expect(typesOfDeclared('application/octet-stream')).toBeNull();
    expect(typesOfDeclared('text/html; charset=utf-8')).toEqual([]);
  });
});

describe('UrlSigner', () => {
  it('binds resource, subject and expiry; refuses a changed one and an expired one', () => {
    const signer = new UrlSigner(Buffer.alloc(32, 7), 300);
    let now = Date.UTC(2026, 0, 1);
    signer.clock = () => now;
    const { params, expiresAt } = signer.sign('attachment/1/original', 'alice');
    expect(expiresAt.getTime()).toBe(now + 300_000);
    expect(signer.check('attachment/1/original', params)).toEqual({ ok: true, subject: 'alice' });
    expect(signer.check('attachment/2/original', params)).toEqual({ ok: false, reason: 'INVALID' });
    expect(signer.check('attachment/1/original', { ...params, sub: 'bob' })).toEqual({ ok: false, reason: 'INVALID' });
    expect(signer.check('attachment/1/original', { ...params, exp: String(Number(params.exp) + 3600) })).toEqual({ ok: false, reason: 'INVALID' });
    expect(signer.check('attachment/1/original', {})).toEqual({ ok: false, reason: 'INVALID' });
    now += 300_000;
    expect(signer.check('attachment/1/original', params)).toEqual({ ok: false, reason: 'EXPIRED' });
  });
});
