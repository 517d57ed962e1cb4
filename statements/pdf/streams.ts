/**
 * The decompression budget: every stream of a PDF is decoded here, through the chain of filters its
 * dictionary names, with a cap on what each step may produce, before pdf.js sees the file. A small file
 * whose streams expand to gigabytes (a "decompression bomb": one FlateDecode stream, Flate inside Flate,
 * LZW, run-length, a predictor with a huge row) is refused first.
 *
 * The stream is read as pdf.js will read it, not as its dictionary seems to say at a glance:
 * - names with `#xx` escapes are undone (`/Fl#61teDecode`), `/F` and `/DP` count as `/Filter` and
 *   `/DecodeParms`, and `/Filter`, `/DecodeParms` and `/Length` given by reference are followed, into
 *   object streams too; when an object is defined more than once, each definition is measured and the
 *   largest counts;
 * - the data runs for `/Length` bytes when `endstream` follows there, else to the first `endstream`;
 * - a file encrypted with the standard handler is decrypted with the password given, or the empty
 *   password (bank statements often have one), and each stream is measured both decrypted and as it
 *   stands, the larger counting. A file no key opens is one pdf.js cannot open either.
 *
 * What is left to pdf.js: image codecs (DCT, JPX, JBIG2, CCITT), which text extraction never decodes.
 * The worker that runs the parse (statements/worker/) has memory and time limits behind this check.
 * @module
 */
import { ParseError } from '../types.ts';
import { cmapCodes, MAX_CMAP_CODES, tooManyCodes } from './cmap-check.ts';
import { openEncryption, type Encryption } from './crypt.ts';
import { decodeFilters, hasImageCodec, looksLikeZlib, OverBudget, type FilterParams, type FilterStep } from './filters.ts';
import {
  Command,
  dataStart,
  Dict,
  isRegular,
  Lexer,
  Name,
  nameOf,
  PdfFile,
  streamStartAfter,
  type ObjectSite,
  type PdfValue,
  type Ref,
} from './objects.ts';

export { decodeFilters, OverBudget, type FilterStep } from './filters.ts';

/** Total bytes all streams may expand to before the file is refused as a decompression bomb. */
export const MAX_INFLATED_BYTES = 256 * 1024 * 1024;
/** Most bytes one stream (or one step of its filter chain) may expand to. */
export const MAX_STREAM_BYTES = 64 * 1024 * 1024;
/** Most definitions of one object, or filter chains of one stream, measured. */
const MAX_CANDIDATES = 4;

export interface BudgetOptions {
  /** The password given for an encrypted PDF (the empty password is tried otherwise, as pdf.js does). */
  readonly password?: string;
}

/** A stream object as pdf.js will read it, for the structure check (structure.ts). */
export interface StreamObject {
  readonly dict: Dict;
  /**
   * The data after every filter up to an image codec, decoded afresh on each call and never kept here (the
   * structure check keeps only what it counts, so it holds one stream's data at a time, not every stream's);
   * undefined when the chain holds an image codec (not text).
   * @param room the most bytes each step may produce (default {@link MAX_STREAM_BYTES}): the decoding stops there.
   * @throws {OverBudget} past `room`.
   */
  decode(room?: number): Uint8Array | undefined;
}

/** What the budget check learnt about the file, for the structure check. */
export interface CheckedPdf {
  readonly file: PdfFile;
  readonly encryption: Encryption;
  /** A stream object's dictionary and its data; undefined when the reference is not a stream. */
  stream(ref: Ref): StreamObject | undefined;
}

function bombError(room: number): ParseError {
  return new ParseError(
    'too_large',
    `The PDF contains a compressed stream that expands to more than ${Math.round(room / 1048576)} MB (a "decompression bomb"); it cannot be a bank or CMS statement. Send the original statement.`,
  );
}

/** A /DecodeParms dictionary as pdf.js reads it (references followed; anything but a number is absent). */
function paramsOf(file: PdfFile, value: PdfValue | undefined): FilterParams | undefined {
  const dict = file.resolve(value);
  if (!(dict instanceof Dict)) return undefined;
  const num = (...keys: string[]) => {
    const v = file.resolve(dict.get(...keys));
    return typeof v === 'number' ? v : undefined;
  };
  const out: { -readonly [K in keyof FilterParams]?: FilterParams[K] } = {};
  const predictor = num('Predictor');
  const colors = num('Colors');
  const bpc = num('BPC', 'BitsPerComponent');
  const columns = num('Columns');
  const earlyChange = num('EarlyChange');
  if (predictor !== undefined) out.predictor = predictor;
  if (colors !== undefined) out.colors = colors;
  if (bpc !== undefined) out.bitsPerComponent = bpc;
  if (columns !== undefined) out.columns = columns;
  if (earlyChange !== undefined) out.earlyChange = earlyChange;
  return out;
}

/**
 * The filter chains a stream dictionary may stand for: one per definition of a /Filter given by reference
 * (at most {@link MAX_CANDIDATES}). `null` for a chain pdf.js refuses to decode (a filter that is not a name).
 */
export function chainsOf(file: PdfFile, dict: Dict): (FilterStep[] | null)[] {
  const filterValue = dict.get('F', 'Filter');
  if (filterValue === undefined) return [[]];
  const paramsValue = dict.get('DP', 'DecodeParms');
  const chains: (FilterStep[] | null)[] = [];
  for (const f of file.candidates(filterValue).slice(0, MAX_CANDIDATES)) {
    if (f instanceof Name) {
      const params = paramsOf(file, paramsValue);
      chains.push([{ name: f.name, ...(params ? { params } : {}) }]);
    } else if (Array.isArray(f)) {
      const paramList = file.resolve(paramsValue);
      const steps: FilterStep[] = [];
      let ok = true;
      f.forEach((element, i) => {
        const name = file.resolve(element);
        if (!(name instanceof Name)) ok = false;
        else {
          const params = Array.isArray(paramList) ? paramsOf(file, paramList[i]) : undefined;
          steps.push({ name: name.name, ...(params ? { params } : {}) });
        }
      });
      chains.push(ok ? steps : null);
    } else chains.push([]);
  }
  return chains.length > 0 ? chains : [[]];
}

/** The names in a stream dictionary's /Filter (or /F) entry read as text, for a dictionary that cannot be parsed. */
export function filtersOf(dictionary: string): string[] {
  const m = /\/(?:Filter|F)(?![^\s/[\]<>()])\s*(\[[^\]]*\]|\/[^\s/[\]<>()]+)/.exec(dictionary);
  if (!m) return [];
  return [...m[1]!.matchAll(/\/([^\s/[\]<>()]+)/g)].map((n) =>
    n[1]!.replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
  );
}

/** Where a stream's data ends: after /Length bytes when `endstream` follows there (any definition of it), else at the first `endstream`. */
function dataEnd(file: PdfFile, dict: Dict | undefined, start: number): number {
  const bytes = file.bytes;
  let best = -1;
  if (dict) {
    for (const length of file.candidates(dict.get('Length')).slice(0, MAX_CANDIDATES)) {
      if (typeof length !== 'number' || !Number.isInteger(length) || length < 0 || start + length > bytes.length) continue;
      const t = new Lexer(bytes, start + length).token();
      if (t instanceof Command && t.cmd === 'endstream') best = Math.max(best, start + length);
    }
  }
  if (best >= 0) return best;
  const end = indexOf(bytes, 'endstream', start);
  return end < 0 ? bytes.length : end;
}

/** The text between the start of the object (`n g obj`) and its `stream` keyword, latin-1. */
function dictionaryBefore(bytes: Uint8Array, streamAt: number): string {
  const from = Math.max(0, streamAt - 16 * 1024);
  const obj = lastIndexOfIn(bytes, 'obj', from, streamAt);
  return Buffer.from(bytes.subarray(obj < 0 ? from : obj, streamAt)).toString('latin1');
}

/** The dictionary of the stream whose `stream` keyword is at `keyword`, when the object around it reads cleanly. */
function dictionaryAt(file: PdfFile, site: ObjectSite | undefined, keyword: number): Dict | undefined {
  if (!site) return undefined;
  const parsed = file.parseAt(site);
  if (!parsed || !(parsed.value instanceof Dict)) return undefined;
  const lexer = new Lexer(file.bytes, parsed.end);
  lexer.skipSpace();
  return lexer.pos === keyword ? parsed.value : undefined;
}

/**
 * Refuses the file when any stream, or all of them together, would expand past the budget; otherwise
 * returns what the structure check needs.
 * @throws {ParseError} `too_large` for a decompression bomb.
 */
export function checkDecompressionBudget(bytes: Uint8Array, options: BudgetOptions = {}): CheckedPdf {
  const file = new PdfFile(bytes);
  let total = 0;
  let cmapTotal = 0;
  const measured = new Set<number>();
  const objectStreams = new Map<number, Uint8Array>();
  let encryption: Encryption = { kind: 'none' };

  /** Every way pdf.js may read a stream's data: as it stands, and decrypted. */
  const variants = (site: ObjectSite | undefined, dict: Dict | undefined, raw: Uint8Array): Uint8Array[] => {
    if (encryption.kind !== 'open' || !site || nameOf(dict?.get('Type')) === 'XRef') return [raw];
    return [raw, encryption.decrypt(site.num, site.gen, raw)];
  };

  /** Measures one stream (once), adding the largest way it may be read to the total; returns that output. */
  const measure = (site: ObjectSite | undefined, dict: Dict | undefined, start: number, dictText?: string): Uint8Array => {
    const end = dataEnd(file, dict, start);
    const raw = bytes.subarray(start, end);
    let chains: (FilterStep[] | null)[];
    if (dict) chains = chainsOf(file, dict);
    else {
      const names = filtersOf(dictText ?? '');
      // A zlib stream whose dictionary could not be read is measured anyway, as pdf.js may still find it.
      chains = [names.length === 0 && looksLikeZlib(raw) ? [{ name: 'FlateDecode' }] : names.map((name) => ({ name }))];
    }
    const room = Math.min(MAX_STREAM_BYTES, MAX_INFLATED_BYTES - total);
    let largest: Uint8Array = new Uint8Array(0);
    let decodedAny = false;
    // A character map asks pdf.js for an entry per code it covers (cmap-check.ts): counted in every way the stream
    // may be read (decrypted or not), the most counting, before pdf.js builds any.
    let codes = 0;
    const firstTime = !measured.has(start);
    for (const data of variants(site, dict, raw)) {
      let decodedHere = false;
      for (const chain of chains) {
        if (!chain || chain.length === 0) continue;
        decodedAny = decodedHere = true;
        let out: Uint8Array;
        try {
          out = decodeFilters(data, chain, room);
        } catch (e) {
          if (e instanceof OverBudget) throw bombError(room);
          throw e;
        }
        if (out.length > largest.length) largest = out;
        if (firstTime) codes = Math.max(codes, cmapCodes(out));
      }
      if (!decodedHere && firstTime) codes = Math.max(codes, cmapCodes(data));
    }
    if (firstTime) {
      measured.add(start);
      if (decodedAny) total += largest.length;
      cmapTotal += codes;
      if (cmapTotal > MAX_CMAP_CODES) throw tooManyCodes(cmapTotal);
    }
    return decodedAny ? largest : raw;
  };

  // Object streams first, so that references into them can be followed (their own entries are read from
  // the objects outside them, as the specification requires). Each is measured like any other stream.
  file.objectStreamData = (site) => {
    const cached = objectStreams.get(site.header);
    if (cached) return cached;
    const parsed = file.parseAt(site);
    if (!parsed || !(parsed.value instanceof Dict)) return undefined;
    const start = streamStartAfter(bytes, parsed.end);
    if (start < 0) return undefined;
    // As pdf.js reads it: decrypted when the file is encrypted, through the chain its entries name.
    const raw = bytes.subarray(start, dataEnd(file, parsed.value, start));
    const data = encryption.kind === 'open' ? encryption.decrypt(site.num, site.gen, raw) : raw;
    const chain = chainsOf(file, parsed.value)[0];
    measure(site, parsed.value, start);
    let out: Uint8Array;
    try {
      out = chain ? decodeFilters(data, chain, MAX_STREAM_BYTES) : data;
    } catch (e) {
      if (e instanceof OverBudget) throw bombError(MAX_STREAM_BYTES);
      throw e;
    }
    objectStreams.set(site.header, out);
    return out;
  };
  // Cross-reference streams are never encrypted; they say where each object is, as pdf.js will look.
  file.xrefStreamData = (site) => {
    const parsed = file.parseAt(site);
    if (!parsed || !(parsed.value instanceof Dict)) return undefined;
    const start = streamStartAfter(bytes, parsed.end);
    if (start < 0) return undefined;
    const chain = chainsOf(file, parsed.value)[0];
    const raw = bytes.subarray(start, dataEnd(file, parsed.value, start));
    try {
      return chain ? decodeFilters(raw, chain, MAX_STREAM_BYTES) : undefined;
    } catch (e) {
      if (e instanceof OverBudget) throw bombError(MAX_STREAM_BYTES);
      throw e;
    }
  };
  encryption = openEncryption(file, options.password);
  file.indexObjectStreams();

  let pos = 0;
  for (;;) {
    const s = indexOf(bytes, 'stream', pos);
    if (s < 0) break;
    pos = s + 6;
    // "endstream" contains "stream": skip it, and anything that is not the keyword itself.
    if (s >= 3 && bytes[s - 3] === 0x65 && bytes[s - 2] === 0x6e && bytes[s - 1] === 0x64) continue;
    if (isRegular(bytes[s - 1]) || isRegular(bytes[s + 6])) continue;
    const start = dataStart(bytes, s + 6);
    if (measured.has(start)) continue;
    const site = file.siteAt(s);
    const dict = dictionaryAt(file, site, s);
    measure(site, dict, start, dict ? undefined : dictionaryBefore(bytes, s));
    // The scan goes on from just after the keyword, not from the end of the data: pdf.js finds objects by
    // their offsets, so a stream whose /Length reaches over others must not hide them from this check.
  }

  const streamCache = new Map<number, StreamObject | null>();
  return {
    file,
    encryption,
    stream(ref: Ref): StreamObject | undefined {
      const site = file.siteOf(ref);
      if (!site) return undefined;
      const cached = streamCache.get(site.header);
      if (cached !== undefined) return cached ?? undefined;
      let result: StreamObject | null = null;
      const parsed = file.parseAt(site);
      if (parsed && parsed.value instanceof Dict) {
        const start = streamStartAfter(bytes, parsed.end);
        if (start >= 0) {
          const dict = parsed.value;
          const decode = (room = MAX_STREAM_BYTES): Uint8Array | undefined => {
            const raw = bytes.subarray(start, dataEnd(file, dict, start));
            const data =
              encryption.kind === 'open' && nameOf(dict.get('Type')) !== 'XRef' ? encryption.decrypt(site.num, site.gen, raw) : raw;
            const chain = chainsOf(file, dict)[0];
            if (chain === null || chain === undefined) return new Uint8Array(0);
            if (hasImageCodec(chain)) return undefined;
            return decodeFilters(data, chain, Math.min(room, MAX_STREAM_BYTES));
          };
          result = { dict, decode };
        }
      }
      streamCache.set(site.header, result);
      return result ?? undefined;
    },
  };
}

// ---------------------------------------------------------------- byte search

export function indexOf(bytes: Uint8Array, needle: string, from = 0, to = bytes.length): number {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(to, bytes.length));
  return view.indexOf(needle, Math.max(0, from), 'latin1');
}

/** The last `needle` that starts at or after `from` and ends at or before `to`. */
export function lastIndexOfIn(bytes: Uint8Array, needle: string, from: number, to = bytes.length): number {
  outer: for (let i = Math.min(to, bytes.length) - needle.length; i >= from; i--) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}
