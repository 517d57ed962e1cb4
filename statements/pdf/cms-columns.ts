/**
 * A CMS statement's or arrears breakdown's columns under other names, brought to the two the reader uses:
 * what was charged (`due`) and what was paid (`paid`), with the running balance (`balance`). Headings a bank
 * would use mean the same on a CMS document: "Debit" is charged, "Credit" and "Received" are paid (the
 * balance is what the paying parent owes, so a charge raises it). An arrears breakdown may head its running
 * balance just "Arrears". A statement with one Amount column says which way each line goes by its sign
 * ("-£312.00", "312.00 CR" is paid; "312.00 DR" is charged) or, unsigned, by the running balance beside it.
 * @module
 */
import { Dec, pounds } from '../../calc/money.ts';
import type { Field, TableLine } from './table.ts';
import { amountValue, owedBalance, type AmountToken } from './tokens.ts';

/** Bank headings on a CMS document, and the CMS column each stands for. */
const AS_CMS: readonly (readonly [from: Field, to: Field])[] = [
  ['out', 'due'],
  ['in', 'paid'],
  ['arrears', 'balance'],
];

/** The table's lines with each amount under its CMS column (a column the table already has keeps its own). */
export function cmsStatementLines(lines: readonly TableLine[], fields: ReadonlySet<Field>, warnings: string[]): readonly TableLine[] {
  const moves = AS_CMS.filter(([from, to]) => fields.has(from) && !fields.has(to));
  const moved =
    moves.length === 0
      ? lines
      : lines.map((t) => {
          const money = { ...t.money };
          for (const [from, to] of moves) {
            if (money[from] === undefined) continue;
            money[to] = money[from];
            delete money[from];
          }
          return { ...t, money };
        });
  const single = fields.has('amount') && !['due', 'paid', 'out', 'in'].some((f) => fields.has(f as Field));
  return single ? splitSingleAmount(moved, warnings) : moved;
}

/**
 * One Amount column into charged and paid. A sign says which; an unsigned amount goes the way the printed
 * balance moved (owed = previous + charged − paid). Where neither says, the line is read as charged, and a
 * warning names it.
 */
function splitSingleAmount(lines: readonly TableLine[], warnings: string[]): TableLine[] {
  let previous: Dec | undefined;
  return lines.map((t) => {
    const a = t.money.amount;
    const balance = t.money.balance ? owedBalance(t.money.balance) : undefined;
    let out = t;
    if (a) {
      const column = columnOf(a, previous, balance);
      if (column === undefined) {
        warnings.push(
          `Page ${t.line.page}: the amount ${pounds(amountValue(a))} on the line "${t.line.text}" has no sign and no running balance to show which way it goes; it was read as charged. Check this line.`,
        );
      }
      const { amount: _a, ...rest } = t.money;
      out = { ...t, money: { ...rest, [column ?? 'due']: { ...a, minus: false } satisfies AmountToken } };
    }
    if (balance !== undefined) previous = balance;
    return out;
  });
}

function columnOf(a: AmountToken, previous: Dec | undefined, balance: Dec | undefined): 'due' | 'paid' | undefined {
  if (a.minus || a.suffix === 'cr') return 'paid';
  if (a.suffix === 'dr') return 'due';
  if (previous === undefined || balance === undefined) return undefined;
  if (previous.plus(amountValue(a)).equals(balance)) return 'due';
  if (previous.minus(amountValue(a)).equals(balance)) return 'paid';
  return undefined;
}
