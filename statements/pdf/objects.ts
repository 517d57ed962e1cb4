/**
 * Just enough of the PDF object syntax (ISO 32000-1 §7.3) to check a file before pdf.js reads it: values
 * (names with their `#xx` escapes undone, strings, numbers, arrays, dictionaries, indirect references), where
 * each object starts, the trailer, and the objects packed inside object streams. Read as pdf.js reads them
 * where it matters for safety: a name is compared after its escapes are undone (`/Fl#61teDecode` is
 * `/FlateDecode`), and `/F` and `/DP` stand for `/Filter` and `/DecodeParms` in a stream's dictionary.
 *
 * Everything here is bounded: nesting depth, the length of one value, the objects looked at.
 * @module
 */

import { groupedCount } from '../../calc/money.ts';
import { ParseError } from '../types.ts';

/** A name, its `#xx` escapes undone (`/Fl#61te` is `Flate`). */
export class Name {
  constructor(readonly name: string) {}
}

/** An indirect reference, `12 0 R`. */
export class Ref {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
  get key(): string {
    return `${this.num} ${this.gen}`;
  }
}

/** A string, literal `(…)` or hexadecimal `<…>`, as its bytes. */
export class PdfString {
  constructor(readonly bytes: Uint8Array) {}
}

export class Dict {
  readonly map = new Map<string, PdfValue>();
  /** The value of the first key present (`get('F', 'Filter')`: pdf.js reads the abbreviation first). */
  get(...keys: string[]): PdfValue | undefined {
    for (const k of keys) {
      const v = this.map.get(k);
      if (v !== undefined) return v;
    }
    return undefined;
  }
}

export type PdfValue = null | boolean | number | Name | PdfString | Ref | Dict | PdfValue[] | Command;

/** A bare keyword (`stream`, `R`, `obj`, or a content-stream operator such as `Tj`). */
export class Command {
  constructor(readonly cmd: string) {}
}

/** Thrown when a value cannot be read (damaged, too deep, too long). */
export class SyntaxProblem extends Error {}

/**
 * The longest string (literal or hexadecimal) or name read, in bytes, here and in page content (structure.ts).
 * A line of a bank or CMS statement is under 1 KB, and the longest strings real statements carry, a digital
 * signature's /Contents, are tens of KB; a string of megabytes is there to exhaust the reader. pdf.js builds a
 * string a character at a time (and this lexer kept a number a byte): a 19 MB string in a page's dictionary grew
 * the process by 680 MB, one of 15 MB drawn as text by 610 MB.
 */
export const MAX_STRING_BYTES = 1024 * 1024;
/**
 * Bytes of strings and names all the objects of one file may hold (dictionaries and arrays, in the file and in
 * its object streams; page content is counted by structure.ts). A real statement's come to kilobytes (its
 * document information, bookmarks, a signature), a tagged one's to a few megabytes at most; without a cap,
 * strings of 1 MB each, packed in object streams, could still fill the 256 MB the decompression budget allows.
 */
export const MAX_OBJECT_STRING_BYTES = 32 * 1024 * 1024;

/** What bytes of strings and names a file's objects may still hold: shared by the lexers that read them. */
export interface StringBudget {
  room: number;
}

/** A limit in words: "1 MB" for whole megabytes (of 1,048,576 bytes), else "1,500 bytes". */
export function sizeInWords(n: number): string {
  const mb = 1024 * 1024;
  return n % mb === 0 ? `${n / mb} MB` : `${groupedCount(n)} bytes`;
}

/** The error for a string or name longer than {@link MAX_STRING_BYTES}; `where` is "The PDF", "Page 3 of the PDF". */
export function stringTooLong(where: string, max = MAX_STRING_BYTES): ParseError {
  return new ParseError(
    'too_large',
    `${where} holds a string or name longer than ${sizeInWords(max)}, the longest one may be; a line of a bank or CMS statement is under 1 KB, so the file is damaged or was made to exhaust the reader. Send the statement as the bank or CMS issued it, or a CSV export.`,
  );
}

function objectStringsTooMany(): ParseError {
  return new ParseError(
    'too_large',
    `The PDF's objects hold more than ${sizeInWords(MAX_OBJECT_STRING_BYTES)} of strings and names, the most that may be read; a bank or CMS statement holds a few kilobytes, so the file is damaged or was made to exhaust the reader. Send the statement as the bank or CMS issued it, or a CSV export.`,
  );
}

/** A string's bytes as they are read, refused past {@link MAX_STRING_BYTES} before they are kept. */
class StringBytes {
  private buf = new Uint8Array(64);
  length = 0;
  push(byte: number): void {
    if (this.length === this.buf.length) {
      if (this.length >= MAX_STRING_BYTES) throw stringTooLong('The PDF');
      const next = new Uint8Array(Math.min(MAX_STRING_BYTES, this.length * 2));
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = byte;
  }
  bytes(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

const MAX_DEPTH = 64;
/** Longest array or dictionary read (a page tree's /Kids may be long; anything longer is not a statement). */
const MAX_ITEMS = 1_000_000;

// Character classes (PDF 32000-1 §7.2.2): 1 = white space, 2 = delimiter, 0 = regular.
const CLASS = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) CLASS[c] = 1;
for (const c of '()<>[]{}/%') CLASS[c.charCodeAt(0)] = 2;

export const isWhite = (c: number | undefined): boolean => c !== undefined && CLASS[c] === 1;
export const isDelimiter = (c: number | undefined): boolean => c !== undefined && CLASS[c] === 2;
export const isRegular = (c: number | undefined): boolean => c !== undefined && CLASS[c] === 0;

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 55;
  if (c >= 0x61 && c <= 0x66) return c - 87;
  return -1;
}

/**
 * Reads values from bytes, from a position on. Tokens as pdf.js's Lexer makes them: comments skipped,
 * numbers (`-.5`, `+3`), names with `#xx` escapes, strings with their escapes, keywords.
 */
export class Lexer {
  pos: number;
  /**
   * @param budget what strings and names may still take, shared by the lexers that read one file's objects (past
   *   it, a ParseError); every string and name is held to {@link MAX_STRING_BYTES} whether or not one is given.
   */
  constructor(
    readonly bytes: Uint8Array,
    pos = 0,
    readonly end = bytes.length,
    private readonly budget?: StringBudget,
  ) {
    this.pos = pos;
  }

  /** Takes `n` bytes of strings or names from the budget, if any. */
  private spend(n: number): void {
    if (!this.budget) return;
    this.budget.room -= n;
    if (this.budget.room < 0) throw objectStringsTooMany();
  }

  skipSpace(): void {
    const b = this.bytes;
    while (this.pos < this.end) {
      const c = b[this.pos]!;
      if (CLASS[c] === 1) this.pos++;
      else if (c === 0x25) {
        // A comment runs to the end of the line.
        while (this.pos < this.end && b[this.pos] !== 0x0a && b[this.pos] !== 0x0d) this.pos++;
      } else break;
    }
  }

  /** The next token: a value that is not an array or dictionary, or a delimiter as a Command ('[', ']', '<<', '>>', '{', '}'), or undefined at the end. */
  token(): Exclude<PdfValue, Dict | PdfValue[] | Ref> | undefined {
    this.skipSpace();
    const b = this.bytes;
    if (this.pos >= this.end) return undefined;
    const c = b[this.pos]!;
    switch (c) {
      case 0x2f: // '/'
        return this.name();
      case 0x28: // '('
        return this.literalString();
      case 0x3c: // '<'
        if (b[this.pos + 1] === 0x3c) {
          this.pos += 2;
          return new Command('<<');
        }
        return this.hexString();
      case 0x3e: // '>'
        if (b[this.pos + 1] === 0x3e) {
          this.pos += 2;
          return new Command('>>');
        }
        this.pos++;
        return new Command('>');
      case 0x5b:
      case 0x5d:
      case 0x7b:
      case 0x7d:
      case 0x29:
        this.pos++;
        return new Command(String.fromCharCode(c));
    }
    // A number or a keyword: a run of regular characters.
    const start = this.pos;
    while (this.pos < this.end && CLASS[b[this.pos]!] === 0) this.pos++;
    if (this.pos - start > 256) return new Command('');
    const text = latin1(b, start, this.pos);
    if (/^[+-]?(?:\d+\.?\d*|\.\d+)$/.test(text)) return Number(text);
    if (/^[+-]*[\d.]+$/.test(text) && /\d/.test(text)) return parseFloat(text.replace(/^[+-]*(-?)/, '$1')) || 0;
    if (text === 'true') return true;
    if (text === 'false') return false;
    if (text === 'null') return null;
    return new Command(text);
  }

  private name(): Name {
    const b = this.bytes;
    this.pos++;
    // Measured whole first (pdf.js reads a name to its end, however long): only the first 4,096 bytes are kept.
    let stop = this.pos;
    while (stop < this.end && CLASS[b[stop]!] === 0) stop++;
    if (stop - this.pos > MAX_STRING_BYTES) throw stringTooLong('The PDF');
    this.spend(stop - this.pos);
    const out: number[] = [];
    while (this.pos < this.end && CLASS[b[this.pos]!] === 0) {
      const c = b[this.pos]!;
      if (c === 0x23 /* # */) {
        const h = hexValue(b[this.pos + 1] ?? 0);
        const l = hexValue(b[this.pos + 2] ?? 0);
        if (h >= 0 && l >= 0) {
          out.push((h << 4) | l);
          this.pos += 3;
          continue;
        }
      }
      out.push(c);
      this.pos++;
      if (out.length > 4096) break;
    }
    return new Name(String.fromCharCode(...out.slice(0, 4096)));
  }

  private literalString(): PdfString {
    const b = this.bytes;
    this.pos++;
    const out = new StringBytes();
    let depth = 1;
    while (this.pos < this.end) {
      let c = b[this.pos++]!;
      if (c === 0x28) depth++;
      else if (c === 0x29) {
        if (--depth === 0) break;
      } else if (c === 0x5c /* \ */) {
        c = b[this.pos++] ?? 0;
        switch (c) {
          case 0x6e:
            c = 0x0a;
            break;
          case 0x72:
            c = 0x0d;
            break;
          case 0x74:
            c = 0x09;
            break;
          case 0x62:
            c = 0x08;
            break;
          case 0x66:
            c = 0x0c;
            break;
          case 0x0d: // a line continuation
            if (b[this.pos] === 0x0a) this.pos++;
            continue;
          case 0x0a:
            continue;
          default:
            if (c >= 0x30 && c <= 0x37) {
              let v = c - 0x30;
              for (let k = 0; k < 2 && (b[this.pos] ?? 0) >= 0x30 && (b[this.pos] ?? 0) <= 0x37; k++) v = v * 8 + (b[this.pos++]! - 0x30);
              c = v & 0xff;
            }
        }
      }
      out.push(c);
    }
    this.spend(out.length);
    return new PdfString(out.bytes());
  }

  private hexString(): PdfString {
    const b = this.bytes;
    this.pos++;
    const out = new StringBytes();
    let high = -1;
    while (this.pos < this.end) {
      const c = b[this.pos++]!;
      if (c === 0x3e) break;
      const v = hexValue(c);
      if (v < 0) continue;
      if (high < 0) high = v;
      else {
        out.push((high << 4) | v);
        high = -1;
      }
    }
    if (high >= 0) out.push(high << 4);
    this.spend(out.length);
    return new PdfString(out.bytes());
  }

  /**
   * A whole value: arrays and dictionaries read to their end, `n g R` read as a reference. A keyword that
   * is not part of a value (`stream`, `endobj`) comes back as a Command.
   */
  value(depth = 0): PdfValue | undefined {
    if (depth > MAX_DEPTH) throw new SyntaxProblem('nested too deep');
    const t = this.token();
    if (t instanceof Command) {
      if (t.cmd === '[') {
        const items: PdfValue[] = [];
        for (;;) {
          const at = this.pos;
          const v = this.value(depth + 1);
          if (v === undefined) throw new SyntaxProblem('an array that does not end');
          if (v instanceof Command && v.cmd === ']') return items;
          if (v instanceof Command && (v.cmd === '>>' || v.cmd === 'endobj' || v.cmd === 'stream')) {
            this.pos = at;
            return items;
          }
          items.push(v);
          if (items.length > MAX_ITEMS) throw new SyntaxProblem('an array too long');
        }
      }
      if (t.cmd === '<<') {
        const dict = new Dict();
        for (;;) {
          const at = this.pos;
          const key = this.value(depth + 1);
          if (key === undefined) throw new SyntaxProblem('a dictionary that does not end');
          if (key instanceof Command && key.cmd === '>>') return dict;
          if (key instanceof Command && (key.cmd === 'endobj' || key.cmd === 'stream')) {
            this.pos = at;
            return dict;
          }
          if (!(key instanceof Name)) continue; // pdf.js skips what is not a key
          const v = this.value(depth + 1);
          if (v === undefined) throw new SyntaxProblem('a dictionary that does not end');
          if (v instanceof Command && v.cmd === '>>') return dict;
          if (!dict.map.has(key.name)) dict.map.set(key.name, v);
          if (dict.map.size > MAX_ITEMS) throw new SyntaxProblem('a dictionary too long');
        }
      }
      return t;
    }
    if (typeof t === 'number' && Number.isInteger(t) && t >= 0) {
      // `n g R`: look ahead without consuming anything else.
      const save = this.pos;
      const g = this.token();
      if (typeof g === 'number' && Number.isInteger(g) && g >= 0) {
        const r = this.token();
        if (r instanceof Command && r.cmd === 'R') return new Ref(t, g);
      }
      this.pos = save;
    }
    return t;
  }
}

export function latin1(bytes: Uint8Array, from = 0, to = bytes.length): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + from, Math.max(0, to - from)).toString('latin1');
}

// ---------------------------------------------------------------- the file's objects

/** Where an object's body lies: its number and generation, and the offset just after `obj`. */
export interface ObjectSite {
  readonly num: number;
  readonly gen: number;
  /** Offset of the `n g obj` header. */
  readonly header: number;
  /** Offset just after `obj`. */
  readonly body: number;
}

/** A stream found in the file: its object (when known), its dictionary, and where its data lies. */
export interface StreamSite {
  readonly object?: ObjectSite;
  readonly dict?: Dict;
  /** The dictionary as text, for a stream whose dictionary could not be read as values. */
  readonly dictText: string;
  /** First byte of the data (after the end of line that follows `stream`). */
  readonly start: number;
  /** Where the data ends, by the `endstream` keyword (or the end of the file). */
  readonly endByKeyword: number;
}

/**
 * The objects of a file, found by their `n g obj` headers (as pdf.js finds them when it rebuilds a damaged
 * cross-reference table), and values resolved through references, including objects inside object streams.
 */
export class PdfFile {
  readonly text: string;
  /** Every `n g obj` header, in file order. */
  readonly sites: ObjectSite[] = [];
  /** Every definition of each object number, in file order (a later one is an update). */
  private readonly byNum = new Map<number, ObjectSite[]>();
  /** Objects packed in object streams: number → where (filled by {@link PdfFile.indexObjectStreams}). */
  private readonly packed = new Map<number, { stream: number; index: number }[]>();
  private readonly packedValues = new Map<string, PdfValue>();
  private readonly valueCache = new Map<number, { value: PdfValue; end: number } | null>();
  private readonly byHeader = new Map<number, ObjectSite>();
  private xrefCache: Xref | null | undefined;
  private trailerCache: Dict[] | undefined;
  /** What strings and names the file's objects may still hold ({@link MAX_OBJECT_STRING_BYTES}), each object read once. */
  private readonly strings: StringBudget = { room: MAX_OBJECT_STRING_BYTES };
  /** Decodes an object stream's data (set by the caller, which owns the decoders and the budget). */
  objectStreamData?: (site: ObjectSite) => Uint8Array | undefined;
  /** Decodes a cross-reference stream's data (never encrypted), likewise. */
  xrefStreamData?: (site: ObjectSite) => Uint8Array | undefined;

  constructor(readonly bytes: Uint8Array) {
    this.text = latin1(bytes);
    const re = /(\d{1,10})[\0\t\n\f\r ]+(\d{1,5})[\0\t\n\f\r ]+obj(?![A-Za-z0-9_])/g;
    for (let m = re.exec(this.text); m; m = re.exec(this.text)) {
      // The number must start a token.
      if (m.index > 0 && isRegular(bytes[m.index - 1])) continue;
      const site: ObjectSite = { num: Number(m[1]), gen: Number(m[2]), header: m.index, body: m.index + m[0].length };
      this.sites.push(site);
      this.byHeader.set(site.header, site);
      let list = this.byNum.get(site.num);
      if (!list) this.byNum.set(site.num, (list = []));
      list.push(site);
    }
  }

  /** The object site a file position lies in: the last header at or before it. */
  siteAt(position: number): ObjectSite | undefined {
    let lo = 0;
    let hi = this.sites.length - 1;
    let found: ObjectSite | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.sites[mid]!.header <= position) {
        found = this.sites[mid];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /** The value an object site holds (its dictionary, for a stream). */
  valueAt(site: ObjectSite): PdfValue | undefined {
    return this.parseAt(site)?.value;
  }

  /** The value an object site holds and where it ends; undefined when it cannot be read. */
  parseAt(site: ObjectSite): { readonly value: PdfValue; readonly end: number } | undefined {
    const cached = this.valueCache.get(site.header);
    if (cached !== undefined) return cached ?? undefined;
    let parsed: { value: PdfValue; end: number } | null = null;
    try {
      const lexer = new Lexer(this.bytes, site.body, this.bytes.length, this.strings);
      const value = lexer.value();
      if (value !== undefined) parsed = { value, end: lexer.pos };
    } catch (e) {
      if (e instanceof ParseError) throw e; // a string past the limits: the file is refused
      parsed = null;
    }
    this.valueCache.set(site.header, parsed);
    return parsed ?? undefined;
  }

  /** Every definition of an object: each `n g obj` in the file, then each place in an object stream. */
  definitions(ref: Ref): PdfValue[] {
    const out: PdfValue[] = [];
    for (const site of this.byNum.get(ref.num) ?? []) {
      if (site.gen !== ref.gen) continue;
      const v = this.valueAt(site);
      if (v !== undefined) out.push(v);
    }
    if (ref.gen === 0) {
      for (const p of this.packed.get(ref.num) ?? []) {
        const v = this.packedValues.get(`${p.stream}:${p.index}`);
        if (v !== undefined) out.push(v);
      }
    }
    return out;
  }

  /**
   * The site of an object's current definition, as pdf.js finds it: where the cross-reference section
   * puts it (the newest section first); when there is no usable section, or it points at something else
   * (pdf.js then rebuilds the table by scanning), the last definition in the file.
   */
  siteOf(ref: Ref): ObjectSite | undefined {
    const entry = this.xref()?.entries.get(ref.num);
    if (entry?.kind === 'free' || entry?.kind === 'packed') return undefined;
    if (entry?.kind === 'at' && entry.gen === ref.gen) {
      const site = this.byHeader.get(entry.offset);
      if (site && site.num === ref.num && site.gen === ref.gen) return site;
    }
    const list = (this.byNum.get(ref.num) ?? []).filter((s) => s.gen === ref.gen);
    return list[list.length - 1];
  }

  /** An object's current value (see {@link PdfFile.siteOf}), or its place in an object stream. */
  resolve(value: PdfValue | undefined): PdfValue | undefined {
    let v = value;
    for (let hops = 0; v instanceof Ref && hops < 16; hops++) {
      const ref: Ref = v;
      const entry = this.xref()?.entries.get(ref.num);
      if (entry?.kind === 'free') return undefined;
      if (entry?.kind === 'packed' && ref.gen === 0) {
        const packed = this.packedValues.get(`${entry.stream}:${entry.index}`);
        if (packed !== undefined) {
          v = packed;
          continue;
        }
      }
      const site = this.siteOf(ref);
      if (site) v = this.valueAt(site);
      else {
        const defs = this.definitions(ref);
        v = defs[defs.length - 1];
      }
    }
    return v instanceof Ref ? undefined : v;
  }

  /** Each value a reference may stand for (every definition), or the value itself. */
  candidates(value: PdfValue | undefined, depth = 0): PdfValue[] {
    if (value === undefined) return [];
    if (!(value instanceof Ref)) return [value];
    if (depth > 8) return [];
    return this.definitions(value).flatMap((v) => this.candidates(v, depth + 1));
  }

  /**
   * Reads every object stream (`/Type /ObjStm`) once, so that objects packed in them can be resolved.
   * Bounded: at most 100,000 objects packed in all.
   */
  indexObjectStreams(): void {
    let packedCount = 0;
    for (const site of this.sites) {
      const v = this.valueAt(site);
      if (!(v instanceof Dict)) continue;
      const type = v.get('Type');
      if (!(type instanceof Name) || type.name !== 'ObjStm') continue;
      const n = this.resolve(v.get('N'));
      const first = this.resolve(v.get('First'));
      if (typeof n !== 'number' || typeof first !== 'number' || n < 0 || first < 0) continue;
      const data = this.objectStreamData?.(site);
      if (!data) continue;
      const lexer = new Lexer(data);
      const heads: [number, number][] = [];
      for (let i = 0; i < n && packedCount < 100_000; i++) {
        const num = lexer.token();
        const offset = lexer.token();
        if (typeof num !== 'number' || typeof offset !== 'number') break;
        heads.push([num, offset]);
        packedCount++;
      }
      heads.forEach(([num, offset], index) => {
        let value: PdfValue | undefined;
        try {
          value = new Lexer(data, first + offset, data.length, this.strings).value();
        } catch (e) {
          if (e instanceof ParseError) throw e;
          value = undefined;
        }
        if (value === undefined || value instanceof Command) return;
        this.packedValues.set(`${site.num}:${index}`, value);
        let list = this.packed.get(num);
        if (!list) this.packed.set(num, (list = []));
        list.push({ stream: site.num, index });
      });
    }
  }

  /**
   * The trailer dictionaries, newest first: each `trailer << … >>`, and each cross-reference stream's
   * dictionary (`/Type /XRef`), from the end of the file backwards.
   */
  trailers(): Dict[] {
    if (this.trailerCache) return this.trailerCache;
    const found: { at: number; dict: Dict }[] = [];
    const re = /trailer/g;
    for (let m = re.exec(this.text); m; m = re.exec(this.text)) {
      try {
        const v = new Lexer(this.bytes, m.index + 7).value();
        if (v instanceof Dict) found.push({ at: m.index, dict: v });
      } catch (e) {
        if (e instanceof ParseError) throw e;
        // not a trailer after all
      }
    }
    for (const site of this.sites) {
      const v = this.valueAt(site);
      if (v instanceof Dict && nameOf(v.get('Type')) === 'XRef') found.push({ at: site.header, dict: v });
    }
    this.trailerCache = found.sort((a, b) => b.at - a.at).map((f) => f.dict);
    return this.trailerCache;
  }

  /** A trailer entry as pdf.js reads it: from the newest cross-reference section's trailer, else the newest trailer that has it. */
  trailerEntry(key: string): PdfValue | undefined {
    const top = this.xref()?.trailer.get(key);
    if (top !== undefined) return top;
    for (const t of this.trailers()) {
      const v = t.get(key);
      if (v !== undefined) return v;
    }
    return undefined;
  }

  /**
   * The cross-reference table as pdf.js reads it: from `startxref`, each section (a table, a stream, or
   * both) and then its /Prev, the first entry for an object winning. Null when the sections cannot be
   * read (pdf.js then rebuilds the table by scanning the file: the last definition of an object wins).
   */
  xref(): Xref | null {
    if (this.xrefCache !== undefined) return this.xrefCache;
    this.xrefCache = null; // while it is being read, and for good if it cannot be
    const at = this.text.lastIndexOf('startxref');
    if (at < 0) return null;
    const start = new Lexer(this.bytes, at + 9).token();
    if (typeof start !== 'number') return null;
    const entries = new Map<number, XrefEntry>();
    let top: Dict | undefined;
    const queue = [start];
    const seen = new Set<number>();
    let count = 0;
    const put = (num: number, entry: XrefEntry) => {
      if (!entries.has(num) && count++ < 4_000_000) entries.set(num, entry);
    };
    while (queue.length > 0 && seen.size < 64) {
      const pos = queue.shift()!;
      if (seen.has(pos) || !Number.isInteger(pos) || pos < 0 || pos >= this.bytes.length) continue;
      seen.add(pos);
      let dict: Dict | undefined;
      try {
        const lexer = new Lexer(this.bytes, pos);
        const first = lexer.token();
        if (first instanceof Command && first.cmd === 'xref') dict = this.readTable(lexer, put);
        else dict = this.readXrefStream(pos, put);
      } catch (e) {
        if (!(e instanceof SyntaxProblem)) throw e; // a decompression bomb in a cross-reference stream is refused
        dict = undefined;
      }
      if (!dict) return null;
      top ??= dict;
      for (const key of ['XRefStm', 'Prev']) {
        const next = dict.get(key);
        if (typeof next === 'number') queue.push(next);
      }
    }
    if (!top) return null;
    this.xrefCache = { entries, trailer: top };
    return this.xrefCache;
  }

  /** A cross-reference table (`xref`, then subsections of `first count` and 20-byte entries), up to its trailer. */
  private readTable(lexer: Lexer, put: (num: number, entry: XrefEntry) => void): Dict | undefined {
    for (;;) {
      const first = lexer.token();
      if (first instanceof Command && first.cmd === 'trailer') {
        const dict = lexer.value();
        return dict instanceof Dict ? dict : undefined;
      }
      const count = lexer.token();
      if (typeof first !== 'number' || typeof count !== 'number') return undefined;
      for (let i = 0; i < count; i++) {
        const offset = lexer.token();
        const gen = lexer.token();
        const type = lexer.token();
        if (typeof offset !== 'number' || typeof gen !== 'number' || !(type instanceof Command)) return undefined;
        put(first + i, type.cmd === 'n' ? { kind: 'at', offset, gen } : { kind: 'free' });
      }
    }
  }

  /** A cross-reference stream at `pos`: its /W fields, /Index ranges, entries of type 0, 1 and 2. */
  private readXrefStream(pos: number, put: (num: number, entry: XrefEntry) => void): Dict | undefined {
    const site = this.byHeader.get(pos);
    const dict = site ? this.valueAt(site) : undefined;
    if (!site || !(dict instanceof Dict) || nameOf(dict.get('Type')) !== 'XRef') return undefined;
    const data = this.xrefStreamData?.(site);
    const w = dict.get('W');
    if (!data || !Array.isArray(w) || w.length < 3 || !w.every((n) => typeof n === 'number' && n >= 0 && n <= 8)) return undefined;
    const [w0, w1, w2] = w as number[];
    const size = dict.get('Size');
    const index = dict.get('Index');
    const ranges = Array.isArray(index) ? index : [0, typeof size === 'number' ? size : 0];
    const width = w0! + w1! + w2!;
    const field = (at: number, n: number) => {
      let v = 0;
      for (let k = 0; k < n; k++) v = v * 256 + (data[at + k] ?? 0);
      return v;
    };
    let at = 0;
    for (let r = 0; r + 1 < ranges.length; r += 2) {
      const first = ranges[r];
      const count = ranges[r + 1];
      if (typeof first !== 'number' || typeof count !== 'number') return undefined;
      for (let i = 0; i < count && at + width <= data.length; i++, at += width) {
        const type = w0 === 0 ? 1 : field(at, w0!);
        const a = field(at + w0!, w1!);
        const b = field(at + w0! + w1!, w2!);
        put(
          first + i,
          type === 1 ? { kind: 'at', offset: a, gen: b } : type === 2 ? { kind: 'packed', stream: a, index: b } : { kind: 'free' },
        );
      }
    }
    return dict;
  }
}

/** Where the cross-reference table says an object is. */
export type XrefEntry =
  | { readonly kind: 'at'; readonly offset: number; readonly gen: number }
  | { readonly kind: 'packed'; readonly stream: number; readonly index: number }
  | { readonly kind: 'free' };

export interface Xref {
  readonly entries: ReadonlyMap<number, XrefEntry>;
  /** The newest section's trailer. */
  readonly trailer: Dict;
}

/** A name's text, or undefined. */
export function nameOf(v: PdfValue | undefined): string | undefined {
  return v instanceof Name ? v.name : undefined;
}

/** Whether a site's value is followed by the `stream` keyword: where its data starts, or -1. */
export function streamStartAfter(bytes: Uint8Array, lexerEnd: number): number {
  const lexer = new Lexer(bytes, lexerEnd);
  lexer.skipSpace();
  const at = lexer.pos;
  if (latin1(bytes, at, at + 6) !== 'stream') return -1;
  return dataStart(bytes, at + 6);
}

/**
 * Where a stream's data starts, after the `stream` keyword that ends at `afterKeyword`: pdf.js skips to
 * the next line whatever is on the rest of this one (`stream  \r\n`, or junk before the end of line).
 */
export function dataStart(bytes: Uint8Array, afterKeyword: number): number {
  let i = afterKeyword;
  while (i < bytes.length) {
    const c = bytes[i]!;
    if (c === 0x0d) return bytes[i + 1] === 0x0a ? i + 2 : i + 1;
    if (c === 0x0a) return i + 1;
    i++;
  }
  return bytes.length;
}
