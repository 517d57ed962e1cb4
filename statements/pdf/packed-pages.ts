/**
 * A page's text items held compactly while pdf.js reads the rest of the document: the strings joined into
 * one, the positions in one Float64Array, instead of an object (and a string) per item.
 *
 * Why: whatever the reader keeps while pdf.js works is live data at every garbage collection, and V8 sets
 * the next heap limit at a multiple of the live data; thousands of small objects kept page after page
 * raised the process's peak memory by several times their own size. Unpacked (exactly: the same strings,
 * the same doubles) once pdf.js is done, page by page.
 * @module
 */
import type { PdfPageItems, PdfTextItem } from './text.ts';

/** Between two items' strings: NUL never survives into an item (hygiene.ts removes it from every string). */
const SEPARATOR = '\u0000';
/** Numbers kept per item: x, y, width, height. */
const FIELDS = 4;

export interface PackedPage {
  readonly page: number;
  readonly width: number;
  readonly height: number;
  readonly removed?: number;
  readonly turned?: number;
  readonly askew?: boolean;
  /** How many items the page has. */
  readonly count: number;
  /** The items' strings, joined by {@link SEPARATOR}. */
  readonly text: string;
  /** x, y, width, height of each item in turn. */
  readonly geometry: Float64Array;
}

export function packPage(p: PdfPageItems): PackedPage {
  const { items } = p;
  const geometry = new Float64Array(items.length * FIELDS);
  const strings: string[] = new Array<string>(items.length);
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    const k = i * FIELDS;
    geometry[k] = it.x;
    geometry[k + 1] = it.y;
    geometry[k + 2] = it.width;
    geometry[k + 3] = it.height;
    strings[i] = it.str;
  }
  return {
    page: p.page,
    width: p.width,
    height: p.height,
    ...(p.removed !== undefined ? { removed: p.removed } : {}),
    ...(p.turned !== undefined ? { turned: p.turned } : {}),
    ...(p.askew ? { askew: true } : {}),
    count: items.length,
    text: strings.join(SEPARATOR),
    geometry,
  };
}

export function unpackPage(p: PackedPage): PdfPageItems {
  const strings = p.count === 0 ? [] : p.text.split(SEPARATOR);
  const g = p.geometry;
  const items: PdfTextItem[] = new Array<PdfTextItem>(p.count);
  for (let i = 0; i < p.count; i++) {
    const k = i * FIELDS;
    items[i] = { str: strings[i]!, x: g[k]!, y: g[k + 1]!, width: g[k + 2]!, height: g[k + 3]! };
  }
  return {
    page: p.page,
    width: p.width,
    height: p.height,
    items,
    ...(p.removed !== undefined ? { removed: p.removed } : {}),
    ...(p.turned !== undefined ? { turned: p.turned } : {}),
    ...(p.askew ? { askew: true } : {}),
  };
}
