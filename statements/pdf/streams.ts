/**
 * The decompression budget: every stream of a PDF is decoded here, through the chain of filters its
 * dictionary names, with a cap on what each step may produce, before pdf.js sees the file. pdf.js decodes
 * on the main thread and cannot be interrupted, so a small file whose streams expand to gigabytes (a
 * "decompression bomb": one FlateDecode stream, Flate inside Flate, LZW, run-length) must be refused first.
 *
 * What is left to pdf.js: image codecs (DCT, JPX, JBIG2, CCITT), which text extraction never decodes, and
 * the streams of an encrypted file, which are measured as they stand (still encrypted, so they mostly fail
 * to decode and count as nothing): a bomb inside an encrypted file, opened with its password, is not
 * caught here. A file that says it is encrypted is never skipped, as that claim is easy to fake.
 * @module
 */
import { inflateSync, constants as zlibConstants } from 'node:zlib';
import { ParseError } from '../types.ts';

/** Total bytes all streams may expand to before the file is refused as a decompression bomb. */
export const MAX_INFLATED_BYTES = 256 * 1024 * 1024;
/** Most bytes one stream (or one step of its filter chain) may expand to. */
export const MAX_STREAM_BYTES = 64 * 1024 * 1024;

/** Thrown by a decoder (and so by {@link decodeFilters}) that would produce more than it may. */
export class OverBudget extends Error {}

type Decoder = (data: Uint8Array, room: number) => Uint8Array;

/** The filters whose output size can be checked here, by their full and abbreviated names. */
const DECODERS: Record<string, Decoder> = {
  FlateDecode: inflate,
  Fl: inflate,
  LZWDecode: lzw,
  LZW: lzw,
  RunLengthDecode: runLength,
  RL: runLength,
  ASCIIHexDecode: asciiHex,
  AHx: asciiHex,
  ASCII85Decode: ascii85,
  A85: ascii85,
};

/** Refuses the file when any stream, or all of them together, would expand past the budget. */
export function checkDecompressionBudget(bytes: Uint8Array): void {
  let total = 0;
  let pos = 0;
  for (;;) {
    const s = indexOf(bytes, 'stream', pos);
    if (s < 0) return;
    pos = s + 6;
    // "endstream" contains "stream": skip it, and anything that is not the keyword itself.
    if (s >= 3 && bytes[s - 3] === 0x65 && bytes[s - 2] === 0x6e && bytes[s - 1] === 0x64) continue;
    let start = s + 6;
    if (bytes[start] === 0x0d) start++;
    if (bytes[start] === 0x0a) start++;
    else if (bytes[start - 1] !== 0x0d) continue;
    const end = indexOf(bytes, 'endstream', start);
    const stop = end < 0 ? bytes.length : end;
    pos = Math.max(pos, stop);

    let filters = filtersOf(dictionaryBefore(bytes, s));
    // A zlib stream whose dictionary could not be read is measured anyway, as pdf.js may still find it.
    if (filters.length === 0 && looksLikeZlib(bytes, start)) filters = ['FlateDecode'];
    const room = Math.min(MAX_STREAM_BYTES, MAX_INFLATED_BYTES - total);
    let data: Uint8Array;
    try {
      data = decodeFilters(bytes.subarray(start, stop), filters, room);
    } catch (e) {
      if (!(e instanceof OverBudget)) throw e;
      throw new ParseError(
        'too_large',
        `The PDF contains a compressed stream that expands to more than ${Math.round(room / 1048576)} MB (a "decompression bomb"); it cannot be a bank or CMS statement. Send the original statement.`,
      );
    }
    if (filters.length > 0) total += data.length;
  }
}

/**
 * A stream's data through its filters, each step capped at `room` bytes (throws past it). Stops at the
 * first filter it cannot measure (an image codec), returning the data as it stands there.
 */
export function decodeFilters(data: Uint8Array, filters: readonly string[], room: number): Uint8Array {
  for (const name of filters) {
    const decode = DECODERS[name];
    if (!decode) break;
    data = decode(data, room);
  }
  return data;
}

/** The names in a stream dictionary's /Filter entry, in the order they apply (`[/A85 /Fl]`, `/FlateDecode`). */
export function filtersOf(dictionary: string): string[] {
  const m = /\/Filter\s*(\[[^\]]*\]|\/[^\s/[\]<>()]+)/.exec(dictionary);
  if (!m) return [];
  return [...m[1]!.matchAll(/\/([^\s/[\]<>()]+)/g)].map((n) => n[1]!);
}

/** The text between the start of the object (`n g obj`) and its `stream` keyword, latin-1. */
function dictionaryBefore(bytes: Uint8Array, streamAt: number): string {
  const from = Math.max(0, streamAt - 16 * 1024);
  const obj = lastIndexOfIn(bytes, 'obj', from, streamAt);
  return Buffer.from(bytes.subarray(obj < 0 ? from : obj, streamAt)).toString('latin1');
}

function looksLikeZlib(bytes: Uint8Array, at: number): boolean {
  const cmf = bytes[at];
  const flg = bytes[at + 1];
  return cmf === 0x78 && flg !== undefined && ((cmf << 8) | flg) % 31 === 0;
}

// ---------------------------------------------------------------- decoders, each capped at `room` bytes

function inflate(data: Uint8Array, room: number): Uint8Array {
  try {
    const out = inflateSync(data, { maxOutputLength: room + 1, finishFlush: zlibConstants.Z_SYNC_FLUSH });
    if (out.length > room) throw new OverBudget();
    return out;
  } catch (e) {
    if (e instanceof OverBudget || (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) {
      throw new OverBudget();
    }
    return new Uint8Array(0); // not zlib after all, or damaged: pdf.js decides what to make of it
  }
}

/** A byte buffer that refuses to grow past `room`. */
class Output {
  private buf: Uint8Array;
  length = 0;
  constructor(
    private readonly room: number,
    hint: number,
  ) {
    this.buf = new Uint8Array(Math.max(64, Math.min(room, hint)));
  }
  ensure(extra: number): void {
    const need = this.length + extra;
    if (need > this.room) throw new OverBudget();
    if (need <= this.buf.length) return;
    const next = new Uint8Array(Math.min(this.room, Math.max(need, this.buf.length * 2)));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }
  push(byte: number): void {
    this.ensure(1);
    this.buf[this.length++] = byte;
  }
  fill(byte: number, count: number): void {
    this.ensure(count);
    this.buf.fill(byte, this.length, this.length + count);
    this.length += count;
  }
  copy(from: Uint8Array): void {
    this.ensure(from.length);
    this.buf.set(from, this.length);
    this.length += from.length;
  }
  /** Appends `count` bytes already in the output, starting at `at`. */
  repeat(at: number, count: number): void {
    this.ensure(count);
    this.buf.copyWithin(this.length, at, at + count);
    this.length += count;
  }
  byteAt(at: number): number {
    return this.buf[at]!;
  }
  result(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}

/**
 * LZWDecode (PDF 32000-1 §7.4.4) with the default EarlyChange of 1: codes of 9 to 12 bits, 256 clears the
 * table, 257 ends. Every table entry is a run of the output itself (the previous code's string plus one
 * byte, which the output holds back to back), so an entry is kept as where that run starts and its length.
 */
function lzw(data: Uint8Array, room: number): Uint8Array {
  const out = new Output(room, data.length * 4);
  const start = new Int32Array(4096);
  const length = new Int32Array(4096);
  let next = 258;
  let width = 9;
  let prevAt = -1;
  let prevLength = 0;
  let bits = 0;
  let held = 0;
  for (let i = 0; i < data.length; i++) {
    held = ((held << 8) | data[i]!) & 0xffffff;
    bits += 8;
    while (bits >= width) {
      bits -= width;
      const code = (held >>> bits) & ((1 << width) - 1);
      if (code === 256) {
        next = 258;
        width = 9;
        prevAt = -1;
        continue;
      }
      if (code === 257) return out.result();
      const at = out.length;
      let written: number;
      if (code < 256) {
        out.push(code);
        written = 1;
      } else if (code < next) {
        out.repeat(start[code]!, length[code]!);
        written = length[code]!;
      } else if (code === next && prevAt >= 0) {
        // The entry being defined: the previous string and its own first byte.
        out.repeat(prevAt, prevLength);
        out.push(out.byteAt(prevAt));
        written = prevLength + 1;
      } else {
        return out.result(); // a code that cannot occur: damaged data, pdf.js decides
      }
      if (prevAt >= 0 && next < 4096) {
        start[next] = prevAt;
        length[next] = prevLength + 1;
        next++;
        if (next + 1 >= 1 << width && width < 12) width++;
      }
      prevAt = at;
      prevLength = written;
    }
  }
  return out.result();
}

/** RunLengthDecode (§7.4.5): a length byte n, then n + 1 literal bytes (n < 128), or one byte repeated 257 − n times. */
function runLength(data: Uint8Array, room: number): Uint8Array {
  const out = new Output(room, data.length * 2);
  for (let i = 0; i < data.length;) {
    const n = data[i++]!;
    if (n === 128) break;
    if (n < 128) {
      out.copy(data.subarray(i, i + n + 1));
      i += n + 1;
    } else {
      if (i >= data.length) break;
      out.fill(data[i++]!, 257 - n);
    }
  }
  return out.result();
}

/** ASCIIHexDecode (§7.4.2): pairs of hex digits, white space ignored, `>` ends. */
function asciiHex(data: Uint8Array, room: number): Uint8Array {
  const out = new Output(room, data.length / 2);
  let high = -1;
  for (const c of data) {
    if (c === 0x3e) break;
    const v = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 55 : c >= 0x61 && c <= 0x66 ? c - 87 : -1;
    if (v < 0) continue;
    if (high < 0) high = v;
    else {
      out.push((high << 4) | v);
      high = -1;
    }
  }
  if (high >= 0) out.push(high << 4);
  return out.result();
}

/** ASCII85Decode (§7.4.3): groups of five characters `!`..`u` to four bytes, `z` for four zeros, `~>` ends. */
function ascii85(data: Uint8Array, room: number): Uint8Array {
  const out = new Output(room, data.length);
  const group: number[] = [];
  const flush = (count: number) => {
    let value = 0;
    for (let k = 0; k < 5; k++) value = value * 85 + (group[k] ?? 84);
    for (let k = 0; k < count - 1; k++) out.push((value >>> (24 - 8 * k)) & 0xff);
    group.length = 0;
  };
  for (const c of data) {
    if (c === 0x7e) break;
    if (c === 0x7a && group.length === 0) {
      out.fill(0, 4);
      continue;
    }
    if (c < 0x21 || c > 0x75) continue;
    group.push(c - 0x21);
    if (group.length === 5) flush(5);
  }
  if (group.length > 1) flush(group.length);
  return out.result();
}

// ---------------------------------------------------------------- byte search

export function indexOf(bytes: Uint8Array, needle: string, from = 0, to = bytes.length): number {
  const first = needle.charCodeAt(0);
  const end = Math.min(to, bytes.length) - needle.length;
  outer: for (let i = Math.max(0, from); i <= end; i++) {
    if (bytes[i] !== first) continue;
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

/** The last `needle` that starts at or after `from` and ends at or before `to`. */
export function lastIndexOfIn(bytes: Uint8Array, needle: string, from: number, to = bytes.length): number {
  outer: for (let i = Math.min(to, bytes.length) - needle.length; i >= from; i--) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}
