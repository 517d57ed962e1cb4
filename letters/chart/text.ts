/**
 * The chart in words, for those who cannot see it (an SVG's <desc>, the text under the chart in a bundle, a
 * screen reader on the web page): a few sentences, and the chart as a table, one row a period. Every figure is
 * one calc/chart worked out (sizes and positions included); this only writes the words.
 * @module
 */
import { CHART_SERIES, type BalancePosition, type ChartModel } from '../../calc/chart/index.ts';
import { dateInWords } from '../../calc/dates.ts';
import { poundsOfPence } from '../../calc/money.ts';
import { seriesLabel } from './style.ts';

/** A balance in words from its size and position: "£520.00 owed by the paying parent", "an overpayment of £12.00". */
function balanceWords(size: number, position: BalancePosition): string {
  const amount = poundsOfPence(size);
  return position === 'arrears'
    ? `${amount} owed by the paying parent`
    : position === 'overpaid'
      ? `an overpayment of ${amount}`
      : `nothing owed (${amount})`;
}

/** The text alternative of the chart, in sentences. */
export function chartText(model: ChartModel): string {
  const s = model.summary;
  if (!s) return 'The chart is empty: there are no periods to show.';
  const moved = model.side === 'paying' ? 'was paid' : 'was received';
  const recorded =
    s.paidMinusRecorded > 0
      ? `, ${poundsOfPence(s.paidMinusRecordedSize)} less than the evidence shows`
      : s.paidMinusRecorded < 0
        ? `, ${poundsOfPence(s.paidMinusRecordedSize)} more than the evidence shows`
        : ', the same as the evidence shows';
  const sentences = [
    `The chart covers ${s.periods} ${s.periods === 1 ? 'period' : 'periods'}, from ${dateInWords(s.from)} to ${dateInWords(s.to)}.`,
    `In that time ${poundsOfPence(s.due)} fell due and ${poundsOfPence(s.paid)} ${moved}, as the evidence shows; CMS recorded ${poundsOfPence(s.recordedByCms)} as paid${recorded}.`,
    `At the end, the balance worked out from the evidence is ${balanceWords(s.balanceSize, s.balancePosition)}; worked out from CMS’s record of payments it is ${balanceWords(s.balancePerCmsSize, s.balancePerCmsPosition)}.`,
  ];
  if (s.gap !== 0) {
    sentences.push(
      `CMS’s record of payments puts the balance ${poundsOfPence(s.gapSize)} ${s.gap > 0 ? 'higher' : 'lower'} than the evidence does.`,
    );
  }
  if (s.widestGap && s.widestGap.amount !== s.gap) {
    sentences.push(
      `The two balances were furthest apart, by ${poundsOfPence(s.widestGap.size)}, at the end of the period to ${dateInWords(s.widestGap.date)}.`,
    );
  }
  if (!s.widestGap) sentences.push('The two balances are the same throughout.');
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
      ...CHART_SERIES.map((id) => poundsOfPence(p.values[id])),
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
