/**
 * What a document is, from its content (never from its name): a PDF by its `%PDF-` signature, OFX/QFX by its
 * header or `<OFX>` element, otherwise text read as CSV. Anything else is refused with a message that says
 * what the file seems to be and which formats are accepted.
 * @module
 */
import { decodeText, type DecodedText } from './encoding.ts';
import { looksLikeOfx } from './ofx.ts';
import { ParseError } from './types.ts';

export type Detected = { readonly format: 'pdf' } | { readonly format: 'ofx' | 'csv'; readonly decoded: DecodedText };

const ACCEPTED = 'Reckoner reads bank and CMS statements as PDF, CSV or OFX/QFX files, as downloaded from online banking or the CMS';

/** Readers accept `%PDF-` anywhere in the first kilobyte (some files start with junk before it). */
export function isPdf(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 1024) - 5;
  for (let i = 0; i <= n; i++) {
    if (bytes[i] === 0x25 && bytes[i + 1] === 0x50 && bytes[i + 2] === 0x44 && bytes[i + 3] === 0x46 && bytes[i + 4] === 0x2d) return true;
  }
  return false;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  return prefix.every((b, i) => bytes[at + i] === b);
}

/** Binary formats people send by mistake, with what to send instead. */
function knownBinary(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return 'This is a ZIP archive or a spreadsheet (XLSX, ODS or Numbers). Save the spreadsheet as CSV, or send the PDF statement.';
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return 'This is an old Excel (XLS) or Word file. Save it as CSV, or send the PDF statement.';
  }
  if (
    startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(bytes, [0xff, 0xd8, 0xff]) ||
    startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) ||
    startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) ||
    startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]) ||
    (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) ||
    startsWith(bytes, [0x66, 0x74, 0x79, 0x70], 4)
  ) {
    return 'This is an image (a photo or scan). Reckoner needs the text of the statement: download it from online banking as PDF, CSV or OFX.';
  }
  if (startsWith(bytes, [0x1f, 0x8b])) return 'This is a compressed (gzip) file. Uncompress it and send the statement inside.';
  return undefined;
}

/** Share of characters that no text file holds (controls other than tab, line ends and form feed; U+FFFD). */
function junkRatio(text: string): number {
  const sample = text.slice(0, 64 * 1024);
  if (sample.length === 0) return 0;
  let junk = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || (c >= 0x7f && c <= 0x9f) || c === 0xfffd) junk++;
  }
  return junk / sample.length;
}

/** Detects the format; for text formats, the decoded text too. */
export function detectFormat(bytes: Uint8Array): Detected {
  if (isPdf(bytes)) return { format: 'pdf' };
  const binary = knownBinary(bytes);
  if (binary) throw new ParseError('parse_failed', `${binary} (${ACCEPTED}.)`);
  const decoded = decodeText(bytes);
  if (junkRatio(decoded.text) > 0.01) {
    throw new ParseError(
      'parse_failed',
      `This file is not a PDF, CSV or OFX/QFX statement: its bytes are not text. ${ACCEPTED}; send one of those (a PDF must start with "%PDF-").`,
    );
  }
  if (decoded.text.trim() === '') {
    throw new ParseError('parse_failed', 'The file holds only blank space, no statement. Send the statement file itself.');
  }
  if (looksLikeOfx(decoded.text)) return { format: 'ofx', decoded };
  const head = decoded.text.slice(0, 2048).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) {
    throw new ParseError(
      'unsupported',
      `This is a web page (HTML), not a statement file. ${ACCEPTED}; use the bank's download or export button rather than saving the page.`,
    );
  }
  return { format: 'csv', decoded };
}
