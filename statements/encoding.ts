/**
 * Bytes to text for statement files. UK bank exports come as UTF-8 (with or without a byte-order mark),
 * UTF-16 (Excel's "Unicode text"), or windows-1252 / ISO-8859-1 (Nationwide writes "£" as the single byte
 * 0xA3). Decoding never throws: what cannot be read cleanly is read as well as it can, with a warning.
 * @module
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncodingName;
  /** True when the bytes began with a byte-order mark (not part of `text`). */
  readonly bom: boolean;
  readonly warnings: readonly string[];
}

/** Bytes looked at to guess UTF-16 without a byte-order mark. */
const SNIFF_BYTES = 4096;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/**
 * UTF-16 without a byte-order mark: text that is mostly ASCII has a zero in every other byte. Which half
 * holds the zeros gives the byte order.
 */
export function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros >= pairs * 0.4 && evenZeros <= pairs * 0.05) return 'utf-16le';
  if (evenZeros >= pairs * 0.4 && oddZeros <= pairs * 0.05) return 'utf-16be';
  return undefined;
}

const utf8Fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
const latin1 = new TextDecoder('latin1');

/** windows-1252's characters for the bytes 0x80–0x9F (ISO-8859-1 has control codes there); five are unassigned. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * windows-1252, done here because Node's TextDecoder treats the label as ISO-8859-1 and turns "€" (0x80) or
 * "’" (0x92) into control codes.
 */
const cp1252 = {
  decode(bytes: Uint8Array): string {
    return latin1.decode(bytes).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
  },
};

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    utf8Fatal.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** True when the bytes hold at least one well-formed multi-byte UTF-8 sequence. */
function hasUtf8Sequence(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0xc2 || b > 0xf4) continue;
    const length = b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
    let ok = i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) return true;
  }
  return false;
}

/**
 * A file that is neither valid UTF-8 nor plainly single-byte: some lines are UTF-8 (say, pasted from
 * elsewhere) and others windows-1252. Each line is read in the encoding it is valid in, so "£" comes out
 * right in both; the warning says so.
 */
function decodeMixed(bytes: Uint8Array): string {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      const line = bytes.subarray(start, Math.min(i + 1, bytes.length));
      parts.push(isValidUtf8(line) ? utf8.decode(line) : cp1252.decode(line));
      start = i + 1;
    }
  }
  return parts.join('');
}

/** Decodes a statement file; never throws. */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const body = bytes.subarray(3);
    if (isValidUtf8(body)) return { text: utf8.decode(body), encoding: 'utf-8', bom: true, warnings: [] };
    return {
      text: decodeMixed(body),
      encoding: 'windows-1252',
      bom: true,
      warnings: [
        'The file says it is UTF-8 but some lines are not; those lines were read as windows-1252. Check the descriptions for odd characters.',
      ],
    };
  }
  if (startsWith(bytes, [0xff, 0xfe])) {
    return {
      text: new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes.subarray(2)),
      encoding: 'utf-16le',
      bom: true,
      warnings: [],
    };
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return {
      text: new TextDecoder('utf-16be', { ignoreBOM: true }).decode(bytes.subarray(2)),
      encoding: 'utf-16be',
      bom: true,
      warnings: [],
    };
  }
  const utf16 = sniffUtf16(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16, bom: false, warnings: [] };
  if (isValidUtf8(bytes)) return { text: utf8.decode(bytes), encoding: 'utf-8', bom: false, warnings: [] };
  if (hasUtf8Sequence(bytes)) {
    return {
      text: decodeMixed(bytes),
      encoding: 'windows-1252',
      bom: false,
      warnings: [
        'The file mixes encodings: some lines are UTF-8 and others windows-1252 (ISO-8859-1). Each line was read in the encoding it is valid in; check the descriptions for odd characters.',
      ],
    };
  }
  return { text: cp1252.decode(bytes), encoding: 'windows-1252', bom: false, warnings: [] };
}
