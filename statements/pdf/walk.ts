/**
 * Walking a document's tables page by page. A header row gives the columns (a page without one reuses the
 * previous page's; a header repeated lower on a page starts the table again under it); the rows under it
 * give the columns' alignment and the table's extent (align.ts), so text beside the table (a sidebar, an
 * advert level with the rows) is not part of any row. Repeated page headers and footers are skipped, and the
 * table on a page ends at a large vertical gap or at text that starts in the date column but is not a date
 * (a footer, the heading of an interest table).
 *
 * Each line is looked at a fixed number of times (once for the alignment, once to classify it), so the
 * walk is linear in the lines of the document.
 * @module
 */
import { alignColumns } from './align.ts';
import { inferTable } from './find-table.ts';
import {
  classifyLine,
  furnitureKey,
  furnitureRow,
  headerColumns,
  repeatedFurniture,
  type Columns,
  type Line,
  type TableLine,
} from './table.ts';

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

/** Where a page's table starts when the page has no header of its own: under the furniture, or at its first row. */
function continuationStart(lines: readonly Line[], cols: Columns, furniture: ReadonlySet<string>): number {
  const top = lines.findIndex((l) => !furniture.has(furnitureKey(l)));
  if (top > 0) return top;
  return lines.findIndex((l) => {
    const t = classifyLine(cols, l);
    return t.date !== undefined || Object.keys(t.money).length > 0;
  });
}

export function walkTables(pages: readonly (readonly Line[])[], pageHeights: readonly number[]): Walk | undefined {
  // A header Reckoner can read; failing that, a table found from its rows alone (find-table.ts), which
  // starts at its first row rather than under a header.
  const headed = findFirstHeader(pages);
  const inferred = headed ? undefined : inferTable(pages);
  const first = headed ?? inferred;
  if (!first) return undefined;
  const furniture = repeatedFurniture(pages, pageHeights);
  // Each line's key is worked out once (a line is asked about more than once).
  const furnitureOf = new Map<Line, boolean>();
  // A line at a height no furniture is printed at is not furniture: told without building its key.
  const furnitureRows = new Set([...furniture].map((k) => k.slice(0, k.indexOf('|'))));
  const isFurniture = (l: Line) => {
    let f = furnitureOf.get(l);
    if (f === undefined) {
      f = furniture.size > 0 && furnitureRows.has(String(furnitureRow(l))) && furniture.has(furnitureKey(l));
      furnitureOf.set(l, f);
    }
    return f;
  };
  const preamble: Line[] = [];
  for (let p = 0; p <= first.page; p++) {
    const lines = pages[p]!;
    preamble.push(...(p < first.page ? lines : lines.slice(0, first.index)));
  }
  const outside: Line[] = [];
  const table: TableLine[] = [];
  /** The last header's columns, as the header reads them (the alignment is found again on every page). */
  let header: Columns | undefined = inferred?.columns;
  /** The columns as last aligned (a page with too few rows to show an edge keeps the one found before). */
  let aligned: Columns | undefined;
  for (let p = first.page; p < pages.length; p++) {
    const lines = pages[p]!;
    // Every header on the page, found once (a header repeated mid-page starts its table again).
    const headerAt = new Map<number, Columns>();
    for (let i = p === first.page ? first.index : 0; i < lines.length; i++) {
      const h = headerColumns(lines[i]!);
      if (h) headerAt.set(i, h);
    }
    let start: number;
    if (headerAt.size > 0) {
      start = Math.min(...headerAt.keys());
    } else if (inferred && p === inferred.page) {
      start = inferred.index;
    } else {
      if (!header) {
        outside.push(...lines);
        continue;
      }
      start = continuationStart(lines, header, furniture);
      if (start < 0) {
        outside.push(...lines);
        continue;
      }
    }
    outside.push(...lines.slice(0, start));
    let cols: Columns | undefined;
    let open = false;
    let prevY = lines[start]!.y;
    for (let i = start; i < lines.length; i++) {
      const l = lines[i]!;
      const h = headerAt.get(i);
      if (h || (i === start && !open)) {
        header = h ?? header!;
        // The rows under this header, to the next header or the foot of the page, give its alignment.
        let end = i + 1;
        while (end < lines.length && !headerAt.has(end)) end++;
        cols = alignColumns(
          header,
          lines.slice(h ? i + 1 : i, end).filter((x) => !isFurniture(x)),
          aligned,
        );
        aligned = cols;
        open = true;
        prevY = l.y;
        if (h) continue;
      }
      if (!open || !cols) {
        outside.push(l);
        continue;
      }
      if (isFurniture(l)) continue;
      if (l.y - prevY > Math.max(30, 3.2 * l.height)) {
        open = false;
        outside.push(l);
        continue;
      }
      const t = classifyLine(cols, l);
      // A line wholly beside the table (a sidebar between rows) is no part of it, and does not move it on.
      if (!t.inTable) continue;
      const hasMoney = Object.keys(t.money).length > 0;
      if (t.date === undefined && t.strayDateText !== undefined && !hasMoney) {
        open = false;
        outside.push(l);
        continue;
      }
      table.push(t);
      prevY = l.y;
    }
  }
  return { columns: first.columns, preamble, outside, lines: table };
}
