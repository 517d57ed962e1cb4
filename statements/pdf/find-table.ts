/**
 * Finding a transaction table that has no header Reckoner can read (headings in words it does not know, or
 * none at all): from the rows themselves. Rows open with a date, all starting at one left edge, and carry
 * amounts that line up on one to three right edges over many rows. One edge is a signed amount; two are an
 * amount and the balance, or (when no line has both) money out and money in; three are money out, money in
 * and the balance. Which of two is money out is left to the balance chain (chain.ts), as for headings that
 * do not say.
 *
 * Linear in the lines of the document.
 * @module
 */
import { amountEdges } from './align.ts';
import { joinDateCells, type Column, type Columns, type Field, type Line } from './table.ts';
import { parseAmountToken, parseDateToken, splitLeadingDate } from './tokens.ts';

/** Fewest dated lines with an amount that make a table. */
const MIN_ROWS = 3;
/** An alignment is a column when at least this share of the dated lines use it. */
const MIN_SHARE = 0.25;

interface Candidate {
  readonly page: number;
  readonly index: number;
  readonly line: Line;
  readonly dateLeft: number;
  readonly dateRight: number;
}

/** A dated line with an amount: its first cell is (or starts with) a date, and some later cell ends in an amount. */
function candidate(line: Line): { dateLeft: number; dateRight: number } | undefined {
  const cells = joinDateCells(line);
  const first = cells[0];
  if (!first || cells.length < 2) return undefined;
  const whole = parseDateToken(first.text);
  if (!whole && !splitLeadingDate(first.text)) return undefined;
  if (!cells.slice(1).some((c) => parseAmountToken(c.text) || parseAmountToken(c.parts?.[c.parts.length - 1]?.text ?? '')))
    return undefined;
  // A date merged with its description: the date is the cell's first items.
  const dateRight = whole ? first.right : (first.parts ?? [first])[0]!.right;
  return { dateLeft: first.left, dateRight };
}

/** The table where it starts (page and line index) and its columns, or undefined when no table shows. */
export function inferTable(pages: readonly (readonly Line[])[]): { page: number; index: number; columns: Columns } | undefined {
  const found: Candidate[] = [];
  pages.forEach((lines, page) =>
    lines.forEach((line, index) => {
      const c = candidate(line);
      if (c) found.push({ page, index, line, ...c });
    }),
  );
  if (found.length < MIN_ROWS) return undefined;
  // The date column: the left edge most dated lines share.
  const lefts = new Map<number, number>();
  for (const c of found) lefts.set(Math.round(c.dateLeft), (lefts.get(Math.round(c.dateLeft)) ?? 0) + 1);
  const [left] = [...lefts].sort((a, b) => b[1] - a[1])[0]!;
  const rows = found.filter((c) => Math.abs(c.dateLeft - left) <= 2);
  if (rows.length < MIN_ROWS) return undefined;
  const dateRight = Math.max(...rows.map((c) => c.dateRight));
  const edges = amountEdges(rows.map((c) => c.line))
    .filter((e) => e.right > dateRight && e.lines >= Math.max(MIN_ROWS, rows.length * MIN_SHARE))
    .sort((a, b) => a.right - b.right)
    .slice(-3);
  if (edges.length === 0) return undefined;
  const fields = moneyFields(
    edges.map((e) => e.right),
    rows.map((c) => c.line),
  );
  // Each money column reaches left to the widest amount on its edge; the description fills the space between.
  const widest = (edge: number) => {
    let w = 0;
    for (const c of rows)
      for (const cell of c.line.cells)
        if (Math.abs(cell.right - edge) <= 3 && parseAmountToken(cell.text)) w = Math.max(w, cell.right - cell.left);
    return w || 40;
  };
  const columns: Column[] = [
    { field: 'date' as const, label: '', left, right: dateRight },
    { field: 'description' as const, label: '', left: dateRight + 2, right: dateRight + 3 },
    ...edges.map((e, i): Column => ({ field: fields[i]!, label: '', left: e.right - widest(e.right) - 1, right: e.right })),
  ].sort((a, b) => a.left - b.left);
  const first = rows[0]!;
  return {
    page: first.page,
    index: first.index,
    columns: {
      columns,
      fields: new Set(columns.map((c) => c.field)),
      aligned: new Map(edges.map((e, i) => [fields[i]!, e.right] as const)),
      ...(fields.includes('out') ? { ambiguousInOut: true } : {}),
    },
  };
}

/**
 * What the money columns hold, left to right: one is a signed amount; of two, the right is the balance
 * unless no line has both (then they are money out and money in); three are out, in and the balance.
 */
function moneyFields(edges: readonly number[], lines: readonly Line[]): Field[] {
  if (edges.length === 1) return ['amount'];
  if (edges.length === 3) return ['out', 'in', 'balance'];
  const on = (line: Line, edge: number) => line.cells.some((c) => Math.abs(c.right - edge) <= 3);
  const both = lines.some((l) => on(l, edges[0]!) && on(l, edges[1]!));
  return both ? ['amount', 'balance'] : ['out', 'in'];
}
