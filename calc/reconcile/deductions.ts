/**
 * Deductions from earnings and from benefit: money that leaves on the payslip or the benefit, never the bank
 * statement. An employer must pay a deduction over to CMS by the 19th of the month after the month it was made
 * (SI 1992/1989 reg 14(1)), and may keep back £1 per deduction for its costs, which is never maintenance (reg 12(6);
 * GOV.UK). So CMS's receipt from the employer is matched with the payslip whose deduction it is, within that time;
 * a payslip deduction CMS never credited is money taken but not credited; a receipt with no payslip is checked only
 * where a payslip was given for the pay period it would pay over (docs/legal-notes.md, issue 10 section).
 * @module
 */
import { fromDayNumber, toDayNumber } from '../dates.ts';
import type { CmsEntry, Evidence } from '../ledger/entries.ts';
import { fromPence, poundsOfPence } from '../money.ts';
import { creditMinus, creditOf, negate, type Credit } from './credits.ts';
import type { FindingDraft, MatchDraft } from './draft.ts';
import { payOverDate } from './pay-over.ts';
import { lowerBound, nearestPositions, Occurrences } from './nearest.ts';
import type { Books } from './read.ts';

/** The employer's charge for each deduction, kept from the employee's pay and not paid to CMS (GOV.UK: £1). */
export const EMPLOYER_CHARGE_PENCE = 100;

/** The rank of a receipt paid over late with the payslip's amount (or £1 less): after those in time, before any other amount. */
const LATE = 1.25;
/** Whether a candidate's rank is a match of the payslip's amount: in time (0, or 1 with the employer's £1), or late. */
const sameAmount = (rank: number): boolean => rank <= 1 || (rank >= LATE && rank <= LATE + 1);

/** Evidence indices in order of date, with their days. */
interface DatedList {
  readonly indices: number[];
  readonly days: number[];
}

/** The evidence's indices by type, and by type and amount, each in order of date. */
function evidenceLists(evidence: readonly Evidence[]): { byType: Map<string, DatedList>; byAmount: Map<string, DatedList> } {
  const byType = new Map<string, DatedList>();
  const byAmount = new Map<string, DatedList>();
  const add = (map: Map<string, DatedList>, key: string, j: number) => {
    const list = map.get(key);
    if (list) list.indices.push(j);
    else map.set(key, { indices: [j], days: [] });
  };
  evidence.forEach((v, j) => {
    add(byType, v.type, j);
    add(byAmount, `${v.type}|${v.pence}`, j);
  });
  const byDay = (a: number, b: number) => evidence[a]!.day - evidence[b]!.day || a - b;
  for (const list of [...byType.values(), ...byAmount.values()]) {
    list.indices.sort(byDay);
    list.days.push(...list.indices.map((j) => evidence[j]!.day));
  }
  return { byType, byAmount };
}

/** Up to NEAR indices of `list` nearest `day` (nearest.ts). */
function nearest(list: DatedList | undefined, day: number, offset: number): number[] {
  if (!list) return [];
  return nearestPositions(list.days, day, -Infinity, Infinity, offset).map((p) => list.indices[p]!);
}

const EVIDENCE_FOR: Record<string, Evidence['type']> = { deo_receipt: 'payslip_deduction', benefit_deduction_receipt: 'benefit_deduction' };

/** The rank from which a candidate pairs different amounts (2 + the difference in pence). */
const DIFFERENT_AMOUNT = 3;
/** Most deductions in a month paid over together (weekly pay gives five); a month with more unused is not tried. */
const MOST_IN_A_MONTH = 6;
/** Most payslips looked at for one receipt (those it may be paying over): a bound however many share a date. */
const MOST_LOOKED_AT = 64;
/** How far before a receipt the payslips it pays over may be (the 19th of the month after: under two months). */
const LOOK_BACK_DAYS = 62;
/** And after it: a receipt dated a few days before the payslip (earliest), within the matching window at most. */
const LOOK_AHEAD_DAYS = 31;

/**
 * Receipts from an employer that are a month's payslip deductions together: an employer paying weekly or fortnightly
 * wages deducts each pay day and pays the month's deductions over in one payment, by the 19th of the month after (SI
 * 1992/1989 reg 14(1)). A receipt not yet paired that equals the deductions of one calendar month still unpaired, all
 * of which it could be paying over on its date (with or without the employer's £1 kept from each, reg 12(6)), is those
 * deductions. Before, each such receipt was paired with one payslip as a wrong amount and the rest were "money taken
 * and not credited" (a probe of 6 December 2026: 20 false findings in 26 weeks of £90.00 paid over monthly).
 */
function paidOverTogether(
  records: readonly CmsEntry[],
  evidence: readonly Evidence[],
  slips: DatedList | undefined,
  usedR: Set<number>,
  usedE: Set<number>,
  earliest: (v: Evidence) => number,
  latest: (v: Evidence) => number,
): { record: CmsEntry; slips: Evidence[]; kept: number }[] {
  if (!slips) return [];
  const out: { record: CmsEntry; slips: Evidence[]; kept: number }[] = [];
  const order = records.map((_, i) => i).filter((i) => records[i]!.type === 'deo_receipt' && !usedR.has(i));
  order.sort((a, b) => records[a]!.day - records[b]!.day || a - b);
  for (const i of order) {
    const e = records[i]!;
    // The payslips it could be paying over: made no later than a few days after it, and due to be paid over no earlier.
    const months = new Map<string, number[]>();
    let looked = 0;
    for (let k = lowerBound(slips.days, e.day - LOOK_BACK_DAYS); k < slips.days.length && slips.days[k]! <= e.day + LOOK_AHEAD_DAYS; k++) {
      if (++looked > MOST_LOOKED_AT) break;
      const j = slips.indices[k]!;
      const v = evidence[j]!;
      if (usedE.has(j) || e.day < earliest(v) || e.day > latest(v)) continue;
      const month = v.date.slice(0, 7);
      const list = months.get(month);
      if (list) list.push(j);
      else months.set(month, [j]);
    }
    if (looked > MOST_LOOKED_AT) continue;
    for (const [, list] of [...months].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      if (list.length < 2 || list.length > MOST_IN_A_MONTH) continue;
      const sum = list.reduce((a, j) => a + evidence[j]!.pence, 0);
      const kept = sum === e.pence ? 0 : sum - list.length * EMPLOYER_CHARGE_PENCE === e.pence ? list.length * EMPLOYER_CHARGE_PENCE : -1;
      if (kept < 0) continue;
      usedR.add(i);
      for (const j of list) usedE.add(j);
      out.push({ record: e, slips: list.map((j) => evidence[j]!), kept });
      break;
    }
  }
  return out;
}

export interface DeductionsResult {
  readonly findings: FindingDraft[];
  readonly matches: MatchDraft[];
  /** What each deduction counts for on the balance: the evidence, or CMS's record where none could check it. */
  readonly paid: readonly { readonly day: number; readonly credit: Credit }[];
  readonly recorded: readonly { readonly entry: CmsEntry; readonly credit: Credit }[];
  /** Receipts nothing could check: no payslip or benefit statement covers their dates. */
  readonly unchecked: number;
}

export function reconcileDeductions(books: Books): DeductionsResult {
  // The last day an employer may pay over a deduction made on `day` (as a day number), worked out once a day.
  const payOverDays = new Map<number, number>();
  const payOverBy = (day: number): number => {
    let by = payOverDays.get(day);
    if (by === undefined) payOverDays.set(day, (by = toDayNumber(payOverDate(fromDayNumber(day)))));
    return by;
  };
  const { fees, basis, windowDays, maxDays } = books;
  const findings: FindingDraft[] = [];
  const matches: MatchDraft[] = [];
  const records = books.deductions;
  const evidence = books.deductionEvidence;
  const credit = (pence: number, day: number): Credit => creditOf(pence, day, 'as_paid', fees, basis);
  const effect = (c: Credit) => ({ maintenance: c.maintenance, fees: c.fees, charges: 0 });
  // When a receipt for a deduction can reach CMS: from a few days before the payslip to the pay-over day (payslip),
  // or within the date-error limit (benefit, paid over by DWP).
  const latest = (v: Evidence) => (v.type === 'payslip_deduction' ? payOverBy(v.day) : v.day + maxDays) + windowDays;
  const earliest = (v: Evidence) => v.day - windowDays;

  // Exact amounts first (or the payslip's £1 more), nearest date; then the same amounts paid over late (after the
  // pay-over day, within the date-error limit of it: an employer that pays late still pays the deduction it made, and
  // pairing it with a later payslip instead would call one deduction uncredited and the other wrongly recorded); then
  // different amounts in the time allowed.
  // Each record is weighed against the evidence nearest its date only (nearest.ts), of the same amount and of any.
  const candidates: [number, number, number, number][] = [];
  const lists = evidenceLists(evidence);
  const seen = new Occurrences();
  records.forEach((e, i) => {
    const type = EVIDENCE_FOR[e.type];
    if (type === undefined) return;
    const consider = (j: number, sameOnly: boolean) => {
      const v = evidence[j]!;
      if (e.day < earliest(v)) return;
      const same = v.pence === e.pence ? 0 : v.type === 'payslip_deduction' && v.pence === e.pence + EMPLOYER_CHARGE_PENCE ? 1 : undefined;
      if (sameOnly !== (same !== undefined)) return;
      if (e.day > latest(v)) {
        if (same === undefined || v.type !== 'payslip_deduction' || e.day > payOverBy(v.day) + maxDays) return;
        candidates.push([LATE + same, Math.abs(e.day - v.day), i, j]);
        return;
      }
      candidates.push([same ?? 2 + Math.abs(v.pence - e.pence), Math.abs(e.day - v.day), i, j]);
    };
    for (const pence of [e.pence, e.pence + EMPLOYER_CHARGE_PENCE]) {
      const offset = seen.next(`${type}|${pence}|${e.day}`);
      for (const j of nearest(lists.byAmount.get(`${type}|${pence}`), e.day, offset)) consider(j, true);
    }
    for (const j of nearest(lists.byType.get(type), e.day, seen.next(`${type}|${e.day}`))) consider(j, false);
  });
  candidates.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3]);
  const usedR = new Set<number>();
  const usedE = new Set<number>();
  const paid: { day: number; credit: Credit }[] = [];
  const recorded: { entry: CmsEntry; credit: Credit }[] = records.map((e) => ({ entry: e, credit: credit(e.pence, e.day) }));
  const pairs: (typeof candidates)[number][] = [];
  const take = (candidate: (typeof candidates)[number]) => {
    const [, , i, j] = candidate;
    if (usedR.has(i) || usedE.has(j)) return;
    usedR.add(i);
    usedE.add(j);
    pairs.push(candidate);
  };
  // The same amounts first (in time, then late); then a month's deductions paid over together; then other amounts.
  for (const candidate of candidates) if (candidate[0] < DIFFERENT_AMOUNT) take(candidate);
  const together = paidOverTogether(records, evidence, lists.byType.get('payslip_deduction'), usedR, usedE, earliest, latest);
  for (const candidate of candidates) if (candidate[0] >= DIFFERENT_AMOUNT) take(candidate);
  // Where CMS's receipts are the payslips' deductions less the employer's £1 (and none is the deduction itself), the
  // payslips show the charge within the deduction: what should have reached CMS from one is £1 less than it shows.
  const slipPairs = pairs.filter(([rank, , , j]) => sameAmount(rank) && evidence[j]!.type === 'payslip_deduction');
  const chargeShown = slipPairs.length > 0 && slipPairs.every(([rank]) => rank === 1 || rank === LATE + 1);
  const reaching = (v: Evidence): number =>
    chargeShown && v.type === 'payslip_deduction' ? Math.max(0, v.pence - EMPLOYER_CHARGE_PENCE) : v.pence;
  for (const [rank, days, i, j] of pairs) {
    const e = records[i]!;
    const v = evidence[j]!;
    if (sameAmount(rank)) {
      const late = rank >= LATE;
      matches.push({
        reason:
          v.type === 'benefit_deduction'
            ? 'benefit_statement'
            : late
              ? 'payslip_paid_over_late'
              : rank === 1
                ? 'payslip_with_admin_charge'
                : 'payslip',
        amount: e.pence,
        days,
        // The last day the employer had to pay it over, which the receipt came after.
        ...(late ? { note: fromDayNumber(payOverBy(v.day)) } : {}),
        cms: [e],
        bank: [],
        evidence: [v],
      });
      paid.push({ day: v.day, credit: credit(e.pence, v.day) });
    } else {
      const shown = credit(reaching(v), v.day);
      paid.push({ day: v.day, credit: shown });
      findings.push({
        kind: 'amount_mismatch',
        date: e.date,
        amount: Math.abs(reaching(v) - e.pence),
        effect: effect(creditMinus(shown, credit(e.pence, e.day))),
        cms: [e],
        bank: [],
        evidence: [v],
        facts: { cms: [{ type: e.type, date: e.date, amount: fromPence(e.pence) }], days },
      });
    }
  }

  for (const { record: e, slips, kept } of together) {
    matches.push({
      reason: 'payslips_paid_over_together',
      amount: e.pence,
      days: Math.max(...slips.map((v) => Math.abs(e.day - v.day))),
      ...(kept > 0 ? { note: poundsOfPence(kept) } : {}),
      cms: [e],
      bank: [],
      evidence: slips,
    });
    // Each deduction counts for its part of the receipt, the last taking what rounding the fee split leaves, so that
    // the parts add up to the receipt's own split.
    const each = kept / slips.length;
    let left = credit(e.pence, slips[slips.length - 1]!.day);
    slips.forEach((v, k) => {
      const own = k === slips.length - 1 ? left : credit(v.pence - each, v.day);
      paid.push({ day: v.day, credit: own });
      left = creditMinus(left, own);
    });
  }

  // A receipt is checked only where a payslip (or benefit statement) was given for the deduction it would pay over: one
  // whose time to reach CMS takes in the receipt's day. Before (a meaning probe of 6 December 2026), payslips for April
  // and June but not May made CMS's receipt of 14 June "money from my employer … but no payslip shows such a
  // deduction", and a letter asked CMS to take a £360.65 credit off the paying parent's account: the span from the
  // first payslip to the last was taken as covered, months missing from it too.
  const covered = (e: CmsEntry): boolean => {
    const list = lists.byType.get(EVIDENCE_FOR[e.type]!);
    if (!list) return false;
    // The last dated no later than the window after the receipt: the time to reach CMS ends later the later a deduction
    // is made, so if it ends before the receipt, every earlier one's does too.
    const k = lowerBound(list.days, e.day + windowDays + 1) - 1;
    const v = k >= 0 ? evidence[list.indices[k]!]! : undefined;
    return v !== undefined && earliest(v) <= e.day && e.day <= latest(v);
  };
  let unchecked = 0;
  records.forEach((e, i) => {
    if (usedR.has(i)) return;
    if (!covered(e)) {
      unchecked++;
      matches.push({ reason: 'not_checked', amount: e.pence, days: 0, cms: [e], bank: [], evidence: [] });
      paid.push({ day: e.day, credit: credit(e.pence, e.day) });
      return;
    }
    findings.push({
      kind: 'cms_payment_without_evidence',
      date: e.date,
      amount: e.pence,
      effect: effect(negate(credit(e.pence, e.day))),
      cms: [e],
      bank: [],
      evidence: [],
      facts: { cms: [{ type: e.type, date: e.date, amount: fromPence(e.pence) }] },
    });
  });
  // Without any line of CMS's account, a deduction with no receipt in what was given is one nobody has checked, not
  // one CMS failed to credit: it is listed as a payment the evidence shows that is unchecked, as a bank payment is
  // (direct-pay.ts), and a letter asks CMS to confirm it rather than to correct it.
  let uncheckedEvidence = 0;
  let uncheckedPence = 0;
  evidence.forEach((v, j) => {
    if (usedE.has(j)) return;
    const shown = credit(reaching(v), v.day);
    paid.push({ day: v.day, credit: shown });
    // From pay, the employer has until its pay-over day; from benefit no pay-over day applies (DWP pays over what it
    // deducts), so only a deduction within the matching window of the date may still be on its way. Before (a meaning
    // probe of 6 December 2026), a benefit deduction of 3 March, uncredited on 30 March while 17 March's was credited,
    // had "until 19 April to reach CMS" and a letter disputing it was refused.
    const reachBy = v.type === 'payslip_deduction' ? payOverBy(v.day) : v.day + windowDays;
    const inTransit = reachBy > books.asOfDay;
    const checked = inTransit || books.cmsAccountGiven;
    if (!checked) {
      uncheckedEvidence++;
      uncheckedPence += reaching(v);
    }
    findings.push({
      kind: inTransit ? 'deduction_in_transit' : checked ? 'deduction_not_credited' : 'payment_missing_from_cms',
      date: v.date,
      amount: reaching(v),
      effect: effect(shown),
      cms: [],
      bank: [],
      evidence: [v],
      facts: inTransit ? { reachBy: fromDayNumber(reachBy) } : checked ? {} : { reason: 'no_cms_record_given' },
    });
  });
  if (uncheckedEvidence > 0) {
    const n = uncheckedEvidence;
    books.warnings.push(
      `No line of CMS’s statement of account (its record of the deductions it received) was given, so the ${n === 1 ? 'deduction' : `${n} deductions`} from pay or benefit the evidence shows (${poundsOfPence(uncheckedPence)}) cannot be checked against it: ${n === 1 ? 'it is' : 'they are'} listed as payments CMS has no record of in what was given, not as money taken and not credited. ` +
        'Give CMS’s statement of account (parse_statement or import_document reads it) to check them; a letter drafted before then asks CMS to confirm them.',
    );
  }
  if (unchecked > 0) {
    const what = new Set(
      records.filter((_, i) => !usedR.has(i)).map((e) => (e.type === 'deo_receipt' ? 'payslips' : 'benefit statements')),
    );
    books.warnings.push(
      `${unchecked} ${unchecked === 1 ? 'receipt' : 'receipts'} by deduction from earnings or benefit could not be checked: no ${[...what].join(' or ')} cover ${unchecked === 1 ? 'its date' : 'their dates'}. They are taken as CMS recorded them; give the ${[...what].join(' and ')} (evidence) to check them.`,
    );
  }
  return { findings, matches, paid, recorded, unchecked };
}
