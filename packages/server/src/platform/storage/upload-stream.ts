import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';

/** Why an upload was refused before anything was stored: an HTTP status and a message for the person uploading. */
export class UploadRefused extends Error {
  constructor(
    readonly status: 400 | 409 | 413 | 415,
    message: string,
  ) {
    super(message);
    this.name = 'UploadRefused';
  }
}

/**
 * Reads the first `size` bytes of `source` (fewer when it ends sooner) and leaves the stream paused after them: the
 * bytes to sniff (and read metadata from) before deciding to store anything.
 */
export function readHead(source: Readable, size: number): Promise<{ head: Buffer; ended: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let n = 0;
    const done = (ended: boolean) => {
      source.off('data', onData);
      source.off('end', onEnd);
      source.off('error', reject);
      source.pause();
      resolve({ head: Buffer.concat(chunks), ended });
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      n += chunk.length;
      if (n >= size) done(false);
    };
    const onEnd = () => done(true);
    source.on('data', onData);
    source.once('end', onEnd);
    source.once('error', reject);
  });
}

/** What went through a `measured` stream once it ended: its size and SHA-256 (hex). */
export interface Measured {
  size: number;
  sha256: string;
}

/**
 * The whole upload again (`head`, then the rest of `source`) as one stream that counts and hashes the bytes and fails
 * with a 413 `UploadRefused` as soon as they pass `maxBytes`, so a storage writing it gives up without taking more.
 */
export function measured(head: Buffer, rest: Readable | null, maxBytes: number): { body: Readable; result: () => Measured } {
  let size = 0;
  const hash = createHash('sha256');
  async function* chunks(): AsyncGenerator<Buffer> {
    yield head;
    if (rest) for await (const chunk of rest) yield chunk as Buffer;
  }
  // Pulled as the storage reads it: nothing is read ahead, and the error reaches whoever consumes the body.
  const body = Readable.from(
    (async function* () {
      for await (const chunk of chunks()) {
        size += chunk.length;
        if (size > maxBytes) throw new UploadRefused(413, `The file is larger than ${formatBytes(maxBytes)}.`);
        hash.update(chunk);
        yield chunk;
      }
    })(),
    { objectMode: false },
  );
  let digest: string | null = null;
  return { body, result: () => ({ size, sha256: (digest ??= hash.digest('hex')) }) };
}

export const formatBytes = (n: number) => (n >= 1024 * 1024 ? `${Math.round((n / 1024 / 1024) * 10) / 10} MB` : `${Math.round(n / 1024)} kB`);
