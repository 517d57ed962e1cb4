/**
 * The PDF stream filters (ISO 32000-1 §7.4) as pdf.js applies them, each capped at `room` bytes of output,
 * so that a stream can be measured before pdf.js decodes it. Where pdf.js is more forgiving than the
 * specification, these decoders forgive the same things (otherwise a file could expand in pdf.js and look
 * empty here): a zlib header of any window size, back-references before the start of the data (read as
 * zeros), incomplete Huffman codes, LZW codes past the table, any /EarlyChange; a filter it does not know
 * passes the data through unchanged. Predictors (/DecodeParms /Predictor) are applied too: a PNG predictor
 * with a huge /Columns makes one short row into a huge one.
 *
 * What is not decoded: image codecs (DCT, JPX, JBIG2, CCITT); the chain stops there.
 * @module
 */
import { inflateRawSync, constants as zlibConstants } from 'node:zlib';

/** Thrown by a decoder (and so by {@link decodeFilters}) that would produce more than it may. */
export class OverBudget extends Error {}

/** The /DecodeParms of one filter, as pdf.js reads them (0 and absence both mean the default). */
export interface FilterParams {
  readonly predictor?: number;
  readonly colors?: number;
  readonly bitsPerComponent?: number;
  readonly columns?: number;
  readonly earlyChange?: number;
}

export interface FilterStep {
  readonly name: string;
  /** Present when the filter's /DecodeParms is a dictionary. */
  readonly params?: FilterParams;
}

type Decoder = (data: Uint8Array, room: number, params: FilterParams | undefined) => Uint8Array;

const flate: Decoder = (data, room, params) => predict(inflate(data, room), room, params);
const lzwFilter: Decoder = (data, room, params) => predict(lzw(data, room, params?.earlyChange ?? 1), room, params);

/** The filters pdf.js decodes, by their full and abbreviated names. */
const DECODERS: Record<string, Decoder> = {
  FlateDecode: flate,
  Fl: flate,
  LZWDecode: lzwFilter,
  LZW: lzwFilter,
  RunLengthDecode: (d, room) => runLength(d, room),
  RL: (d, room) => runLength(d, room),
  ASCIIHexDecode: (d, room) => asciiHex(d, room),
  AHx: (d, room) => asciiHex(d, room),
  ASCII85Decode: (d, room) => ascii85(d, room),
  A85: (d, room) => ascii85(d, room),
};

/** Image codecs: pdf.js decodes them only to draw an image, which text extraction never does. */
export const IMAGE_CODECS: ReadonlySet<string> = new Set(['DCTDecode', 'DCT', 'JPXDecode', 'JPX', 'JBIG2Decode', 'CCITTFaxDecode', 'CCF']);

/**
 * A stream's data through its filters, each step capped at `room` bytes (throws {@link OverBudget} past
 * it). Stops at an image codec, returning the data as it stands there; a name pdf.js does not know passes
 * the data through, as pdf.js does.
 */
export function decodeFilters(data: Uint8Array, filters: readonly (string | FilterStep)[], room: number): Uint8Array {
  for (const f of filters) {
    const step = typeof f === 'string' ? { name: f } : f;
    if (IMAGE_CODECS.has(step.name)) break;
    const decode = DECODERS[step.name];
    if (!decode) continue;
    data = decode(data, room, step.params);
  }
  return data;
}

/** Whether a chain holds an image codec (the data past it is not measured). */
export function hasImageCodec(filters: readonly (string | FilterStep)[]): boolean {
  return filters.some((f) => IMAGE_CODECS.has(typeof f === 'string' ? f : f.name));
}

/** Whether the bytes at `at` start a zlib stream as pdf.js accepts one: method 8, a valid check, no preset dictionary. */
export function looksLikeZlib(bytes: Uint8Array, at = 0): boolean {
  const cmf = bytes[at];
  const flg = bytes[at + 1];
  if (cmf === undefined || flg === undefined) return false;
  return (cmf & 0x0f) === 0x08 && ((cmf << 8) + flg) % 31 === 0 && (flg & 0x20) === 0;
}

// ---------------------------------------------------------------- output

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
    if (this.length === this.buf.length) this.ensure(1);
    else if (this.length + 1 > this.room) throw new OverBudget();
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
    return at >= 0 && at < this.length ? this.buf[at]! : 0;
  }
  result(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}

// ---------------------------------------------------------------- FlateDecode

/**
 * FlateDecode: the zlib header checked as pdf.js checks it (a header pdf.js refuses gives nothing), then
 * the deflate data, by zlib when zlib reads it all, else by {@link inflateLikePdfJs}, which forgives what
 * pdf.js forgives. The checksum is not checked (pdf.js does not).
 */
function inflate(data: Uint8Array, room: number): Uint8Array {
  if (!looksLikeZlib(data)) return new Uint8Array(0);
  const body = data.subarray(2);
  try {
    const out = inflateRawSync(body, { maxOutputLength: room + 1, finishFlush: zlibConstants.Z_SYNC_FLUSH });
    if (out.length > room) throw new OverBudget();
    return new Uint8Array(out.buffer, out.byteOffset, out.length);
  } catch (e) {
    if (e instanceof OverBudget || (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) {
      throw new OverBudget();
    }
    // zlib stopped at something it calls an error; pdf.js may read on. Measure as pdf.js reads it.
    return inflateLikePdfJs(body, room);
  }
}

// Deflate's tables (RFC 1951 §3.2.5): base and extra bits in one number, extra << 16 | base. The length
// table has 31 entries, as pdf.js's does: codes 286 and 287 (invalid in deflate) read as length 258 there.
const LENGTHS = Int32Array.from([
  0x00003, 0x00004, 0x00005, 0x00006, 0x00007, 0x00008, 0x00009, 0x0000a, 0x1000b, 0x1000d, 0x1000f, 0x10011, 0x20013, 0x20017, 0x2001b,
  0x2001f, 0x30023, 0x3002b, 0x30033, 0x3003b, 0x40043, 0x40053, 0x40063, 0x40073, 0x50083, 0x500a3, 0x500c3, 0x500e3, 0x00102, 0x00102,
  0x00102,
]);
const DISTANCES = Int32Array.from([
  0x00001, 0x00002, 0x00003, 0x00004, 0x10005, 0x10007, 0x20009, 0x2000d, 0x30011, 0x30019, 0x40021, 0x40031, 0x50041, 0x50061, 0x60081,
  0x600c1, 0x70101, 0x70181, 0x80201, 0x80301, 0x90401, 0x90601, 0xa0801, 0xa0c01, 0xb1001, 0xb1801, 0xc2001, 0xc3001, 0xd4001, 0xd6001,
]);
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** A Huffman table indexed by the next `maxLength` bits (least significant first): length << 16 | symbol, 0 for none. */
interface Table {
  readonly codes: Int32Array;
  readonly maxLength: number;
}

/** Canonical Huffman codes from code lengths (RFC 1951 §3.2.2); over- or under-full sets are kept as pdf.js keeps them. */
function huffmanTable(lengths: Uint8Array): Table {
  let maxLength = 0;
  for (const l of lengths) if (l > maxLength) maxLength = l;
  const size = 1 << maxLength;
  const codes = new Int32Array(size);
  let code = 0;
  for (let len = 1, skip = 2; len <= maxLength; len++, code <<= 1, skip <<= 1) {
    for (let symbol = 0; symbol < lengths.length; symbol++) {
      if (lengths[symbol] !== len) continue;
      // The code's bits reversed, as deflate stores them.
      let reversed = 0;
      for (let i = 0, t = code; i < len; i++, t >>= 1) reversed = (reversed << 1) | (t & 1);
      for (let i = reversed; i < size; i += skip) codes[i] = (len << 16) | symbol;
      code++;
    }
  }
  return { codes, maxLength };
}

const FIXED_LITERALS = huffmanTable(Uint8Array.from({ length: 288 }, (_, i) => (i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8)));
const FIXED_DISTANCES = huffmanTable(new Uint8Array(30).fill(5));

class BadData extends Error {}

/**
 * Raw deflate data read the way pdf.js's FlateStream reads it: it stops (keeping what it wrote) at the
 * first thing it cannot read, reads a distance past the start as zeros, takes incomplete codes as they
 * are, and stops at the last block.
 */
export function inflateLikePdfJs(data: Uint8Array, room: number): Uint8Array {
  const out = new Output(room, data.length * 4);
  let pos = 0;
  let bitBuf = 0;
  let bitCount = 0;
  const bits = (n: number): number => {
    while (bitCount < n) {
      if (pos >= data.length) throw new BadData();
      bitBuf |= data[pos++]! << bitCount;
      bitCount += 8;
    }
    const v = bitBuf & ((1 << n) - 1);
    bitBuf >>>= n;
    bitCount -= n;
    return v;
  };
  const symbol = (table: Table): number => {
    while (bitCount < table.maxLength && pos < data.length) {
      bitBuf |= data[pos++]! << bitCount;
      bitCount += 8;
    }
    const entry = table.codes[bitBuf & ((1 << table.maxLength) - 1)]!;
    const len = entry >> 16;
    if (len < 1 || bitCount < len) throw new BadData();
    bitBuf >>>= len;
    bitCount -= len;
    return entry & 0xffff;
  };
  try {
    for (let last = false; !last;) {
      const header = bits(3);
      last = (header & 1) === 1;
      const type = header >> 1;
      if (type === 0) {
        // Stored: the rest of the current byte is dropped; LEN and NLEN, then LEN bytes.
        bitBuf = 0;
        bitCount = 0;
        if (pos + 4 > data.length) break;
        const len = data[pos]! | (data[pos + 1]! << 8);
        const check = data[pos + 2]! | (data[pos + 3]! << 8);
        pos += 4;
        if (check !== (~len & 0xffff) && (len !== 0 || check !== 0)) break;
        const block = data.subarray(pos, pos + len);
        out.copy(block);
        pos += block.length;
        if (block.length < len) break;
        continue;
      }
      let literals: Table;
      let distances: Table;
      if (type === 1) {
        literals = FIXED_LITERALS;
        distances = FIXED_DISTANCES;
      } else if (type === 2) {
        const literalCount = bits(5) + 257;
        const distanceCount = bits(5) + 1;
        const lengthCodeCount = bits(4) + 4;
        const lengthLengths = new Uint8Array(19);
        for (let i = 0; i < lengthCodeCount; i++) lengthLengths[CODE_LENGTH_ORDER[i]!] = bits(3);
        const lengthTable = huffmanTable(lengthLengths);
        const total = literalCount + distanceCount;
        const lengths = new Uint8Array(total);
        let previous = 0;
        for (let i = 0; i < total;) {
          const s = symbol(lengthTable);
          if (s < 16) {
            lengths[i++] = previous = s;
            continue;
          }
          const [extra, base, what] = s === 16 ? [2, 3, previous] : s === 17 ? [3, 3, 0] : [7, 11, 0];
          if (s !== 16) previous = 0;
          for (let repeat = bits(extra) + base; repeat > 0; repeat--) lengths[i++] = what; // past the end: dropped
        }
        literals = huffmanTable(lengths.subarray(0, literalCount));
        distances = huffmanTable(lengths.subarray(literalCount, total));
      } else break;
      for (;;) {
        let s = symbol(literals);
        if (s < 256) {
          out.push(s);
          continue;
        }
        if (s === 256) break;
        s = LENGTHS[s - 257] ?? 0;
        const length = (s & 0xffff) + (s >> 16 > 0 ? bits(s >> 16) : 0);
        let d = symbol(distances);
        d = DISTANCES[d] ?? 0;
        const distance = (d & 0xffff) + (d >> 16 > 0 ? bits(d >> 16) : 0);
        const from = out.length - distance;
        if (distance > 0 && from >= 0 && distance >= length) out.repeat(from, length);
        else {
          out.ensure(length);
          for (let k = 0; k < length; k++) out.push(distance > 0 ? out.byteAt(out.length - distance) : 0);
        }
      }
    }
  } catch (e) {
    if (!(e instanceof BadData)) throw e;
  }
  return out.result();
}

// ---------------------------------------------------------------- LZWDecode

/**
 * LZWDecode (§7.4.4) as pdf.js reads it: codes of 9 to 12 bits, widening when the next free code plus
 * /EarlyChange reaches a power of two (whatever /EarlyChange is), 256 clears the table, 257 ends, and a
 * code past the table repeats the previous string plus its first byte.
 */
function lzw(data: Uint8Array, room: number, earlyChange: number): Uint8Array {
  const out = new Output(room, data.length * 4);
  const start = new Int32Array(4096);
  const length = new Int32Array(4096);
  let next = 258;
  let width = 9;
  let prevAt = -1;
  let prevLength = 0;
  let pos = 0;
  let held = 0;
  let bits = 0;
  for (;;) {
    while (bits < width) {
      if (pos >= data.length) return out.result();
      held = ((held << 8) | data[pos++]!) & 0xffffff;
      bits += 8;
    }
    bits -= width;
    const code = width <= 0 ? 0 : (held >>> bits) & ((1 << width) - 1);
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
    } else if (code < next && code < 4096) {
      out.repeat(start[code]!, length[code]!);
      written = length[code]!;
    } else if (prevAt >= 0) {
      out.repeat(prevAt, prevLength);
      out.push(out.byteAt(prevAt));
      written = prevLength + 1;
    } else {
      out.push(0);
      written = 1;
    }
    if (prevAt >= 0) {
      if (next < 4096) {
        start[next] = prevAt;
        length[next] = prevLength + 1;
      }
      next++;
      const n = next + earlyChange;
      if (!(n & (n - 1))) width = Math.min(Math.log(n) / 0.6931471805599453 + 1, 12) | 0;
    }
    prevAt = at;
    prevLength = written;
  }
}

// ---------------------------------------------------------------- the others

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

/**
 * A predictor (§7.4.4.4) after Flate or LZW, as pdf.js applies it: TIFF 2 or PNG 10–15. pdf.js allots a
 * whole row for every row it starts, however little data is left for it, so the size is checked first:
 * a short stream with a /Columns of millions is a bomb.
 */
function predict(data: Uint8Array, room: number, params: FilterParams | undefined): Uint8Array {
  const predictor = params?.predictor || 1;
  if (!params || predictor <= 1) return data;
  if (predictor !== 2 && (predictor < 10 || predictor > 15)) return new Uint8Array(0); // pdf.js refuses the stream
  const colors = params.colors || 1;
  const bpc = params.bitsPerComponent || 8;
  const columns = params.columns || 1;
  const pixBytes = (colors * bpc + 7) >> 3;
  const rowBytes = (columns * colors * bpc + 7) >> 3;
  if (rowBytes <= 0 || !Number.isFinite(rowBytes)) return new Uint8Array(0);
  const inRow = predictor === 2 ? rowBytes : rowBytes + 1;
  const rows = Math.ceil(data.length / inRow) - (predictor !== 2 && data.length % inRow === 1 ? 1 : 0);
  if (rows * rowBytes > room) throw new OverBudget();
  const out = new Uint8Array(rows * rowBytes);
  for (let r = 0, i = 0; r < rows; r++) {
    const o = r * rowBytes;
    if (predictor === 2) {
      const raw = data.subarray(i, i + rowBytes);
      i += rowBytes;
      out.set(raw, o);
      if (bpc === 8) for (let k = colors; k < raw.length; k++) out[o + k] = (out[o + k - colors]! + raw[k]!) & 0xff;
      continue;
    }
    const type = data[i++]!;
    const raw = data.subarray(i, i + rowBytes);
    i += rowBytes;
    const up = (k: number) => (r > 0 ? out[o - rowBytes + k]! : 0);
    for (let k = 0; k < raw.length; k++) {
      const left = k >= pixBytes ? out[o + k - pixBytes]! : 0;
      const upLeft = k >= pixBytes ? up(k - pixBytes) : 0;
      let v = raw[k]!;
      if (type === 1) v += left;
      else if (type === 2) v += up(k);
      else if (type === 3) v += (left + up(k)) >> 1;
      else if (type === 4) {
        const p = left + up(k) - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up(k));
        const pc = Math.abs(p - upLeft);
        v += pa <= pb && pa <= pc ? left : pb <= pc ? up(k) : upLeft;
      }
      out[o + k] = v & 0xff;
    }
  }
  return out;
}
