import type { Readable } from 'node:stream';

/** What a stored object is: its size in bytes and the content type it was stored with. */
export interface StoredObject {
  size: number;
  contentType: string;
}

/**
 * Where files live (platform/storage): the local disk (`disk-storage.ts`) or any S3-compatible store
 * (`s3-storage.ts`), chosen by configuration (`createObjectStorage`). Keys are `/`-separated paths of letters, digits,
 * `.`, `_` and `-` (e.g. `attachments/<uuid>/original`); features choose them, the storage knows no feature.
 */
export interface ObjectStorage {
  /** Which implementation (`disk` or `s3`), for logs and the docs. */
  readonly driver: 'disk' | 's3';
  /**
   * Streams `body` into the object `key` (replacing it). The object exists only once the returned promise resolves:
   * a body that errors (e.g. a size limit, a client that hung up) leaves nothing behind.
   */
  put(key: string, body: Readable, o: { contentType: string }): Promise<StoredObject>;
  /** The object's bytes as a stream, or null when there is none. */
  get(key: string): Promise<Readable | null>;
  /** The object's size and type, or null when there is none. */
  head(key: string): Promise<StoredObject | null>;
  /** Removes the object; removing one that is not there is not an error. */
  delete(key: string): Promise<void>;
}

const KEY = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;

/** Refuses keys that could leave the storage's root (`..`, absolute paths) or name odd files. */
export function checkKey(key: string): string {
  if (key.length > 512 || !KEY.test(key) || key.split('/').some((part) => part === '..' || part === '.')) throw new Error(`Invalid storage key: ${key}`);
  return key;
}
