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
  literalString,
  longHonestPage,
  objectStreamStrings,
  objectString,
  tjArray,
} from '../fixtures/pdf/long-strings.ts';
import { loadTruths, type BankTruth } from '../fixtures/pdf/truth.ts';
import { checkDecompressionBudget } from '../../statements/pdf/streams.ts';
import { checkPdfStructure, countContent, STRUCTURE_LIMITS } from '../../statements/pdf/structure.ts';
import { extractPdfText } from '../../statements/pdf/text.ts';

const TAIL = 'so the file is damaged or was made to exhaust the reader. Send the statement as the bank or CMS issued it, or a CSV export.';
const ONE_STRING = `holds a string or name longer than 1 MB, the longest one may be; a line of a bank or CMS statement is under 1 KB, ${TAIL}`;
const PAGE_TEXT = `Page 1 of the PDF asks for more than 2 MB of text (the strings and names in its content, counting pictures drawn inside others each time they are drawn), the most one page may hold; a page of a bank or CMS statement holds well under 100 KB, ${TAIL}`;
const PAGE_CONTENT = `Page 1 of the PDF asks for more than 16 MB of drawing instructions (its content decompressed, counting pictures drawn inside others each time they are drawn), the most one page may hold; a page of a bank or CMS statement has well under 1 MB, ${TAIL}`;
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
