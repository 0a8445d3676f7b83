import type { DataSource } from 'typeorm';
import { parse, type Parser } from 'csv-parse';
import { CHUNK_BYTES, csvOptions, csvProblem, CsvRefused, MAX_IMPORT_BYTES, SAMPLE_ROWS, sniffCsv } from './csv';

const MAX_COLUMNS = 200;
const HEAD_BYTES = 64 * 1024;

/** What storing a file found out about it. */
export interface StoredFile {
  size: number;
  delimiter: string;
  headers: string[];
  samples: string[][];
  rows: number;
}

/**
 * An uploaded file into `import_chunks` (CHUNK_BYTES each), parsed on the way: its size, delimiter, headers, first rows
 * and row count. CSV only (sniffed from its first bytes: UTF-8 text, not a spreadsheet or another binary), at most MAX_IMPORT_BYTES, a header row and at least one data
 * row; throws `CsvRefused` otherwise.
 */
export async function storeFile(ds: DataSource, importId: string, body: AsyncIterable<Buffer>): Promise<StoredFile> {
  let size = 0;
  let seq = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let head: Buffer[] = [];
  let headBytes = 0;
  let delimiter: string | null = null;
  let headers: string[] | null = null;
  const samples: string[][] = [];
  let rows = 0;
  let problem: unknown = null;
  let parser: Parser | null = null;
  const start = (buffer: Buffer, complete: boolean) => {
    delimiter = sniffCsv(buffer, complete).delimiter;
    parser = parse({ ...csvOptions(delimiter), info: false });
    parser.on('data', (record: string[]) => {
      if (!headers) {
        if (record.length > MAX_COLUMNS) problem = new CsvRefused(`The file has ${record.length} columns; at most ${MAX_COLUMNS} can be imported.`, 400);
        headers = record.map((h, i) => h.trim() || `Column ${i + 1}`);
      } else {
        rows++;
        if (samples.length < SAMPLE_ROWS) samples.push(record);
      }
    });
    parser.on('error', (err) => (problem = csvProblem(err)));
  };
  const flush = async (all: boolean) => {
    while (pendingBytes >= CHUNK_BYTES || (all && pendingBytes > 0)) {
      const joined = Buffer.concat(pending);
      const chunk = joined.subarray(0, CHUNK_BYTES);
      const rest = joined.subarray(chunk.length);
      pending = rest.length ? [rest] : [];
      pendingBytes = rest.length;
      await ds.query('INSERT INTO import_chunks (import_id, seq, data) VALUES ($1, $2, $3)', [importId, seq++, chunk]);
    }
  };
  const feed = async (buffer: Buffer) => {
    parser!.write(buffer);
    if (problem) throw problem;
    pending.push(buffer);
    pendingBytes += buffer.length;
    await flush(false);
  };
  for await (const chunk of body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    size += buffer.length;
    if (size > MAX_IMPORT_BYTES) throw new CsvRefused(`The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB: split it into smaller files.`, 413);
    if (delimiter === null) {
      head.push(buffer);
      headBytes += buffer.length;
      if (headBytes < HEAD_BYTES) continue;
      const first = Buffer.concat(head);
      head = [];
      start(first, false);
      await feed(first);
    } else {
      await feed(buffer);
    }
  }
  if (delimiter === null) {
    const all = Buffer.concat(head);
    if (!all.length) throw new CsvRefused('The file is empty: its first row should name the columns.', 400);
    start(all, true);
    await feed(all);
  }
  const ended = parser as Parser | null;
  await new Promise<void>((resolve, reject) => {
    if (problem || !ended) return reject(problem);
    ended.once('end', resolve);
    ended.once('error', (err) => reject(csvProblem(err)));
    ended.end();
  });
  if (problem) throw problem;
  await flush(true);
  if (!headers) throw new CsvRefused('The file is empty: its first row should name the columns.', 400);
  if (!rows) throw new CsvRefused('The file has a header row but no data rows.', 400);
  return { size, delimiter: delimiter!, headers: headers as string[], samples, rows };
}

/** The bytes of an import's file, chunk by chunk, a few at a time. */
export async function* fileOf(ds: DataSource, importId: string): AsyncGenerator<Buffer> {
  let next = 0;
  for (;;) {
    const rows: Array<{ seq: number; data: Buffer }> = await ds.query('SELECT seq, data FROM import_chunks WHERE import_id = $1 AND seq >= $2 ORDER BY seq LIMIT 4', [importId, next]);
    if (!rows.length) return;
    for (const r of rows) {
      yield r.data;
      next = r.seq + 1;
    }
  }
}
