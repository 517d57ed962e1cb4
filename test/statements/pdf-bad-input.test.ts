/**
 * Bad and hostile PDFs: each gets its own clear error, fast, never a crash, a hang or a half result.
 */
import { describe, expect, test } from 'vitest';
import { parsePdf } from '../../statements/pdf/index.ts';
import { extractPdfItems, extractPdfText } from '../../statements/pdf/text.ts';
import { ParseError, type ParseRequest } from '../../statements/types.ts';
import {
  ENCRYPTED_PASSWORD,
  encryptedPdf,
  handMadePdf,
  imageOnlyPdf,
  largeTruth,
  letterPdf,
  manyPagesPdf,
  pageCountBomb,
  randomBytes,
  renderTruth,
  streamBomb,
} from '../fixtures/pdf/generate.ts';
import { loadTruths, type BankTruth } from '../fixtures/pdf/truth.ts';

const statement = loadTruths().find((t): t is BankTruth => t.name === 'barclays-year-end')!;

/** The error a request fails with. */
async function failure(request: ParseRequest, options = {}): Promise<{ error: ParseError }> {
  try {
    await parsePdf(request, options);
  } catch (error) {
    expect(error).toBeInstanceOf(ParseError);
    return { error: error as ParseError };
  }
  throw new Error('expected the parse to fail');
}

describe('refused with a clear error', () => {
  const cases: [string, () => Promise<Uint8Array> | Uint8Array, ParseError['code'], RegExp][] = [
    ['zero bytes', () => new Uint8Array(0), 'invalid_input', /empty \(0 bytes\)/],
    ['random bytes', () => randomBytes(64 * 1024), 'parse_failed', /not a PDF/],
    [
      'text that is not a PDF',
      () => new TextEncoder().encode('Date,Description,Amount\n01/02/2024,Coffee,-3.20\n'),
      'parse_failed',
      /not a PDF/,
    ],
    [
      'random bytes behind a PDF header',
      () => new Uint8Array(Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(64 * 1024), Buffer.from('\n%%EOF\n')])),
      'parse_failed',
      /PDF is damaged/,
    ],
    ['truncated bytes', async () => (await renderTruth(statement)).slice(0, 2000), 'parse_failed', /incomplete.*cut short/],
    [
      'a scan with no text layer',
      imageOnlyPdf,
      'unsupported',
      /^This PDF has no text layer \(it is a scan\); send a CSV export or a PDF with text/,
    ],
    ['blank pages', () => manyPagesPdf(2), 'parse_failed', /no text and no images: its pages are blank/],
    ['encrypted, no password', () => encryptedPdf(statement), 'invalid_input', /password-protected; send the password/],
    ['more pages than the limit', () => manyPagesPdf(501), 'too_large', /has 501 pages; at most 500/],
    ['a page-count bomb (200,000 pages in a small file)', () => pageCountBomb(), 'too_large', /has 200000 pages; at most 500/],
    ['a decompression bomb (100 MB from one small stream)', () => streamBomb(100), 'too_large', /decompression bomb/],
    ['a CMS letter with no table', letterPdf, 'unsupported', /No transaction table was found/],
  ];

  test.each(cases)(
    '%s',
    async (_name, make, code, message) => {
      const bytes = await make();
      const { error } = await failure({ bytes });
      expect(error.code).toBe(code);
      expect(error.message).toMatch(message);
    },
    30_000,
  );

  test('a wrong password gets a different message from a missing one', async () => {
    const bytes = await encryptedPdf(statement);
    const missing = await failure({ bytes });
    const wrong = await failure({ bytes, password: 'not-it' });
    expect(wrong.error.code).toBe('invalid_input');
    expect(wrong.error.message).toMatch(/password given does not open this PDF/);
    expect(wrong.error.message).not.toBe(missing.error.message);
    await expect(parsePdf({ bytes, password: ENCRYPTED_PASSWORD })).resolves.toMatchObject({ kind: 'bank_statement' });
  });

  test('a file over the byte limit is refused before it is read', async () => {
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    big.set(Buffer.from('%PDF-1.7\n'));
    const { error } = await failure({ bytes: big });
    expect(error.code).toBe('too_large');
  });

  test('the time budget stops a long read with a clear error', async () => {
    const bytes = await renderTruth(largeTruth(60));
    // Without the budget a 60-page statement is read to its rows (as the 100-page one in pdf-fixtures.test.ts is).
    const { error } = await failure({ bytes }, { maxMillis: 50 });
    expect(error.code).toBe('too_large');
    expect(error.message).toMatch(/took longer than/);
  }, 30_000);

  test('a page tree whose /Count lies is read as the pages it really has', async () => {
    const bytes = handMadePdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 100000000 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    ]);
    const { error } = await failure({ bytes });
    expect(error.code).toBe('parse_failed');
    expect(error.message).toMatch(/pages are blank/);
  });
});

describe('a page tree nested 100,000 deep', () => {
  test('is refused as a file no statement is, not answered with an internal error', async () => {
    // Object 1 the catalogue, 2 the top of the tree, 3 … 100,002 each a Pages node whose one kid is the next, the last
    // a page: a security audit's file overflowed the stack walking it (a RangeError, a 500).
    const depth = 100_000;
    const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>'];
    for (let i = 0; i < depth; i++) objects.push(`<< /Type /Pages /Kids [${4 + i} 0 R] /Count 1 >>`);
    objects.push('<< /Type /Page /MediaBox [0 0 595 842] >>');
    const { error } = await failure({ bytes: handMadePdf(objects) });
    expect(error.code).toBe('parse_failed');
    expect(error.message).toMatch(/^The PDF's page tree is nested more than 256 levels deep, which no statement is/);
  }, 30_000);
});

describe('extractPdfText / extractPdfItems', () => {
  test('lines by y, items by x, single spaces, pages separated by "\\n\\f\\n"', async () => {
    const bytes = await renderTruth(statement, { splitWords: true });
    const text = await extractPdfText(bytes);
    const pages = text.split('\n\f\n');
    expect(pages).toHaveLength(2);
    expect(pages[0]!.split('\n')[0]).toBe('Barclays Bank UK PLC');
    expect(pages[0]).toContain('\nDate Description Money out £ Money in £ Balance £\n');
    expect(pages[0]).toContain('\n19 Dec DIRECT DEBIT TO OCTOPUS ENERGY 96.40 1,101.53\nREF: A-4F2C9911\nNEW DD\n');
    expect(text).not.toMatch(/ {2}/);
  });

  test('positioned items: top-left origin, widths and heights in points', async () => {
    const [page] = await extractPdfItems(await renderTruth(statement));
    expect(page!.page).toBe(1);
    expect(page!.width).toBeCloseTo(595.28, 1);
    const issuer = page!.items.find((i) => i.str === 'Barclays Bank UK PLC')!;
    expect(issuer.x).toBeCloseTo(40, 0);
    expect(issuer.y).toBeGreaterThan(40);
    expect(issuer.y).toBeLessThan(60);
    expect(issuer.height).toBeCloseTo(14, 0);
    const amount = page!.items.find((i) => i.str === '1,101.53')!;
    // Right-aligned in the balance column, which ends at x = 555.
    expect(amount.x + amount.width).toBeCloseTo(555, 0);
  });

  test('the text of an encrypted PDF with its password', async () => {
    const text = await extractPdfText(await encryptedPdf(statement), { password: ENCRYPTED_PASSWORD });
    expect(text).toContain('Barclays Bank UK PLC');
  });
});
