/**
 * Walking a document's tables page by page. A header row gives the columns (a page without one reuses the
 * previous page's, and so do rows above a page's first header when that header is only repeated lower down;
 * a header repeated lower on a page starts the table again under it); the rows under it, and under its
 * repeats on the page, give the columns' alignment and the table's extent (align.ts), so text beside the
 * table (a sidebar, an advert level with the rows) is not part of any row. Repeated page headers and footers
 * are skipped (a brought-forward line whose figure changes from page to page is not one of them), and so are
 * the unknown headings of a table found from its rows where they are printed again. The table on a page ends
 * at a large vertical gap (unless the rows after it go on on the table's alignment), at text that starts in
 * the date column but is not a date (a footer, the heading of an interest table) unless the rows go on under
 * it (a month's heading, "January 2027": no row, and no end), or at text alone set further below the rows
 * than they are set apart (the title of a table under a description-first one). A date printed over two
 * lines ("11th" over "December", "1 Dec" over "2026") is joined, and so is a header set over two lines ("Money" over
 * "out (£)"). Lines after the table's end that read as its rows (a date and an amount on its alignment) are kept
 * apart, so that the reader can say they were not read rather than drop them in silence; so are the rows of a list
 * of transactions not yet gone through ("Pending transactions"), under the table or over it.
 *
 * Each line is looked at a fixed number of times (once for the alignment, once to classify it, and at most
 * a few more times after a gap), so the walk is linear in the lines of the document.
 * @module
 */
import { alignColumns, sameHeader } from './align.ts';
import { inferTable } from './find-table.ts';
import { parseAmountToken, parseDateToken, parseMonthHeading, splitLeadingDate, type DateToken } from './tokens.ts';
import {
  ALIGN_SLACK,
  classifyLine,
  stackedHeader,
  joinWrappedDate,
  furnitureKey,
  furnitureRow,
  headerColumns,
  repeatedFurniture,
  type Columns,
  type Field,
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
  /**
   * Lines left outside the table after it ended on a page that read as rows of it (a date and an amount on
   * the table's alignment): rows the walk may have dropped, for the reader to warn about.
   */
  readonly unread: readonly Line[];
  /**
   * Headers printed again lower on a page under rows of the table (its table "starts again"): where each is, and the
   * text printed with it (the lines between the rows above and the header, and those under it before the first row),
   * for the reader to tell a second account's table from the same table going on.
   */
  readonly sections: readonly Section[];
  /**
   * A section of transactions that have not gone through yet ("Pending transactions"), printed under the table (or
   * over it): its title line and the lines under it that read as rows. They are no rows of the statement.
   */
  readonly pending?: { readonly title: Line; readonly rows: readonly Line[] };
}

/**
 * The title of a list of transactions that have not gone through the account yet, which digital banks print under
 * the statement's table, headed like it ("Pending transactions", "Uncleared items", "Transactions not yet posted"):
 * a statement probe read such rows as the period's, and the totals broke with no word of why.
 */
const PENDING_TITLE = new RegExp(
  String.raw`^(?:(?:pending|uncleared|unposted|unprocessed)(?: card)?(?: (?:transactions|payments|items|debits|credits))` +
    String.raw`|(?:transactions|payments|items) (?:not yet|yet to be|still to be) (?:posted|cleared|processed|taken|paid|settled)` +
    String.raw`|pending(?= (?:from|as at|as of|since|on)))(?: (?:from|as at|as of|since|on).*)?:?$`,
  'i',
);

/**
 * Whether a line is such a title: those words alone (perhaps with the dates they cover), no amount and no date cell,
 * and, where the table's columns are known, printed left of its description (a title, not a description's wrapped
 * line). A notice ("Pending transactions are not shown on this statement") is no title.
 */
function isPendingTitle(l: Line, cols?: Columns): boolean {
  if (!PENDING_TITLE.test(l.text.trim())) return false;
  if (l.cells.some((c) => parseAmountToken(c.text) || parseDateToken(c.text) || splitLeadingDate(c.text))) return false;
  const description = cols?.columns.find((c) => c.field === 'description');
  return description === undefined || cols!.columns[0] === description || l.cells[0]!.left < description.left - 2;
}

/** A header printed lower on a page than rows of the table already read on it. */
export interface Section {
  /** The header's line. */
  readonly header: Line;
  /** How many table lines come before it (its place in {@link Walk.lines}). */
  readonly at: number;
  /** Lines of text around it that are no rows: above it, after the rows, and under it, before its first row. */
  readonly title: readonly Line[];
  /**
   * The header opens a page after pages of the table (not printed lower on a page under rows): its title is the
   * page's own lines above it that are not the furniture every page repeats (a new account's name and number).
   */
  readonly newPage?: true;
  /** With `newPage`: every line of the page above the header, those every page repeats too (an account's number). */
  readonly above?: readonly Line[];
}

/**
 * The header on line `i`: the line alone, or (where neither it nor the line under it is one) the two as a header set
 * over two lines ({@link stackedHeader}); `lines` is how many lines it takes.
 */
function headerAtLine(lines: readonly Line[], i: number): { columns: Columns; lines: 1 | 2 } | undefined {
  const alone = headerColumns(lines[i]!);
  if (alone) return { columns: alone, lines: 1 };
  const next = lines[i + 1];
  if (!next || headerColumns(next)) return undefined;
  const stacked = stackedHeader(lines[i]!, next);
  return stacked ? { columns: stacked, lines: 2 } : undefined;
}

export function findFirstHeader(
  pages: readonly (readonly Line[])[],
): { page: number; index: number; columns: Columns; lines: 1 | 2 } | undefined {
  for (let p = 0; p < pages.length; p++) {
    const lines = pages[p]!;
    for (let i = 0; i < lines.length; i++) {
      const found = headerAtLine(lines, i);
      if (found) return { page: p, index: i, ...found };
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

/** A line that is a row of the table: a date and an amount. */
const isRow = (t: TableLine) => t.date !== undefined && Object.keys(t.money).length > 0;

/** Whether every amount on the line ends on the edge its column's amounts align on. */
function moneyOnAlignment(cols: Columns, t: TableLine): boolean {
  if (!cols.aligned) return false;
  return Object.entries(t.moneyRight ?? {}).every(([field, right]) => {
    const edge = cols.aligned!.get(field as Field);
    return edge !== undefined && Math.abs(edge - right) <= ALIGN_SLACK;
  });
}

/** A line of text alone this many times the table's line spacing below the line above is not part of a row. */
const PITCH_GAP = 1.6;

/** Lines a gap may be followed by before the first dated row shows the table goes on. */
const MAX_AFTER_GAP = 4;

/**
 * Whether the table goes on after a gap at line `at` (`t`, classified): the lines after it are the table's
 * (a dated row, or a row with a description, an amount and the balance, printed on the table's own
 * alignment), perhaps under a few lines of description that wrap on from the row above the gap or undated
 * rows whose amounts are on the alignment too. Text in the date column that is not a date ends it.
 */
function resumes(cols: Columns, lines: readonly Line[], at: number, t: TableLine): boolean {
  let prev = lines[at]!;
  for (let j = at, seen = 0; j < lines.length && j < at + 3 * MAX_AFTER_GAP && seen < MAX_AFTER_GAP; j++) {
    const l = lines[j]!;
    const c = j === at ? t : classifyLine(cols, l);
    if (!c.inTable) continue;
    if (j > at && l.y - prev.y > Math.max(30, 3.2 * l.height)) return false;
    prev = l;
    seen++;
    if (c.strayDateText !== undefined && c.date === undefined) return false;
    if (Object.keys(c.money).length === 0) continue;
    if (!moneyOnAlignment(cols, c)) return false;
    if (isRow(c) || (c.description !== '' && c.money.balance !== undefined && Object.keys(c.money).length >= 2)) return true;
  }
  return false;
}

/**
 * Whether line `at`, a line of text in the date column that is not a date and has no amount (a month's
 * heading, "January 2027"; a day's), heads more of the table rather than ending it: the next line of the
 * table is set no further below than a gap allows and the rows go on from it ({@link resumes}).
 */
function headsRows(cols: Columns, lines: readonly Line[], at: number, isFurniture: (l: Line) => boolean): boolean {
  let prev = lines[at]!;
  // A heading wrapped in a narrow column ("December" over "2024") is a line or two more of the same.
  for (let j = at + 1, more = 0; j < lines.length; j++) {
    const l = lines[j]!;
    if (isFurniture(l)) continue;
    const c = classifyLine(cols, l);
    if (!c.inTable) continue;
    if (l.y - prev.y > Math.max(30, 3.2 * l.height)) return false;
    if (c.date === undefined && c.strayDateText !== undefined && Object.keys(c.money).length === 0 && c.description === c.strayDateText) {
      if (++more > MAX_HEADING_LINES) return false;
      prev = l;
      continue;
    }
    return resumes(cols, lines, j, c);
  }
  return false;
}

/** How many lines below a month's heading the first dated row is looked for. */
const HEADING_REACH = 12;

/**
 * Whether line `at` (`t`, classified: no date, no amount, text in the description column only) is a month's heading
 * printed in the description column ("March 2024", "MARCH 2024") rather than the last words of the row above it: a
 * month and a year alone, where the month changes, that is, the dated row before it (`before`) is in another month
 * and the next dated row on the page in that month. "RENT FOR" over "MARCH 2024" under a March row stays the row's.
 */
function monthHeadingAt(
  cols: Columns,
  lines: readonly Line[],
  at: number,
  t: TableLine,
  before: DateToken | undefined,
  isFurniture: (l: Line) => boolean,
): boolean {
  if (t.date !== undefined || t.type !== '' || t.reference || t.strayDateText !== undefined || Object.keys(t.money).length > 0)
    return false;
  const heading = parseMonthHeading(t.description);
  if (!heading) return false;
  const sameMonth = (d: DateToken) => d.month === heading.month && (d.year === undefined || d.year === heading.year);
  if (before && sameMonth(before)) return false;
  for (let j = at + 1; j < lines.length && j <= at + HEADING_REACH; j++) {
    const l = lines[j]!;
    if (isFurniture(l)) continue;
    const c = classifyLine(cols, l);
    if (c.date !== undefined) return sameMonth(c.date);
  }
  return true;
}

/** Lines a heading in the date column may wrap onto after its first. */
const MAX_HEADING_LINES = 2;

/**
 * The text of the line just above a table found from its rows, when it reads as headings Reckoner does not
 * know: two or more cells, none a date or an amount, close above the first row.
 */
function inferredHeading(lines: readonly Line[], index: number): string | undefined {
  const above = lines[index - 1];
  const row = lines[index]!;
  if (!above || above.cells.length < 2 || row.y - above.y > 3 * row.height) return undefined;
  if (above.cells.some((c) => parseAmountToken(c.text) || parseDateToken(c.text) || splitLeadingDate(c.text))) return undefined;
  return above.text;
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
  const unread: Line[] = [];
  const sections: { header: Line; at: number; title: Line[]; open: boolean; newPage?: true; above?: Line[] }[] = [];
  // A table found from its rows may have headings Reckoner cannot read, printed just above its first row:
  // where that line is printed again (the heading repeated lower down or on a later page), it is the
  // heading again, not the end of the table.
  const heading = inferred ? inferredHeading(pages[inferred.page]!, inferred.index) : undefined;
  const isHeading = (l: Line) => heading !== undefined && l.text === heading;
  /** The last header's columns, as the header reads them (the alignment is found again on every page). */
  let header: Columns | undefined = inferred?.columns;
  /**
   * The columns as last aligned (a page with too few rows to show an edge keeps the one found before; a
   * table found from its rows starts with the edges its rows show over the whole document).
   */
  let aligned: Columns | undefined = inferred?.columns;
  /** The date of the last dated line of the table so far (a month's heading is told by the month changing). */
  let lastDate: DateToken | undefined;
  /**
   * A pending section once its title is seen: its rows are no part of the table. Printed under the table it runs to
   * the end of the document; printed over it (`first`), to the first header after its rows, where the table starts.
   */
  let pending: { title: Line; rows: Line[]; first: boolean } | undefined;
  /** Whether the lines read now are the pending section's. */
  let inPending = false;
  // Printed over the table: its title just above the first header (the pending list's own), a line or two up.
  if (headed) {
    const above = pages[headed.page]!.slice(Math.max(0, headed.index - 3), headed.index).filter((l) => !isFurniture(l));
    const title = above.find((l) => isPendingTitle(l));
    if (title) {
      pending = { title, rows: [], first: true };
      inPending = true;
    }
  }
  /** A line of a pending section: kept apart, with the rows among it. */
  const pendingLine = (l: Line, cols: Columns | undefined) => {
    outside.push(l);
    if (cols && !isFurniture(l) && isRow(classifyLine(cols, l))) pending!.rows.push(l);
  };
  for (let p = first.page; p < pages.length; p++) {
    const lines = pages[p]!;
    // A pending section under the table runs on to the end of the document.
    if (inPending && !pending!.first) {
      for (const l of lines) pendingLine(l, header);
      continue;
    }
    // Every header on the page, found once (a header repeated mid-page starts its table again).
    const headerAt = new Map<number, Columns>();
    /** The second lines of headers set over two lines: no part of the table. */
    const headerTail = new Set<number>();
    for (let i = p === first.page ? first.index : 0; i < lines.length; i++) {
      const h = headerAtLine(lines, i);
      if (!h) continue;
      headerAt.set(i, h.columns);
      if (h.lines === 2) headerTail.add(++i);
    }
    let start: number;
    if (headerAt.size > 0) {
      start = Math.min(...headerAt.keys());
      // A page that carries on the table without a header at its top, the header repeated only lower
      // down: the rows above that header are the table's too, read under the previous header's columns,
      // when at least one of them is a row (a date and an amount) and not, say, a summary box.
      if (p > first.page && header) {
        const cont = continuationStart(lines, header, furniture);
        if (cont >= 0 && cont < start && lines.slice(cont, start).some((l) => isRow(classifyLine(header!, l)))) start = cont;
      }
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
    /** How many table lines were read before this page, and the index of the last line of the page read into the table. */
    const before = table.length;
    let lastInTable = -1;
    /** The section whose header was the last line read on the page (its title lines under it are still being gathered). */
    let section: (typeof sections)[number] | undefined;
    const startSection = (i: number) => {
      // A header under rows on its page; or the header at the top of a later page (a new account's table may start
      // on a page of its own: the reader tells it from the same table going on).
      const pageTop = table.length === before && i === start && before > 0;
      if (table.length === before && !pageTop) return;
      const title: Line[] = [];
      for (let k = lastInTable + 1; k < i; k++) if (!isFurniture(lines[k]!) && !headerAt.has(k)) title.push(lines[k]!);
      const above = pageTop ? lines.slice(0, i).filter((_, k) => !headerAt.has(k)) : undefined;
      section = { header: lines[i]!, at: table.length, title, open: true, ...(above ? { newPage: true as const, above } : {}) };
      sections.push(section);
    };
    let cols: Columns | undefined;
    /** The line before which the current alignment was found. */
    let alignedTo = -1;
    let open = false;
    let prevY = lines[start]!.y;
    /** The least distance between two lines of the table on this page: how far apart its lines are set. */
    let pitch: number | undefined;
    for (let i = start; i < lines.length; i++) {
      const l = lines[i]!;
      const h = headerAt.get(i);
      if (headerTail.has(i)) continue;
      if (inPending && !(pending!.first && h && pending!.rows.length > 0)) {
        pendingLine(l, cols ?? header ?? h ?? first.columns);
        continue;
      }
      inPending = false;
      if (!pending && isPendingTitle(l, cols ?? header) && !isFurniture(l)) {
        pending = { title: l, rows: [], first: table.length === 0 };
        inPending = true;
        open = false;
        outside.push(l);
        continue;
      }
      if (h && cols && i < alignedTo && sameHeader(h, header!)) {
        // The same header again, within the lines its alignment was found over: the table goes on under it.
        startSection(i);
        open = true;
        prevY = l.y;
        continue;
      }
      if (h || (i === start && !open)) {
        if (h) startSection(i);
        header = h ?? header!;
        // The rows under this header, to the next different header or the foot of the page, give its
        // alignment: a header repeated every few lines leaves too few rows under each to show every edge.
        let end = i + 1;
        while (end < lines.length && !(headerAt.has(end) && !sameHeader(headerAt.get(end)!, header))) end++;
        const from = h ? i + 1 : i;
        cols = alignColumns(
          header,
          lines.slice(from, end).filter((x, k) => !isFurniture(x) && !headerAt.has(from + k) && !headerTail.has(from + k)),
          aligned,
        );
        aligned = cols;
        alignedTo = end;
        open = true;
        prevY = l.y;
        if (h) continue;
      }
      if (isHeading(l) && cols) {
        open = true;
        prevY = l.y;
        outside.push(l);
        continue;
      }
      if (!open || !cols) {
        outside.push(l);
        if (cols && !isFurniture(l)) {
          const c = classifyLine(cols, l);
          if (isRow(c) && moneyOnAlignment(cols, c)) unread.push(l);
        }
        continue;
      }
      if (isFurniture(l)) continue;
      let t = classifyLine(cols, l);
      // A large gap ends the table, unless what follows it is a row printed on the table's own alignment
      // (rows grouped with a blank line between the groups, or the gap a repeated header would leave).
      const gap = l.y - prevY;
      const limit = Math.max(30, 3.2 * l.height);
      if (gap > limit && !(gap <= 2 * limit && resumes(cols, lines, i, t))) {
        open = false;
        outside.push(l);
        if (isRow(t) && moneyOnAlignment(cols, t)) unread.push(l);
        continue;
      }
      // A line wholly beside the table (a sidebar between rows) is no part of it, and does not move it on.
      if (!t.inTable) continue;
      // A row whose date is printed over two lines ("11th" / "December", "1 Dec" / "2026") is read as one line.
      if (t.date === undefined || t.date.year === undefined) {
        const joined = joinWrappedDate(cols, l, lines[i + 1]);
        if (joined) {
          t = classifyLine(cols, joined);
          i++;
        }
      }
      const hasMoney = Object.keys(t.money).length > 0;
      if (t.date === undefined && t.strayDateText !== undefined && !hasMoney) {
        // A heading in the date column ("January 2027") with the rows going on under it is no row, and no end.
        if (headsRows(cols, lines, i, isFurniture)) {
          outside.push(l);
          prevY = l.y;
          continue;
        }
        open = false;
        outside.push(l);
        continue;
      }
      // A month's heading in the description column ("March 2024") is no row, and no words of the row above it.
      if (!hasMoney && t.date === undefined && monthHeadingAt(cols, lines, i, t, lastDate, isFurniture)) {
        outside.push(l);
        prevY = l.y;
        continue;
      }
      // Text alone set further below the line above than the table's lines are set apart from each other
      // (the title of another table under this one) ends the table, unless the rows go on under it.
      if (t.date === undefined && !hasMoney && pitch !== undefined && gap > PITCH_GAP * pitch && !resumes(cols, lines, i, t)) {
        open = false;
        outside.push(l);
        continue;
      }
      // Words under a header printed again, before its first row (an account's name): part of what names the section.
      if (section?.open && t.date === undefined && !hasMoney) section.title.push(l);
      else if (section) section.open = false;
      table.push(t);
      lastInTable = i;
      if (t.date !== undefined) lastDate = t.date;
      if (gap >= 0.5 * l.height && (pitch === undefined || gap < pitch)) pitch = gap;
      prevY = l.y;
    }
  }
  return {
    columns: first.columns,
    preamble,
    outside,
    lines: table,
    unread,
    sections: sections.map(({ header, at, title, newPage, above }) => ({ header, at, title, ...(newPage ? { newPage, above } : {}) })),
    ...(pending ? { pending: { title: pending.title, rows: pending.rows } } : {}),
  };
}
