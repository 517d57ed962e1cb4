/**
 * How each line of the chart looks and what it is called. Readable in greyscale: the lines differ by dash
 * pattern, marker and weight, not by colour alone. One convention throughout: the evidence is solid, CMS's
 * records are dashed, what fell due is dotted; the per-period lines are thin, the balances thick.
 * @module
 */
import type { ChartPanelId, ChartSeriesId } from '../../calc/chart/index.ts';
import { dateInWords, type CivilDate } from '../../calc/dates.ts';
import type { Side } from '../../calc/reconcile/types.ts';

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond';

export interface SeriesStyle {
  /** Dash pattern in points (on, off, …); empty for a solid line. */
  readonly dash: readonly number[];
  readonly marker: MarkerShape;
  readonly filled: boolean;
  readonly width: number;
  readonly colour: string;
}

const EVIDENCE = '#111111';
const CMS = '#b5402a';
const DUE = '#2b5c8a';

export const SERIES_STYLES: Readonly<Record<ChartSeriesId, SeriesStyle>> = {
  due: { dash: [1.5, 2.5], marker: 'circle', filled: false, width: 1.3, colour: DUE },
  paid: { dash: [], marker: 'square', filled: true, width: 1.3, colour: EVIDENCE },
  recorded_by_cms: { dash: [6, 3], marker: 'triangle', filled: false, width: 1.3, colour: CMS },
  balance: { dash: [], marker: 'circle', filled: true, width: 2.2, colour: EVIDENCE },
  balance_per_cms: { dash: [6, 3], marker: 'diamond', filled: false, width: 2.2, colour: CMS },
};

/** The legend's words for each line. */
export function seriesLabel(id: ChartSeriesId, side: Side): string {
  switch (id) {
    case 'due':
      return 'Due under the decisions';
    case 'paid':
      return side === 'paying' ? 'Paid, as the evidence shows' : 'Received, as the evidence shows';
    case 'recorded_by_cms':
      return 'Recorded by CMS as paid';
    case 'balance':
      return 'Balance from the evidence';
    case 'balance_per_cms':
      return 'Balance from CMS’s records';
  }
}

export const PANEL_TITLES: Readonly<Record<ChartPanelId, string>> = {
  balances: 'Running balance at the end of each period (above £0: the paying parent owes)',
  amounts: 'Each period: what fell due, what was paid and what CMS recorded',
};

/**
 * A panel's title from a side. From the receiving side, above £0 is what is owed to her, not "the paying parent
 * owes": her evidence shows what did not reach her, not who holds it (a payment CMS records passing on that never
 * arrived may be CMS's to trace).
 */
export function panelTitle(id: ChartPanelId, side: Side): string {
  return id === 'balances' && side === 'receiving'
    ? 'Running balance at the end of each period (above £0: owed to the receiving parent)'
    : PANEL_TITLES[id];
}

/** What CMS recorded as paid in a Direct Pay period, where it records no payments (cms-accounts.md §1). */
export const NOT_RECORDED_ON_DIRECT_PAY = '— (Direct Pay: CMS records no payments)';

/**
 * Where CMS brings a balance forward from inside the periods: its balance before that day is not known (calc/chart
 * `cmsBalance.notKnownBefore`), and its line starts there. Said beside its line in the legend, and in the table.
 */
export const cmsNotKnownNote = (date: CivilDate): string => `not known before ${dateInWords(date)}`;
export const CMS_BALANCE_NOT_KNOWN = 'Not known (before CMS’s balance brought forward)';
/**
 * What CMS recorded as paid in a period that starts before the day it brings a balance forward from (calc/chart
 * `ChartPoint.cmsRecordKnown` false): its statement does not cover the period, so its record of payments is not known.
 */
export const CMS_RECORD_NOT_KNOWN = 'Not known (the period starts before CMS’s balance brought forward)';

/** The chart's title, e.g. for an SVG's <title>. */
export const CHART_TITLE = 'Due, paid and recorded by CMS, and the two running balances';
