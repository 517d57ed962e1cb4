/**
 * PDFs of a few very long strings (test/fixtures/pdf/long-strings.ts). pdf.js builds a string a character at a
 * time, and draws each character as a glyph and a piece of text: four 60 MB strings in a 240 KB file grew the process
 * by 1.1 GB before the worker's 768 MB heap cap stopped them, and one of 15 MB was read to the end (610 MB more) and
 * answered "no transaction table". The checks before pdf.js now count strings and names as they read the content
 * and the objects (statements/pdf/structure.ts, objects.ts): each shape is refused with an error naming its limit,
 * read through the worker as the server reads it, and the process grows by no more than the decompression check
 * itself needs. An honest page of long lines is still read.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseDocument } from '../../statements/index.ts';
import { handMadePdf, renderTruth } from '../fixtures/pdf/generate.ts';
import {
  hexString,
  inflatingStreams,
  inlineImageDict,
  inlineImageMany,
  literalString,
  longHonestPage,
  numbersArray,
  objectStreamStrings,
  objectString,
  splitString,
  splitStringPages,
  splitStringRepeat,
  tjArray,
  type3InForm,
} from '../fixtures/pdf/long-strings.ts';
import { loadTruths, type BankTruth } from '../fixtures/pdf/truth.ts';
import { checkDecompressionBudget } from '../../statements/pdf/streams.ts';
import { checkPdfStructure, countContent, STRUCTURE_LIMITS, type StructureLimits } from '../../statements/pdf/structure.ts';
import { extractPdfText } from '../../statements/pdf/text.ts';

const TAIL = 'so the file is damaged or was made to exhaust the reader. Send the statement as the bank or CMS issued it, or a CSV export.';
const ONE_STRING = `holds a string or name longer than 1 MB, the longest one may be; a line of a bank or CMS statement is under 1 KB, ${TAIL}`;
const PAGE_TEXT = `Page 1 of the PDF asks for more than 2 MB of text (the strings and names in its content, counting pictures drawn inside others each time they are drawn), the most one page may hold; a page of a bank or CMS statement holds well under 100 KB, ${TAIL}`;
const PAGE_CONTENT = `Page 1 of the PDF asks for more than 16 MB of drawing instructions (its content decompressed, counting pictures drawn inside others each time they are drawn), the most one page may hold; a page of a bank or CMS statement has well under 1 MB, ${TAIL}`;
const OPERANDS = `Page 1 of the PDF asks for more than 2,000,000 numbers, strings and names given to drawing operations (at least 7,340,038, counting drawings repeated inside others and content shared between pages), the most that may be read; no bank or CMS statement needs so many. Split the statement into smaller files, or send a CSV export.`;
const OBJECT_STRINGS = `The PDF's objects hold more than 32 MB of strings and names, the most that may be read; a bank or CMS statement holds a few kilobytes, ${TAIL}`;

/**
 * How much the process may grow while a shape is refused, over its peak after reading a normal statement.
 *
 * Measured on the 2-CPU machine these tests run on (Node 20): the child's peak after reading the normal statement
 * is 470–620 MB (tsx compiling the sources in both threads, pdf.js loaded in the worker; reading it again adds 0–3 MB).
 * Before the checks, the shapes below grew it, in order, by 611, 365, 253, 1,109, 680 and 232 MB (the 60 MB strings
 * until the worker's heap cap stopped them, the others read to the end and answered "no transaction table"). Now they
 * are refused before pdf.js reads them: by 0–12 MB for the strings in content, 23–58 MB for those in objects (the
 * 19 MB file itself, copied to the worker; the 40 MB object stream, decoded), and 65–120 MB for the four 60 MB
 * streams. That last is the decompression check (streams.ts), which decodes every stream once to measure it (up to
 * 64 MB, and zlib holds its output in pieces and then joins them: 2 × 64 = 128 MB), with the pieces of the stream
 * measured before it freed only when the collector runs (up to 64 MB more): 192 MB, so 200 MB. Every shape grew the
 * process by more than that before.
 */
const GROWTH_MB = 200;

const SHAPES: [string, () => Uint8Array | Promise<Uint8Array>, string][] = [
  ['one literal string of 15 MB', () => literalString(), `Page 1 of the PDF ${ONE_STRING}`],
  ['one hex string of 15 MB of digits', () => hexString(), `Page 1 of the PDF ${ONE_STRING}`],
  ['a TJ array of 20 strings of 768 KB', () => tjArray(), PAGE_TEXT],
  ['four streams of a few KB, each inflating to one 60 MB string', () => inflatingStreams(), PAGE_CONTENT],
  ['a string of 19 MB in the page’s dictionary', () => objectString(), `The PDF ${ONE_STRING}`],
  ['40 strings of 1 MB in an object stream', () => objectStreamStrings(), OBJECT_STRINGS],
  // What the security audit of 5 December found (sec3), each grown by, before the fix: F2, a string opened in a page's
  // first content stream and closed in its third (pdf.js joins them), +608 MB; its middle stream drawn 15 times, +591 MB;
  // on 10 pages, +635 MB. F3, strings in an inline image's dictionary: 15 MB, +388 MB; 17 of 900 KB, +140 MB. F4, a
  // Type 3 font in a form's resources whose glyph draws 15 MB, +585 MB. F5, a TJ of 7.3 million numbers, +164 MB.
  ['a 15 MB string split across a page’s three content streams', () => splitString(), `Page 1 of the PDF ${ONE_STRING}`],
  ['a string split across content streams, 1 MB of it drawn 15 times', () => splitStringRepeat(), `Page 1 of the PDF ${ONE_STRING}`],
  ['ten pages sharing a 15 MB string split across streams', () => splitStringPages(), `Page 1 of the PDF ${ONE_STRING}`],
  ['a 15 MB string in an inline image’s dictionary', () => inlineImageDict(), `Page 1 of the PDF ${ONE_STRING}`],
  ['17 inline images, each with a 900 KB string in its dictionary', () => inlineImageMany(), PAGE_TEXT],
  ['a Type 3 font in a form’s resources, its glyph a 15 MB string', () => type3InForm(), `Page 1 of the PDF ${ONE_STRING}`],
  ['a TJ array of 7.3 million numbers', () => numbersArray(), OPERANDS],
];

const CHILD = fileURLToPath(new URL('./worker-child/peak-rss.ts', import.meta.url));
const statement = loadTruths().find((t): t is BankTruth => t.name === 'barclays-year-end')!;

describe('a PDF of a few very long strings is refused in the worker, and the process hardly grows', () => {
  let dir: string;
  let normal: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'reckoner-long-strings-'));
    normal = join(dir, 'normal.pdf');
    writeFileSync(normal, await renderTruth(statement));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each(SHAPES.map(([name, make, message], i) => [name, make, message, i] as const))(
    '%s',
    async (_name, make, message, i) => {
      const file = join(dir, `shape-${i}.pdf`);
      const bytes = await make();
      expect(bytes.length).toBeLessThan(20 * 1024 * 1024); // a file the server accepts
      writeFileSync(file, bytes);
      // A fresh process each, so that its peak is this document's: see peak-rss.ts.
      const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', CHILD, normal, file], { timeout: 120_000 });
      const { before, after, error } = JSON.parse(stdout) as { before: number; after: number; error?: { code: string; message: string } };
      expect(error).toEqual({ code: 'too_large', message });
      expect(after - before, `peak ${before} MB after the normal statement, ${after} MB after this one`).toBeLessThan(GROWTH_MB);
    },
    150_000,
  );

  test('the files are small: a few KB, but for the string written out in the page’s dictionary', async () => {
    expect((await literalString()).length).toBeLessThan(20_000);
    expect((await hexString()).length).toBeLessThan(20_000);
    expect((await inflatingStreams()).length).toBeLessThan(300_000);
    expect((await objectStreamStrings()).length).toBeLessThan(100_000);
    for (const make of [splitString, splitStringRepeat, splitStringPages, inlineImageDict, inlineImageMany, type3InForm, numbersArray])
      expect((await make()).length, make.name).toBeLessThan(20_000);
  }, 60_000);
});

describe('strings are measured as pdf.js reads them', () => {
  const latin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

  test('escapes, hex digits and names', () => {
    // "a(b)c" (5), then "A" "\n" and nothing for the line continuation (2), then 2 bytes of hex, then the names.
    const counts = countContent(latin1('BT (a(b)c) Tj (\\101\\n\\\nx) Tj <41 4> Tj /F1 12 Tf ET'));
    expect(counts).toMatchObject({ textBytes: 5 + 3 + 2 + 2, longest: 5, operators: 6, textItems: 3 });
  });

  test('the counting stops at the first limit passed, part way through a string', () => {
    const data = latin1(`(${'x'.repeat(1000)}) Tj (${'y'.repeat(1000)}) Tj`);
    expect(countContent(data, { maxStringBytes: 100, maxTextBytes: 10_000 })).toMatchObject({ longest: 101, textBytes: 101, operators: 0 });
    expect(countContent(data, { maxStringBytes: 1000, maxTextBytes: 1500 })).toMatchObject({
      longest: 1000,
      textBytes: 1501,
      operators: 1,
    });
    expect(countContent(data, { maxStringBytes: 1000, maxTextBytes: 2000 })).toMatchObject({ textBytes: 2000, operators: 2 });
  });

  /** A page drawing a form (object 5) `times` times; the form shows a string of `length` bytes. */
  const formPdf = (length: number, times: number, pages = 1) => {
    const form = latin1(`BT /F1 12 Tf (${'z'.repeat(length)}) Tj ET`);
    const content = latin1(Array.from({ length: times }, () => 'q /Fm0 Do Q').join('\n'));
    const head = (data: Uint8Array, extra: string) =>
      new Uint8Array(Buffer.concat([Buffer.from(`<< /Length ${data.length}${extra} >>\nstream\n`), data, Buffer.from('\nendstream')]));
    return handMadePdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      `<< /Type /Pages /Kids [${Array.from({ length: pages }, () => '3 0 R').join(' ')}] /Count ${pages} >>`,
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 6 0 R >> /XObject << /Fm0 5 0 R >> >> >>',
      head(content, ''),
      head(form, ' /Type /XObject /Subtype /Form /BBox [0 0 595 842]'),
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ]);
  };
  const check = (bytes: Uint8Array, limits: Partial<typeof STRUCTURE_LIMITS>) => () =>
    checkPdfStructure(checkDecompressionBudget(bytes), { ...STRUCTURE_LIMITS, ...limits });

  test('each limit holds at its value and refuses one byte past it; forms count each time they are drawn', () => {
    expect(check(formPdf(100, 1), { maxStringBytes: 100 })).not.toThrow();
    expect(check(formPdf(101, 1), { maxStringBytes: 100 })).toThrow(`Page 1 of the PDF holds a string or name longer than 100 bytes,`);
    // The page draws the form 4 times (the name /Fm0 each time, 3 bytes); the form shows /F1 and 250 bytes: 4 × (3 + 2 + 250).
    const page = 4 * (3 + 2 + 250);
    expect(check(formPdf(250, 4), { maxTextBytesPerPage: page })).not.toThrow();
    expect(check(formPdf(250, 4), { maxTextBytesPerPage: page - 1 })).toThrow(/^Page 1 of the PDF asks for more than 1,019 bytes of text/);
    // Three pages that are the same page: three times that in the document.
    expect(check(formPdf(250, 4, 3), { maxTextBytesPerDocument: 3 * page })).not.toThrow();
    expect(check(formPdf(250, 4, 3), { maxTextBytesPerDocument: 3 * page - 1 })).toThrow(
      /^The first 3 pages of the PDF ask for more than 3,059 bytes of text/,
    );
  });

  test('an honest page of 1,500 lines of 900 characters is read, whole', async () => {
    const text = await extractPdfText(await longHonestPage());
    expect(text).toContain(`Line 1499 ${'R'.repeat(900)}`); // 1499 % 26 = 17: "R"
    expect(text.length).toBeGreaterThan(1500 * 900);
    await expect(parseDocument({ bytes: await longHonestPage() })).rejects.toMatchObject({
      code: 'unsupported',
      message: expect.stringMatching(/No transaction table/),
    });
  }, 60_000);
});

describe('content is counted as pdf.js reads it (the security audit of 5 December)', () => {
  const latin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
  const head = (data: Uint8Array, extra = '') =>
    new Uint8Array(Buffer.concat([Buffer.from(`<< /Length ${data.length}${extra} >>\nstream\n`), data, Buffer.from('\nendstream')]));
  const check = (bytes: Uint8Array, limits: Partial<StructureLimits>) => () =>
    checkPdfStructure(checkDecompressionBudget(bytes), { ...STRUCTURE_LIMITS, ...limits });
  /** One page (or `pages` sharing it) drawing `streams` (objects 4 …) as its /Contents, Helvetica as /F1 after them. */
  const pagePdf = (streams: readonly string[], pages = 1) => {
    const font = 4 + streams.length;
    return handMadePdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      `<< /Type /Pages /Kids [${Array.from({ length: pages }, () => '3 0 R').join(' ')}] /Count ${pages} >>`,
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents [${streams.map((_, i) => `${4 + i} 0 R`).join(' ')}] /Resources << /Font << /F1 ${font} 0 R >> >> >>`,
      ...streams.map((s) => head(latin1(s))),
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ]);
  };

  test('a page’s content streams are read as one, joined with nothing between them: a string may run across them', () => {
    // pdf.js reads "BT (" + "abc de" + "f) Tj ET": one string of 7 bytes, drawn once.
    const parts = ['BT /F1 12 Tf (', 'abc de', 'f) Tj ET'];
    expect(countContent(parts.map(latin1))).toMatchObject({ textBytes: 2 + 7, longest: 7, operators: 4, textItems: 1 });
    // The words run across too: "T" + "j" is Tj, "1" + "2" one number.
    expect(countContent([latin1('BT /F1 1'), latin1('2 Tf (x) T'), latin1('j ET')])).toMatchObject({ operands: 3, textItems: 1 });
    const pdf = pagePdf(['BT /F1 12 Tf 72 712 Td (', 'z'.repeat(150), ') Tj ET']);
    expect(check(pdf, { maxStringBytes: 150 })).not.toThrow();
    expect(check(pdf, { maxStringBytes: 149 })).toThrow('Page 1 of the PDF holds a string or name longer than 149 bytes,');
  });

  test('the content the whole document decodes is limited, content shared between pages counted on each', () => {
    // Each page: 3 streams, 20 + 400 + 8 bytes, shared by 5 pages.
    const pdf = pagePdf(['BT /F1 12 Tf 72 712 Td', ` ${' '.repeat(398)} `, ' ET    \n'], 5);
    const bytes = 22 + 400 + 8;
    expect(check(pdf, { maxContentBytesPerPage: bytes, maxContentBytesPerDocument: 5 * bytes })).not.toThrow();
    expect(check(pdf, { maxContentBytesPerPage: bytes - 1 })).toThrow(
      /^Page 1 of the PDF asks for more than 429 bytes of drawing instructions/,
    );
    expect(check(pdf, { maxContentBytesPerDocument: 5 * bytes - 1 })).toThrow(
      'The first 5 pages of the PDF ask for more than 2,149 bytes of drawing instructions (their content decompressed, counting content shared between pages, and pictures drawn inside others, each time they are drawn), the most one document may hold; a bank or CMS statement has a few megabytes at most. Split the statement into smaller files, or send a CSV export.',
    );
  });

  test('an inline image’s dictionary is read as content, up to its ID word; its data is skipped', () => {
    // /W /H /X: 3 bytes of names; the string 10 bytes ("ab ID cd) "), with " ID " in it; the data holds "(" and " ID ", skipped.
    const counts = countContent(latin1('q BI /W 1 /H 1 /X (ab ID cd\\) ) ID ( ID x\x00EI Q BT (hello) Tj ET'));
    expect(counts).toMatchObject({ textBytes: 3 + 10 + 5, longest: 10, textItems: 1, operators: 6 });
    // pdf.js reads "IDx" as ID: the data starts after it.
    expect(countContent(latin1('BI /W 1 IDx((( EI (ok) Tj'))).toMatchObject({ textBytes: 1 + 2, textItems: 1 });
    // A string in the dictionary is limited as any other.
    expect(countContent(latin1(`BI /X (${'y'.repeat(101)}) ID x EI`), { maxStringBytes: 100, maxTextBytes: 1000 })).toMatchObject({
      longest: 101,
    });
  });

  test('Type 3 fonts are counted wherever they are defined: a form’s resources, another Type 3 font’s', () => {
    /** The page draws /Fm0; the form uses /T3, a Type 3 font whose glyph uses /T4, whose glyph shows `inner` bytes. */
    const nested = (outer: number, inner: number) =>
      handMadePdf([
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /Fm0 5 0 R >> >> >>',
        head(latin1('q /Fm0 Do Q')),
        head(latin1('BT /T3 12 Tf (a) Tj ET'), ' /Type /XObject /Subtype /Form /BBox [0 0 9 9] /Resources << /Font << /T3 6 0 R >> >>'),
        '<< /Type /Font /Subtype /Type3 /FontBBox [0 0 9 9] /FontMatrix [1 0 0 1 0 0] /CharProcs << /a 7 0 R >> /Resources << /Font << /T4 8 0 R >> >> >>',
        head(latin1(`0 0 d0 BT /T4 1 Tf (${'o'.repeat(outer)}) Tj ET`)),
        '<< /Type /Font /Subtype /Type3 /FontBBox [0 0 9 9] /FontMatrix [1 0 0 1 0 0] /CharProcs << /a 9 0 R >> >>',
        head(latin1(`0 0 d0 (${'i'.repeat(inner)}) Tj`)),
      ]);
    expect(check(nested(100, 100), { maxStringBytes: 100 })).not.toThrow();
    expect(check(nested(101, 100), { maxStringBytes: 100 })).toThrow('Page 1 of the PDF holds a string or name longer than 100 bytes,');
    expect(check(nested(100, 101), { maxStringBytes: 100 })).toThrow('Page 1 of the PDF holds a string or name longer than 100 bytes,');
  });

  test('numbers and other operands are counted, per page and in the whole document', () => {
    // The array, its 5 numbers and a string; /F1 and 12; true and null are operands too.
    expect(countContent(latin1('BT /F1 12 Tf [1 -2 3.5 .5 +4 (x)] TJ true null d ET'))).toMatchObject({
      operands: 2 + 7 + 2,
      operators: 5,
    });
    // "1Tj": pdf.js reads the number, then Tj.
    expect(countContent(latin1('(a) 1Tj'))).toMatchObject({ operands: 2, operators: 1, textItems: 1 });
    const pdf = pagePdf([`BT /F1 12 Tf [${'7 '.repeat(1000)}(x)] TJ ET`], 3);
    const page = 2 + 1 + 1000 + 1;
    expect(check(pdf, { maxOperandsPerPage: page, maxOperandsPerDocument: 3 * page })).not.toThrow();
    expect(check(pdf, { maxOperandsPerPage: page - 1 })).toThrow(
      'Page 1 of the PDF asks for more than 1,003 numbers, strings and names given to drawing operations (at least 1,004, counting drawings repeated inside others and content shared between pages), the most that may be read; no bank or CMS statement needs so many. Split the statement into smaller files, or send a CSV export.',
    );
    expect(check(pdf, { maxOperandsPerDocument: 3 * page - 1 })).toThrow(
      /^The first 3 pages of the PDF ask for more than 3,011 numbers, strings and names given to drawing operations \(at least 3,012,/,
    );
  });
});
