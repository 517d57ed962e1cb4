/**
 * The chart in words, for those who cannot see it (an SVG's <desc>, the text under the chart in a bundle, a
 * screen reader on the web page): a few sentences, and the chart as a table, one row a period. Every figure is
 * one calc/chart worked out (sizes and positions included); this only writes the words.
 * @module
 */
import { CHART_SERIES, positionOf, type BalancePosition, type ChartModel } from '../../calc/chart/index.ts';
import { dateInWords } from '../../calc/dates.ts';
import { poundsOfPence } from '../../calc/money.ts';
import type { Side } from '../../calc/reconcile/types.ts';
import { CMS_BALANCE_NOT_KNOWN, CMS_RECORD_NOT_KNOWN, NOT_RECORDED_ON_DIRECT_PAY, seriesLabel } from './style.ts';

/**
 * A balance in words from its size and position: "£520.00 owed by the paying parent", "an overpayment of £12.00".
 * From the receiving side, "£520.00 owed to the receiving parent": her evidence shows what did not reach her, not
 * who holds it (a payment CMS records passing on that never arrived may be CMS's to trace, not the paying parent's
 * arrears), so the words do not say who owes it.
 */
function balanceWords(size: number, position: BalancePosition, side: Side): string {
  const amount = poundsOfPence(size);
  return position === 'arrears'
    ? `${amount} ${side === 'receiving' ? 'owed to the receiving parent' : 'owed by the paying parent'}`
    : position === 'overpaid'
      ? `an overpayment of ${amount}`
      : `nothing owed (${amount})`;
}

/**
 * How far CMS's balance is from the evidence's at the end, and what of it is CMS's record of payments. CMS's balance is
 * what it charged and adjusted less what it recorded as paid; the evidence's, what fell due less what was paid. Only
 * where the difference in what was paid is the whole gap is the record of payments its cause: a charge CMS made twice,
 * or liability it charges as it accrues before the payment plan makes it due, is not (a journey probe, stories 3 and
 * 5: "CMS's record of payments puts the balance £371.18 higher" where CMS recorded every payment). On Direct Pay CMS
 * records no payments, so nothing is put down to them. calc/chart gives no figure for the part in what CMS charged:
 * the words name it without one.
 */
function gapWords(s: NonNullable<ChartModel['summary']>, side: Side): string {
  const gap = `${poundsOfPence(s.gapSize)} ${way(s.gap)} than the evidence does`;
  if (s.broughtForward && s.broughtForward.difference !== 0) return gapWithBroughtForward(s, s.broughtForward, side);
  if (s.directPay) return `CMS’s records put the balance ${gap}.`;
  if (s.paidMinusRecorded === s.gap) return `CMS’s record of payments puts the balance ${gap}.`;
  if (s.paidMinusRecorded === 0)
    return `CMS’s records put the balance ${gap}, though they record as paid what the evidence shows: the difference is in ${CHARGED}.`;
  const payments =
    Math.sign(s.paidMinusRecorded) === Math.sign(s.gap) && s.paidMinusRecordedSize < s.gapSize
      ? `${poundsOfPence(s.paidMinusRecordedSize)} of that is its record of payments`
      : `its record of payments alone would put it ${poundsOfPence(s.paidMinusRecordedSize)} ${way(s.paidMinusRecorded)}`;
  return `CMS’s records put the balance ${gap}: ${payments}, and the rest of the difference is in ${CHARGED}.`;
}

const way = (n: number): string => (n > 0 ? 'higher' : 'lower');
/** What the part of the gap neither the payments nor a balance brought forward explain is in. */
const CHARGED = 'what CMS charged and adjusted, set against what fell due under the decisions and the payment plan';

/**
 * The gap where CMS's balance brought forward differs from what the records make owed the day before (a journey
 * probe: £520.00 brought forward against £260.00 owed was put down to "what CMS charged and adjusted", though CMS's
 * entries from that day on agree with the evidence). That part arose before CMS's statement starts; its record of
 * payments and the rest are named beside it, each with the way it moves the balance, as they may pull apart.
 */
function gapWithBroughtForward(
  s: NonNullable<ChartModel['summary']>,
  bf: NonNullable<NonNullable<ChartModel['summary']>['broughtForward']>,
  side: Side,
): string {
  const moves = (n: number) => `${poundsOfPence(Math.abs(n))} ${way(n)}`;
  const words = (pence: number) => balanceWords(Math.abs(pence), positionOf(pence), side);
  const gap = `CMS’s records put the balance ${moves(s.gap)} than the evidence does`;
  const broughtForward =
    `the balance CMS brought forward on ${dateInWords(bf.date)}, ${words(bf.cms)}, ` +
    `where the decisions and the payments make ${words(bf.owed)} at the end of the day before`;
  if (s.paidMinusRecorded === 0 && bf.rest === 0) return `${gap}, all of it arising before its statement starts: ${broughtForward}.`;
  const parts = [
    `${broughtForward}, puts it ${moves(bf.difference)}`,
    ...(s.paidMinusRecorded !== 0 ? [`its record of payments puts it ${moves(s.paidMinusRecorded)}`] : []),
    ...(bf.rest !== 0 ? [`${CHARGED}, puts it ${moves(bf.rest)}`] : []),
  ];
  const listed = `${parts.slice(0, -1).join('; ')}; and ${parts[parts.length - 1]}`;
  return `${gap}. ${listed.charAt(0).toUpperCase()}${listed.slice(1)}.`;
}

/** The text alternative of the chart, in sentences. */
export function chartText(model: ChartModel): string {
  const s = model.summary;
  if (!s) return 'The chart is empty: there are no periods to show.';
  const moved = model.side === 'paying' ? 'was paid' : 'was received';
  // How CMS's record compares with the evidence, over the periods in which CMS records payments.
  const recorded = (evidence: string) =>
    s.paidMinusRecorded > 0
      ? `, ${poundsOfPence(s.paidMinusRecordedSize)} less than ${evidence}`
      : s.paidMinusRecorded < 0
        ? `, ${poundsOfPence(s.paidMinusRecordedSize)} more than ${evidence}`
        : `, the same as ${evidence}`;
  const periods = (n: number) => `${n} ${n === 1 ? 'period' : 'periods'}`;
  // On Direct Pay CMS records no payments (cms-accounts.md §1): its total covers the other periods only, and says so.
  const dp = s.directPay;
  // Before a balance CMS brings forward, its record of payments is not known (calc/chart `summary.cmsRecord`): its total
  // covers the periods from then on only, and says so.
  const rec = s.cmsRecord;
  const from = rec?.from ? ` from ${dateInWords(rec.from)}` : '';
  const unknown = rec
    ? rec.notKnownBefore
      ? `CMS’s record of payments before ${dateInWords(rec.notKnownBefore)} is not known`
      : 'CMS’s record of payments is not known'
    : undefined;
  const cmsRecorded =
    rec && rec.periods === 0
      ? `${unknown}, and no period starts on or after that day.`
      : dp
        ? `${unknown ? `${unknown}. ` : ''}${
            dp.otherPeriods === 0
              ? `Every period${from} is on Direct Pay, where CMS records no payments.`
              : `In the ${periods(dp.otherPeriods)}${from} not on Direct Pay, CMS recorded ${poundsOfPence(s.recordedByCms)} as paid${recorded(`the evidence shows for them (${poundsOfPence(dp.paidInOthers)})`)}; in the ${periods(dp.periods)}${from} on Direct Pay, CMS records no payments.`
          }`
        : rec
          ? `${unknown}: in the ${periods(rec.periods)}${from}, CMS recorded ${poundsOfPence(s.recordedByCms)} as paid${recorded(`the evidence shows for them (${poundsOfPence(rec.paid)})`)}.`
          : undefined;
  const sentences = [
    `The chart covers ${periods(s.periods)}, from ${dateInWords(s.from)} to ${dateInWords(s.to)}.`,
    cmsRecorded
      ? `In that time ${poundsOfPence(s.due)} fell due and ${poundsOfPence(s.paid)} ${moved}, as the evidence shows. ${cmsRecorded}`
      : `In that time ${poundsOfPence(s.due)} fell due and ${poundsOfPence(s.paid)} ${moved}, as the evidence shows; CMS recorded ${poundsOfPence(s.recordedByCms)} as paid${recorded('the evidence shows')}.`,
    `At the end, the balance worked out from the evidence is ${balanceWords(s.balanceSize, s.balancePosition, model.side)}; worked out from CMS’s records it is ${balanceWords(s.balancePerCmsSize, s.balancePerCmsPosition, model.side)}.`,
  ];
  if (s.gap !== 0) sentences.push(gapWords(s, model.side));
  const notKnownBefore = model.cmsBalance.notKnownBefore;
  if (notKnownBefore) {
    sentences.push(
      `CMS’s balance before ${dateInWords(notKnownBefore)}, the day it brings its balance forward from, is not known: its line starts there, and the two balances are compared from then on.`,
    );
  }
  if (s.widestGap && s.widestGap.amount !== s.gap) {
    sentences.push(
      `The two balances were furthest apart, by ${poundsOfPence(s.widestGap.size)}, at the end of the period to ${dateInWords(s.widestGap.date)}.`,
    );
  }
  if (!s.widestGap)
    sentences.push(notKnownBefore ? 'From then on the two balances are the same.' : 'The two balances are the same throughout.');
  return sentences.join(' ');
}

/** The chart as a table: a heading per line of the chart, one row a period, every amount as calc/chart has it. */
export interface ChartTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** The chart's figures as a table in words: the period, then each line's value at its end. */
export function chartTable(model: ChartModel): ChartTable {
  return {
    columns: ['Period', ...CHART_SERIES.map((id) => seriesLabel(id, model.side))],
    rows: model.points.map((p) => [
      `${dateInWords(p.periodStart)} to ${dateInWords(p.periodEnd)}`,
      ...CHART_SERIES.map((id) =>
        id === 'recorded_by_cms' && !p.cmsRecordKnown
          ? CMS_RECORD_NOT_KNOWN
          : id === 'recorded_by_cms' && !p.cmsRecordsPayments
            ? NOT_RECORDED_ON_DIRECT_PAY
            : id === 'balance_per_cms' && !p.cmsBalanceKnown
              ? CMS_BALANCE_NOT_KNOWN
              : poundsOfPence(p.values[id]),
      ),
    ]),
  };
}

/** The table in words as lines of text, one a period: "1 January 2024 to 31 January 2024: Due under the decisions £312.00; …". */
export function chartTableText(model: ChartModel): string[] {
  const t = chartTable(model);
  return t.rows.map(
    (row) =>
      `${row[0]}: ${row
        .slice(1)
        .map((cell, i) => `${t.columns[i + 1]} ${cell}`)
        .join('; ')}.`,
  );
}
