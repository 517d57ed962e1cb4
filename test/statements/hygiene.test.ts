/**
 * Document input hygiene (statements/hygiene.ts): NUL bytes and lone surrogates are removed from what a
 * document yields, with a warning that counts them and names the rows (which are kept); error messages
 * are bounded whatever the file; cells are quoted in errors only when they look like a date or an amount.
 */
import { describe, expect, test } from 'vitest';
import { cleanResult, shownCell, stripUnstorable } from '../../statements/hygiene.ts';
import { MAX_MESSAGE_CHARS, parseDocument, ParseError, type ParseResult } from '../../statements/index.ts';
import { extractPdfItems } from '../../statements/pdf/text.ts';
import { encodeText, loadTruth, renderCsvText } from '../fixtures/csv/generate.ts';
import { handMadePdf } from '../fixtures/pdf/generate.ts';

const utf8 = (text: string) => encodeText(text, 'utf-8');

describe('characters that cannot be kept', () => {
  test('NUL and lone surrogates are removed and counted; whole pairs stay', () => {
    expect(stripUnstorable('a\u0000b\uD800c\uDC00d\uD83D\uDE00e')).toEqual({ text: 'abcd\uD83D\uDE00e', removed: 3 });
    expect(stripUnstorable('plain')).toEqual({ text: 'plain', removed: 0 });
  });

  test('a NUL in one CSV description: the statement still imports, the row kept and named in a counted warning', async () => {
    const truth = loadTruth('starling');
    const lines = renderCsvText(truth).split('\n');
    lines[2] = lines[2]!.replace(
      /^([^,]*,)([^,]*)/,
      (_m, date: string, party: string) => `${date}${party.slice(0, 3)}\u0000\u0000${party.slice(3)}`,
    );
    const result = await parseDocument({ bytes: utf8(lines.join('\n')) });
    expect(result.transactions).toHaveLength(truth.transactions.length);
    expect(result.transactions.map((t) => t.description).join('')).not.toContain('\u0000');
    expect(result.transactions[1]!.description).toBe(truth.transactions[1]!.description);
    expect(result.warnings).toContain(
      '1 row holds characters that cannot be kept (NUL bytes or broken UTF-16 characters): 2 removed, the row kept (line 3). Check its descriptions against the statement.',
    );
    // The fingerprint is the clean row's: importing the clean file again finds the same rows.
    const clean = await parseDocument({ bytes: utf8(renderCsvText(truth)) });
    expect(result.transactions.map((t) => t.fingerprint)).toEqual(clean.transactions.map((t) => t.fingerprint));
  });

  test('in a PDF, NULs in the text are removed and counted by page', async () => {
    const content = 'BT /F1 12 Tf 72 712 Td (Pay\\000ment) Tj ET';
    const bytes = handMadePdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ]);
    const [page] = await extractPdfItems(bytes);
    expect(page!.items.map((i) => i.str)).toEqual(['Payment']);
    expect(page!.removed).toBe(1);
  });

  test('the net under the readers: any string of a result, the row named by its place and date', () => {
    const result: ParseResult = {
      kind: 'bank_statement',
      format: 'pdf',
      metadata: { layout: 'generic_pdf', accountHolder: 'MX\u0000 TEST' },
      transactions: [
        { date: '2024-01-02', description: 'OK', amount: '1.00', direction: 'out', fingerprint: 'a' },
        { date: '2024-01-03', description: 'BAD\uDC00', amount: '1.00', direction: 'out', fingerprint: 'b' },
      ],
      cmsEntries: [],
      checks: { runningBalance: 'not_available', totals: 'not_available' },
      warnings: [],
      confidence: 0.9,
    };
    const clean = cleanResult(result);
    expect(clean.transactions[1]!.description).toBe('BAD');
    expect(clean.metadata.accountHolder).toBe('MX TEST');
    expect(clean.warnings[0]).toMatch(
      /^2 rows hold characters that cannot be kept .*: 2 removed, the rows kept \(transaction 2 \(2024-01-03\), the document's accountHolder\)/,
    );
  });
});

describe('error messages are bounded and repeat no file contents', () => {
  test('a 19 MB one-line CSV gets a short error, not a 40 MB one', async () => {
    const bytes = utf8(`${'x'.repeat(9_500_000)},${'y'.repeat(9_500_000)}`);
    const error = await parseDocument({ bytes }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParseError);
    expect((error as ParseError).code).toBe('unsupported');
    expect((error as ParseError).message.length).toBeLessThan(1500);
    expect((error as ParseError).message).not.toContain('xxxxxxxxxx');
  }, 30_000);

  test('any document error is cut at its bound, and says so', () => {
    const error = new ParseError('parse_failed', `Line 1: ${'z'.repeat(50_000)}`);
    expect(error.message.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
    expect(error.message).toMatch(/… \(message cut: it was 50,008 characters long\)$/);
  });

  test('a cell is quoted only when it looks like a date or an amount', () => {
    expect(shownCell(' 31/02/2024 ')).toBe('"31/02/2024"');
    expect(shownCell('-12,50')).toBe('"-12,50"');
    expect(shownCell('£1,234.56 CR')).toBe('"£1,234.56 CR"');
    expect(shownCell('3rd Feb 2024')).toBe('"3rd Feb 2024"');
    expect(shownCell('AKIAIOSFODNN7EXAMPLE')).toBe('the value (20 characters, not repeated here)');
    expect(shownCell('password=hunter2')).toBe('the value (16 characters, not repeated here)');
  });

  test('a bad date in a statement with a recognised header is still shown, so the user can find it', async () => {
    const lines = renderCsvText(loadTruth('starling')).split('\n');
    lines[3] = lines[3]!.replace(/^\d\d\/\d\d\/\d{4}/, 'TOKEN-abc');
    const error = await parseDocument({ bytes: utf8(lines.join('\n')) }).catch((e: unknown) => e);
    expect((error as ParseError).message).toBe(
      'Line 4, column "Date" (the date): the value (9 characters, not repeated here) is not a date in the form DD/MM/YYYY.',
    );
  });
});
