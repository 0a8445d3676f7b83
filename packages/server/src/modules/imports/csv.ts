import { Readable } from 'node:stream';
import { parse, type Options } from 'csv-parse';

/** The largest file accepted (bytes). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** The file is stored in chunks of this size (bytes). */
export const CHUNK_BYTES = 1024 * 1024;

/** How many of the first rows are kept as samples for the mapping screen. */
export const SAMPLE_ROWS = 5;

/** A file that is not a CSV import can take, with the HTTP status that says so. */
export class CsvRefused extends Error {
  constructor(
    message: string,
    readonly status: 400 | 413 | 415,
  ) {
    super(message);
  }
}

const MAGIC: Array<[number[], string]> = [
  [[0x50, 0x4b, 0x03, 0x04], 'an Excel workbook or another ZIP archive'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Excel or Office file'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
];

const DELIMITERS = [',', ';', '\t', '|'];

/**
 * Decides from the first bytes of a file whether it is CSV text, and which delimiter its header row uses: UTF-8 (a
 * BOM is fine), no NUL bytes, not a known binary format. `complete`: `head` is the whole file. Throws `CsvRefused`.
 */
export function sniffCsv(head: Buffer, complete: boolean): { delimiter: string } {
  for (const [magic, what] of MAGIC) {
    if (magic.every((b, i) => head[i] === b)) throw new CsvRefused(`This is ${what}, not a CSV file: save it as "CSV UTF-8" and upload that.`, 415);
  }
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw new CsvRefused('This file is UTF-16 text: save it as "CSV UTF-8" and upload that.', 415);
  }
  if (head.includes(0)) throw new CsvRefused('This is not a text file: upload a CSV file.', 415);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !complete });
  } catch {
    throw new CsvRefused('This file is not UTF-8 text: save it as "CSV UTF-8" and upload that.', 415);
  }
  const firstLine = headerLine(text.replace(/^\uFEFF/, ''));
  if (!firstLine.trim()) throw new CsvRefused('The file is empty: its first row should name the columns.', 400);
  return { delimiter: delimiterOf(firstLine) };
}

/** The first line, up to a line break outside quotes. */
function headerLine(text: string): string {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) return text.slice(0, i);
  }
  return text;
}

/** The delimiter found most often outside quotes in the header line (a comma when there is none: one column). */
function delimiterOf(line: string): string {
  const counts = new Map(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/** csv-parse's options for an import's file: records as arrays of strings, with the line each ends on. */
export const csvOptions = (delimiter: string): Options => ({
  delimiter,
  bom: true,
  relax_column_count: true,
  skip_empty_lines: true,
  info: true,
});

/** One record of the file: its cells and the line of the file it ends on (the spreadsheet row, for most files). */
export interface CsvRecord {
  cells: string[];
  line: number;
}

/** The records of a CSV byte stream, in order (the header first). Parse errors are `CsvRefused` (400). */
export async function* csvRecords(source: AsyncIterable<Buffer>, delimiter: string): AsyncGenerator<CsvRecord> {
  const parser = Readable.from(source).pipe(parse(csvOptions(delimiter)));
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { cells: record, line: info.lines };
    }
  } catch (err) {
    throw csvProblem(err);
  }
}

/** A csv-parse error as the refusal a user can act on. */
export function csvProblem(err: unknown): unknown {
  if (err instanceof CsvRefused) return err;
  const e = err as { code?: string; message?: string; lines?: number };
  if (typeof e?.code === 'string' && e.code.startsWith('CSV_')) {
    return new CsvRefused(`The file is not valid CSV near line ${e.lines ?? '?'}: ${e.message ?? e.code}`, 400);
  }
  return err;
}
