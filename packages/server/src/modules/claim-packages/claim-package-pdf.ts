import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';

/** What a claim package shows, every value already as text (amounts as currency, times on the company's clock). */
export interface PackageFacts {
  companyName: string;
  /** "Claim <number>" (or the carrier's name when the claim has no number yet): titles, footer, file name. */
  title: string;
  generatedAt: string;
  /** The claim's summary, label and value, in order. */
  summary: Array<[string, string]>;
  /** The claim's money, label and amount, in order. */
  money: Array<[string, string]>;
  supplement: PackageSupplement | null;
  photos: PackagePhoto[];
}

export interface PackageSupplement {
  title: string;
  /** Status, sent and answered, as one line. */
  state: string;
  lines: Array<{ description: string; quantity: string; unitPrice: string; requested: string; approvedQuantity: string; approvedUnitPrice: string; approved: string }>;
  requestedTotal: string;
  approvedTotal: string;
}

export interface PackagePhoto {
  /** A JPEG, upright (EXIF rotation applied). */
  jpeg: Buffer;
  width: number;
  height: number;
  /** Kind and when taken, as one line. */
  heading: string;
  caption: string | null;
}

const PAGE = { width: 612, height: 792 }; // US Letter, points
const MARGIN = 48;
const FOOTER = 28;
const INK = rgb(0.13, 0.15, 0.18);
const MUTED = rgb(0.42, 0.45, 0.5);
const RULE = rgb(0.82, 0.84, 0.87);

/** Supplement table columns: header, width, right-aligned. */
const COLUMNS: Array<[string, number, boolean]> = [
  ['Item', 150, false],
  ['Qty', 58, true],
  ['Unit price', 62, true],
  ['Requested', 68, true],
  ['Appr. qty', 58, true],
  ['Appr. price', 62, true],
  ['Approved', 58, true],
];

/** Lays text out top to bottom, starting a new page when the next block does not fit. */
class Layout {
  page!: PDFPage;
  y = 0;
  private readonly chars: Set<number>;

  constructor(
    readonly doc: PDFDocument,
    readonly font: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.chars = new Set(font.getCharacterSet());
    this.newPage();
  }

  get width(): number {
    return PAGE.width - 2 * MARGIN;
  }

  newPage(): void {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - MARGIN;
  }

  /** Starts a new page unless `height` more points fit on this one. */
  ensure(height: number): void {
    if (this.y - height < MARGIN + FOOTER) this.newPage();
  }

  /** Text the standard fonts can draw (WinAnsi): accents kept where they exist, anything else as "?". */
  clean(text: string): string {
    return [...text.replace(/[\r\n\t]+/g, ' ')].map((c) => (this.chars.has(c.codePointAt(0)!) ? c : (c.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') || '?'))).map((c) => ([...c].every((x) => this.chars.has(x.codePointAt(0)!)) ? c : '?')).join('');
  }

  /** `text` broken into lines of at most `width` points. */
  wrap(text: string, size: number, width: number, font = this.font): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of this.clean(text).split(' ')) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) <= width || !line) line = next;
      else {
        lines.push(line);
        line = word;
      }
    }
    if (line) lines.push(line);
    return lines;
  }

  /** Draws one line at the current height (no advance); right-aligned within `width` from `x` when asked; shrunk to fit. */
  draw(text: string, o: { x?: number; size?: number; bold?: boolean; color?: ReturnType<typeof rgb>; width?: number; right?: boolean }): void {
    const font = o.bold ? this.bold : this.font;
    const clean = this.clean(text);
    let size = o.size ?? 10;
    while (o.width && size > 5 && font.widthOfTextAtSize(clean, size) > o.width) size -= 0.5;
    const w = font.widthOfTextAtSize(clean, size);
    const x = MARGIN + (o.x ?? 0) + (o.right && o.width ? o.width - w : 0);
    this.page.drawText(clean, { x, y: this.y - size, size, font, color: o.color ?? INK });
  }

  /** Wrapped paragraph, advancing. */
  paragraph(text: string, o: { size?: number; bold?: boolean; color?: ReturnType<typeof rgb>; gap?: number } = {}): void {
    const size = o.size ?? 10;
    for (const line of this.wrap(text, size, this.width, o.bold ? this.bold : this.font)) {
      this.ensure(size * 1.35);
      this.draw(line, { ...o, size });
      this.y -= size * 1.35;
    }
    this.y -= o.gap ?? 0;
  }

  heading(text: string): void {
    this.ensure(40);
    this.y -= 10;
    this.draw(text, { size: 13, bold: true });
    this.y -= 17;
    this.rule();
  }

  rule(): void {
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: PAGE.width - MARGIN, y: this.y }, thickness: 0.5, color: RULE });
    this.y -= 6;
  }

  /** Label and value rows; values wrap, amounts align right. */
  pairs(rows: Array<[string, string]>, o: { right?: boolean } = {}): void {
    const labelWidth = 170;
    for (const [label, value] of rows) {
      const lines = o.right ? [value] : this.wrap(value, 10, this.width - labelWidth);
      this.ensure(lines.length * 13.5 + 2);
      this.draw(label, { color: MUTED });
      for (const line of lines) {
        this.draw(line, { x: labelWidth, width: this.width - labelWidth, right: o.right });
        this.y -= 13.5;
      }
      this.y -= 2;
    }
  }

  /** One row of the supplement table (`cells` as COLUMNS); the first cell wraps. */
  tableRow(cells: string[], o: { bold?: boolean; size?: number } = {}): void {
    const size = o.size ?? 8;
    const first = this.wrap(cells[0] ?? '', size, COLUMNS[0]![1] - 6, o.bold ? this.bold : this.font);
    const height = first.length * size * 1.3 + 4;
    this.ensure(height);
    let x = 0;
    COLUMNS.forEach(([, width, right], i) => {
      if (i === 0) first.forEach((line, n) => this.drawAt(line, { x, dy: n * size * 1.3, size, bold: o.bold }));
      else this.drawAt(cells[i] ?? '', { x, dy: 0, size, bold: o.bold, width: width - 4, right });
      x += width;
    });
    this.y -= height;
  }

  private drawAt(text: string, o: { x: number; dy: number; size: number; bold?: boolean; width?: number; right?: boolean }): void {
    const y = this.y;
    this.y -= o.dy;
    this.draw(text, o);
    this.y = y;
  }
}

/** Two photos to a page, each scaled into its half with its heading and caption below. */
async function photoPages(layout: Layout, photos: PackagePhoto[]): Promise<void> {
  const slot = (PAGE.height - 2 * MARGIN - FOOTER - 24) / 2;
  const captionSpace = 40;
  for (const [i, photo] of photos.entries()) {
    if (i % 2 === 0) {
      layout.newPage();
      layout.draw(`Photos ${i + 1}-${Math.min(i + 2, photos.length)} of ${photos.length}`, { size: 11, bold: true });
      layout.y -= 24;
    }
    const image = await layout.doc.embedJpg(photo.jpeg);
    const boxHeight = slot - captionSpace;
    const scale = Math.min(layout.width / photo.width, boxHeight / photo.height, 1.5);
    const [w, h] = [photo.width * scale, photo.height * scale];
    const top = layout.y;
    layout.page.drawImage(image, { x: MARGIN + (layout.width - w) / 2, y: top - h, width: w, height: h });
    layout.y = top - boxHeight - 6;
    layout.draw(`${i + 1}. ${photo.heading}`, { size: 9, bold: true });
    layout.y -= 12;
    if (photo.caption) layout.draw(layout.wrap(photo.caption, 9, layout.width)[0] ?? '', { size: 9, color: MUTED });
    layout.y = top - slot;
  }
}

/** The claim package as a PDF (US Letter; Helvetica): the summary, the money, the supplement's lines, the photos. */
export async function claimPackagePdf(f: PackageFacts, now: Date): Promise<{ bytes: Uint8Array; pageCount: number }> {
  const doc = await PDFDocument.create();
  doc.setTitle(`${f.title} package`);
  doc.setAuthor(f.companyName);
  doc.setSubject(`Insurance claim package: ${f.title}`);
  doc.setCreator(f.companyName);
  doc.setCreationDate(now);
  doc.setModificationDate(now);
  const layout = new Layout(doc, await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold));

  layout.draw(f.companyName, { size: 10, color: MUTED });
  layout.y -= 16;
  layout.draw(`${f.title} package`, { size: 20, bold: true });
  layout.y -= 26;
  layout.draw(`Prepared ${f.generatedAt}`, { size: 9, color: MUTED });
  layout.y -= 14;

  layout.heading('Claim');
  layout.pairs(f.summary);
  layout.heading('Money');
  layout.pairs(f.money, { right: true });

  if (f.supplement) {
    const s = f.supplement;
    layout.heading(`Supplement: ${s.title}`);
    layout.paragraph(s.state, { size: 9, color: MUTED, gap: 4 });
    layout.tableRow(COLUMNS.map(([name]) => name), { bold: true });
    layout.rule();
    for (const l of s.lines) layout.tableRow([l.description, l.quantity, l.unitPrice, l.requested, l.approvedQuantity, l.approvedUnitPrice, l.approved]);
    layout.rule();
    layout.tableRow(['Totals', '', '', s.requestedTotal, '', '', s.approvedTotal], { bold: true });
  }

  await photoPages(layout, f.photos);

  const pages = doc.getPages();
  pages.forEach((page, i) => {
    const text = layout.clean(`${f.companyName} - ${f.title} package - page ${i + 1} of ${pages.length}`);
    page.drawText(text, { x: MARGIN, y: MARGIN - 16, size: 8, font: layout.font, color: MUTED });
  });
  return { bytes: await doc.save(), pageCount: pages.length };
}
