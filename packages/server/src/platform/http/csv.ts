import type { Writable } from 'node:stream';

/** UTF-8 byte order mark: Excel reads a CSV file as UTF-8 only with it (names like "Jürgen Müller", "O'Brien – HOA"). */
export const CSV_BOM = '\uFEFF';

/**
 * A cell a spreadsheet would run as a formula starts with one of these (OWASP, "CSV injection"): `=`, `+`, `-`, `@`,
 * tab and carriage return. Such a text cell gets a leading `'`, which spreadsheets show as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
/** RFC 4180: a field with a comma, quote or line break is quoted (and leading or trailing spaces, which tools trim). */
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One CSV field: empty for null, text as given but neutralised and quoted when needed; numbers and booleans as they print. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record, CRLF-terminated (RFC 4180). */
export const csvRecord = (cells: readonly unknown[]): string => `${cells.map(csvCell).join(',')}\r\n`;

/**
 * Writes `records` to `out` as they come, waiting for `out` to drain whenever its buffer is full, so at most one batch
 * of records and the stream's own buffer are in memory whatever the size of the whole. Stops (returning false) when
 * `stopped()` turns true, e.g. once the client hung up. Returns the number of records written.
 */
export async function writeCsv(
  out: Writable,
  header: readonly string[],
  batches: AsyncIterable<ReadonlyArray<readonly unknown[]>>,
  stopped: () => boolean = () => false,
): Promise<{ records: number; complete: boolean }> {
  let records = 0;
  const write = async (chunk: string) => {
    if (!out.write(chunk)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          out.off('drain', done);
          out.off('close', done);
          resolve();
        };
        out.on('drain', done);
        out.on('close', done);
      });
    }
  };
  await write(CSV_BOM + csvRecord(header));
  for await (const batch of batches) {
    if (stopped()) return { records, complete: false };
    await write(batch.map(csvRecord).join(''));
    records += batch.length;
  }
  return { records, complete: !stopped() };
}
