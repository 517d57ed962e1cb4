/**
 * Some statement generators draw every character as a text object of its own (BT … ET around each glyph), and pdf.js
 * then gives a text item a character: "2", "3", " ", "J", "a", "n" … Read as they come, a cell of such items was
 * joined with a space between every character ("2 3 J a n"), no heading or date was found, and the statement was
 * refused. Here a run of one-character items drawn one after another on the same baseline, each starting where the
 * last ended, becomes one item, as pdf.js gives a word drawn in one piece; the gap a space leaves (a quarter of the
 * font's height or more) still separates words, and items of more than one character are left as they are, so a
 * tight layout's columns that touch stay apart.
 * @module
 */
import type { PdfTextItem } from './text.ts';

/** A gap between two glyphs no wider than this fraction of the font height is no space (a space is about a quarter). */
const GLYPH_GAP = 0.06;
/** Nor is an overlap of up to this fraction (kerning, rounding). */
const GLYPH_OVERLAP = 0.2;

/** One character: a code unit, or a surrogate pair. */
const isGlyph = (s: string): boolean => s.length === 1 || (s.length === 2 && s.codePointAt(0)! > 0xffff);

/** The items, in the order drawn, with each run of glyphs drawn one after another joined into one item. */
export function joinGlyphRuns(items: readonly PdfTextItem[]): PdfTextItem[] {
  const out: PdfTextItem[] = [];
  /** The run being built: its text so far, and whether it is all glyphs (only such a run takes another). */
  let run: { str: string; x: number; y: number; right: number; height: number } | undefined;
  const flush = () => {
    if (run) out.push({ str: run.str, x: run.x, y: run.y, width: run.right - run.x, height: run.height });
    run = undefined;
  };
  for (const it of items) {
    const glyph = isGlyph(it.str);
    if (!glyph) {
      flush();
      out.push(it);
      continue;
    }
    const h = Math.max(it.height, run?.height ?? 0) || 8;
    const continues =
      run !== undefined &&
      Math.abs(it.y - run.y) <= GLYPH_GAP * h &&
      Math.abs(it.height - run.height) <= GLYPH_GAP * h &&
      it.x - run.right <= GLYPH_GAP * h &&
      it.x - run.right >= -GLYPH_OVERLAP * h;
    if (run && continues) {
      run.str += it.str;
      run.right = Math.max(run.right, it.x + it.width);
    } else {
      flush();
      run = { str: it.str, x: it.x, y: it.y, right: it.x + it.width, height: it.height };
    }
  }
  flush();
  return out;
}
