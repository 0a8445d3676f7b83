import { hkdfSync } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { DiskStorage } from './disk-storage';
import type { ObjectStorage } from './object-storage';
import { S3Storage, type S3Settings } from './s3-storage';
import { UrlSigner } from './signed-urls';

export interface FileSettings {
  /** Root of the disk storage (FILES_DIR). */
  dir: string;
  /** Set when S3_BUCKET is: files go to that bucket instead of the disk. */
  s3?: S3Settings;
  urlTtlSeconds: number;
  urlSecret?: string;
}

/** The configured storage: the S3-compatible bucket when one is set, else the disk under FILES_DIR. */
export function createObjectStorage(files: FileSettings): ObjectStorage {
  return files.s3 ? new S3Storage(files.s3) : new DiskStorage(files.dir);
}

/**
 * The signer of file URLs: FILES_URL_SECRET when set, else a key derived (HKDF) from the access-token signing key, so
 * every process of a deployment signs and checks alike without another secret to manage.
 */
export function createUrlSigner(files: FileSettings, signingKey: KeyObject): UrlSigner {
  const secret = files.urlSecret
    ? Buffer.from(files.urlSecret, 'utf8')
    : Buffer.from(hkdfSync('sha256', signingKey.export({ type: 'pkcs8', format: 'der' }), Buffer.alloc(0), 'crm signed file urls', 32));
  return new UrlSigner(secret, files.urlTtlSeconds);
}
