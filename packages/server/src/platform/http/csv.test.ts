import { Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { CSV_BOM, csvCell, csvRecord, writeCsv } from './csv';

describe('csvCell', () => {
  it('quotes fields with commas, quotes, line breaks or edge spaces (RFC 4180), and nothing else', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('Smith, John')).toBe('"Smith, John"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rlf')).toBe('"cr\rlf"');
    expect(csvCell(' padded ')).toBe('" padded "');
    expect(csvCell('Jürgen Müller – HOA')).toBe('Jürgen Müller – HOA');
  });

  it('writes null as empty, numbers and booleans as they print, times in ISO 8601', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(new Date('2026-12-06T14:30:00Z'))).toBe('2026-12-06T14:30:00.000Z');
  });

  it('neutralises text a spreadsheet would run as a formula: = + - @ tab CR first get a quote', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","click")')).toBe(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csvCell('+1 612 555 0142')).toBe("'+1 612 555 0142");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)");
    expect(csvCell('\t=1+1')).toBe("'\t=1+1");
    expect(csvCell('\r=1+1')).toBe(`"'\r=1+1"`);
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('user@example.com')).toBe('user@example.com');
  });

  it('makes records a CSV parser reads back as given (but for the neutralising quote)', () => {
    const cells = ['Smith, John', 'say "hi"', 'two\r\nlines', '', 'Müller', '=1+1'];
    const [row] = parse(csvRecord(cells), { bom: true }) as string[][];
    expect(row).toEqual(['Smith, John', 'say "hi"', 'two\r\nlines', '', 'Müller', "'=1+1"]);
    expect(csvRecord(['a', 'b'])).toBe('a,b\r\n');
  });
});

/** A sink that takes one chunk and then reports a full buffer until drained by the test. */
class SlowSink extends Writable {
  chunks: string[] = [];
  private pending: Array<() => void> = [];
  constructor() {
    super({ highWaterMark: 1, decodeStrings: false });
  }
  override _write(chunk: string, _enc: BufferEncoding, done: () => void) {
    this.chunks.push(chunk);
    this.pending.push(done);
  }
  /** Lets the pending writes complete (the stream then emits 'drain'). */
  release() {
    for (const done of this.pending.splice(0)) done();
  }
}

describe('writeCsv', () => {
  it('writes the BOM and the header, then each batch, and reads no batch before the sink drains', async () => {
    const sink = new SlowSink();
    let produced = 0;
    async function* batches() {
      for (let b = 0; b < 3; b++) {
        produced++;
        yield [[`row ${b}`, b]];
      }
    }
    const done = writeCsv(sink, ['Name', 'N'], batches());
    await new Promise((r) => setImmediate(r));
    // The header filled the sink: nothing more is asked of the batches until it drains.
    expect(sink.chunks).toEqual([`${CSV_BOM}Name,N\r\n`]);
    expect(produced).toBe(0);
    for (let i = 1; i <= 3; i++) {
      sink.release();
      await new Promise((r) => setImmediate(r));
      expect(produced).toBe(i);
      expect(sink.chunks).toHaveLength(i + 1);
    }
    sink.release();
    expect(await done).toEqual({ records: 3, complete: true });
    expect(sink.chunks.join('')).toBe(`${CSV_BOM}Name,N\r\nrow 0,0\r\nrow 1,1\r\nrow 2,2\r\n`);
  });

  it('stops when told (the client hung up) and says the file is incomplete', async () => {
    const sink = new Writable({ write: (_c, _e, done) => done() });
    let stop = false;
    async function* batches() {
      yield [['a']];
      stop = true;
      yield [['b']];
      throw new Error('not read');
    }
    expect(await writeCsv(sink, ['X'], batches(), () => stop)).toEqual({ records: 1, complete: false });
  });
});
