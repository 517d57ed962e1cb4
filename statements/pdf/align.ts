/**
 * Columns from the rows themselves: amounts are right-aligned, so over many rows the amounts of one column
 * share a right edge. The header says what each column is; the edges the rows align on say where it is, and
 * how far the table reaches (a sidebar, an advert or a box of rates beside the table is outside it, even
 * where its figures sit level with the rows).
 *
 * Linear in the cells of the lines given: the edges are bucketed to the point, then neighbouring buckets
 * joined.
 * @module
 */
import { parseAmountToken } from './tokens.ts';
import { figureRight, isMoneyField, type Column, type Columns, type Field, type Line } from './table.ts';

/** Right edges within this many points are one alignment. */
const JOIN = 1.5;
/** Beyond the last heading's right edge, how far its amounts may reach before they are another thing. */
const LAST_REACH = 60;
/** Fewest lines that make an alignment a column. */
const MIN_LINES = 2;

interface Edge {
  readonly right: number;
  readonly lines: number;
}

/**
 * Right edges that amounts on the given lines align on, each with the number of lines that use it. A figure
 * followed by a marker drawn as an item of its own ("433.64" then "D") is measured at the figure when unmarked
 * amounts end there: the marker stands outside the column, and its edge is no column of its own.
 */
export function amountEdges(lines: readonly Line[]): Edge[] {
  const buckets = new Map<number, { sum: number; n: number; lines: Set<number> }>();
  const add = (right: number, i: number) => {
    const key = Math.round(right);
    let b = buckets.get(key);
    if (!b) buckets.set(key, (b = { sum: 0, n: 0, lines: new Set() }));
    b.sum += right;
    b.n++;
    b.lines.add(i);
  };
  /** Amounts ending in a marker of their own: the marker's right edge and the figure's. */
  const marked: { right: number; figure: number; i: number }[] = [];
  lines.forEach((line, i) => {
    for (const cell of line.cells) {
      // An amount is the cell, or its last item(s) (an amount touching its description in a tight layout).
      const parts = cell.parts ?? [cell];
      let right: number | undefined;
      if (parseAmountToken(cell.text)) right = cell.right;
      else {
        const last = parts[parts.length - 1]!;
        if (parseAmountToken(last.text)) right = last.right;
        else if (parts.length >= 2 && parseAmountToken(`${parts[parts.length - 2]!.text} ${last.text}`)) right = last.right;
      }
      if (right === undefined) continue;
      const figure = figureRight(cell);
      if (figure !== undefined) marked.push({ right, figure, i });
      else add(right, i);
    }
  });
  // Where unmarked amounts end, before the marked ones are added.
  const unmarked = new Set(buckets.keys());
  for (const m of marked) {
    const key = Math.round(m.figure);
    add(unmarked.has(key) || unmarked.has(key - 1) || unmarked.has(key + 1) ? m.figure : m.right, m.i);
  }
  const keys = [...buckets.keys()].sort((a, b) => a - b);
  const edges: Edge[] = [];
  let cur: { sum: number; n: number; lines: Set<number>; last: number } | undefined;
  for (const k of keys) {
    const b = buckets.get(k)!;
    if (cur && k - cur.last <= JOIN) {
      cur.sum += b.sum;
      cur.n += b.n;
      for (const l of b.lines) cur.lines.add(l);
      cur.last = k;
    } else {
      if (cur) edges.push({ right: cur.sum / cur.n, lines: cur.lines.size });
      cur = { sum: b.sum, n: b.n, lines: new Set(b.lines), last: k };
    }
  }
  if (cur) edges.push({ right: cur.sum / cur.n, lines: cur.lines.size });
  return edges;
}

/** Where a money column's amounts may end: from its heading's left to the next heading's left (the last: a reach past its heading). */
function band(columns: readonly Column[], i: number): { lo: number; hi: number } {
  const c = columns[i]!;
  const next = columns[i + 1];
  return { lo: c.left - 2, hi: next ? next.left + 2 : c.right + Math.max(LAST_REACH, c.right - c.left) };
}

/** Whether two headers are the same one (a header repeated on the next page or lower down): same fields, same places. */
export function sameHeader(a: Columns, b: Columns): boolean {
  return (
    a.columns.length === b.columns.length &&
    a.columns.every((c, i) => c.field === b.columns[i]!.field && Math.abs(c.left - b.columns[i]!.left) <= 2)
  );
}

/**
 * The header's columns with the alignment the rows show: for each money column, the edge in its band used
 * by the most lines; and the table's extent, from its first column to its rightmost alignment. Under a
 * repeated header (`previous`: the same header's columns as aligned above it), a column whose rows here are
 * too few to show an edge (a page with one row) keeps the edge found above.
 */
export function alignColumns(cols: Columns, lines: readonly Line[], previous?: Columns): Columns {
  const { columns } = cols;
  const edges = amountEdges(lines).filter((e) => e.lines >= MIN_LINES);
  const aligned = new Map<Field, number>();
  columns.forEach((c, i) => {
    if (!isMoneyField(c.field)) return;
    const { lo, hi } = band(columns, i);
    let best: Edge | undefined;
    for (const e of edges) {
      if (e.right < lo || e.right > hi) continue;
      if (!best || e.lines > best.lines || (e.lines === best.lines && Math.abs(e.right - c.right) < Math.abs(best.right - c.right)))
        best = e;
    }
    if (best) aligned.set(c.field, best.right);
  });
  if (previous?.aligned && sameHeader(cols, previous)) {
    for (const [field, edge] of previous.aligned) if (!aligned.has(field)) aligned.set(field, edge);
  }
  const first = columns[0]!;
  const second = columns[1];
  const last = columns[columns.length - 1]!;
  // Left: where the rows' first cells start, looked for as far as half the way to the second heading (a date
  // may start left of a centred "Date"), but no further than they do: a sidebar just left of the table is
  // not in it (nor are its figures, unless the first column is one of money).
  const reach = first.left - (second ? Math.max(8, (second.left - first.left) / 2) : 8);
  const money = isMoneyField(first.field);
  let start = first.left;
  for (const line of lines)
    for (const cell of line.cells)
      if (cell.left >= reach && cell.left < start && (!second || cell.left < second.left) && (money || !parseAmountToken(cell.text)))
        start = cell.left;
  const left = Math.max(reach, start - 2);
  let right: number;
  if (!isMoneyField(last.field)) right = Number.POSITIVE_INFINITY;
  else {
    const edge = aligned.get(last.field);
    right = edge !== undefined ? Math.max(edge, last.right) + 4 : band(columns, columns.length - 1).hi;
  }
  return { ...cols, ...(aligned.size > 0 ? { aligned } : {}), extent: { left, right } };
}
