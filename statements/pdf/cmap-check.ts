/**
 * Character maps (CMaps: a font's /ToUnicode, or an embedded /Encoding) say which text each character code stands
 * for. pdf.js builds one entry for every code a map covers, so one line of a map can ask for millions of entries: a
 * security audit's 868-byte PDF mapped codes <000000> to <FFFFFE> in one `bfrange` line (16.7 million entries, under
 * pdf.js's own cap of 2^24 − 1), and the process died out of memory, the worker's heap cap notwithstanding.
 *
 * So every decoded stream that holds a map is read here first and the codes it covers counted: a range wider than
 * every two-byte code (65,536), or maps that together cover more than four such fonts, refuse the file. A font of a
 * bank or CMS statement maps a few hundred codes; a whole two-byte font with an identity map, 65,536.
 * @module
 */
import { ParseError } from '../types.ts';

/** The widest one range may be: every two-byte code. */
export const MAX_CMAP_RANGE = 65_536;
/** The most codes all the maps of a document may cover together. */
export const MAX_CMAP_CODES = 4 * MAX_CMAP_RANGE;

const SECTIONS = ['bfrange', 'cidrange', 'notdefrange', 'bfchar', 'cidchar', 'notdefchar'] as const;

/**
 * The number of codes the map sections in `data` cover (0 when it holds none): each range counts its width, each
 * single mapping one. A range wider than {@link MAX_CMAP_RANGE} is refused at once.
 * @throws {ParseError} `too_large` for a range wider than a font can use.
 */
export function cmapCodes(data: Uint8Array): number {
  const text = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  // Most streams are page content or fonts: three native searches tell them apart from a map.
  if (text.indexOf('beginbf') < 0 && text.indexOf('begincid') < 0 && text.indexOf('beginnotdef') < 0) return 0;
  const latin = text.toString('latin1');
  let codes = 0;
  for (const section of SECTIONS) {
    const begin = `begin${section}`;
    const end = `end${section}`;
    for (let at = latin.indexOf(begin); at >= 0; at = latin.indexOf(begin, at + begin.length)) {
      const stop = latin.indexOf(end, at + begin.length);
      const body = latin.slice(at + begin.length, stop < 0 ? latin.length : stop);
      codes += section.endsWith('range') ? rangeCodes(body) : (body.match(/</g)?.length ?? 0) / 2;
    }
  }
  return codes;
}

/**
 * The codes a range section covers: each entry is `<low> <high>` and a destination (a code, a number, or an array of
 * codes), read token by token so that a destination of any kind is passed over.
 */
function rangeCodes(body: string): number {
  let codes = 0;
  let low: number | undefined;
  let high: number | undefined;
  let depth = 0;
  for (const m of body.matchAll(/<([0-9A-Fa-f\s]*)>|\[|\]|[+-]?\d+(?:\.\d*)?/g)) {
    const token = m[0];
    if (token === '[') {
      depth++;
      continue;
    }
    if (token === ']') {
      depth = Math.max(0, depth - 1);
      if (depth === 0) low = high = undefined; // an array destination ends the entry
      continue;
    }
    if (depth > 0) continue;
    const hex = m[1] === undefined ? undefined : Number.parseInt(m[1].replace(/\s/g, '') || '0', 16);
    if (low === undefined) {
      if (hex !== undefined) low = hex;
    } else if (high === undefined) {
      if (hex === undefined) {
        low = undefined; // not an entry: start again
        continue;
      }
      high = hex;
      const width = high - low + 1;
      if (width > MAX_CMAP_RANGE) throw rangeTooWide(width);
      if (width > 0) codes += width;
    } else {
      low = high = undefined; // a code or a number: the destination, which ends the entry
    }
  }
  return codes;
}

function rangeTooWide(width: number): ParseError {
  return new ParseError(
    'too_large',
    `The PDF has a character map with a range of ${width.toLocaleString('en-GB')} codes, more than any font uses (at most ${MAX_CMAP_RANGE.toLocaleString('en-GB')}); ` +
      'the file is damaged or was made to exhaust the reader. Send the statement as the bank or CMS issued it, or a CSV export.',
  );
}

/** The refusal for maps that together cover more codes than a statement's fonts could. */
export function tooManyCodes(codes: number): ParseError {
  return new ParseError(
    'too_large',
    `The PDF's character maps cover more than ${MAX_CMAP_CODES.toLocaleString('en-GB')} codes (${codes.toLocaleString('en-GB')} so far), the most this reader takes; ` +
      'a statement’s fonts map a few hundred. The file is damaged or was made to exhaust the reader. Send the statement as the bank or CMS issued it, or a CSV export.',
  );
}
