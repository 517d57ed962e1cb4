/**
 * A payment schedule that prints one amount per due date, perhaps with a Status column ("Paid", "Due",
 * "Missed", "Part paid"), instead of the split into ongoing maintenance, arrears and collection fee.
 *
 * The meaning follows the split schedule's (cms.ts, scheduleEntries): a schedule says what falls due on each
 * date, so each line is one entry of maintenance due (liability) on its due date. The amount cannot be split,
 * so no payment plan is returned and a warning says so. The status is CMS's word on the instalment, kept on
 * the entry; it never becomes a payment or a missed-payment report (a parser never invents a transaction):
 * "Paid" is checked against the bank statement, not taken as one.
 * @module
 */
import type { CivilDate } from '../../calc/dates.ts';
import { Dec, formatMoney, pounds } from '../../calc/money.ts';
import type { ScheduleStatus, StatementChecks } from '../types.ts';
import type { CmsRow } from './cms.ts';
import type { TableLine } from './table.ts';
import { amountValue, resolveYear } from './tokens.ts';

/** Status wordings, most specific first. */
const STATUS_WORDS: readonly (readonly [RegExp, ScheduleStatus])[] = [
  [/^(?:part[- ]?paid|partly paid|partially paid|part payment(?: received)?|short paid|underpaid)$/i, 'part_paid'],
  [/^(?:missed|not paid|unpaid|overdue|late|arrears)$/i, 'missed'],
  [/^(?:paid|paid in full|received|complete[d]?|collected)$/i, 'paid'],
  [/^(?:due|not yet due|upcoming|pending|scheduled|outstanding|to pay|future)$/i, 'due'],
];

/** A Status cell in its normal form, or undefined for wording Reckoner does not know. */
export function scheduleStatus(text: string): ScheduleStatus | undefined {
  const t = text.replace(/\s+/g, ' ').trim();
  return STATUS_WORDS.find(([re]) => re.test(t))?.[1];
}

const STATUS_WORDS_OUT: Readonly<Record<ScheduleStatus, string>> = { due: 'due', paid: 'paid', part_paid: 'part paid', missed: 'missed' };

/** Instalments the schedule marks missed or part paid: one warning naming each, to check against the bank. */
export function warnStatuses(marked: readonly { date: CivilDate; status: ScheduleStatus }[], warnings: string[]): void {
  const flagged = marked.filter((m) => m.status === 'missed' || m.status === 'part_paid');
  if (flagged.length === 0) return;
  warnings.push(
    `The schedule marks ${flagged.map((f) => `the payment due on ${f.date} as ${STATUS_WORDS_OUT[f.status]}`).join(', ')}; the status is kept on each entry (status). Check each against the bank statement.`,
  );
}

/** Each schedule line's single amount: an Amount, Amount due or Total column, whichever the schedule has. */
const SINGLE_AMOUNT = ['amount', 'due', 'total'] as const;

export function instalmentEntries(
  lines: readonly TableLine[],
  options: { reference?: string; period: { start?: CivilDate; end?: CivilDate }; warnings: string[] },
): { entries: CmsRow[]; checks: StatementChecks; first?: CivilDate; last?: CivilDate } {
  const { warnings } = options;
  const entries: CmsRow[] = [];
  const ref = options.reference ? { reference: options.reference } : {};
  let previous: CivilDate | undefined;
  let first: CivilDate | undefined;
  let sum = new Dec(0);
  let printedTotal: Dec | undefined;
  const flagged: { date: CivilDate; status: ScheduleStatus }[] = [];
  for (const t of lines) {
    const field = SINGLE_AMOUNT.find((f) => t.money[f] !== undefined);
    const amount = field === undefined ? undefined : amountValue(t.money[field]!);
    if (!t.date) {
      if (/^total/i.test(t.description) && amount !== undefined) printedTotal = amount;
      else if (amount !== undefined) warnings.push(`Page ${t.line.page}: the line "${t.line.text}" has no due date and was left out.`);
      continue;
    }
    const date = resolveYear(t.date, options.period, previous);
    if (!date) continue;
    previous = date;
    first ??= date;
    // Text on a schedule line other than the date and the amount is its status (a schedule has no description).
    const text = t.description;
    const status = text === '' ? undefined : scheduleStatus(text);
    if (text !== '' && status === undefined) {
      warnings.push(`Page ${t.line.page}: the status "${text}" of the payment due on ${date} is not one Reckoner knows; it was left off the entry.`);
    }
    if (amount === undefined) {
      warnings.push(`Page ${t.line.page}: the payment due on ${date} has no amount and was left out.`);
      continue;
    }
    sum = sum.plus(amount);
    if (status) flagged.push({ date, status });
    if (amount.gt(0)) {
      entries.push({
        date,
        type: 'liability',
        amount: formatMoney(amount),
        description: 'Payment due',
        ...ref,
        source: { page: t.line.page, line: t.line.number },
        ...(status ? { status } : {}),
      });
    }
  }
  if (entries.length > 0) {
    warnings.push(
      'The schedule prints one amount for each due date, not split into ongoing maintenance, arrears and collection fee; each amount was read as maintenance due, and no payment plan could be returned. Check the split against the calculation letter.',
    );
  }
  warnStatuses(flagged, warnings);
  const totals: StatementChecks['totals'] = printedTotal === undefined ? 'not_available' : printedTotal.equals(sum) ? 'ok' : 'failed';
  return {
    entries,
    checks: {
      runningBalance: 'not_available',
      totals,
      ...(printedTotal === undefined
        ? {}
        : {
            totalsDetail:
              totals === 'ok'
                ? `The total to pay ${pounds(printedTotal)} agrees with the ${entries.length} payments due.`
                : `The printed total to pay is ${pounds(printedTotal)} but the payments due add up to ${pounds(sum)}.`,
          }),
    },
    ...(first ? { first } : {}),
    ...(previous ? { last: previous } : {}),
  };
}
