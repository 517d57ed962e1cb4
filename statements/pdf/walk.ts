/**
 * Walking a document's tables page by page: the header row on each page gives the columns (a page without
 * one reuses the previous page's), repeated page headers and footers are skipped, and the table on a page
 * ends at a large vertical gap or at text that starts in the date column but is not a date (a footer).
 * @module
 */
import { classifyLine, furnitureKey, headerColumns, repeatedFurniture, type Columns, type Line, type TableLine } from './table.ts';

export interface Walk {
  /** The first header found. */
  readonly columns: Columns;
  /** Lines of the first page above the first header (the preamble: issuer, account, period, summary). */
  readonly preamble: readonly Line[];
  /** Lines outside any table, on every page (for summaries printed after the table). */
  readonly outside: readonly Line[];
  /** Table lines in reading order. */
  readonly lines: readonly TableLine[];
}

export function findFirstHeader(pages: readonly (readonly Line[])[]): { page: number; index: number; columns: Columns } | undefined {
  for (let p = 0; p < pages.length; p++) {
    const lines = pages[p]!;
    for (let i = 0; i < lines.length; i++) {
      const columns = headerColumns(lines[i]!);
      if (columns) return { page: p, index: i, columns };
    }
  }
  return undefined;
}

export function walkTables(pages: readonly (readonly Line[])[], pageHeights: readonly number[]): Walk | undefined {
  const first = findFirstHeader(pages);
  if (!first) return undefined;
  const furniture = repeatedFurniture(pages, pageHeights);
  const preamble: Line[] = [];
  for (let p = 0; p <= first.page; p++) {
    const lines = pages[p]!;
    preamble.push(...(p < first.page ? lines : lines.slice(0, first.index)));
  }
  const outside: Line[] = [];
  const table: TableLine[] = [];
  let cols: Columns | undefined;
  for (let p = first.page; p < pages.length; p++) {
    const lines = pages[p]!;
    let start = -1;
    let headerAt = -1;
    for (let i = 0; i < lines.length; i++) {
      const h = headerColumns(lines[i]!);
      if (h) {
        cols = h;
        headerAt = i;
        start = i + 1;
        break;
      }
    }
    if (!cols) continue;
    if (start < 0) {
      // No header on this page: the table goes on from the previous page, under the page furniture
      // (the lines repeated at the top of every page). Without furniture, it starts at the first dated
      // or money line.
      const top = lines.findIndex((l) => !furniture.has(furnitureKey(l)));
      const hasFurniture = top > 0;
      start = hasFurniture
        ? top
        : lines.findIndex((l) => {
            const t = classifyLine(cols!, l);
            return t.date !== undefined || Object.keys(t.money).length > 0;
          });
      if (start < 0) {
        outside.push(...lines);
        continue;
      }
    }
    outside.push(...lines.slice(0, headerAt >= 0 ? headerAt : start));
    let prevY = headerAt >= 0 ? lines[headerAt]!.y : (lines[start]?.y ?? 0);
    let i = start;
    for (; i < lines.length; i++) {
      const l = lines[i]!;
      if (furniture.has(furnitureKey(l))) continue;
      const gapLimit = Math.max(30, 3.2 * l.height);
      if (l.y - prevY > gapLimit) break;
      const t = classifyLine(cols, l);
      const hasMoney = Object.keys(t.money).length > 0;
      if (t.date === undefined && t.strayDateText !== undefined && !hasMoney) break;
      if (l.cells.length === 0) continue;
      table.push(t);
      prevY = l.y;
    }
    outside.push(...lines.slice(i));
  }
  return { columns: first.columns, preamble, outside, lines: table };
}
