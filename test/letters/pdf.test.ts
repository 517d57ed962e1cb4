/**
 * Every letter type as a PDF, read back with the project's own PDF text extraction: the same figures and
 * dates as the Markdown, on A4 pages, the same bytes every time.
 */
import { describe, expect, test } from 'vitest';
import { draftLetter, renderPdf } from '../../letters/index.ts';
import { pdfText } from '../../letters/render/pdf.ts';
import { extractPdfText } from '../../statements/pdf/text.ts';
import { asWritten, expectNoPlaceholder, squash } from './helpers.ts';
import { CASES } from './fixture.ts';

const TYPES = Object.keys(CASES);

describe('PDF', () => {
  test.each(TYPES)(
    '%s: the PDF text holds every figure and date of the letter',
    async (type) => {
      const letter = draftLetter(CASES[type]!.input);
      const bytes = await renderPdf(letter.document);
      expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      const text = squash(await extractPdfText(bytes));
      for (const f of letter.figures) expect(text, f.id).toContain(f.value);
      const input = CASES[type]!.input;
      for (const iso of [input.sentOn, ...CASES[type]!.dates, ...letter.deadlines.map((d) => d.date)]) {
        expect(text, iso).toContain(asWritten(iso));
      }
      expect(text).toContain(squash(pdfText(letter.document.subject)));
      expect(text).toContain('Notes for you — not part of the letter. Do not send this page.');
      expectNoPlaceholder(text, 'PDF text');
    },
    30_000,
  );

  test('A4 pages, numbered, with the case reference in the footer', async () => {
    const letter = draftLetter(CASES['payment_dispute']!.input);
    const bytes = await renderPdf(letter.document);
    const raw = Buffer.from(bytes).toString('latin1');
    // A4 is 595.28 × 841.89 points.
    expect(raw).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    const text = squash(await extractPdfText(bytes));
    const pages = Number(/Page 1 of (\d+)/.exec(text)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(text).toContain(`CMS case reference: 121000345678 · Page ${pages} of ${pages}`);
  });

  test('the reconciliation statement is a table with its columns and each line', async () => {
    const letter = draftLetter(CASES['payment_dispute']!.input);
    const text = squash(await extractPdfText(await renderPdf(letter.document)));
    expect(text).toContain('Reconciliation statement: from CMS’s figure to the correct balance');
    // Long column headings wrap inside their cells, so the PDF text holds their first words in a row.
    expect(text).toContain('No. Date What CMS recorded What my evidence');
    expect(text).toContain('21 August 2025');
    expect(text).toContain('No such payment');
    expect(text).toContain('Nothing recorded');
    for (const v of ['+£410.08', '-£410.08', '+£1,230.24', 'Net effect of the lines']) expect(text).toContain(v);
  });

  test('the same letter gives the same bytes', async () => {
    const letter = draftLetter(CASES['mandatory_reconsideration']!.input);
    const a = await renderPdf(letter.document);
    const b = await renderPdf(letter.document);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  test('text outside the built-in fonts is mapped, not dropped', () => {
    expect(pdfText('£1 − £2 → ≥ 3')).toBe('£1 - £2 -> >= 3');
    expect(pdfText('due 4 March 2026')).toBe('due 4\u00a0March\u00a02026');
    expect(pdfText('✉')).toBe('?');
  });
});
