/**
 * Rows whose amounts are printed centred on a description of several lines, as an HTML table renders its cells by
 * default (vertical-align: middle), which app statements made from HTML do: the amount line sits between a row's
 * description lines, half a line from each where the row has two. Read as "amounts on the first line", every line below
 * an amount went to the next row's description, and each row took the line above its amounts from the row before (a
 * statement probe of 5 December 2026: a CMS reference on an insurance debit, silently). Told apart by that half-line
 * offset, which a table printed on a grid of lines never shows; then each line of words belongs to the amount line
 * nearest it, a tie going to the row whose lines it balances.
 * @module
 */
import { hasEntryMoney } from './amount-line.ts';
import type { Field, TableLine } from './table.ts';

/** The usual height of a table's lines (its font size): the median. */
function heightOf(lines: readonly TableLine[]): number {
  const heights = lines.map((t) => t.line.height).sort((a, b) => a - b);
  return heights[Math.floor(heights.length / 2)] ?? 0;
}

const wordsOnly = (t: TableLine, fields: readonly Field[]) =>
  !hasEntryMoney(t, fields) && t.money.balance === undefined && (t.description !== '' || t.type !== '' || Boolean(t.reference));

/**
 * Whether at least two amount lines each have a line of words above and another below them closer than a line's
 * height: lines printed on a grid of lines are at least a line's height apart; a row's lines around an amount centred
 * between them are half their spacing from it.
 */
export function centredRows(lines: readonly TableLine[], fields: readonly Field[]): boolean {
  const height = heightOf(lines);
  if (height <= 0) return false;
  const close = (a: TableLine, b: TableLine) => a.line.page === b.line.page && Math.abs(a.line.y - b.line.y) < 0.85 * height;
  let centred = 0;
  for (let i = 1; i + 1 < lines.length; i++) {
    const t = lines[i]!;
    if (!hasEntryMoney(t, fields)) continue;
    const above = lines[i - 1]!;
    const below = lines[i + 1]!;
    if (wordsOnly(above, fields) && wordsOnly(below, fields) && close(above, t) && close(t, below)) centred++;
  }
  return centred >= 2;
}

/**
 * For each line of words (by index), the index of the amount line it belongs to: the nearest on its page; a line as
 * near to the amount line above as to the one below goes to the row above while that row has more lines above its
 * amounts than below them, else to the row below; so does a line at the top of a page, to the last row of the page
 * before. Lines on a page with no amount line are left out of the map.
 */
export function centredOwners(lines: readonly TableLine[], fields: readonly Field[]): Map<number, number> {
  const owners = new Map<number, number>();
  const balance = new Map<number, number>(); // per amount line: lines above it less lines below it
  const money = lines.map((t) => hasEntryMoney(t, fields));
  const unit = heightOf(lines) || 1;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!;
    if (!wordsOnly(t, fields)) continue;
    let up = i - 1;
    while (up >= 0 && !(money[up] && lines[up]!.line.page === t.line.page)) up = lines[up]!.line.page === t.line.page ? up - 1 : -1;
    let down = i + 1;
    while (down < lines.length && !(money[down] && lines[down]!.line.page === t.line.page))
      down = lines[down]!.line.page === t.line.page ? down + 1 : lines.length;
    const dUp = up >= 0 ? Math.abs(t.line.y - lines[up]!.line.y) / unit : Infinity;
    const dDown = down < lines.length ? Math.abs(lines[down]!.line.y - t.line.y) / unit : Infinity;
    // Above the first amount line of a page: the rest of a row a page break split, while the last row of the page
    // before has more lines above its amounts than below them.
    if (up < 0) {
      let last = i - 1;
      while (last >= 0 && !money[last]) last--;
      if (last >= 0 && lines[last]!.line.page < t.line.page && (balance.get(last) ?? 0) > 0) {
        owners.set(i, last);
        balance.set(last, balance.get(last)! - 1);
        continue;
      }
    }
    if (dUp === Infinity && dDown === Infinity) continue;
    let owner: number;
    if (Math.abs(dUp - dDown) < 0.3) owner = (balance.get(up) ?? 0) > 0 ? up : down;
    else owner = dUp < dDown ? up : down;
    owners.set(i, owner);
    balance.set(owner, (balance.get(owner) ?? 0) + (owner === up ? -1 : 1));
  }
  return owners;
}
