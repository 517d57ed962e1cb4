/**
 * The decompression budget (statements/pdf/streams.ts): each filter decodes what the PDF specification
 * says it does, and bombs behind any chain of filters are refused before pdf.js decodes them, quickly and
 * without the memory they would take.
 */
import { deflateSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { parsePdf } from '../../statements/pdf/index.ts';
import { deflateRawSync } from 'node:zlib';
import { inflateLikePdfJs, looksLikeZlib } from '../../statements/pdf/filters.ts';
import { decodeFilters, filtersOf, OverBudget } from '../../statements/pdf/streams.ts';
import { extractPdfText } from '../../statements/pdf/text.ts';
import { ParseError } from '../../statements/types.ts';
import { handMadePdf } from '../fixtures/pdf/generate.ts';
import { lzwBytes } from '../fixtures/pdf/hostile.ts';

const bytes = (...b: number[]) => new Uint8Array(b);
const latin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const text = (b: Uint8Array) => Buffer.from(b).toString('latin1');
const ROOM = 1 << 20;

/** Codes written as LZWDecode with its default EarlyChange 1 would write them. */
const lzwCodes = (codes: readonly number[]): Uint8Array => lzwBytes(codes, 1);

/**
 * An LZW stream that decodes to runs of zeros: code 0, then each new code in turn, which stands for the
 * previous string plus its own first byte, so code 258 + k writes k + 2 zeros; a clear every 3,838 codes.
 * One table's worth writes 1 + 2 + … + 3,839 = 7,370,880 bytes from about 5.6 KB.
 */
function lzwZeros(tables: number): Uint8Array {
  const codes: number[] = [];
  for (let t = 0; t < tables; t++) {
    codes.push(256, 0);
    for (let c = 258; c < 4096; c++) codes.push(c);
  }
  codes.push(257);
  return lzwCodes(codes);
}

/** A one-page PDF whose content stream has `dictionary` entries and `data`; Helvetica as /F1. */
function pdfWithContent(dictionary: string, data: Uint8Array): Uint8Array {
  const head = Buffer.from(`<< /Length ${data.length} ${dictionary} >>\nstream\n`, 'latin1');
  return handMadePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    new Uint8Array(Buffer.concat([head, data, Buffer.from('\nendstream')])),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]);
}

function ascii85(data: Uint8Array): Uint8Array {
  let s = '';
  for (let i = 0; i < data.length; i += 4) {
    const chunk = [0, 1, 2, 3].map((k) => data[i + k] ?? 0);
    let v = ((chunk[0]! << 24) | (chunk[1]! << 16) | (chunk[2]! << 8) | chunk[3]!) >>> 0;
    const n = Math.min(4, data.length - i);
    const group: string[] = [];
    for (let k = 0; k < 5; k++) {
      group.unshift(String.fromCharCode((v % 85) + 33));
      v = Math.floor(v / 85);
    }
    s += group.slice(0, n + 1).join('');
  }
  return latin1(`${s}~>`);
}

describe('each filter decodes as the PDF specification says', () => {
  test('LZWDecode: the worked example of ISO 32000-1 §7.4.4.2', () => {
    // Input 45 45 45 45 45 65 45 45 45 66 is encoded as the codes 256 45 258 258 65 259 66 257,
    // written as the bytes 80 0B 60 50 22 0C 0C 85 01.
    const encoded = bytes(0x80, 0x0b, 0x60, 0x50, 0x22, 0x0c, 0x0c, 0x85, 0x01);
    expect([...decodeFilters(encoded, ['LZWDecode'], ROOM)]).toEqual([45, 45, 45, 45, 45, 65, 45, 45, 45, 66]);
    expect(lzwCodes([256, 45, 258, 258, 65, 259, 66, 257])).toEqual(encoded);
  });

  test('LZWDecode: codes widen to 10, 11 and 12 bits and the table clears', () => {
    // Two tables of zeros: 2 × 7,370,880 bytes (1 + 2 + … + 3,839 each; see lzwZeros).
    const out = decodeFilters(lzwZeros(2), ['LZW'], 20_000_000);
    expect(out.length).toBe(2 * ((3839 * 3840) / 2));
    expect(out.every((b) => b === 0)).toBe(true);
  });

  test('RunLengthDecode: a literal run, a repeat and the end marker (§7.4.5)', () => {
    // 2 → the next 3 bytes as they are; 254 → the next byte 257 − 254 = 3 times; 128 ends.
    expect(text(decodeFilters(bytes(2, 0x61, 0x62, 0x63, 254, 0x78, 128, 0x7a), ['RunLengthDecode'], ROOM))).toBe('abcxxx');
  });

  test('ASCIIHexDecode and ASCII85Decode (§7.4.2, §7.4.3)', () => {
    expect(text(decodeFilters(latin1('48 65 6c6C 6F>'), ['AHx'], ROOM))).toBe('Hello');
    // An odd final digit is followed by 0 (§7.4.2): "7" is 0x70.
    expect(text(decodeFilters(latin1('417>'), ['ASCIIHexDecode'], ROOM))).toBe('Ap');
    // "Man " is "9jqo^" in base 85: 0x4D616E20 = 1,298,230,816 = 24·85⁴ + 73·85³ + 80·85² + 78·85 + 61.
    expect(text(decodeFilters(latin1('9jqo^~>'), ['A85'], ROOM))).toBe('Man ');
    expect(text(decodeFilters(latin1('z~>'), ['ASCII85Decode'], ROOM))).toBe('\0\0\0\0');
    expect(text(decodeFilters(ascii85(latin1('Pay CMS 12.50')), ['A85'], ROOM))).toBe('Pay CMS 12.50');
  });

  test('a chain applies in order; an image codec stops it', () => {
    const flate = deflateSync(Buffer.from('BT (chained) Tj ET'));
    expect(text(decodeFilters(ascii85(new Uint8Array(flate)), ['A85', 'Fl'], ROOM))).toBe('BT (chained) Tj ET');
    expect(decodeFilters(latin1('abc'), ['DCTDecode', 'FlateDecode'], ROOM)).toEqual(latin1('abc'));
  });

  test('the /Filter entry, named or listed, full or abbreviated', () => {
    expect(filtersOf('<< /Length 12 /Filter /FlateDecode >>')).toEqual(['FlateDecode']);
    expect(filtersOf('<< /Filter [/ASCII85Decode /FlateDecode] /DecodeParms [null << /Predictor 12 >>] >>')).toEqual([
      'ASCII85Decode',
      'FlateDecode',
    ]);
    expect(filtersOf('<</Filter[/AHx/LZW]/Length 5>>')).toEqual(['AHx', 'LZW']);
    expect(filtersOf('<< /Length 3 >>')).toEqual([]);
    // As pdf.js reads them: #xx escapes undone, /F for /Filter (and not a font name such as /F1).
    expect(filtersOf('<< /Filter /Fl#61te#44ecode >>')).toEqual(['FlateDecode']);
    expect(filtersOf('<< /F [/AHx /Fl] /Length 5 >>')).toEqual(['AHx', 'Fl']);
    expect(filtersOf('<< /F1 12 /Length 5 >>')).toEqual([]);
  });

  test('a zlib header of any window size is FlateDecode to pdf.js; a preset dictionary or another method is not', () => {
    for (let cinfo = 0; cinfo < 16; cinfo++) {
      const cmf = (cinfo << 4) | 8;
      const flg = (31 - ((cmf << 8) % 31)) % 31;
      expect(looksLikeZlib(bytes(cmf, flg)), `CMF ${cmf.toString(16)}`).toBe(true);
      expect(text(decodeFilters(new Uint8Array([cmf, flg, ...deflateRawSync(Buffer.from('BT (x) Tj ET'))]), ['Fl'], ROOM))).toBe(
        'BT (x) Tj ET',
      );
    }
    expect(looksLikeZlib(bytes(0x78, 0xbb))).toBe(false); // FDICT set
    expect(looksLikeZlib(bytes(0x79, 0x9c))).toBe(false); // method 9
  });

  test('deflate data as pdf.js reads it: the same as zlib where zlib reads it, and on where zlib stops', () => {
    const honest = Buffer.from(Array.from({ length: 5000 }, (_, i) => `row ${i} paid ${(i * 7) % 100}.50\n`).join(''));
    for (const level of [0, 1, 6, 9]) expect(Buffer.from(inflateLikePdfJs(deflateRawSync(honest, { level }), 1 << 24))).toEqual(honest);
    // A fixed block whose first copy reaches before the start: zlib stops, pdf.js writes zeros and reads on.
    const data = bytes(0b00000011, 0b00000010, 0b00000000); // last block, fixed codes; length 3 from distance 1; end of block
    expect([...inflateLikePdfJs(data, ROOM)]).toEqual([0, 0, 0]);
  });

  test('predictors: PNG rows (up and left) are undone, and a row wider than the room is refused before it is made', () => {
    const rows = [2, 1, 1, 1, 2, 1, 1, 1]; // "up" twice over rows of three: 1 1 1, then 2 2 2
    const flate = new Uint8Array(deflateSync(Buffer.from(rows)));
    expect([...decodeFilters(flate, [{ name: 'Fl', params: { predictor: 12, columns: 3 } }], ROOM)]).toEqual([1, 1, 1, 2, 2, 2]);
    const wide = new Uint8Array(deflateSync(Buffer.from([0, 1])));
    expect(() => decodeFilters(wide, [{ name: 'Fl', params: { predictor: 12, columns: 2_000_000 } }], ROOM)).toThrow(OverBudget);
  });

  test('each decoder stops at its room', () => {
    expect(() => decodeFilters(bytes(129, 0x20, 129, 0x20), ['RL'], 200)).toThrow(OverBudget); // 2 × 128 bytes > 200
    expect(decodeFilters(bytes(129, 0x20, 129, 0x20), ['RL'], 256).length).toBe(256);
    expect(() => decodeFilters(lzwZeros(1), ['LZW'], 1_000_000)).toThrow(OverBudget);
  });
});

describe('bombs behind chains of filters are refused before pdf.js decodes them', () => {
  const refused = async (pdf: Uint8Array) => {
    const error = await parsePdf({ bytes: pdf }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ParseError);
    expect(error).toMatchObject({ code: 'too_large' });
    expect((error as Error).message).toMatch(/decompression bomb/);
  };

  test.each([
    {
      name: 'Flate inside Flate: 100 MB of spaces compressed twice, well under 1 KB',
      make: () => {
        const inner = deflateSync(Buffer.alloc(100 * 1024 * 1024, 0x20), { level: 9 });
        return pdfWithContent('/Filter [/FlateDecode /FlateDecode]', new Uint8Array(deflateSync(inner, { level: 9 })));
      },
    },
    { name: 'LZW: 40 tables of zeros, 295 MB from about 230 KB', make: () => pdfWithContent('/Filter /LZWDecode', lzwZeros(40)) },
    {
      name: 'run-length: 1,048,576 repeats of 128 spaces, 128 MB from 2 MB',
      make: () => pdfWithContent('/Filter /RunLengthDecode', new Uint8Array(Buffer.alloc(2 * 1024 * 1024, Buffer.from([129, 0x20])))),
    },
    {
      name: 'hex-encoded Flate bomb',
      make: () => {
        const flate = deflateSync(Buffer.alloc(100 * 1024 * 1024, 0x20), { level: 9 });
        return pdfWithContent('/Filter [/AHx /Fl]', latin1(`${flate.toString('hex')}>`));
      },
    },
  ])('$name', async ({ make }) => {
    // Refused as a decompression bomb: the check stops at 64 MB per stream, whatever the stream would give.
    await refused(make());
  });

  test('streams each under their own cap, together over the total, are refused', async () => {
    const stream = (n: number) => {
      const data = deflateSync(Buffer.alloc(60 * 1024 * 1024, 0x20), { level: 9 });
      return new Uint8Array(
        Buffer.concat([Buffer.from(`<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`), data, Buffer.from(`\nendstream %${n}`)]),
      );
    };
    const pdf = handMadePdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents [4 0 R 5 0 R 6 0 R 7 0 R 8 0 R] >>',
      stream(1),
      stream(2),
      stream(3),
      stream(4),
      stream(5),
    ]);
    await refused(pdf);
  }, 30_000);

  test('an honest chained stream is read, not refused', async () => {
    const content = Buffer.from('BT /F1 12 Tf 72 712 Td (Paid to Child Maintenance 12.50) Tj ET');
    const pdf = pdfWithContent('/Filter [/ASCII85Decode /FlateDecode]', ascii85(new Uint8Array(deflateSync(content))));
    expect(await extractPdfText(pdf)).toContain('Paid to Child Maintenance 12.50');
    const lzw = pdfWithContent('/Filter /LZWDecode', lzwCodes([256, ...content, 257]));
    expect(await extractPdfText(lzw)).toContain('Paid to Child Maintenance 12.50');
  });
});
