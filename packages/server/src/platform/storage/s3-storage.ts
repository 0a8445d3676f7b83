import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { Readable } from 'node:stream';
import { checkKey, type ObjectStorage, type StoredObject } from './object-storage';

export interface S3Settings {
  /** e.g. `https://s3.us-east-1.amazonaws.com`, `https://<account>.r2.cloudflarestorage.com`, `http://127.0.0.1:9000`; AWS's own when omitted. */
  endpoint?: string;
  bucket: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** `https://host/bucket/key` instead of `https://bucket.host/key` (MinIO, s3rver, most self-hosted stores). */
  forcePathStyle: boolean;
  /** Objects are written under this prefix (e.g. `crm/`), so one bucket can serve several deployments. */
  prefix?: string;
}

const missing = (err: unknown) => {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404;
};

/**
 * Objects in an S3-compatible bucket. A put streams the body as a multipart upload (5 MB parts, two in flight: memory
 * stays bounded whatever the file's size and its length need not be known); a failed body aborts the upload, so no
 * object appears.
 */
export class S3Storage implements ObjectStorage {
  readonly driver = 's3' as const;
  private readonly client: S3Client;

  constructor(private readonly s: S3Settings) {
    const config: S3ClientConfig = { region: s.region, forcePathStyle: s.forcePathStyle, endpoint: s.endpoint };
    if (s.accessKeyId && s.secretAccessKey) config.credentials = { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey };
    this.client = new S3Client(config);
  }

  private key(key: string): string {
    return `${this.s.prefix ?? ''}${checkKey(key)}`;
  }

  async put(key: string, body: Readable, o: { contentType: string }): Promise<StoredObject> {
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.s.bucket, Key: this.key(key), Body: body, ContentType: o.contentType },
      queueSize: 2,
      partSize: 5 * 1024 * 1024,
      leavePartsOnError: false,
    });
    // A body that fails (size limit, client gone) must stop the upload, not leave it waiting for more bytes.
    const failed = new Promise<never>((_, reject) => body.once('error', reject));
    try {
      await Promise.race([upload.done(), failed]);
    } catch (err) {
      await upload.abort().catch(() => {});
      throw err;
    }
    const stored = await this.head(key);
    if (!stored) throw new Error(`The object ${key} was not stored.`);
    return stored;
  }

  async get(key: string): Promise<Readable | null> {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.s.bucket, Key: this.key(key) }));
      return out.Body as Readable;
    } catch (err) {
      if (missing(err)) return null;
      throw err;
    }
  }

  async head(key: string): Promise<StoredObject | null> {
    try {
      const out = await this.client.send(new HeadObjectCommand({ Bucket: this.s.bucket, Key: this.key(key) }));
      return { size: Number(out.ContentLength ?? 0), contentType: out.ContentType ?? 'application/octet-stream' };
    } catch (err) {
      if (missing(err)) return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.s.bucket, Key: this.key(key) }));
  }

  /** Closes the client's connections. */
  destroy(): void {
    this.client.destroy();
  }
}
