/**
 * CMS documents: the statement of account / arrears breakdown (Date / Description / Due / Paid / Balance,
 * with a summary block) and the payment schedule (due date, ongoing maintenance, arrears, collection fee,
 * total, perhaps a status), into ledger entries for the reconciler. Other headings and column orders are
 * brought to these columns first (cms-columns.ts); a schedule of single amounts is read by cms-instalments.ts;
 * entries outside the printed period are flagged by cms-period.ts.
 * @module
 */
import type { CivilDate } from '../../calc/dates.ts';
import { Dec, formatMoney, pounds } from '../../calc/money.ts';
import { enforcementActionOf, type CmsEntryType } from '../../calc/ledger/entries.ts';
import type { EnforcementAction } from '../../calc/scheme-2012/parameters.ts';
import type { CmsPaymentPlan, ScheduleStatus, SourceLocation, StatementChecks } from '../types.ts';
import { sourceOf, type Event } from './bank.ts';
import { scheduleStatus, warnStatuses } from './cms-instalments.ts';
import type { ComponentBalances, SummaryFigure } from './metadata.ts';
import type { TableLine } from './table.ts';
import { amountValue, owedBalance, resolveYear } from './tokens.ts';

/** The two money columns of a CMS statement: what was charged (due, a debit) and what was paid (a credit). */
export type CmsColumn = 'due' | 'paid';

/** What a statement line is: its type, how sure the reading is, and for an enforcement charge, its action. */
export interface CmsLineReading {
  readonly type: CmsEntryType;
  /** True when the wording names a line that belongs in the column it is printed in. */
  readonly recognised: boolean;
  /** An enforcement charge: the action it is for, when the wording names one. */
  readonly chargeType?: EnforcementAction;
  /**
   * The line the wording names when that line belongs in the other column (a charge printed as paid, a payment
   * printed as due): the column decided the type, and the line needs checking.
   */
  readonly contradicts?: CmsEntryType;
  /**
   * Why the reading needs checking, where the column and the wording alone do not say (a fee whose statement does
   * not say whose it is): the warning's words after the line's page, wording and date.
   */
  readonly doubt?: string;
}

/**
 * Whose statement it is, from its own words: the receiving parent's ("Maintenance due to you", "Payment passed on to
 * you", "Balance owed to you") or the paying parent's ("Balance you owe", "Payment received - thank you").
 */
export type StatementSide = 'receiving' | 'paying';

const RECEIVING_WORDS =
  /\b(?:owed|due|paid|passed on|sent|payments?|transferred) to you\b|\bpaid (?:in)?to your (?:bank )?account\b|\bstatement for the receiving parent\b|\breceiving parent's statement\b/i;
const PAYING_WORDS =
  /\byou owe\b|\bowed by you\b|\bdue from you\b|\b(?:received|collected) from you\b|\bthank you\b|\bpaying parent's statement\b/i;

/** Whose statement the lines (above, in and under the table) say it is; undefined when they say neither, or both. */
export function statementSide(lines: readonly string[]): StatementSide | undefined {
  const text = lines.join('\n').replace(/\u2019/g, "'");
  const receiving = RECEIVING_WORDS.test(text);
  return receiving === PAYING_WORDS.test(text) ? undefined : receiving ? 'receiving' : 'paying';
}

/**
 * A payment CMS passed on to the receiving parent, in the words her statement uses: "Payment passed on to you",
 * "Payment to you", "Paid to you", "Sent to you", "Paid into your account".
 */
const PASSED_ON =
  /\bpassed on\b|\b(?:sent|paid|payments?|transferred) to (?:you|the receiving parent)\b|\bpaid (?:in)?to your (?:bank )?account\b/;
/** Any payment named: passed on to her, or received from the paying parent. */
const A_PAYMENT = new RegExp(`${PASSED_ON.source}|\\bpayments? received\\b|\\breceived from\\b`);

/**
 * A collection fee, however a statement names it: "Collection fee", "Collection charge (20%)", "4% collection fee",
 * "Fee deducted from payment", "Deducted collection fee".
 */
const FEE =
  /\bcollection (?:fee|charge)s?\b|\b(?:4|four) ?(?:%|per ?cent) (?:collection )?(?:fee|charge)s?\b|\b(?:fee|charge)s? (?:\(4 ?%\) )?(?:deducted|taken|withheld)\b|\bdeducted (?:as )?(?:a |the |your )?(?:collection )?(?:fee|charge)s?\b/;
/**
 * Wording that says a fee was taken from the money passed on: the receiving parent's 4% (SI 2014/612), which lowers
 * what she is owed, printed in the paid column beside what she was passed.
 */
const TAKEN_FROM_PAYMENT = /\bdeducted\b|\btaken (?:off|from|out)\b|\bwithheld\b|\b(?:4|four) ?(?:%|per ?cent\b)/;

/**
 * Wordings, most specific first; each says what the line is in the due column and in the paid column. A
 * wording with no type for a column names a line that belongs in the other one. The column always decides the
 * direction (issue 10: "Deduction from earnings order payment" in the paid column is money an employer paid,
 * not a charge); the wording only chooses the type within that direction.
 */
const COLLECTION_FEE = { re: /\bcollection (?:fee|charge)s?\b/, due: 'collection_fee' } as const;

const WORDINGS: readonly { readonly re: RegExp; readonly due?: CmsEntryType; readonly paid?: CmsEntryType }[] = [
  // A reversal, waiver or cancellation of anything changes the balance the way its column says.
  {
    re: /\brevers(?:al|ed)\b|\bwaived?\b|\bcancell?ed\b|\bdishonou?red\b|\bbounced\b|\breturned (?:payment|cheque)|\b(?:payment|cheque) returned\b|\breturned unpaid\b/,
    due: 'adjustment',
    paid: 'adjustment',
  },
  // Arrears written off (1991 Act s.41E) and overpayments set against what is owed (SI 2009/3151 regs 8-9) reduce the balance.
  { re: /\bwritten off\b|\bwrite[- ]?offs?\b/, paid: 'write_off' },
  { re: /\boff[- ]?set\b|\bset[- ]off\b/, paid: 'offset' },
  { re: /\badjust(?:ment|ed)\b/, due: 'adjustment', paid: 'adjustment' },
  // Direct Pay: arrears arise from a reported missed or short payment.
  {
    re: /\bmissed payments?\b|\breported (?:as )?(?:missed|unpaid|short)\b|\b(?:short|non-?) ?payment reported\b/,
    due: 'missed_payment_reported',
  },
  { re: /\brefund/, due: 'refund' },
  COLLECTION_FEE,
  // A charge for an enforcement action (SI 2014/612 reg 10).
  {
    re: /(?:deduction from earnings|deduction order|\bdeo\b|\bder\b|liability order|enforcement|lump[- ]sum)\b.*\b(?:charge|fee)s?\b|\b(?:charge|fee)s? for (?:an? |the )?(?:deduction|deo|der|liability order|enforcement)|\bcharging order\b|\border for sale\b|\bdisqualification\b|\bcommittal\b/,
    due: 'enforcement_charge',
  },
  // Money an employer paid under a deduction from earnings order or request (1991 Act s.31).
  {
    re: /(?:deduction from earnings(?: order| request)?|\bdeo\b|\bder\b)\s+(?:payment|receipt)s?\b|\b(?:payment|receipt|money|deduction)s? (?:received )?(?:from|by) (?:your |the |an? )?employer\b|\bemployer(?:'s)? payments?\b/,
    paid: 'deo_receipt',
  },
  // Money DWP paid by deduction from a benefit.
  {
    re: /\bdeductions? from (?:your |a |the )?benefits?\b|\bdwp deductions?\b|\bbenefit deductions?\b|\bdeducted from (?:your )?benefits?\b/,
    paid: 'benefit_deduction_receipt',
  },
  { re: PASSED_ON, paid: 'payment_passed_on' },
  { re: /\bdirect pay\b/, paid: 'direct_payment' },
  { re: /\bvoluntary payments?\b/, paid: 'voluntary_payment' },
  {
    re: /\bpayments? received\b|\breceived from you\b|\bpayment - thank you\b|\bthank you for your payment\b|\bpayments? made\b|^receipt\b/,
    paid: 'payment_received',
  },
  // An action named without "charge" or "payment": the column says which it is.
  { re: /deduction from earnings|\bdeo\b|\bder\b/, due: 'enforcement_charge', paid: 'deo_receipt' },
  {
    re: /\b(?:regular|lump[- ]sum) deduction\b|\bdeduction order\b|\bliability order\b|\benforcement\b/,
    due: 'enforcement_charge',
    paid: 'payment_received',
  },
  {
    re: /\bpayments? due\b|\bmaintenance due\b|\bamount due\b|\bongoing maintenance\b|^liability\b|\bmaintenance charged\b/,
    due: 'liability',
  },
  { re: /\bcharge\b/, due: 'enforcement_charge' },
];

/**
 * What a CMS statement line is. The column decides the direction — the due column raises the balance, the
 * paid column lowers it — and the first wording that matches (most specific first) decides the type within it.
 * Wording that names a line of the other column never flips the direction: the line is read as an adjustment
 * in the column it is in (a refund printed as paid is not understood, and is read as the paid column reads an
 * unknown line), not recognised, with `contradicts` naming what the wording said. Unknown wording: an
 * adjustment when due, a payment received when paid, not recognised.
 *
 * A collection fee is a fee in either column ({@link feeReading}): in the due column the paying parent's 20%, in the
 * paid column the receiving parent's 4%, taken from what she is passed. `side` is whose statement the line is on
 * ({@link statementSide}), where it says.
 */
export function cmsEntryType(description: string, column: CmsColumn, side?: StatementSide): CmsLineReading {
  const d = description.toLowerCase().replace(/\s+/g, ' ').trim();
  const fee = feeReading(d, column, side);
  if (fee && fee !== 'payment') return fee;
  // A payment named before a fee ("Payment to you after the 4% fee") is the payment.
  const wording = WORDINGS.find((w) => w.re.test(d) && !(fee === 'payment' && w === COLLECTION_FEE));
  const type = wording?.[column];
  if (wording && type) {
    const chargeType = type === 'enforcement_charge' ? enforcementActionOf(d) : undefined;
    return { type, recognised: true, ...(chargeType ? { chargeType } : {}) };
  }
  const fallback: CmsEntryType = column === 'due' ? 'adjustment' : 'payment_received';
  if (!wording) return { type: fallback, recognised: false };
  const named = (wording.due ?? wording.paid)!;
  // A charge or a report in the paid column is taken off again, a payment in the due column reversed: an
  // adjustment either way, never a payment the bank should show. A refund printed as paid is not understood.
  return { type: named === 'refund' ? fallback : 'adjustment', recognised: false, contradicts: named };
}

/**
 * A line that names a collection fee (journey probe, story 1: a receiving parent's "Collection fee (4%) deducted",
 * printed in the paid column, was read as an adjustment, a credit, and her reconciliation came to £195.20 owed where
 * it is £340.80). Read by what it names first, the fee or a payment ("Fee deducted from payment" is a fee, "Payment to
 * you after the 4% fee" a payment: then 'payment'); a reversal, waiver, refund, write-off, offset or adjustment of a
 * fee is that (undefined: the wordings read it). A fee is a `collection_fee` of the amount printed (positive) in
 * either column: the paying parent's side counts it as charged to him, the receiving parent's as taken from what she
 * is owed (calc/reconcile/read.ts). In the paid column it lowers the balance, as the receiving parent's 4% does on her
 * statement: read as hers where the wording says it was deducted (or 4%) or the statement is hers; on a paying
 * parent's statement a fee that lowers his balance is not understood, and is read as an adjustment (a credit), as
 * before; where nothing says whose statement it is, it is read as hers and warned of. In the due column it is the
 * paying parent's fee; on what reads as a receiving parent's statement, where the due column raises what she is owed
 * and no fee can, it is still read as a fee (a statement taken for hers by mistake keeps its fees) and warned of.
 */
function feeReading(d: string, column: CmsColumn, side: StatementSide | undefined): CmsLineReading | 'payment' | undefined {
  const at = d.search(FEE);
  if (at < 0) return undefined;
  const first = WORDINGS.findIndex((w) => w.re.test(d));
  if (first >= 0 && first < WORDINGS.indexOf(COLLECTION_FEE)) return undefined;
  const payment = d.search(A_PAYMENT);
  if (payment >= 0 && payment < at) return 'payment';
  const fee: CmsEntryType = 'collection_fee';
  if (column === 'due') {
    if (side === 'receiving') {
      return {
        type: fee,
        recognised: false,
        doubt: `is in the due column of what reads as a receiving parent’s statement (lines "to you"), where the due column raises what she is owed, but a collection fee is the paying parent’s, charged to him, or hers, taken from what she is owed; it was read as a collection fee. Check this line, and whose statement this is.`,
      };
    }
    return { type: fee, recognised: true };
  }
  if (side === 'paying') return { type: 'adjustment', recognised: false, contradicts: fee };
  if (side === 'receiving' || TAKEN_FROM_PAYMENT.test(d)) return { type: fee, recognised: true };
  return {
    type: fee,
    recognised: false,
    doubt: `names a collection fee in the paid column, where a receiving parent’s statement prints her 4% fee, taken from what she is passed; it was read as that (a collection fee), but nothing else on the statement says whose it is (no line "to you", no "you owe"). Check this line.`,
  };
}

const words = (type: CmsEntryType) => type.replace(/_/g, ' ');
const other = (column: CmsColumn): CmsColumn => (column === 'due' ? 'paid' : 'due');

/** Each type in words, for warnings. */
const NAMES: Readonly<Record<CmsEntryType, string>> = {
  liability: 'maintenance due',
  collection_fee: 'a collection fee',
  enforcement_charge: 'an enforcement charge',
  payment_received: 'a payment received',
  deo_receipt: 'a payment under a deduction from earnings order',
  benefit_deduction_receipt: 'a deduction from benefit',
  direct_payment: 'a Direct Pay payment',
  voluntary_payment: 'a voluntary payment',
  payment_passed_on: 'a payment passed on',
  refund: 'a refund',
  missed_payment_reported: 'a missed payment reported',
  adjustment: 'an adjustment',
  offset: 'an overpayment offset',
  write_off: 'a write-off',
  opening_balance: 'an opening balance',
};

export interface CmsRow {
  readonly date: CivilDate;
  readonly type: CmsEntryType;
  readonly amount: string;
  readonly description: string;
  readonly reference?: string;
  readonly chargeType?: EnforcementAction;
  /** Where the line is printed: the page and line of its first line. */
  readonly source: SourceLocation;
  /** Dated outside the period the document prints (cms-period.ts). */
  readonly outsidePeriod?: true;
  /** A payment schedule's status of the instalment (cms-instalments.ts). */
  readonly status?: ScheduleStatus;
}

/**
 * Which printed summary figure each type adds to. Offsets, write-offs and missed-payment reports have figures of
 * their own where the summary prints them; where it does not, they are counted in its adjustments.
 */
const SUMMARY_FIGURE: Readonly<Record<CmsEntryType, SummaryFigure>> = {
  liability: 'due',
  refund: 'due',
  collection_fee: 'fees',
  enforcement_charge: 'enforcement',
  payment_received: 'received',
  deo_receipt: 'received',
  benefit_deduction_receipt: 'received',
  direct_payment: 'received',
  voluntary_payment: 'received',
  payment_passed_on: 'received',
  missed_payment_reported: 'missed',
  adjustment: 'adjustments',
  offset: 'offsets',
  write_off: 'writeOffs',
  opening_balance: 'due',
};

/** Figures the summary prints as signed changes to the balance (the rest are printed as positive amounts). */
const SIGNED_FIGURES: ReadonlySet<SummaryFigure> = new Set(['adjustments']);
/** Figures counted in the adjustments when the summary does not print them. */
const FOLDED_INTO_ADJUSTMENTS: readonly SummaryFigure[] = ['missed', 'offsets', 'writeOffs'];
const FIGURE_WORDS: Partial<Record<SummaryFigure, string>> = {
  due: 'payments due',
  received: 'payments received',
  fees: 'collection fees',
  enforcement: 'enforcement charges',
  adjustments: 'adjustments',
  missed: 'missed payments reported',
  offsets: 'offsets',
  writeOffs: 'amounts written off',
};

/**
 * Statement rows into entries, checking the running balance (owed = previous + due − paid) as it goes, then
 * the printed summary figures and closing balance against the entries, and the printed balances by component
 * (maintenance arrears, collection fees, enforcement charges) against the printed total owed.
 */
export function cmsStatementEntries(
  events: readonly Event[],
  summary: Partial<Record<SummaryFigure, Dec>>,
  warnings: string[],
  components: ComponentBalances = {},
  context: readonly string[] = [],
): { entries: CmsRow[]; checks: StatementChecks; opening?: Dec; closing?: Dec; received: Dec; side?: StatementSide } {
  const entries: CmsRow[] = [];
  // Whose statement it is, from the lines round the table (`context`) and its own lines' wording.
  const side = statementSide([
    ...context,
    ...events.flatMap((e) => (e.kind === 'marker' ? [] : [[...e.row.type, ...e.row.desc].join(' ')])),
  ]);
  let opening = summary.opening;
  let closing = summary.closing;
  /** The last balance the table prints, while no line after it goes without one; whether the chain broke; steps checked. */
  let lastPrinted: Dec | undefined;
  let chainBroken = false;
  let linksChecked = 0;
  let known = opening;
  let since = new Dec(0);
  let net = new Dec(0);
  let seenBalance = false;
  let firstBreak: StatementChecks['firstBreak'];
  /** Each figure's total: the change to the balance for a signed figure, the amount printed for the rest. */
  const sums: Partial<Record<SummaryFigure, Dec>> = {};
  for (const e of events) {
    if (e.kind === 'marker') {
      if (e.balance === undefined) continue;
      if (e.which === 'open' && entries.length === 0) opening ??= e.balance;
      if (e.which === 'close') closing ??= e.balance;
      seenBalance = true;
      if (known !== undefined) linksChecked++;
      if (known !== undefined && !known.plus(since).equals(e.balance)) {
        chainBroken = true;
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
      lastPrinted = e.balance;
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
    const column: CmsColumn = due ? 'due' : 'paid';
    const value = amountValue((due ?? paid)!);
    const { type, recognised, chargeType, contradicts, doubt } = cmsEntryType(description, column, side);
    if (doubt) warnings.push(`Page ${r.page}: "${description}" on ${r.date} ${doubt}`);
    else if (contradicts) {
      const reading = type === 'adjustment' ? `an adjustment (a ${column === 'due' ? 'debit' : 'credit'})` : NAMES[type];
      warnings.push(
        `Page ${r.page}: "${description}" on ${r.date} is in the ${column} column, but its wording names ${NAMES[contradicts]}, which belongs in the ${other(column)} column; the column decides which way a line moves the balance, so it was read as ${reading}. Check this line.`,
      );
    } else if (!recognised) {
      warnings.push(
        `Page ${r.page}: "${description}" on ${r.date} is not a line Reckoner knows; it was read as ${words(type)} from its column.`,
      );
    }
    const signed = column === 'due' ? value : value.negated();
    const amount = type === 'adjustment' ? signed : value;
    entries.push({
      date: r.date,
      type,
      amount: formatMoney(amount),
      description,
      ...(chargeType ? { chargeType } : {}),
      source: sourceOf(r),
    });
    const figure = SUMMARY_FIGURE[type];
    sums[figure] = (sums[figure] ?? new Dec(0)).plus(SIGNED_FIGURES.has(figure) ? signed : value);
    since = since.plus(signed);
    net = net.plus(signed);
    if (r.money.balance) {
      const printed = owedBalance(r.money.balance);
      seenBalance = true;
      if (known !== undefined) linksChecked++;
      if (known !== undefined && !known.plus(since).equals(printed)) chainBroken = true;
      if (known !== undefined && !known.plus(since).equals(printed) && !firstBreak) {
        firstBreak = { row: entries.length - 1, date: r.date, expected: formatMoney(known.plus(since)), printed: formatMoney(printed) };
      }
      known = printed;
      lastPrinted = printed;
      since = new Dec(0);
    } else lastPrinted = undefined;
  }
  // No summary label gives CMS's balance: the running balance the table ends on is CMS's own figure, where the chain
  // of balances adds up from line to line (at least one step of it checked) and the last line prints one (journey
  // probe, story 1: a statement whose balance column ends at £1,220.00 gave no balance, and CMS's figure was made up
  // from its entries to another day). A chain that breaks, or that nothing checks, gives none.
  if (closing === undefined && lastPrinted !== undefined && linksChecked > 0 && !chainBroken) closing = lastPrinted;
  const agree: string[] = [];
  const disagree: string[] = [];
  const compare = (what: string, printed: Dec | undefined, computed: Dec) => {
    if (printed === undefined) return;
    if (printed.equals(computed)) agree.push(`${what} ${pounds(printed)}`);
    else disagree.push(`the printed ${what} is ${pounds(printed)} but the entries give ${pounds(computed)}`);
  };
  const zero = new Dec(0);
  for (const figure of ['due', 'received', 'fees', 'enforcement', ...FOLDED_INTO_ADJUSTMENTS] as const) {
    // An offset or a write-off printed "-£45.00" is the same figure as "£45.00".
    const printed = FOLDED_INTO_ADJUSTMENTS.includes(figure) ? summary[figure]?.abs() : summary[figure];
    compare(FIGURE_WORDS[figure]!, printed, sums[figure] ?? zero);
  }
  let adjustments = sums.adjustments ?? zero;
  const folded: string[] = [];
  for (const figure of FOLDED_INTO_ADJUSTMENTS) {
    if (summary[figure] !== undefined || sums[figure] === undefined) continue;
    adjustments = figure === 'missed' ? adjustments.plus(sums[figure]) : adjustments.minus(sums[figure]);
    folded.push(FIGURE_WORDS[figure]!);
  }
  const list = folded.length > 1 ? `${folded.slice(0, -1).join(', ')} and ${folded[folded.length - 1]}` : folded[0];
  compare(list ? `adjustments (with the ${list})` : 'adjustments', summary.adjustments, adjustments);
  if (opening !== undefined) compare('closing balance', closing, opening.plus(net));
  const parts = [components.maintenanceArrears, components.collectionFees, components.enforcementCharges];
  if (components.total !== undefined && parts.every((p) => p !== undefined)) {
    compare(
      'total owed',
      components.total,
      parts.reduce((a, b) => a!.plus(b!), zero),
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
              ? `The printed ${agree.join(', ')} ${agree.length === 1 ? 'agrees' : 'agree'} with the ${entries.length} entries${agree.some((a) => a.startsWith('total owed')) ? ' and the balances by component' : ''}.`
              : `${disagree.map((d) => d[0]!.toUpperCase() + d.slice(1)).join('; ')}.`,
        }),
  };
  return {
    entries,
    checks,
    ...(opening ? { opening } : {}),
    ...(closing ? { closing } : {}),
    received: summary.received ?? sums.received ?? zero,
    ...(side ? { side } : {}),
  };
}

/**
 * Payment schedule lines into entries: the ongoing maintenance (liability) and the collection fee on each due
 * date. The arrears column is money already owed, so it is not new liability; it is returned as the payment
 * plan (the arrears part of each instalment, the shape of calc's `PaymentPlanInput.catchUp`).
 */
export function scheduleEntries(
  lines: readonly TableLine[],
  options: { reference?: string; period: { start?: CivilDate; end?: CivilDate }; warnings: string[] },
): { entries: CmsRow[]; checks: StatementChecks; first?: CivilDate; last?: CivilDate; paymentPlan?: CmsPaymentPlan } {
  const { warnings } = options;
  const entries: CmsRow[] = [];
  const catchUp: { dueDate: CivilDate; amount: string }[] = [];
  const ref = options.reference ? { reference: options.reference } : {};
  let previous: CivilDate | undefined;
  let first: CivilDate | undefined;
  let grand = new Dec(0);
  let printedGrand: Dec | undefined;
  let arrearsTotal = new Dec(0);
  const broken: string[] = [];
  const statuses: { date: CivilDate; status: ScheduleStatus }[] = [];
  let count = 0;
  for (const t of lines) {
    const m = t.money;
    if (!t.date) {
      if (/^total/i.test(t.description) && m.total) printedGrand = amountValue(m.total);
      else if (Object.keys(m).length > 0) warnings.push(`Page ${t.line.page}: the line "${t.line.text}" has no due date and was left out.`);
      continue;
    }
    const date = resolveYear(t.date, options.period, previous);
    if (!date) continue;
    previous = date;
    first ??= date;
    count++;
    // The entries of a schedule line are cited by that line (each gets its own copy). The plan's instalments
    // carry no place: they are calc's PaymentPlanInput, handed on as they are to inputs that take exactly
    // { dueDate, amount }; an instalment is printed on the line of the entries with its due date, if any.
    const at = (): SourceLocation => ({ page: t.line.page, line: t.line.number });
    // A Status column ("Paid", "Missed" …) is the line's only text; it is kept on the line's entries.
    const status = t.description === '' ? undefined : scheduleStatus(t.description);
    const marked = status ? { status } : {};
    if (status) statuses.push({ date, status });
    const ongoing = m.ongoing ? amountValue(m.ongoing) : new Dec(0);
    const arrears = m.arrears ? amountValue(m.arrears) : new Dec(0);
    const fee = m.fee ? amountValue(m.fee) : new Dec(0);
    const total = m.total ? amountValue(m.total) : undefined;
    const sum = ongoing.plus(arrears).plus(fee);
    if (total !== undefined && !total.equals(sum)) {
      broken.push(`on ${date} the printed total is ${pounds(total)} but ongoing, arrears and fee add up to ${pounds(sum)}`);
    }
    grand = grand.plus(total ?? sum);
    if (arrears.gt(0)) {
      arrearsTotal = arrearsTotal.plus(arrears);
      catchUp.push({ dueDate: date, amount: formatMoney(arrears) });
    }
    if (ongoing.gt(0))
      entries.push({
        date,
        type: 'liability',
        amount: formatMoney(ongoing),
        description: 'Ongoing maintenance due',
        ...ref,
        source: at(),
        ...marked,
      });
    if (fee.gt(0))
      entries.push({
        date,
        type: 'collection_fee',
        amount: formatMoney(fee),
        description: 'Collection fee',
        ...ref,
        source: at(),
        ...marked,
      });
  }
  if (catchUp.length > 0) {
    warnings.push(
      `The schedule collects ${pounds(arrearsTotal)} of arrears over ${catchUp.length} due date(s); arrears are money already owed, so these instalments are not added as new liability. They are returned as the payment plan (metadata.paymentPlan) for reconciliation.`,
    );
  }
  warnStatuses(statuses, warnings);
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
    ...(catchUp.length > 0 ? { paymentPlan: { catchUp } } : {}),
  };
}
