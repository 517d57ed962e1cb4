/**
 * Text with positions from a PDF (pdfjs-dist, the engine pdf-parse is built on), with the checks that keep
 * a hostile file from hanging or exhausting the process: a byte limit, a page limit, a decompression budget
 * for compressed streams (a "zip bomb" inside a PDF; streams.ts), caps on the work the content asks for
 * (nested forms, operators and pieces of text; structure.ts), and a wall-clock budget. Behind them, the
 * whole parse runs in a worker with a memory cap and a deadline (statements/worker/).
 *
 * Coordinates are in PDF points with the origin at the page's top-left corner: `x` grows to the right and
 * `y` (the text baseline) grows downwards, so sorting by `y` then `x` gives reading order.
 * @module
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { hasUnstorable, stripUnstorable } from '../hygiene.ts';
import { LIMITS, ParseError } from '../types.ts';
import { checkDecompressionBudget, indexOf, lastIndexOfIn } from './streams.ts';
import { joinGlyphRuns } from './glyph-runs.ts';
import { checkPdfStructure, STRUCTURE_LIMITS } from './structure.ts';

/** One run of text on a page. */
export interface PdfTextItem {
  readonly str: string;
  /** Left edge, points from the left of the page. */
  readonly x: number;
  /** Baseline, points from the top of the page. */
  readonly y: number;
  readonly width: number;
  /** Font height in points. */
  readonly height: number;
}

export interface PdfPageItems {
  /** 1-based page number. */
  readonly page: number;
  readonly width: number;
  readonly height: number;
  /** Non-blank items, in the order the PDF draws them. */
  readonly items: readonly PdfTextItem[];
  /** Characters removed from the page's text because they cannot be kept (NUL, lone surrogates; hygiene.ts). */
  readonly removed?: number;
  /**
   * Degrees (90, 180, 270) the page's text was turned back by to read it upright, where most of it runs at a right
   * angle to the page as shown; the coordinates, width and height above are the upright ones.
   */
  readonly turned?: number;
  /** Whether most of the page's text is drawn at an angle that is not a right angle (a skewed scan's text layer). */
  readonly askew?: boolean;
}

export interface ExtractOptions {
  readonly password?: string;
  /** Wall-clock budget in milliseconds (default {@link LIMITS.maxMillis}). */
  readonly maxMillis?: number;
  /** Most pages read (default {@link LIMITS.maxPages}). */
  readonly maxPages?: number;
}

const require = createRequire(import.meta.url);
const PDFJS_DIR = dirname(require.resolve('pdfjs-dist/package.json'));
const STANDARD_FONTS = join(PDFJS_DIR, 'standard_fonts') + '/';
const CMAPS = join(PDFJS_DIR, 'cmaps') + '/';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsPromise: Promise<PdfJs> | undefined;
/** pdf.js, loaded on first use (it is large, and many callers never read a PDF). */
export function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjsPromise;
}

/** The options every pdf.js document is opened with here (also used by the benchmark's raw baseline). */
export function pdfJsDocumentOptions(data: Uint8Array, password?: string) {
  return {
    data,
    ...(password === undefined ? {} : { password }),
    standardFontDataUrl: STANDARD_FONTS,
    cMapUrl: CMAPS,
    cMapPacked: true,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    verbosity: 0,
    stopAtErrors: false,
  };
}

/** Refuses what is plainly not a whole PDF before pdf.js sees it. */
function checkEnvelope(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new ParseError('invalid_input', 'The document is empty (0 bytes); send the file itself.');
  if (bytes.length > LIMITS.maxBytes) {
    throw new ParseError(
      'too_large',
      `The PDF is ${bytes.length} bytes; at most ${LIMITS.maxBytes} bytes can be read. Split it into smaller statements, or export a CSV.`,
    );
  }
  if (indexOf(bytes, '%PDF-', 0, 1024) < 0) {
    throw new ParseError(
      'parse_failed',
      'This is not a PDF (it does not start with "%PDF-"); send the statement as a PDF, CSV or OFX file.',
    );
  }
  if (lastIndexOfIn(bytes, '%%EOF', Math.max(0, bytes.length - 4096)) < 0) {
    throw new ParseError(
      'parse_failed',
      'The PDF is incomplete: it stops before its end marker (the file was probably cut short while downloading or copying). Download it again and send the whole file.',
    );
  }
}

function deadlineError(maxMillis: number): ParseError {
  return new ParseError(
    'too_large',
    `Reading the PDF took longer than ${Math.round(maxMillis / 1000)} seconds and was stopped; split it into smaller statements or send a CSV export.`,
  );
}

function passwordError(code: number | undefined, given: boolean): ParseError {
  // pdf.js: 1 = NEED_PASSWORD, 2 = INCORRECT_PASSWORD.
  if (code === 2 || given) {
    return new ParseError(
      'invalid_input',
      'The password given does not open this PDF; check it (passwords are case-sensitive) and send it again.',
    );
  }
  return new ParseError(
    'invalid_input',
    'The PDF is password-protected; send the password with it (the "password" field), or a copy saved without a password.',
  );
}

/**
 * The checks made before pdf.js sees the file. In a function of its own, so that what they decoded is
 * garbage by the time pdf.js reads the pages (nothing of it is held across the reader's awaits).
 */
function checkBeforeReading(bytes: Uint8Array, options: ExtractOptions, maxPages: number): void {
  checkEnvelope(bytes);
  const checked = checkDecompressionBudget(bytes, options.password === undefined ? {} : { password: options.password });
  checkPdfStructure(checked, STRUCTURE_LIMITS, maxPages);
}

/** Opens the document and reads every page's text items, within the limits. */
export function extractPdfItems(bytes: Uint8Array, options: ExtractOptions = {}): Promise<PdfPageItems[]> {
  return readPdfPages(bytes, options, (page) => page);
}

/**
 * Opens the document and reads every page's text items, within the limits, handing each page to `read`
 * as soon as it is read: what `read` returns is kept, and the page's items are not (a caller that keeps
 * less than every item holds less while pdf.js reads the rest).
 */
export async function readPdfPages<T>(bytes: Uint8Array, options: ExtractOptions, read: (page: PdfPageItems) => T): Promise<T[]> {
  const maxMillis = options.maxMillis ?? LIMITS.maxMillis;
  const maxPages = options.maxPages ?? LIMITS.maxPages;
  const started = performance.now();
  checkBeforeReading(bytes, options, maxPages);
  const pdfjs = await loadPdfJs();
  // pdf.js may take ownership of the buffer it is given; give it a copy.
  const task = pdfjs.getDocument(pdfJsDocumentOptions(new Uint8Array(bytes), options.password));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(deadlineError(maxMillis)), Math.max(0, maxMillis - (performance.now() - started)));
  });
  try {
    return await Promise.race([readAll(), timeout]);
  } finally {
    clearTimeout(timer);
    void task.destroy().catch(() => undefined);
  }

  async function readAll(): Promise<T[]> {
    let doc;
    try {
      doc = await task.promise;
    } catch (e) {
      throw openError(e, options.password !== undefined);
    }
    const count = doc.numPages;
    if (!Number.isFinite(count) || count < 1) throw new ParseError('parse_failed', 'The PDF has no pages; send the statement itself.');
    if (count > maxPages) {
      throw new ParseError(
        'too_large',
        `The PDF has ${count} pages; at most ${maxPages} can be read at once. Split it into smaller statements, or send a CSV export.`,
      );
    }
    const pages: T[] = [];
    for (let n = 1; n <= count; n++) {
      if (performance.now() - started > maxMillis) throw deadlineError(maxMillis);
      let page;
      let content;
      try {
        page = await doc.getPage(n);
        content = await page.getTextContent();
      } catch (e) {
        if (e instanceof ParseError) throw e;
        if (isStackOverflow(e)) throw new ParseError('parse_failed', `Page ${n}: ${TOO_DEEP}`);
        throw new ParseError(
          'parse_failed',
          `Page ${n} of the PDF could not be read (${describe(e)}); the file is damaged. Download it again or send a CSV export.`,
        );
      }
      // The page as it is shown (its /Rotate applied), y growing downwards: pdf.js's viewport.
      const viewport = page.getViewport({ scale: 1 });
      const view = viewport.transform as number[];
      const placed: { str: string; at: readonly number[]; width: number; height: number }[] = [];
      let removed = 0;
      for (const it of content.items) {
        if (!('str' in it)) continue;
        let str = it.str;
        if (hasUnstorable(str)) {
          const clean = stripUnstorable(str);
          removed += clean.removed;
          str = clean.text;
        }
        if (str.trim() === '') continue;
        const t = it.transform as number[];
        placed.push({ str, at: multiply(view, t), width: it.width, height: it.height || Math.hypot(t[2] ?? 0, t[3] ?? 0) });
      }
      page.cleanup();
      const { turn, askew } = uprightTurn(placed);
      const size = turn % 2 === 0 ? { width: viewport.width, height: viewport.height } : { width: viewport.height, height: viewport.width };
      const items = placed.map((p): PdfTextItem => {
        const [x, y] = turned(p.at[4] ?? 0, p.at[5] ?? 0, turn, viewport.width, viewport.height);
        return { str: p.str, x, y, width: p.width, height: p.height };
      });
      // A statement drawn a glyph at a time is read as if drawn a word at a time (glyph-runs.ts).
      const joined = joinGlyphRuns(items);
      pages.push(
        read({
          page: n,
          ...size,
          items: joined,
          ...(removed > 0 ? { removed } : {}),
          ...(turn !== 0 ? { turned: turn * 90 } : {}),
          ...(askew ? { askew } : {}),
        }),
      );
    }
    return pages;
  }
}

/** The product of two PDF matrices [a b c d e f]: `m` applied after `t`. */
function multiply(m: readonly number[], t: readonly number[]): number[] {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = m;
  const [p = 1, q = 0, r = 0, s = 1, u = 0, v = 0] = t;
  return [a * p + c * q, b * p + d * q, a * r + c * s, b * r + d * s, a * u + c * v + e, b * u + d * v + f];
}

/**
 * Quarter turns (0 to 3, clockwise as shown) by which most of a page's text runs, where it is drawn at a right
 * angle to the page (a landscape table drawn rotated on a portrait page, or the content of a page whose /Rotate
 * does not turn it upright): counted by characters, each item's direction taken from its matrix. 0 where most of
 * it runs left to right.
 */
function uprightTurn(items: readonly { str: string; at: readonly number[] }[]): { turn: number; askew: boolean } {
  const chars = [0, 0, 0, 0];
  let askew = 0;
  let all = 0;
  for (const it of items) {
    const [a = 1, b = 0] = it.at;
    if (a === 0 && b === 0) continue;
    // The text's direction on the page as shown (y grows downwards): 0 right, 1 down, 2 left, 3 up.
    const quarters = Math.atan2(b, a) / (Math.PI / 2);
    const k = ((Math.round(quarters) % 4) + 4) % 4;
    chars[k]! += it.str.length;
    all += it.str.length;
    if (Math.abs(quarters - Math.round(quarters)) > ASKEW) askew += it.str.length;
  }
  const most = Math.max(...chars);
  return { turn: most === 0 || chars[0] === most ? 0 : chars.indexOf(most), askew: askew * 2 > all };
}

/** A quarter of a turn's fraction (about 5 degrees) beyond which text is not level or upright on its side. */
const ASKEW = 5 / 90;

/** A point on the page as shown, turned back by `turn` quarter turns so that text running that way runs left to right. */
function turned(x: number, y: number, turn: number, width: number, height: number): [number, number] {
  if (turn === 1) return [y, width - x];
  if (turn === 2) return [width - x, height - y];
  if (turn === 3) return [height - y, x];
  return [x, y];
}

function describe(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.length > 160 ? `${m.slice(0, 157)}…` : m;
}

/**
 * pdf.js's own words for a file whose objects nest so deep that following them runs out of stack ("Maximum call stack
 * size exceeded", a security probe's nested PDF): said for a person, what is wrong with the file and what to do.
 */
export const TOO_DEEP =
  'This PDF cannot be read: parts of it are nested inside one another thousands of levels deep, far deeper than any bank or CMS statement, so the file is damaged or was not made by the bank or the CMS. Open it and print it to a new PDF (Print, then "Save as PDF" or "Microsoft Print to PDF") and send that, download the statement again, or export it as CSV from online banking.';

/** Whether an error is the stack running out (V8's RangeError "Maximum call stack size exceeded"), however it was passed on. */
export function isStackOverflow(e: unknown): boolean {
  const m = e instanceof Error ? e.message : typeof e === 'string' ? e : (e as { message?: unknown } | null)?.message;
  return typeof m === 'string' && /maximum call stack size exceeded|too much recursion/i.test(m);
}

function openError(e: unknown, passwordGiven: boolean): ParseError {
  if (e instanceof ParseError) return e;
  if (isStackOverflow(e)) return new ParseError('parse_failed', TOO_DEEP);
  const err = e as { name?: string; code?: number; message?: string };
  if (err?.name === 'PasswordException') return passwordError(err.code, passwordGiven);
  if (err?.name === 'InvalidPDFException') {
    return new ParseError(
      'parse_failed',
      `The PDF is damaged and cannot be read (${describe(e)}); download it again or send a CSV export.`,
    );
  }
  return new ParseError('parse_failed', `The PDF cannot be read (${describe(e)}); download it again or send a CSV export.`);
}

/**
 * Whether the file may hold images (an image XObject, or compressed object streams that could hide one):
 * tells a scan from a PDF whose pages are simply blank. Scanners draw each page as an image XObject.
 */
export function mayHoldImages(bytes: Uint8Array): boolean {
  return indexOf(bytes, '/Subtype /Image') >= 0 || indexOf(bytes, '/Subtype/Image') >= 0 || indexOf(bytes, '/ObjStm') >= 0;
}

/** Items that share a baseline (within a tolerance), left to right. */
export function groupLines(items: readonly PdfTextItem[]): PdfTextItem[][] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: PdfTextItem[][] = [];
  let current: PdfTextItem[] = [];
  let lineY = Number.NEGATIVE_INFINITY;
  for (const it of sorted) {
    const tolerance = Math.max(1.5, Math.min(it.height || 0, 12) * 0.35);
    if (current.length > 0 && Math.abs(it.y - lineY) <= tolerance) {
      current.push(it);
    } else {
      if (current.length > 0) lines.push(current.sort((a, b) => a.x - b.x));
      current = [it];
      lineY = it.y;
    }
  }
  if (current.length > 0) lines.push(current.sort((a, b) => a.x - b.x));
  return lines;
}

/** A line's text: items left to right, single spaces between them. */
export function lineText(line: readonly PdfTextItem[]): string {
  let text = '';
  for (const it of line) {
    const s = it.str.trim();
    if (s === '') continue;
    text = text === '' ? s : `${text} ${s}`;
  }
  // Runs of white space, or white space other than a plain space, become one space.
  return ODD_SPACE.test(text) ? text.replace(/\s+/g, ' ') : text;
}
const ODD_SPACE = /[^\S ]| {2}/;

/** The text of a page, line by line. */
export function pageText(page: PdfPageItems): string {
  return groupLines(page.items).map(lineText).join('\n');
}

/**
 * The document's text: lines rebuilt by y position, items on a line ordered by x and joined with single
 * spaces, pages separated by "\n\f\n".
 */
export async function extractPdfText(bytes: Uint8Array, options: ExtractOptions = {}): Promise<string> {
  const pages = await extractPdfItems(bytes, options);
  return pages.map(pageText).join('\n\f\n');
}
