/**
 * A PDF nested past what can be followed (a security probe's file: an object holding arrays or dictionaries a hundred
 * thousand levels deep). pdf.js runs out of stack reading it, and the message quoted V8: "Page 1 of the PDF could not be
 * read (Maximum call stack size exceeded)". It is said for a person: what is wrong with the file, and what to do.
 * Through the parse worker too (its errors become the caller's), so run `npm run build` after changing statements/.
 */
import { describe, expect, test } from 'vitest';
import { parseDocument } from '../../statements/index.ts';
import { parsePdf } from '../../statements/pdf/index.ts';
import { TOO_DEEP } from '../../statements/pdf/text.ts';
import { ParseError } from '../../statements/types.ts';

/** A one-page PDF whose page dictionary holds `inner` under /X, with a line of text. */
function pdfWith(inner: string): Uint8Array {
  const content = 'BT /F1 12 Tf 72 720 Td (Statement) Tj ET';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> /X ${inner} >>`,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

const DEPTH = 100_000;
const ARRAYS = pdfWith('['.repeat(DEPTH) + ']'.repeat(DEPTH));
const DICTIONARIES = pdfWith('<< /A '.repeat(DEPTH) + '1' + ' >>'.repeat(DEPTH));

const failureOf = async (read: Promise<unknown>): Promise<ParseError> => {
  const e = await read.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(e).toBeInstanceOf(ParseError);
  return e as ParseError;
};

describe('a PDF nested a hundred thousand levels deep', () => {
  test.each([
    ['arrays', ARRAYS],
    ['dictionaries', DICTIONARIES],
  ])('of %s: what is wrong and what to do, not V8’s words', async (_what, bytes) => {
    const e = await failureOf(parsePdf({ bytes }));
    expect(e.code).toBe('parse_failed');
    expect(e.message).toBe(`Page 1: ${TOO_DEEP}`);
    expect(e.message).not.toMatch(/call stack|recursion/i);
    expect(e.message).toMatch(/print it to a new PDF/);
    expect(e.message).toMatch(/export it as CSV/);
  });

  test('through the parse worker, the same message', async () => {
    const e = await failureOf(parseDocument({ bytes: ARRAYS }));
    expect(e.code).toBe('parse_failed');
    expect(e.message).toBe(`Page 1: ${TOO_DEEP}`);
  });
});
