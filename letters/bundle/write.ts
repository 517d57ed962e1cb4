/**
 * The bundle's sections written into one A4 PDF with pdfkit: each section on a new page under its heading, the
 * blocks in order (paragraphs, facts, lists, ruled tables whose header repeats on a new page, the chart as vector
 * paths), and a footer on every page with the bundle's purpose, the case reference and "Page i of n". Returns the
 * page each section starts on, which the index quotes (render.ts renders until the two agree).
 *
 * Deterministic: the same sections give the same bytes (the creation date is the bundle's date).
 * @module
 */
import type { CivilDate } from '../../calc/dates.ts';
import { drawChart } from '../chart/pdf.ts';
import { pdfText } from '../render/pdf.ts';
import type { BundleBlock, SectionContent } from './blocks.ts';
import type { SectionId } from './types.ts';

type Doc = PDFKit.PDFDocument;
type Table = Extract<BundleBlock, { kind: 'table' }>;

const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const BODY = 10.5;
const CELL = 8.5;
const SMALL = 8;
const GAP = 2;
const PAD = 3;
const MARGIN = { top: 56, bottom: 64, left: 56, right: 56 };

export interface WriteOptions {
  /** The PDF's title (its document information). */
  readonly title: string;
  /** Printed in every footer before the page number. */
  readonly footer: string;
  readonly generatedOn: CivilDate;
}

export interface Written {
  readonly pdf: Uint8Array;
  readonly pages: number;
  /** The page (1-based) each section's heading is printed on. */
  readonly starts: ReadonlyMap<SectionId, number>;
}

const width = (doc: Doc): number => doc.page.width - MARGIN.left - MARGIN.right;
const bottom = (doc: Doc): number => doc.page.height - MARGIN.bottom;

function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

function paragraph(doc: Doc, text: string, options: { font?: string; size?: number; after?: number } = {}): void {
  doc.font(options.font ?? FONT).fontSize(options.size ?? BODY);
  const t = pdfText(text);
  ensureRoom(doc, Math.min(doc.heightOfString(t, { width: width(doc), lineGap: GAP }), 40));
  doc.fillColor('black').text(t, MARGIN.left, doc.y, { width: width(doc), lineGap: GAP });
  doc.moveDown(options.after ?? 0.6);
}

function facts(doc: Doc, rows: readonly (readonly [string, string])[]): void {
  const labelWidth = Math.min(170, width(doc) * 0.36);
  const valueWidth = width(doc) - labelWidth;
  for (const [label, value] of rows) {
    const l = pdfText(label);
    const v = pdfText(value);
    doc.fontSize(BODY);
    const h = Math.max(
      doc.font(BOLD).heightOfString(l, { width: labelWidth - 8 }),
      doc.font(FONT).heightOfString(v, { width: valueWidth }),
    );
    ensureRoom(doc, h);
    const y = doc.y;
    doc
      .font(BOLD)
      .fillColor('black')
      .text(l, MARGIN.left, y, { width: labelWidth - 8 });
    doc.font(FONT).text(v, MARGIN.left + labelWidth, y, { width: valueWidth });
    doc.x = MARGIN.left;
    doc.y = y + h + 3;
  }
  doc.moveDown(0.6);
}

function list(doc: Doc, items: readonly string[]): void {
  const indent = 14;
  doc.font(FONT).fontSize(BODY);
  for (const item of items) {
    const t = pdfText(item);
    ensureRoom(doc, Math.min(doc.heightOfString(t, { width: width(doc) - indent, lineGap: GAP }), 40));
    const y = doc.y;
    doc.fillColor('black').text('•', MARGIN.left, y, { width: indent });
    doc.text(t, MARGIN.left + indent, y, { width: width(doc) - indent, lineGap: GAP });
    doc.moveDown(0.25);
  }
  doc.moveDown(0.4);
}

function table(doc: Doc, b: Table): void {
  const total = b.widths.reduce((a, w) => a + w, 0);
  const widths = b.widths.map((w) => (w / total) * width(doc));
  const right = new Set(b.right ?? []);
  const bold = new Set(b.bold ?? []);
  const heightOf = (cells: readonly string[], font: string): number => {
    doc.font(font).fontSize(CELL);
    return Math.max(...cells.map((c, i) => doc.heightOfString(pdfText(c), { width: widths[i]! - 2 * PAD }))) + 2 * PAD;
  };
  const row = (cells: readonly string[], font: string, header: boolean): void => {
    const h = heightOf(cells, font);
    if (doc.y + h > bottom(doc)) {
      doc.addPage();
      if (!header) row(b.columns, BOLD, true);
    }
    const y = doc.y;
    let x = MARGIN.left;
    cells.forEach((c, i) => {
      const w = widths[i]!;
      if (header) doc.rect(x, y, w, h).fill('#e8e8e8');
      doc.rect(x, y, w, h).lineWidth(0.5).strokeColor('#888888').stroke();
      doc
        .fillColor('black')
        .font(font)
        .fontSize(CELL)
        .text(pdfText(c), x + PAD, y + PAD, { width: w - 2 * PAD, align: !header && right.has(i) ? 'right' : 'left' });
      x += w;
    });
    doc.x = MARGIN.left;
    doc.y = y + h;
  };
  ensureRoom(doc, 40);
  row(b.columns, BOLD, true);
  b.rows.forEach((cells, i) => row(cells, bold.has(i) ? BOLD : FONT, false));
  doc.moveDown(1);
}

function chart(doc: Doc, b: Extract<BundleBlock, { kind: 'chart' }>): void {
  ensureRoom(doc, b.height);
  const box = { x: MARGIN.left, y: doc.y, width: width(doc), height: b.height };
  // Marked as a figure in the content stream, so a reader (and a test) can tell the drawing from the text.
  doc.markContent('Figure');
  drawChart(doc, b.model, box);
  doc.endMarkedContent();
  doc.x = MARGIN.left;
  doc.y = box.y + box.height + 8;
}

function block(doc: Doc, b: BundleBlock): void {
  switch (b.kind) {
    case 'paragraph':
      return paragraph(doc, b.text, b.bold ? { font: BOLD } : {});
    case 'subheading':
      ensureRoom(doc, 50);
      return paragraph(doc, b.text, { font: BOLD, size: 12, after: 0.3 });
    case 'facts':
      return facts(doc, b.rows);
    case 'list':
      return list(doc, b.items);
    case 'table':
      return table(doc, b);
    case 'chart':
      return chart(doc, b);
  }
}

const creationDate = (d: CivilDate): Date => new Date(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))));

/** Writes the sections, each from a new page; resolves to the PDF and the page each section starts on. */
export async function writeBundle(sections: readonly SectionContent[], options: WriteOptions): Promise<Written> {
  // Loaded on first use, as the letters do: pdfkit is large and most calls never render a PDF.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    autoFirstPage: false,
    info: {
      Title: pdfText(options.title),
      Creator: 'Reckoner',
      Producer: 'Reckoner (pdfkit)',
      CreationDate: creationDate(options.generatedOn),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });

  const starts = new Map<SectionId, number>();
  for (const s of sections) {
    doc.addPage();
    starts.set(s.id, doc.bufferedPageRange().count);
    paragraph(doc, s.title, { font: BOLD, size: s.id === 'cover' ? 17 : 14.5, after: 0.6 });
    for (const b of s.blocks) block(doc, b);
  }

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const keep = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(FONT)
      .fontSize(SMALL)
      .fillColor('#555555')
      .text(pdfText(`${options.footer}  ·  Page ${i + 1} of ${range.count}`), MARGIN.left, doc.page.height - 40, {
        width: width(doc),
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = keep;
  }
  doc.fillColor('black');
  doc.end();
  return { pdf: await done, pages: range.count, starts };
}
