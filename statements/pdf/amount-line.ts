/**
 * Which line of a wrapped row carries its amounts, when the layout does not say: read from the table's own
 * lines. Balance lines (in known words, or a balance printed beside words naming one) take no part.
 * @module
 */
import { markerKind, type MarkerKind } from '../balance-lines.ts';
import type { Field, TableLine } from './table.ts';
import { parseAmountToken } from './tokens.ts';

/** Money fields that make a line a transaction (the balance alone does not). */
export function hasEntryMoney(t: TableLine, fields: readonly Field[]): boolean {
  return fields.some((f) => t.money[f] !== undefined);
}

const BALANCE_WORD = /\bbalance\b/i;

/**
 * The balance line a table line is: by its words ({@link markerKind}), or a line that prints a balance and no
 * amount beside words naming a balance in a form not known ("Balance as at 30 November"), read as the opening
 * before the first row and as a closing after it. Undefined for any other line.
 */
export function balanceLineKind(t: TableLine, entryFields: readonly Field[], afterFirstRow: boolean): MarkerKind | undefined {
  const known = markerKind(t.description);
  if (known) return known;
  if (t.money.balance === undefined || hasEntryMoney(t, entryFields) || !BALANCE_WORD.test(t.description)) return undefined;
  return afterFirstRow ? 'close' : 'open';
}

/**
 * A line that names the opening or closing balance with its figure run into the words, one text item in the
 * description column ("Closing balance 1,993.42", "Balance carried forward £83.06 DR"), as a balance line: the
 * words as its description and the figure as its balance. Such a line under the last row was read as more of that
 * row's description, and its figure was lost to the checks. Undefined for any other line (one with a figure in a
 * money column, or whose words name no balance).
 */
export function balanceInWords(t: TableLine, entryFields: readonly Field[]): TableLine | undefined {
  if (t.money.balance !== undefined || hasEntryMoney(t, entryFields)) return undefined;
  const words = t.description.trim().split(/\s+/);
  // The figure is the last word, or the last two ("83.06 DR", "£ 83.06").
  for (const n of [1, 2]) {
    if (words.length <= n) break;
    const figure = parseAmountToken(words.slice(-n).join(' '));
    const kind = figure && markerKind(words.slice(0, -n).join(' '));
    if (figure && (kind === 'open' || kind === 'close')) {
      return { ...t, description: words.slice(0, -n).join(' '), money: { ...t.money, balance: figure } };
    }
  }
  return undefined;
}

/**
 * `last` when the table opens with words and no amount (they cannot continue a row above), or when more dated
 * lines of words without an amount run on into an undated line with the amounts (a row whose amounts come
 * below its first line) than undated lines of words follow a row's amounts up to the next dated line (a
 * description wrapped below its amounts); else `first`. A dated line of words followed by another dated line
 * (a notice such as "Your arranged overdraft limit has changed", or a balance line in words not known) cannot
 * be a row's first line in either layout: it says nothing, so one such line does not turn the whole table.
 * Nor does a line of words that prints a balance: a row's balance is printed with its amounts.
 *
 * A known bank's layout gives a `hint`, taken only where the lines say neither (no wrapped row, or as many each
 * way): a bank that changes how it prints its statements is read by what it prints now (a statement probe: a
 * statement naming a bank whose old layout put the amounts on a row's last line, printed them on its first, and
 * 19 of 26 descriptions were read with the next row's first line, with no warning).
 */
export function decideAmountLine(lines: readonly TableLine[], entryFields: readonly Field[], hint?: 'first' | 'last'): 'first' | 'last' {
  const content = lines.filter(
    (t) =>
      balanceLineKind(t, entryFields, true) === undefined &&
      balanceInWords(t, entryFields) === undefined &&
      (t.description !== '' || t.type !== '' || Boolean(t.reference) || hasEntryMoney(t, entryFields)),
  );
  const money = (t: TableLine) => hasEntryMoney(t, entryFields);
  const wordsOnly = (t: TableLine) => !money(t);
  /** The first line after index i that is not an undated line of words only. */
  const nextAfterWords = (i: number): TableLine | undefined => {
    let j = i + 1;
    while (j < content.length && content[j]!.date === undefined && wordsOnly(content[j]!)) j++;
    return content[j];
  };
  let last = 0;
  let first = 0;
  for (let i = 0; i < content.length; i++) {
    const t = content[i]!;
    if (!wordsOnly(t) || t.money.balance !== undefined) continue;
    const next = nextAfterWords(i);
    const standalone = t.date !== undefined && next?.date !== undefined;
    if (standalone) continue;
    if (i === 0) return 'last';
    if (t.date !== undefined) {
      if (next !== undefined && money(next)) last++;
    } else if (money(content[i - 1]!) && (next === undefined || next.date !== undefined)) {
      first++;
    }
  }
  if (hint !== undefined && last === first) return hint;
  return last > first ? 'last' : 'first';
}
