import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { checkKey, type ObjectStorage, type StoredObject } from './object-storage';

/**
 * Objects as files under `root` (FILES_DIR, by default `.data/files`). A put writes a temporary file beside the
 * target and renames it into place, so readers never see half an object; the content type is kept in a `.type`
 * file next to it.
 */
export class DiskStorage implements ObjectStorage {
  readonly driver = 'disk' as const;

  constructor(private readonly root: string) {}

  private file(key: string): string {
    return path.join(this.root, ...checkKey(key).split('/'));
  }

  async put(key: string, body: Readable, o: { contentType: string }): Promise<StoredObject> {
    const file = this.file(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    const temp = `${file}.${randomUUID()}.part`;
    try {
      await pipeline(body, createWriteStream(temp, { mode: 0o600 }));
      await fs.writeFile(`${file}.type`, o.contentType, { mode: 0o600 });
      await fs.rename(temp, file);
    } catch (err) {
      await fs.rm(temp, { force: true });
      throw err;
    }
    return { size: (await fs.stat(file)).size, contentType: o.contentType };
  }

  async get(key: string): Promise<Readable | null> {
    const file = this.file(key);
    const handle = await fs.open(file, 'r').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null;
      throw err;
    });
    return handle ? handle.createReadStream() : null;
  }

  async head(key: string): Promise<StoredObject | null> {
    const file = this.file(key);
    const stat = await fs.stat(file).catch(() => null);
    if (!stat?.isFile()) return null;
    const contentType = await fs.readFile(`${file}.type`, 'utf8').catch(() => 'application/octet-stream');
    return { size: stat.size, contentType };
  }

  async delete(key: string): Promise<void> {
    const file = this.file(key);
    await fs.rm(file, { force: true });
    await fs.rm(`${file}.type`, { force: true });
  }
}
