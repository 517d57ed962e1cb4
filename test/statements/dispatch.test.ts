/**
 * The entry point: the format comes from the content (PDF by `%PDF-`, OFX by its header or `<OFX>`, otherwise
 * text as CSV), the size limits, the refusal of binary junk, and decoding (UTF-8 with and without a BOM,
 * UTF-16 with a BOM or by its zero bytes, windows-1252).
 */
import { describe, expect, test, vi } from 'vitest';
import { detectFormat } from '../../statements/detect.ts';
import { decodeText, sniffUtf16 } from '../../statements/encoding.ts';
// The dispatch is checked on this thread (parseDocumentInProcess), where the PDF reader can be replaced by a
// stub; parseDocument runs the same code in a worker (test/statements/worker.test.ts).
import { LIMITS, parseDocumentInProcess as parseDocument, type ParseResult } from '../../statements/index.ts';
import { failure } from './parse-failure.ts';
import { encodeText } from '../fixtures/csv/generate.ts';

const PDF_RESULT: ParseResult = {
  kind: 'cms_statement',
  format: 'pdf',
  metadata: { layout: 'stub' },
  transactions: [],
  cmsEntries: [],
  checks: { runningBalance: 'not_available', totals: 'not_available' },
  warnings: [],
  confidence: 1,
};

// The PDF reader is another module's work: here only that PDFs are handed to it, with the request unchanged.
const parsePdf = vi.hoisted(() => vi.fn());
vi.mock('../../statements/pdf/index.ts', () => ({ parsePdf }));

/** Deterministic pseudo-random bytes (xorshift), so the junk is the same on every run. */
function junk(length: number, seed = 0x9e3779b9): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

const STARLING =
  'Date,Counter Party,Reference,Type,Amount (GBP),Balance (GBP),Spending Category\n01/04/2024,Sample Café,REF,CARD,-3.20,96.80,EATING_OUT\n';

describe('format detection', () => {
  test('%PDF- goes to the PDF reader with the request as given, even after some junk or with a .csv name', async () => {
    parsePdf.mockResolvedValue(PDF_RESULT);
    const bytes = new Uint8Array(Buffer.from('\x00\x00junk%PDF-1.7\n%âãÏÓ\n'));
    const request = { bytes, filename: 'statement.csv', password: 'secret', hint: 'cms_statement' as const };
    await expect(parseDocument(request)).resolves.toBe(PDF_RESULT);
    expect(parsePdf).toHaveBeenCalledWith(request, { maxMillis: LIMITS.maxMillis });
  });

  test('a PDF reader that never answers is cut off at the time limit', async () => {
    parsePdf.mockImplementation(() => new Promise(() => {}));
    const error = await failure(parseDocument({ bytes: new Uint8Array(Buffer.from('%PDF-1.4\n')) }, { limits: { maxMillis: 50 } }));
    expect(error.code).toBe('too_large');
    expect(error.message).toMatch(/took longer than/);
  });

  test.each([
    ['OFX 1 SGML header', 'OFXHEADER:100\nDATA:OFXSGML\n\n<OFX>\n'],
    ['OFX 2 XML', '<?xml version="1.0"?>\n<?OFX OFXHEADER="200" VERSION="220"?>\n<OFX>\n'],
    ['a bare <OFX>', '\n  <OFX><SIGNONMSGSRSV1>'],
  ])('%s is OFX', (_name, text) => {
    expect(detectFormat(encodeText(text, 'utf-8')).format).toBe('ofx');
  });

  test('text that is neither PDF nor OFX is CSV, in any of the encodings', () => {
    for (const bytes of [
      encodeText(STARLING, 'utf-8'),
      encodeText(STARLING, 'utf-8', true),
      encodeText(STARLING, 'utf-16le', true),
      encodeText(STARLING, 'utf-16le'),
      encodeText(STARLING, 'utf-16be', true),
      encodeText(STARLING, 'utf-16be'),
      encodeText(STARLING, 'windows-1252'),
    ]) {
      const detected = detectFormat(bytes);
      expect(detected.format).toBe('csv');
      if (detected.format === 'csv') expect(detected.decoded.text).toBe(STARLING);
    }
  });

  test.each([
    ['a ZIP or XLSX file', [0x50, 0x4b, 0x03, 0x04, 1, 2, 3], /ZIP archive or a spreadsheet.*Save the spreadsheet as CSV/],
    ['an old XLS file', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0], /old Excel \(XLS\)/],
    ['a PNG photo', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], /an image \(a photo or scan\)/],
    ['a JPEG photo', [0xff, 0xd8, 0xff, 0xe0, 0, 0x10], /an image/],
    ['a gzip file', [0x1f, 0x8b, 8, 0], /compressed \(gzip\)/],
  ])('%s is refused with what to send instead', async (_name, bytes, message) => {
    const error = await failure(parseDocument({ bytes: new Uint8Array([...bytes, ...junk(100)]) }));
    expect(error.code).toBe('parse_failed');
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/PDF, CSV or OFX\/QFX/);
  });

  test('an HTML page is refused as unsupported', async () => {
    const error = await failure(parseDocument({ bytes: encodeText('<!DOCTYPE html><html><body>Statement</body></html>', 'utf-8') }));
    expect(error.code).toBe('unsupported');
    expect(error.message).toMatch(/web page \(HTML\)/);
  });
});

describe('bad and hostile input', () => {
  test('zero bytes: invalid_input', async () => {
    const error = await failure(parseDocument({ bytes: new Uint8Array(0) }));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe('The document is empty (0 bytes); send the file itself.');
  });

  test('random bytes: parse_failed, saying which formats are accepted, quickly', async () => {
    for (const seed of [1, 2, 3, 0xdeadbeef]) {
      const error = await failure(parseDocument({ bytes: junk(1024 * 1024, seed) }));
      expect(error.code).toBe('parse_failed');
      expect(error.message).toMatch(/not a PDF, CSV or OFX\/QFX statement: its bytes are not text/);
    }
  });

  test('20 MiB + 1 byte: too_large, before anything is read', async () => {
    const bytes = new Uint8Array(LIMITS.maxBytes + 1).fill(0x41);
    const error = await failure(parseDocument({ bytes }));
    expect(error.code).toBe('too_large');
    expect(error.message).toBe(
      'The document is 20,971,521 bytes; at most 20,971,520 bytes (20 MiB) can be read. Split it (for example one file per year), or export a CSV.',
    );
  });

  test('exactly 20 MiB is read (and refused only for what it holds)', async () => {
    const line = 'not,a,statement\n';
    const bytes = new Uint8Array(LIMITS.maxBytes).fill(0x20);
    bytes.set(Buffer.from(line));
    const error = await failure(parseDocument({ bytes }));
    expect(error.code).toBe('unsupported');
  });

  test('limits can be tightened for a caller, never loosened', async () => {
    const error = await failure(parseDocument({ bytes: encodeText(STARLING, 'utf-8') }, { limits: { maxBytes: 10 } }));
    expect(error.code).toBe('too_large');
    const big = new Uint8Array(LIMITS.maxBytes + 1).fill(0x41);
    expect((await failure(parseDocument({ bytes: big }, { limits: { maxBytes: LIMITS.maxBytes * 2 } }))).code).toBe('too_large');
  });

  test('a NUL-padded text file is junk, not a statement', async () => {
    const error = await failure(parseDocument({ bytes: new Uint8Array(Buffer.concat([Buffer.from(STARLING), Buffer.alloc(4096)])) }));
    expect(error.code).toBe('parse_failed');
  });
});

describe('decodeText', () => {
  test('UTF-8 with and without a BOM', () => {
    expect(decodeText(encodeText('£5 café', 'utf-8', true))).toEqual({ text: '£5 café', encoding: 'utf-8', bom: true, warnings: [] });
    expect(decodeText(encodeText('£5 café', 'utf-8'))).toEqual({ text: '£5 café', encoding: 'utf-8', bom: false, warnings: [] });
  });

  test('windows-1252 when the bytes are not UTF-8: 0xA3 is "£", 0x80 is "€"', () => {
    expect(decodeText(new Uint8Array([0xa3, 0x35, 0x20, 0x80]))).toEqual({
      text: '£5 €',
      encoding: 'windows-1252',
      bom: false,
      warnings: [],
    });
  });

  test('UTF-16 by BOM, or by where the zero bytes fall', () => {
    expect(decodeText(encodeText('Date,Amount\n', 'utf-16le', true)).encoding).toBe('utf-16le');
    expect(decodeText(encodeText('Date,Amount\n', 'utf-16be', true)).encoding).toBe('utf-16be');
    expect(sniffUtf16(encodeText('Date,Amount\n', 'utf-16le'))).toBe('utf-16le');
    expect(sniffUtf16(encodeText('Date,Amount\n', 'utf-16be'))).toBe('utf-16be');
    expect(sniffUtf16(encodeText('Date,Amount\n', 'utf-8'))).toBeUndefined();
  });

  test('mixed encodings: each line in the encoding it is valid in, with a warning; never a crash', () => {
    const bytes = new Uint8Array([...Buffer.from('£1\n', 'utf8'), 0xa3, 0x32, 0x0a]);
    const decoded = decodeText(bytes);
    expect(decoded.text).toBe('£1\n£2\n');
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.warnings).toHaveLength(1);
    for (let seed = 1; seed < 50; seed++) expect(() => decodeText(junk(997, seed))).not.toThrow();
  });
});
