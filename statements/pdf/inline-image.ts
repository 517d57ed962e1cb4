/**
 * Where an inline image's data ends (`BI <dictionary> ID <data> EI`), found as pdf.js 5's Parser.makeInlineImage
 * finds it, so that the content counted before pdf.js reads a page (structure.ts countContent) resumes where pdf.js
 * resumes. An end found later than pdf.js's would leave content uncounted that pdf.js then reads: a security audit of
 * 5 December 2026 found that the first `EI` followed by white space was not enough. pdf.js, by the image's filter:
 *
 * - DCTDecode (JPEG): the data runs to the JPEG end marker (FF D9), its segments skipped by their lengths;
 * - ASCII85Decode: to `~>` (or a `~` and white space before `EI`); ASCIIHexDecode: to the first `>`;
 *   after either, past the next `EI` and the one byte after it;
 * - any other, or those without their end marker: to the first `EI` followed by a space, LF or CR, then 15 bytes
 *   that read as text, then words that make an operation pdf.js knows with the operands it takes (within 75 bytes);
 *   where no `EI` passes, the last `EI` followed by white space (pdf.js's recovery), else the end of the content.
 *
 * Each `EI` tried costs a read of up to 75 bytes: content made of nothing else ("EI EI EI …") took 10 s a 15 MB
 * page, so the tries one content stream may take are capped ({@link MAX_EI_TRIES}), far above any real image's. An
 * image whose end marker is missing is searched for to the end of the content, and then again: 8,000 such images
 * in 176 KB took 1 s (a 16 MB page would take hours), so the bytes one content stream's images may be searched over
 * are capped too, at twice the content and a megabyte ({@link newEndSearch}); a real image is searched over once.
 * @module
 */
import { ParseError } from '../types.ts';

/** Most `EI`s tried as an image's end in one content stream: a real inline image has one, perhaps a few. */
export const MAX_EI_TRIES = 100_000;

/** What one content stream has left to search its inline images' ends with. */
export interface EndSearch {
  /** `EI`s that may still be tried, of {@link MAX_EI_TRIES}. */
  tries: number;
  /** Bytes that may still be searched over. */
  bytes: number;
}

/** The search allowed for the inline images of one content stream of `length` bytes. */
export function newEndSearch(length: number): EndSearch {
  return { tries: MAX_EI_TRIES, bytes: 2 * length + 1024 * 1024 };
}

/** pdf.js's evaluator's operators (PartialEvaluator.opMap): operands each takes, `v` where it takes up to that many. */
const OPERATORS =
  'w:1 J:1 j:1 M:1 d:2 ri:1 i:1 gs:1 q:0 Q:0 cm:6 m:2 l:2 c:6 v:4 y:4 h:0 re:4 S:0 s:0 f:0 F:0 f*:0 B:0 B*:0 b:0 b*:0 n:0 W:0 W*:0 BT:0 ET:0 Tc:1 Tw:1 Tz:1 TL:1 Tf:2 Tr:1 Ts:1 Td:2 TD:2 Tm:6 T*:0 Tj:1 TJ:1 \':1 ":3 d0:2 d1:6 CS:1 cs:1 SC:4v SCN:33v sc:4v scn:33v G:1 g:1 RG:3 rg:3 K:4 k:4 sh:1 BI:0 ID:0 EI:1 Do:1 MP:1 DP:2 BMC:1 BDC:2 EMC:0 BX:0 EX:0';
/** Words the map lists with no operation (prefixes, and values pdf.js's lexer gives as values): known, not valid. */
const NOT_OPERATORS = 'BM BD true fa fal fals false nu nul null';

interface Operator {
  readonly operands: number;
  readonly variable: boolean;
}
const KNOWN = new Map<string, Operator | null>();
for (const entry of OPERATORS.split(' ')) {
  const colon = entry.lastIndexOf(':');
  const count = entry.slice(colon + 1);
  KNOWN.set(entry.slice(0, colon), { operands: Number.parseInt(count, 10), variable: count.endsWith('v') });
}
for (const word of NOT_OPERATORS.split(' ')) KNOWN.set(word, null);

/** pdf.js's lexer's special characters: 1 white space, 2 a delimiter. */
const SPECIAL = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) SPECIAL[c] = 1;
for (const c of '()<>[]{}/%') SPECIAL[c.charCodeAt(0)] = 2;

const E = 0x45;
const I = 0x49;
const isDigit = (c: number | undefined): boolean => c !== undefined && c >= 0x30 && c <= 0x39;
const hexValue = (c: number | undefined): number =>
  c === undefined ? -1 : isDigit(c) ? c - 0x30 : (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66 ? (c | 0x20) - 0x57 : -1;
/** pdf.js's isWhiteSpace (narrower than its lexer's white space: no NUL, no form feed). */
const isWhite = (c: number | undefined): boolean => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;

/**
 * The filter an inline image's dictionary names (`/F`, else `/Filter`; the first of an array), read as pdf.js's parser
 * reads the dictionary: names as keys, each followed by one value. `from` is just after `BI`, `to` at `ID`. A number
 * there would be a reference to an object (pdf.js fetches it), which PDF does not allow in an inline image: `by
 * reference`, refused by the caller, since the filter it names cannot be known here.
 */
export function inlineImageFilter(data: Uint8Array, from: number, to: number): string | undefined | 'by reference' {
  const lexer = new Lexer(data, from, to);
  const values = new Map<string, Token>();
  for (;;) {
    const key = lexer.next();
    if (key.kind !== 'name') break; // the end, or what pdf.js refuses as a key (it then stops reading the page)
    const value = lexer.next();
    if (value.kind === 'eof') break;
    let first: Token = value;
    if (value.kind === 'command' && value.text === '[') first = lexer.next();
    if (value.kind === 'command' && (value.text === '[' || value.text === '<<')) lexer.skipNested(value.text === '[' ? ']' : '>>');
    values.set(key.text, first);
  }
  // pdf.js takes `F || Filter`: an F that is null, false or an empty string leaves Filter to say.
  const f = values.get('F');
  const filter = f === undefined || f.kind === 'falsy' ? values.get('Filter') : f;
  if (filter?.kind === 'number') return 'by reference';
  return filter?.kind === 'name' ? filter.text : undefined;
}

/** Where content resumes after an inline image whose data starts at `from`: just past its end, as pdf.js finds it. */
export function inlineImageEnd(data: Uint8Array, from: number, filter: string | undefined, search: EndSearch): number {
  // Each search is charged the bytes it went over (to the end of the content, where it found nothing).
  const spend = (to: number | undefined): void => {
    search.bytes -= (to ?? data.length) - from;
    if (search.bytes < 0) throw searchTooLong();
  };
  let end: number | undefined;
  if (filter === 'DCT' || filter === 'DCTDecode') spend((end = jpegEnd(data, from)));
  else if (filter === 'A85' || filter === 'ASCII85Decode') spend((end = ascii85End(data, from)));
  else if (filter === 'AHx' || filter === 'ASCIIHexDecode') spend((end = hexEnd(data, from)));
  const resume = end === undefined ? defaultEnd(data, from, search) : pastEI(data, end);
  spend(resume);
  return resume;
}

/** pdf.js's findDefaultInlineStreamEnd: the index just past the `EI` and the white space after it. */
function defaultEnd(data: Uint8Array, from: number, search: EndSearch): number {
  const n = data.length;
  let state = 0;
  let maybe: number | undefined;
  for (let i = from; i < n; i++) {
    const ch = data[i]!;
    if (state === 0) state = ch === E ? 1 : 0;
    else if (state === 1) state = ch === I ? 2 : 0;
    else if (ch === 0x20 || ch === 0x0a || ch === 0x0d) {
      const after = i + 1;
      maybe = after;
      if (after >= n) return after;
      if (!textFollows(data, after)) {
        state = 0;
        continue;
      }
      if (--search.tries < 0) throw searchTooLong();
      if (!operationFollows(data, after)) {
        state = 0;
        continue;
      }
      return after;
    } else state = 0;
  }
  return maybe ?? n;
}

function searchTooLong(): ParseError {
  return new ParseError(
    'too_large',
    `The PDF has inline images whose ends take too long to find (more than ${MAX_EI_TRIES.toLocaleString('en-GB')} "EI"s tried, or their data searched more than twice over); no bank or CMS statement has such images, so the file is damaged or was made to exhaust the reader. Send the statement as the bank or CMS issued it, or a CSV export.`,
  );
}

/** The 15 bytes after `at` (or fewer, at the end) are text: printable ASCII, LF, CR, or a NUL not before another. */
function textFollows(data: Uint8Array, at: number): boolean {
  const end = Math.min(data.length, at + 15);
  for (let k = at; k < end; k++) {
    const b = data[k]!;
    if (b === 0x00 && (k + 1 >= end || data[k + 1] !== 0x00)) continue;
    if (b !== 0x0a && b !== 0x0d && (b < 0x20 || b > 0x7f)) return false;
  }
  return true;
}

/**
 * pdf.js's test that `EI` ended the image: within the next 75 bytes, operands then an operator pdf.js knows, taking
 * that many operands (or up to that many); an operator with another number of operands starts the count again.
 * Where pdf.js's lexer would throw instead (a `)`, a malformed number), it stops reading the page there: taken as
 * the end, so that the content after it is counted (more than pdf.js reads, never less).
 */
function operationFollows(data: Uint8Array, at: number): boolean {
  const lexer = new Lexer(data, at, Math.min(data.length, at + 75));
  let operands = 0;
  for (;;) {
    const token = lexer.next();
    if (token.kind === 'eof') return false;
    if (token.kind === 'error') return true;
    if (token.kind !== 'command') {
      operands++;
      continue;
    }
    const op = KNOWN.get(token.text);
    if (!op) return false;
    if (op.variable ? operands <= op.operands : operands === op.operands) return true;
    operands = 0;
  }
}

/** pdf.js's findDCTDecodeInlineStreamEnd: just past the JPEG end marker, or undefined when there is none. */
function jpegEnd(data: Uint8Array, from: number): number | undefined {
  const n = data.length;
  let i = from;
  while (i < n) {
    if (data[i++] !== 0xff) continue;
    if (i >= n) return undefined;
    const marker = data[i++]!;
    if (marker === 0xd9) return i;
    if (marker === 0xff) i--;
    else if (hasLength(marker)) {
      // The segment's length, read as two bytes (fewer at the end, as pdf.js's stream gives them), then skipped.
      const length = i + 1 < n ? (data[i]! << 8) | data[i + 1]! : -1;
      i += Math.min(2, n - i);
      i += length > 2 ? length - 2 : -2;
    }
  }
  return undefined;
}

/** The JPEG markers pdf.js reads a segment length after. */
function hasLength(marker: number): boolean {
  return (
    (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc8) ||
    (marker >= 0xda && marker <= 0xdf) ||
    (marker >= 0xe0 && marker <= 0xef) ||
    marker === 0xfe
  );
}

/** pdf.js's findASCII85DecodeInlineStreamEnd: just past `~>`, or at `EI` after `~` and white space; else undefined. */
function ascii85End(data: Uint8Array, from: number): number | undefined {
  const n = data.length;
  for (let i = from; i < n;) {
    if (data[i++] !== 0x7e) continue;
    const tilde = i;
    while (i < n && isWhite(data[i])) i++;
    if (i < n && data[i] === 0x3e) return i + 1;
    if (i >= n) return undefined;
    if (i > tilde && data[i] === E && data[i + 1] === I) return i;
  }
  return undefined;
}

/** pdf.js's findASCIIHexDecodeInlineStreamEnd: just past the first `>`, or undefined when there is none. */
function hexEnd(data: Uint8Array, from: number): number | undefined {
  const at = data.indexOf(0x3e, from);
  return at < 0 ? undefined : at + 1;
}

/** pdf.js's inlineStreamSkipEI: past the next `EI` and the one byte after it (or to the end). */
function pastEI(data: Uint8Array, from: number): number {
  const n = data.length;
  let state = 0;
  for (let i = from; i < n; i++) {
    const ch = data[i]!;
    if (state === 0) state = ch === E ? 1 : 0;
    else if (state === 1) state = ch === I ? 2 : 0;
    else return i + 1;
  }
  return n;
}

type Token =
  | { readonly kind: 'eof' | 'value' | 'falsy' | 'number' | 'error' }
  | { readonly kind: 'name'; readonly text: string }
  | { readonly kind: 'command'; readonly text: string };

const EOF: Token = { kind: 'eof' };
const VALUE: Token = { kind: 'value' };
const NUMBER: Token = { kind: 'number' };
/** A value JavaScript takes as false, as pdf.js gives it: null, false, an empty string. */
const FALSY: Token = { kind: 'falsy' };
const ERROR: Token = { kind: 'error' };

/** pdf.js's content lexer (Lexer.getObj), over `data[from, to)`, as far as the two tests above need it. */
class Lexer {
  #i: number;
  readonly #data: Uint8Array;
  readonly #to: number;
  constructor(data: Uint8Array, from: number, to: number) {
    this.#data = data;
    this.#i = from;
    this.#to = to;
  }

  #at(k: number): number | undefined {
    return k < this.#to ? this.#data[k] : undefined;
  }

  next(): Token {
    let comment = false;
    let ch = this.#at(this.#i);
    for (; ch !== undefined; ch = this.#at(++this.#i)) {
      if (comment) {
        if (ch === 0x0a || ch === 0x0d) comment = false;
      } else if (ch === 0x25) comment = true;
      else if (SPECIAL[ch] !== 1) break;
    }
    if (ch === undefined) return EOF;
    if (isDigit(ch) || ch === 0x2b || ch === 0x2d || ch === 0x2e) return this.#number();
    this.#i++;
    switch (ch) {
      case 0x28: {
        const start = this.#i;
        this.#literal();
        return this.#data[start] === 0x29 ? FALSY : VALUE;
      }
      case 0x2f:
        return { kind: 'name', text: this.#name() };
      case 0x5b:
      case 0x5d:
      case 0x7b:
      case 0x7d:
        return { kind: 'command', text: String.fromCharCode(ch) };
      case 0x3c:
        if (this.#at(this.#i) === 0x3c) {
          this.#i++;
          return { kind: 'command', text: '<<' };
        }
        {
          let digits = false;
          for (; this.#i < this.#to && this.#data[this.#i] !== 0x3e; this.#i++) digits ||= hexValue(this.#data[this.#i]) >= 0;
          this.#i++;
          return digits ? VALUE : FALSY;
        }
      case 0x3e:
        if (this.#at(this.#i) === 0x3e) {
          this.#i++;
          return { kind: 'command', text: '>>' };
        }
        return { kind: 'command', text: '>' };
      case 0x29:
        return ERROR;
    }
    // A word: a byte outside ASCII followed by one inside it is a word alone; else, once the word is one pdf.js
    // knows, it goes on only as far as it stays one.
    let text = String.fromCharCode(ch);
    const nextCh = this.#at(this.#i);
    if ((ch < 0x20 || ch > 0x7f) && nextCh !== undefined && nextCh >= 0x20 && nextCh <= 0x7f) return { kind: 'command', text };
    let known = KNOWN.has(text);
    for (let c = this.#at(this.#i); c !== undefined && !SPECIAL[c]; c = this.#at(this.#i)) {
      const longer = text + String.fromCharCode(c);
      if (known && !KNOWN.has(longer)) break;
      text = longer;
      known = KNOWN.has(text);
      this.#i++;
    }
    return text === 'true' ? VALUE : text === 'false' || text === 'null' ? FALSY : { kind: 'command', text };
  }

  /** pdf.js's getNumber: a value, or an error where pdf.js throws. */
  #number(): Token {
    let ch = this.#at(this.#i);
    if (ch === 0x2d) {
      ch = this.#at(++this.#i);
      if (ch === 0x2d) ch = this.#at(++this.#i);
    } else if (ch === 0x2b) ch = this.#at(++this.#i);
    while (ch === 0x0a || ch === 0x0d) ch = this.#at(++this.#i);
    if (ch === 0x2e) ch = this.#at(++this.#i);
    if (!isDigit(ch)) return ch === undefined || isWhite(ch) || ch === 0x28 || ch === 0x3c ? NUMBER : ERROR;
    let point = false;
    for (ch = this.#at(++this.#i); ch !== undefined; ch = this.#at(++this.#i)) {
      if (isDigit(ch) || ch === 0x2d) continue;
      if (ch === 0x2e) {
        if (point) break;
        point = true;
      } else if (ch === 0x45 || ch === 0x65) {
        const sign = this.#at(this.#i + 1);
        if (sign === 0x2b || sign === 0x2d) this.#i++;
        else if (!isDigit(sign)) break;
      } else break;
    }
    return NUMBER;
  }

  /** A literal string after its `(`: balanced parentheses, backslash escapes, to its end or the end of the data. */
  #literal(): void {
    let depth = 1;
    while (this.#i < this.#to && depth > 0) {
      const d = this.#data[this.#i++]!;
      if (d === 0x5c) this.#i++;
      else if (d === 0x28) depth++;
      else if (d === 0x29) depth--;
    }
  }

  /**
   * The rest of a name after its `/`, its `#xx` escapes undone as pdf.js undoes them; only its first 32 characters
   * are kept (the names looked for are shorter; a longer one matches none of them).
   */
  #name(): string {
    let text = '';
    for (let c = this.#at(this.#i); c !== undefined && !SPECIAL[c]; c = this.#at(this.#i)) {
      this.#i++;
      if (c === 0x23) {
        const h1 = hexValue(this.#at(this.#i));
        const h2 = hexValue(this.#at(this.#i + 1));
        if (h1 >= 0 && h2 >= 0) {
          c = (h1 << 4) | h2;
          this.#i += 2;
        }
      }
      if (text.length <= 32) text += String.fromCharCode(c);
    }
    return text;
  }

  /** Past the nested array or dictionary just opened, to its `close` (or the end). */
  skipNested(close: ']' | '>>'): void {
    const open = close === ']' ? '[' : '<<';
    for (let depth = 1; depth > 0;) {
      const t = this.next();
      if (t.kind === 'eof') return;
      if (t.kind === 'command' && t.text === open) depth++;
      else if (t.kind === 'command' && t.text === close) depth--;
    }
  }
}
