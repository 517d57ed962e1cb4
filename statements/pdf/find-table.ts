/**
 * Finding a transaction table that has no header Reckoner can read (headings in words it does not know, or
 * none at all): from the rows themselves. Rows carry a date, all starting at one left edge (usually first on
 * the line; after the description when nearly every row prints text before it, and after a sidebar's text on
 * the lines level with one), and amounts that line up on one to three right edges over many rows. One edge is
 * a signed amount; two are an amount and the balance, or (when no line has both) money out and money in; three
 * are money out, money in and the balance. Which edge is the balance is told by its figures, which chain (each
 * the one before plus or minus the amounts between), not by where it is printed; which of two is money out is
 * left to the balance chain (chain.ts), as for headings that do not say.
 *
 * Linear in the lines of the document.
 * @module
 */
import { amountEdges } from './align.ts';
import { ALIGN_SLACK, figureRight, joinDateCells, type Cell, type Column, type Columns, type Field, type Line } from './table.ts';
import { balanceNegative, parseAmountToken, parseDateToken, splitLeadingDate, type AmountToken } from './tokens.ts';

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

/** A cell ending in an amount (or whose last item is one: an amount touching its description). */
const endsInAmount = (c: Cell) => Boolean(parseAmountToken(c.text) || (c.parts && parseAmountToken(c.parts[c.parts.length - 1]!.text)));

/**
 * Where a dated line with an amount may start: a cell that is (or starts with) a date, with some later cell
 * ending in an amount. Usually the line's first cell; a sidebar's text may come before it on the line.
 * Linear in the line's cells.
 */
function candidates(line: Line): { dateLeft: number; dateRight: number }[] {
  const cells = line.cells;
  // Whether some cell from index j on ends in an amount.
  const amountFrom: boolean[] = new Array<boolean>(cells.length + 1).fill(false);
  for (let j = cells.length - 1; j >= 0; j--) amountFrom[j] = amountFrom[j + 1]! || endsInAmount(cells[j]!);
  const out: { dateLeft: number; dateRight: number }[] = [];
  for (let k = 0; k < cells.length - 1; k++) {
    if (!amountFrom[k + 1]) continue;
    // A date drawn word by word is joined from up to three cells.
    const from = k === 0 ? cells : cells.slice(k, k + 3);
    const joined = joinDateCells(line, from);
    const first = joined[0]!;
    const whole = parseDateToken(first.text);
    if (!whole && !splitLeadingDate(first.text)) continue;
    // Some cell after the date's ends in an amount.
    if (!amountFrom[k + from.length - joined.length + 1]) continue;
    // A date merged with its description: the date is the cell's first items.
    const dateRight = whole ? first.right : (first.parts ?? [first])[0]!.right;
    out.push({ dateLeft: first.left, dateRight });
  }
  return out;
}

/** The table where it starts (page and line index) and its columns, or undefined when no table shows. */
export function inferTable(pages: readonly (readonly Line[])[]): { page: number; index: number; columns: Columns } | undefined {
  const found: Candidate[] = [];
  pages.forEach((lines, page) =>
    lines.forEach((line, index) => {
      for (const c of candidates(line)) found.push({ page, index, line, ...c });
    }),
  );
  if (found.length < MIN_ROWS) return undefined;
  // The date column: the left edge most dated lines share.
  const lefts = new Map<number, number>();
  for (const c of found) lefts.set(Math.round(c.dateLeft), (lefts.get(Math.round(c.dateLeft)) ?? 0) + 1);
  const [left] = [...lefts].sort((a, b) => b[1] - a[1])[0]!;
  // One candidate a line: the one starting at the date column.
  const rows = found.filter(
    (c, i) => Math.abs(c.dateLeft - left) <= 2 && !(i > 0 && found[i - 1]!.line === c.line && Math.abs(found[i - 1]!.dateLeft - left) <= 2),
  );
  if (rows.length < MIN_ROWS) return undefined;
  const dateRight = Math.max(...rows.map((c) => c.dateRight));
  const found3 = amountEdges(rows.map((c) => c.line))
    .filter((e) => e.right > dateRight && e.lines >= Math.max(MIN_ROWS, rows.length * MIN_SHARE))
    .sort((a, b) => a.right - b.right)
    .slice(-3);
  if (found3.length === 0) return undefined;
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  // The lines from the first row to the last (undated lines too: a day's later rows, balance lines).
  const span: Line[] = [];
  for (let p = first.page; p <= last.page; p++) {
    const lines = pages[p]!;
    span.push(...lines.slice(p === first.page ? first.index : 0, p === last.page ? last.index + 1 : lines.length));
  }
  const { edges, balance } = withoutBeside(found3, rows, span);
  const fields = moneyFields(
    edges.map((e) => e.right),
    rows.map((c) => c.line),
    span,
    balance,
  );
  // Each money column reaches left to the widest amount on its edge; the description fills the space between.
  const widest = (edge: number) => {
    let w = 0;
    for (const c of rows)
      for (const cell of c.line.cells)
        if (Math.abs(cell.right - edge) <= 3 && parseAmountToken(cell.text)) w = Math.max(w, cell.right - cell.left);
    return w || 40;
  };
  // The description: after the date, unless (nearly) every row prints text before its date, starting at
  // one left edge (a sidebar beside the table is level with a few rows, not with each of them).
  const before = descriptionBefore(rows, left);
  const columns: Column[] = [
    { field: 'date' as const, label: '', left, right: dateRight },
    before !== undefined
      ? { field: 'description' as const, label: '', left: before, right: left - 2 }
      : { field: 'description' as const, label: '', left: dateRight + 2, right: dateRight + 3 },
    ...edges.map((e, i): Column => ({ field: fields[i]!, label: '', left: e.right - widest(e.right) - 1, right: e.right })),
  ].sort((a, b) => a.left - b.left);
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

/** Share of the rows that must print text before the date for the description to be read there. */
const BEFORE_SHARE = 0.75;

/**
 * The left edge of a description printed before the date: where the rows' first cells start when at least
 * {@link BEFORE_SHARE} of them start at one edge with text (not an amount) left of the date column.
 */
function descriptionBefore(rows: readonly Candidate[], dateLeft: number): number | undefined {
  const lefts = new Map<number, number>();
  const starts = new Map<Candidate, number>();
  for (const r of rows) {
    const start = textBefore(r.line, dateLeft);
    if (start === undefined) continue;
    starts.set(r, start);
    const key = Math.round(start);
    lefts.set(key, (lefts.get(key) ?? 0) + 1);
  }
  let best: [number, number] | undefined;
  for (const [key, n] of lefts) if (!best || n > best[1]) best = [key, n];
  if (!best) return undefined;
  // Rows within two points of the commonest edge.
  let n = 0;
  for (const [key, count] of lefts) if (Math.abs(key - best[0]) <= 2) n += count;
  if (n < rows.length * BEFORE_SHARE) return undefined;
  let edge = Number.POSITIVE_INFINITY;
  for (const start of starts.values()) if (Math.abs(start - best[0]) <= 2.5) edge = Math.min(edge, start);
  return edge;
}

/** Words wider apart than this (in points) are not one description: the gap between a sidebar and the table. */
const DESCRIPTION_GAP = 12;

/**
 * Where the text a line prints just before its date starts: the cells (not amounts or dates) that end left of the
 * date column, taken leftwards from the date while they stay within {@link DESCRIPTION_GAP} of each other, so a
 * sidebar's words further left on the same line are not taken for the start of the description.
 */
function textBefore(line: Line, dateLeft: number): number | undefined {
  const cells = line.cells.filter((c) => c.right < dateLeft - 1);
  let start: number | undefined;
  for (let i = cells.length - 1; i >= 0; i--) {
    const cell = cells[i]!;
    if (parseAmountToken(cell.text) || parseDateToken(cell.text)) break;
    if (start !== undefined && start - cell.right > DESCRIPTION_GAP) break;
    start = cell.left;
  }
  return start;
}

/**
 * What the money columns hold, left to right: one is a signed amount; two are an amount and the balance
 * unless no line has both (then they are money out and money in); three are money out, money in and the
 * balance. With no heading to say which is the balance, the rows do ({@link balanceColumn}): the rightmost
 * edge, unless another one's figures chain better.
 */
function moneyFields(edges: readonly number[], lines: readonly Line[], span: readonly Line[], knownBalance?: number): Field[] {
  if (edges.length === 1) return ['amount'];
  if (edges.length === 2) {
    const on = (line: Line, edge: number) => line.cells.some((c) => Math.abs(c.right - edge) <= 3);
    if (!lines.some((l) => on(l, edges[0]!) && on(l, edges[1]!))) return ['out', 'in'];
  }
  const balance = knownBalance ?? balanceColumn(edges, span);
  // The others in order: money out then in (which is which is left to the chain), or the one amount.
  const others: Field[] = edges.length === 3 ? ['out', 'in'] : ['amount'];
  return edges.map((_, i) => (i === balance ? 'balance' : others.shift()!));
}

/**
 * Three edges with figures, one of them the balance: the other two are money out and money in only if a row
 * prints one or the other. When most of the rows with a figure on the sparser of them have one on the other
 * too, the sparser is something printed beside the table (a sidebar's limits and rates, level with some rows),
 * and the table has an amount and the balance. Also gives the balance's index when the three edges are kept.
 */
function withoutBeside<E extends { readonly right: number }>(
  edges: readonly E[],
  rows: readonly Candidate[],
  span: readonly Line[],
): { readonly edges: readonly E[]; readonly balance?: number } {
  if (edges.length !== 3) return { edges };
  const balance = balanceColumn(
    edges.map((e) => e.right),
    span,
  );
  const [x, y] = edges.filter((_, i) => i !== balance) as [E, E];
  let onX = 0;
  let onY = 0;
  let both = 0;
  for (const r of rows) {
    const fx = figureOn(r.line, x.right) !== undefined;
    const fy = figureOn(r.line, y.right) !== undefined;
    if (fx) onX++;
    if (fy) onY++;
    if (fx && fy) both++;
  }
  // Kept, the balance found here is the one moneyFields would find again; without the edge beside, the two left
  // are read afresh (they may be money out and in).
  if (both * 2 < Math.min(onX, onY)) return { edges, balance };
  const beside = onX < onY ? x : y;
  return { edges: edges.filter((e) => e !== beside) };
}

/** Most figures between two balances whose signs are tried (2^12 sums). */
const MAX_TERMS = 12;

/**
 * Which edge holds the balance, by evidence rather than position: a balance column chains (each balance is
 * the one printed before it plus or minus the figures in the other columns between them), an amount column
 * does not. For each edge, the pairs of successive figures on it that chain are counted; the rightmost edge
 * (where the balance usually is) is kept unless another has more. Which sign each figure takes is left open,
 * so the count holds whatever the columns' signs and which of two is money in; and both ways the rows may run
 * (oldest first, a balance is after the figures on its own line; newest first, after those on the line of
 * the balance above).
 */
function balanceColumn(edges: readonly number[], span: readonly Line[]): number {
  const figures = span.map((line) => edges.map((edge) => figureOn(line, edge)));
  const best = { edge: edges.length - 1, chained: chains(figures, edges.length - 1) };
  for (let b = 0; b < edges.length - 1; b++) {
    const chained = chains(figures, b);
    if (chained > best.chained) Object.assign(best, { edge: b, chained });
  }
  return best.edge;
}

/** How many successive figures on edge `b` chain through the figures on the other edges between them. */
function chains(figures: readonly (readonly (AmountToken | undefined)[])[], b: number): number {
  let chained = 0;
  let previous: number | undefined;
  /** The other figures (pence) on the line of the previous balance, and on the lines since. */
  let onPrevious: number[] = [];
  let since: number[] = [];
  for (const line of figures) {
    const others: number[] = [];
    line.forEach((f, k) => {
      if (f && k !== b) others.push(f.pence);
    });
    const balance = line[b];
    if (!balance) {
      since.push(...others);
      continue;
    }
    const value = balanceNegative(balance, 'bank') ? -balance.pence : balance.pence;
    if (previous !== undefined) {
      const diff = value - previous;
      const oldestFirst = [...since, ...others];
      const newestFirst = [...onPrevious, ...since];
      if (reaches(oldestFirst, diff) || reaches(newestFirst, diff)) chained++;
    }
    previous = value;
    onPrevious = others;
    since = [];
  }
  return chained;
}

/** Whether some choice of signs makes the figures add up to `target` (none: never; too many: not tried). */
function reaches(terms: readonly number[], target: number): boolean {
  if (terms.length === 0 || terms.length > MAX_TERMS) return false;
  let sums = new Set([0]);
  for (const t of terms) {
    const next = new Set<number>();
    for (const s of sums) next.add(s + t).add(s - t);
    sums = next;
  }
  return sums.has(target);
}

/**
 * The amount a line prints on an edge: a cell, or the last item(s) of one (touching its description), ending
 * there; or a figure ending there followed by a marker of its own ("433.64" then "D").
 */
function figureOn(line: Line, edge: number): AmountToken | undefined {
  const near = (x: number | undefined) => x !== undefined && Math.abs(x - edge) <= ALIGN_SLACK;
  for (const cell of line.cells) {
    if (cell.right < edge - ALIGN_SLACK) continue;
    const whole = parseAmountToken(cell.text);
    if (whole && (near(cell.right) || near(figureRight(cell)))) return whole;
    const parts = cell.parts;
    if (!parts || !near(cell.right)) continue;
    const lastPart = parts[parts.length - 1]!;
    const one = parseAmountToken(lastPart.text);
    if (one) return one;
    const two = parts.length >= 2 ? parseAmountToken(`${parts[parts.length - 2]!.text} ${lastPart.text}`) : undefined;
    if (two) return two;
  }
  return undefined;
}
