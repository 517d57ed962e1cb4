/**
 * CMS documents: the statement of account / arrears breakdown (Date / Description / Due / Paid / Balance,
 * with a summary block) and the payment schedule (due date, ongoing maintenance, arrears, collection fee,
 * total), into ledger entries for the reconciler.
 * @module
 */
import type { CivilDate } from '../../calc/dates.ts';
import { Dec, formatMoney, pounds } from '../../calc/money.ts';
import type { CmsEntryType } from '../../calc/ledger/entries.ts';
import type { StatementChecks } from '../types.ts';
import type { Event } from './bank.ts';
import type { SummaryFigure } from './metadata.ts';
import type { TableLine } from './table.ts';
import { owedBalance, resolveYear } from './tokens.ts';

/** What a CMS statement line is, from its description (and, for an unknown line, its column). */
export function cmsEntryType(description: string, column: 'due' | 'paid'): { type: CmsEntryType; recognised: boolean } {
  const d = description.toLowerCase();
  const is = (re: RegExp) => re.test(d);
  if (is(/^(?:arrears )?adjustment|\badjustment\b|write[- ]?off|written off/)) return { type: 'adjustment', recognised: true };
  if (is(/\brefund/)) return { type: 'refund', recognised: true };
  if (is(/passed on|sent to (?:you|the receiving parent)|paid to (?:you|the receiving parent)|payment to receiving parent/))
    return { type: 'payment_passed_on', recognised: true };
  if (is(/direct pay/)) return { type: 'direct_payment', recognised: true };
  if (is(/payment received|received from you|payment - thank you|payment made|^receipt\b/))
    return { type: 'payment_received', recognised: true };
  if (is(/collection (?:fee|charge)/)) return { type: 'collection_fee', recognised: true };
  if (is(/deduction from earnings|deduction order|liability order|enforcement|charging order|order for sale|disqualification|\bcharge\b/))
    return { type: 'enforcement_charge', recognised: true };
  if (is(/payment due|maintenance due|amount due|ongoing maintenance|^liability\b|child maintenance due/))
    return { type: 'liability', recognised: true };
  return { type: column === 'due' ? 'adjustment' : 'payment_received', recognised: false };
}

export interface CmsRow {
  readonly date: CivilDate;
  readonly type: CmsEntryType;
  readonly amount: string;
  readonly description: string;
  readonly reference?: string;
}

/** Statement rows into entries, checking the running balance (owed = previous + due − paid) as it goes. */
export function cmsStatementEntries(
  events: readonly Event[],
  summary: Partial<Record<SummaryFigure, Dec>>,
  warnings: string[],
): { entries: CmsRow[]; checks: StatementChecks; opening?: Dec; closing?: Dec; received: Dec } {
  const entries: CmsRow[] = [];
  let opening = summary.opening;
  let closing = summary.closing;
  let known = opening;
  let since = new Dec(0);
  let seenBalance = false;
  let firstBreak: StatementChecks['firstBreak'];
  const sums = { due: new Dec(0), received: new Dec(0), fees: new Dec(0), enforcement: new Dec(0), adjustments: new Dec(0) };
  for (const e of events) {
    if (e.kind === 'marker') {
      if (e.balance === undefined) continue;
      if (e.which === 'open' && entries.length === 0) opening ??= e.balance;
      if (e.which === 'close') closing ??= e.balance;
      seenBalance = true;
      if (known !== undefined && !known.plus(since).equals(e.balance)) {
        warnings.push(
          `Page ${e.page}: the balance line shows ${pounds(e.balance)} but the entries above give ${pounds(known.plus(since))}.`,
        );
        if (!firstBreak && entries.length > 0) {
          firstBreak = {
            row: entries.length - 1,
            date: entries[entries.length - 1]!.date,
            expected: formatMoney(known.plus(since)),
            printed: formatMoney(e.balance),
          };
        }
      }
      known = e.balance;
      since = new Dec(0);
      continue;
    }
    const r = e.row;
    const description = [...r.type, ...r.desc].join(' ').replace(/\s+/g, ' ').trim();
    if (!r.date) {
      warnings.push(`Page ${r.page}: the line "${description}" has no date and was left out.`);
      continue;
    }
    const due = r.money.due;
    const paid = r.money.paid;
    if (due && paid) {
      warnings.push(
        `Page ${r.page}: the line "${description}" on ${r.date} has figures in both the due and paid columns and was left out.`,
      );
      continue;
    }
    const column = due ? 'due' : 'paid';
    const value = (due ?? paid)!.value;
    const { type, recognised } = cmsEntryType(description, column);
    if (!recognised)
      warnings.push(
        `Page ${r.page}: "${description}" on ${r.date} is not a line Reckoner knows; it was read as ${type.replace(/_/g, ' ')} from its column.`,
      );
    const signed = column === 'due' ? value : value.negated();
    const amount = type === 'adjustment' ? signed : value;
    entries.push({ date: r.date, type, amount: formatMoney(amount), description });
    if (type === 'liability' || type === 'refund') sums.due = sums.due.plus(value);
    else if (type === 'collection_fee') sums.fees = sums.fees.plus(value);
    else if (type === 'enforcement_charge') sums.enforcement = sums.enforcement.plus(value);
    else if (type === 'adjustment') sums.adjustments = sums.adjustments.plus(signed);
    else sums.received = sums.received.plus(value);
    since = since.plus(signed);
    if (r.money.balance) {
      const printed = owedBalance(r.money.balance);
      seenBalance = true;
      if (known !== undefined && !known.plus(since).equals(printed) && !firstBreak) {
        firstBreak = { row: entries.length - 1, date: r.date, expected: formatMoney(known.plus(since)), printed: formatMoney(printed) };
      }
      known = printed;
      since = new Dec(0);
    }
  }
  const agree: string[] = [];
  const disagree: string[] = [];
  const compare = (what: string, printed: Dec | undefined, computed: Dec) => {
    if (printed === undefined) return;
    if (printed.equals(computed)) agree.push(`${what} ${pounds(printed)}`);
    else disagree.push(`the printed ${what} is ${pounds(printed)} but the entries give ${pounds(computed)}`);
  };
  compare('payments due', summary.due, sums.due);
  compare('payments received', summary.received, sums.received);
  compare('collection fees', summary.fees, sums.fees);
  compare('enforcement charges', summary.enforcement, sums.enforcement);
  compare('adjustments', summary.adjustments, sums.adjustments);
  if (opening !== undefined) {
    compare(
      'closing balance',
      closing,
      opening.plus(sums.due).plus(sums.fees).plus(sums.enforcement).plus(sums.adjustments).minus(sums.received),
    );
  }
  const totals: StatementChecks['totals'] = agree.length + disagree.length === 0 ? 'not_available' : disagree.length ? 'failed' : 'ok';
  const checks: StatementChecks = {
    runningBalance: !seenBalance ? 'not_available' : firstBreak ? 'failed' : 'ok',
    ...(firstBreak ? { firstBreak } : {}),
    totals,
    ...(totals === 'not_available'
      ? {}
      : {
          totalsDetail:
            totals === 'ok'
              ? `The printed ${agree.join(', ')} agree with the ${entries.length} entries.`
              : `${disagree.map((d) => d[0]!.toUpperCase() + d.slice(1)).join('; ')}.`,
        }),
  };
  return { entries, checks, ...(opening ? { opening } : {}), ...(closing ? { closing } : {}), received: summary.received ?? sums.received };
}

/** Payment schedule lines into entries: the ongoing maintenance (liability) and the collection fee on each due date. */
export function scheduleEntries(
  lines: readonly TableLine[],
  options: { reference?: string; period: { start?: CivilDate; end?: CivilDate }; warnings: string[] },
): { entries: CmsRow[]; checks: StatementChecks; first?: CivilDate; last?: CivilDate } {
  const { warnings } = options;
  const entries: CmsRow[] = [];
  const ref = options.reference ? { reference: options.reference } : {};
  let previous: CivilDate | undefined;
  let first: CivilDate | undefined;
  let grand = new Dec(0);
  let printedGrand: Dec | undefined;
  let arrearsTotal = new Dec(0);
  let arrearsDates = 0;
  const broken: string[] = [];
  let count = 0;
  for (const t of lines) {
    const m = t.money;
    if (!t.date) {
      if (/^total/i.test(t.description) && m.total) printedGrand = m.total.value;
      else if (Object.keys(m).length > 0) warnings.push(`Page ${t.line.page}: the line "${t.line.text}" has no due date and was left out.`);
      continue;
    }
    const date = resolveYear(t.date, options.period, previous);
    if (!date) continue;
    previous = date;
    first ??= date;
    count++;
    const ongoing = m.ongoing?.value ?? new Dec(0);
    const arrears = m.arrears?.value ?? new Dec(0);
    const fee = m.fee?.value ?? new Dec(0);
    const total = m.total?.value;
    const sum = ongoing.plus(arrears).plus(fee);
    if (total !== undefined && !total.equals(sum)) {
      broken.push(`on ${date} the printed total is ${pounds(total)} but ongoing, arrears and fee add up to ${pounds(sum)}`);
    }
    grand = grand.plus(total ?? sum);
    if (arrears.gt(0)) {
      arrearsTotal = arrearsTotal.plus(arrears);
      arrearsDates++;
    }
    if (ongoing.gt(0))
      entries.push({ date, type: 'liability', amount: formatMoney(ongoing), description: 'Ongoing maintenance due', ...ref });
    if (fee.gt(0)) entries.push({ date, type: 'collection_fee', amount: formatMoney(fee), description: 'Collection fee', ...ref });
  }
  if (arrearsDates > 0) {
    warnings.push(
      `The schedule collects ${pounds(arrearsTotal)} of arrears over ${arrearsDates} due date(s); arrears are money already owed, so these instalments are not added as new liability.`,
    );
  }
  if (printedGrand !== undefined && !printedGrand.equals(grand)) {
    broken.push(`the printed total to pay is ${pounds(printedGrand)} but the lines add up to ${pounds(grand)}`);
  }
  const available = count > 0;
  const totals: StatementChecks['totals'] = !available ? 'not_available' : broken.length ? 'failed' : 'ok';
  return {
    entries,
    checks: {
      runningBalance: 'not_available',
      totals,
      ...(available
        ? {
            totalsDetail: broken.length
              ? `${broken.map((d) => d[0]!.toUpperCase() + d.slice(1)).join('; ')}.`
              : `Each of the ${count} lines adds up to its total${printedGrand !== undefined ? `, and the total to pay ${pounds(printedGrand)} agrees` : ''}.`,
          }
        : {}),
    },
    ...(first ? { first } : {}),
    ...(previous ? { last: previous } : {}),
  };
}
