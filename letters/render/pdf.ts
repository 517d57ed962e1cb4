/**
 * A letter as an A4 PDF (pdfkit): 11-point body text, the sender's address top right, the recipient's on the
 * left, schedules (the reconciliation statement as a ruled table, the working behind each figure) on their own pages,
 * and the sender's notes on a last page marked "do not send". Page numbers and the case reference in the
 * footer. Deterministic: the same letter gives the same bytes (the creation date is the letter's date).
 *
 * The built-in PDF fonts cover the Windows-1252 characters only, so text is mapped onto them first
 * ("−" → "-", "→" → "->", "≥" → ">="); dates are kept on one line with non-breaking spaces.
 * @module
 */
import type { Block, LetterDocument } from '../types.ts';

const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const BODY = 11;
const SMALL = 8.5;
const GAP = 2.5;
const MARGIN = { top: 56, bottom: 62, left: 62, right: 62 };

/** Characters the standard fonts can draw outside Latin-1 (the Windows-1252 additions). */
const CP1252_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const REPLACE: Record<string, string> = { '−': '-', '→': '->', '←': '<-', '≥': '>=', '≤': '<=', '≠': '!=', '✓': 'v', '\t': ' ' };
const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December)';

/** Text the standard fonts can draw, with dates that do not break across lines. */
export function pdfText(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (REPLACE[ch] !== undefined) out += REPLACE[ch];
    else if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || CP1252_EXTRA.has(ch) || ch === '\n') out += ch;
    else out += '?';
  }
  return out.replace(new RegExp(`\\b(\\d{1,2}) ${MONTH} (\\d{4})\\b`, 'g'), '$1\u00a0$2\u00a0$3');
}

type Doc = PDFKit.PDFDocument;

function width(doc: Doc): number {
  return doc.page.width - MARGIN.left - MARGIN.right;
}

function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - MARGIN.bottom) doc.addPage();
}

function paragraph(doc: Doc, text: string, options: { font?: string; size?: number; after?: number } = {}): void {
  doc.font(options.font ?? FONT).fontSize(options.size ?? BODY);
  const t = pdfText(text);
  ensureRoom(doc, Math.min(doc.heightOfString(t, { width: width(doc), lineGap: GAP }), 40));
  doc.text(t, MARGIN.left, doc.y, { width: width(doc), lineGap: GAP });
  doc.moveDown(options.after ?? 0.6);
}

function list(doc: Doc, items: readonly string[], ordered: boolean, size = BODY): void {
  const indent = 18;
  doc.font(FONT).fontSize(size);
  items.forEach((item, i) => {
    const t = pdfText(item);
    const h = doc.heightOfString(t, { width: width(doc) - indent, lineGap: GAP });
    ensureRoom(doc, Math.min(h, 40));
    const y = doc.y;
    doc.text(ordered ? `${i + 1}.` : '•', MARGIN.left, y, { width: indent, lineGap: GAP });
    doc.text(t, MARGIN.left + indent, y, { width: width(doc) - indent, lineGap: GAP });
    doc.moveDown(0.3);
  });
  doc.moveDown(0.4);
}

/** Table text size, and the smallest a cell's text is shrunk to so that a date or an amount stays on one line. */
const TABLE_SIZE = 8.5;
const MIN_TABLE_SIZE = 5;

/**
 * A cell's text and size such that no word — a date ("28 September 2026", held together by non-breaking spaces)
 * or an amount — is wider than the cell: pdfkit breaks an over-wide word between any two characters, which split
 * dates mid-number in narrow columns. The cell's text is shrunk until its widest word fits; only if even the smallest
 * size is too wide may a date break, and then between its words, never inside a number.
 */
function fitCell(doc: Doc, text: string, cellWidth: number, font: string): { text: string; size: number } {
  const t = pdfText(text);
  doc.font(font);
  const widest = (size: number) => Math.max(0, ...t.split(/[ \n]+/).map((w) => doc.fontSize(size).widthOfString(w)));
  if (widest(TABLE_SIZE) <= cellWidth) return { text: t, size: TABLE_SIZE };
  const size = Math.max(MIN_TABLE_SIZE, Math.floor(((TABLE_SIZE * cellWidth) / widest(TABLE_SIZE)) * 10) / 10);
  return widest(size) <= cellWidth ? { text: t, size } : { text: t.replace(/\u00a0/g, ' '), size };
}

function table(doc: Doc, b: Extract<Block, { kind: 'table' }>): void {
  const total = b.widths.reduce((a, w) => a + w, 0);
  const widths = b.widths.map((w) => (w / total) * width(doc));
  const pad = 3;
  const fitted = (cells: readonly string[], font: string) => cells.map((c, i) => fitCell(doc, c, widths[i]! - 2 * pad, font));
  const rowHeight = (cells: readonly { text: string; size: number }[], font: string): number => {
    doc.font(font);
    return Math.max(...cells.map((c, i) => doc.fontSize(c.size).heightOfString(c.text, { width: widths[i]! - 2 * pad }))) + 2 * pad;
  };
  const drawRow = (raw: readonly string[], font: string, fill?: string): void => {
    const cells = fitted(raw, font);
    const h = rowHeight(cells, font);
    if (doc.y + h > doc.page.height - MARGIN.bottom) {
      doc.addPage();
      if (font !== BOLD) drawRow(b.columns, BOLD, '#e8e8e8');
    }
    const y = doc.y;
    let x = MARGIN.left;
    cells.forEach((c, i) => {
      const w = widths[i]!;
      if (fill) doc.rect(x, y, w, h).fill(fill);
      doc.rect(x, y, w, h).lineWidth(0.5).strokeColor('#888888').stroke();
      doc
        .fillColor('black')
        .font(font)
        .fontSize(c.size)
        .text(c.text, x + pad, y + pad, { width: w - 2 * pad });
      x += w;
    });
    doc.x = MARGIN.left;
    doc.y = y + h;
  };
  ensureRoom(doc, 60);
  paragraph(doc, b.caption, { font: BOLD, size: 11.5, after: 0.4 });
  drawRow(b.columns, BOLD, '#e8e8e8');
  for (const r of b.rows) drawRow(r, FONT);
  doc.moveDown(1);
}

function block(doc: Doc, b: Block, size = BODY): void {
  switch (b.kind) {
    case 'heading':
      ensureRoom(doc, 50);
      paragraph(doc, b.text, { font: BOLD, size: size + 0.5, after: 0.3 });
      return;
    case 'paragraph':
      paragraph(doc, b.text, { size });
      return;
    case 'list':
      list(doc, b.items, b.ordered ?? false, size);
      return;
    case 'table':
      table(doc, b);
  }
}

function creationDate(date: string): Date {
  const m = /(\d{1,2})\s(\w+)\s(\d{4})/.exec(date);
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return m ? new Date(Date.UTC(Number(m[3]), Math.max(months.indexOf(m[2]!), 0), Number(m[1]))) : new Date(0);
}

/** Renders the letter; resolves to the PDF's bytes. */
export async function renderPdf(letter: LetterDocument): Promise<Uint8Array> {
  // Loaded on first use: pdfkit is large and most calls never render a PDF (it would slow every start).
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    info: {
      Title: pdfText(`${letter.title}: ${letter.subject}`),
      Author: pdfText(letter.signature),
      Subject: pdfText(letter.subject),
      Creator: 'Reckoner',
      Producer: 'Reckoner (pdfkit)',
      CreationDate: creationDate(letter.date),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });

  // Sender, top right; date under it.
  doc.font(FONT).fontSize(BODY);
  const right = { width: width(doc), align: 'right' as const, lineGap: GAP };
  doc.text(pdfText(letter.from.join('\n')), MARGIN.left, MARGIN.top, right);
  doc.moveDown(0.8);
  doc.text(pdfText(letter.date), MARGIN.left, doc.y, right);
  doc.moveDown(1);
  // Recipient, left.
  doc.text(pdfText(letter.to.join('\n')), MARGIN.left, doc.y, { width: width(doc) * 0.6, lineGap: GAP });
  doc.moveDown(1.2);
  if (letter.references.length) {
    doc.font(BOLD).text(pdfText(letter.references.join('\n')), MARGIN.left, doc.y, { width: width(doc), lineGap: GAP });
    doc.moveDown(1);
  }
  paragraph(doc, letter.subject, { font: BOLD, size: 12.5 });
  paragraph(doc, letter.salutation);
  for (const b of letter.body) block(doc, b);
  ensureRoom(doc, 90);
  paragraph(doc, letter.closing, { after: 3 });
  paragraph(doc, letter.signature, { after: 1.2 });
  if (letter.enclosures.length) {
    ensureRoom(doc, 50);
    paragraph(doc, 'Enclosures', { font: BOLD, after: 0.3 });
    list(doc, letter.enclosures, false);
  }
  if (letter.copies.length) paragraph(doc, `Copy to: ${letter.copies.join('; ')}`);

  letter.schedules.forEach((s, i) => {
    doc.addPage();
    paragraph(doc, `Schedule ${i + 1}`, { font: BOLD, size: 13, after: 0.4 });
    block(doc, s);
  });

  // The notes are for the sender, not the recipient: their pages carry no letter footer and are not counted as the
  // letter's pages, so that the letter sent ends on "Page n of n".
  const letterPages = doc.bufferedPageRange().count;
  doc.addPage();
  const boxTop = doc.y;
  doc.rect(MARGIN.left, boxTop, width(doc), 34).fill('#f0f0f0');
  doc.fillColor('black');
  doc
    .font(BOLD)
    .fontSize(12)
    .text(pdfText('Notes for you — not part of the letter. Do not send this page.'), MARGIN.left + 8, boxTop + 11, {
      width: width(doc) - 16,
    });
  doc.x = MARGIN.left;
  doc.y = boxTop + 48;
  for (const b of letter.notes) block(doc, b, 10);

  // Footers: on the letter's pages, the case reference and the page number; on the notes, that they are not sent.
  const range = doc.bufferedPageRange();
  const reference = letter.references[0] ?? '';
  const notesPages = range.count - letterPages;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const page = i + 1 - range.start;
    const footer =
      page <= letterPages
        ? `${reference ? `${reference}  ·  ` : ''}Page ${page} of ${letterPages}`
        : `Notes for you, not part of the letter: do not send  ·  Notes page ${page - letterPages} of ${notesPages}`;
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(FONT)
      .fontSize(SMALL)
      .fillColor('#555555')
      .text(pdfText(footer), MARGIN.left, doc.page.height - 40, {
        width: width(doc),
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
  doc.fillColor('black');
  doc.end();
  return done;
}
