/**
 * The chart of a reconciliation, as data: for each period what fell due, what the evidence shows paid, what CMS
 * recorded as paid, and the two running balances (from the evidence, and from CMS's record of payments), in whole
 * pence; the totals over the periods; and the axes. Everything a renderer or a sentence about the chart quotes is
 * here, so letters/ only places and formats it.
 *
 * Two panels share the date axis: per-period amounts (a few hundred pounds) and running balances (often
 * thousands) each get their own money axis, since on one axis the per-period lines would be flat at the bottom.
 *
 * Where CMS's statement brings a balance forward from inside the periods, CMS's balance before that day is not known
 * (cms-accounts.md §4; calc/reconcile marks those periods `cmsUnknown`): CMS's line (`cmsBalance`) starts on that day,
 * at the balance brought forward, and says from when it is known. Before, it was drawn at £0 in those periods, which
 * reads as CMS saying nothing was owed. CMS's record of payments is not known there either: what CMS recorded as paid
 * is known only in the periods that start on or after that day (`ChartPoint.cmsRecordKnown`), and only those are
 * drawn, printed or totalled as CMS's record (before, they were drawn at £0, which reads as CMS recording no payments).
 * @module
 */
import { toDayNumber, type CivilDate } from '../dates.ts';
import { parsePence } from '../money.ts';
import { RECONCILE_STEP } from '../reconcile/reconcile.ts';
import type { Dec } from '../money.ts';
import type { PeriodRow, Reconciliation, Side } from '../reconcile/types.ts';
import { dateAxis, dateFraction, valueAxis, valueFraction, type DateAxis, type ValueAxis } from './ticks.ts';

/** The lines of the chart: three per-period amounts and two running balances. */
export const CHART_SERIES = ['due', 'paid', 'recorded_by_cms', 'balance', 'balance_per_cms'] as const;
export type ChartSeriesId = (typeof CHART_SERIES)[number];

/** Which panel each line is drawn in. */
export const CHART_PANELS = ['balances', 'amounts'] as const;
export type ChartPanelId = (typeof CHART_PANELS)[number];
export const SERIES_PANEL: Readonly<Record<ChartSeriesId, ChartPanelId>> = {
  due: 'amounts',
  paid: 'amounts',
  recorded_by_cms: 'amounts',
  balance: 'balances',
  balance_per_cms: 'balances',
};

/**
 * One period, in whole pence. Drawn at the period's first day, so that a period's point sits on its month's tick
 * ("Mar 2024" is the period from 1 March); the balances are those at the period's end.
 */
export interface ChartPoint {
  readonly periodStart: CivilDate;
  readonly periodEnd: CivilDate;
  /** Days since 1970-01-01 of the period's first day: the point's place on the date axis. */
  readonly day: number;
  readonly values: Readonly<Record<ChartSeriesId, number>>;
  /** Where the point is across the date axis: 0 at its start, 1 at its end (a renderer scales it to its box). */
  readonly x: number;
  /** Where each value is up its panel's money axis: 0 at the bottom, 1 at the top. */
  readonly y: Readonly<Record<ChartSeriesId, number>>;
  /**
   * False in a Direct Pay period, where CMS records no payments (cms-accounts.md §1): its `recorded_by_cms` there is
   * what CMS's figure takes as paid (the instalment, less any missed payment reported), not a payment CMS recorded,
   * so it is neither drawn nor printed as one, nor counted in the summary's `recordedByCms`.
   */
  readonly cmsRecordsPayments: boolean;
  /**
   * False in a period that ends before the day CMS brings a balance forward from (the period row's `cmsUnknown`): CMS's
   * balance at its end is not known. Its `balance_per_cms` (0 there, as the row keeps it) is not CMS's balance: it is
   * neither drawn nor printed as one (CMS's line is `ChartModel.cmsBalance`), nor counted in the summary's gaps.
   */
  readonly cmsBalanceKnown: boolean;
  /**
   * False in a period that starts before the day CMS brings a balance forward from (or, with no balance brought forward
   * given, one whose CMS balance is not known): CMS's statement does not cover the whole period, so what CMS recorded as
   * paid in it is not known. Its `recorded_by_cms` (0 there, as the row keeps it) is not CMS's record: it is neither
   * drawn nor printed as one, nor counted in the summary's `recordedByCms` or set against what was paid. True exactly in
   * the periods on CMS's balance line (`ChartModel.cmsBalance`).
   */
  readonly cmsRecordKnown: boolean;
}

/** A point of CMS's balance line: its day, the balance in whole pence, and its place as a {@link ChartPoint} has it. */
export interface BalancePoint {
  readonly date: CivilDate;
  /** Days since 1970-01-01. */
  readonly day: number;
  readonly value: number;
  readonly x: number;
  readonly y: number;
  /**
   * `brought_forward`: the balance CMS brings forward, on its day; `period`: a period's balance at its end, drawn at the
   * period's first day as every line's is.
   */
  readonly kind: 'brought_forward' | 'period';
}

/**
 * CMS's running balance (the `balance_per_cms` line) as it is drawn. Without a balance brought forward from inside
 * the periods: one point a period, as `points` has them. With one: a point on its day at the balance brought forward
 * (unless a period starts that day: then that period's point is first), then each period that starts after it;
 * nothing before it, and `notKnownBefore` is its day, for a renderer to say that CMS's balance before then is not
 * known.
 */
export interface CmsBalanceLine {
  readonly points: readonly BalancePoint[];
  readonly notKnownBefore?: CivilDate;
}

/** A balance in whole pence: positive, the paying parent owes. */
export type BalancePosition = 'arrears' | 'overpaid' | 'settled';

export interface ChartSummary {
  readonly from: CivilDate;
  readonly to: CivilDate;
  readonly periods: number;
  /** Σ over the periods of what fell due and what the evidence shows paid. */
  readonly due: number;
  readonly paid: number;
  /**
   * Σ of what CMS recorded as paid, over the periods in which it records payments (not those on Direct Pay) and its
   * record of them is known (`ChartPoint.cmsRecordKnown`).
   */
  readonly recordedByCms: number;
  /**
   * Present when CMS's record of payments is not known in some periods (those before a balance it brings forward): the
   * day from which it is known (`cmsBalance.notKnownBefore`; undefined when it is known in no period and no balance
   * brought forward is given), how many periods it is known in, the first one's start (undefined when none), and Σ of
   * what the evidence shows paid in them.
   */
  readonly cmsRecord?: {
    readonly notKnownBefore: CivilDate | undefined;
    readonly periods: number;
    readonly from: CivilDate | undefined;
    readonly paid: number;
  };
  /**
   * Present when some periods whose record is known are on Direct Pay, where CMS records no payments: how many, how many
   * others (whose record is known), and Σ of what the evidence shows paid in the others (the figure `recordedByCms` is
   * set against).
   */
  readonly directPay?: { readonly periods: number; readonly otherPeriods: number; readonly paidInOthers: number };
  /**
   * Σ paid − Σ recorded by CMS, over the periods in which CMS records payments and its record is known: positive, the
   * evidence shows more paid than CMS recorded.
   */
  readonly paidMinusRecorded: number;
  /** Its size, without the sign: for a sentence that says which way in words. */
  readonly paidMinusRecordedSize: number;
  /** The running balances at the end of the last period, and where each stands. */
  readonly balance: number;
  readonly balancePosition: BalancePosition;
  /** The balance's size, without the sign (the position says which way). */
  readonly balanceSize: number;
  readonly balancePerCms: number;
  readonly balancePerCmsPosition: BalancePosition;
  readonly balancePerCmsSize: number;
  /** balance per CMS − balance from the evidence, at the end: positive, CMS's records make the balance higher. */
  readonly gap: number;
  readonly gapSize: number;
  /**
   * The widest gap between the two balances at the end of any period in which CMS's is known (by size; the first such
   * period on a tie), signed as `gap`, its size, and the period it ends; undefined when the balances never differ there.
   */
  readonly widestGap: { readonly amount: number; readonly size: number; readonly date: CivilDate } | undefined;
  /**
   * Present when CMS brings a balance forward from inside the periods and what the records make owed at the end of the
   * day before is given (a reconciliation's bridge has both): its day, CMS's figure, that one, and CMS's less that
   * (positive: CMS's is higher). The part of `gap` that arose before CMS's statement starts, which nothing CMS charged
   * or recorded from then on explains. `rest`: the gap less that and less `paidMinusRecorded`, the part in what CMS
   * charged and adjusted, set against what fell due (each signed as `gap`; the three add up to it).
   */
  readonly broughtForward?: {
    readonly date: CivilDate;
    readonly cms: number;
    readonly owed: number;
    readonly difference: number;
    readonly rest: number;
  };
}

export interface ChartModel {
  readonly side: Side;
  readonly points: readonly ChartPoint[];
  readonly dates: DateAxis;
  readonly axes: Readonly<Record<ChartPanelId, ValueAxis>>;
  /** CMS's balance line, from where it is known ({@link CmsBalanceLine}). */
  readonly cmsBalance: CmsBalanceLine;
  /** Undefined when there are no periods. */
  readonly summary: ChartSummary | undefined;
}

/** Where a balance in whole pence stands: positive, the paying parent owes. */
export const positionOf = (p: number): BalancePosition => (p > 0 ? 'arrears' : p < 0 ? 'overpaid' : 'settled');

/**
 * A balance CMS brings forward from inside the periods: its day, CMS's figure, and what the records make owed at the end
 * of the day before, where known (the reconciliation's bridge has them).
 */
export interface BroughtForwardBalance {
  readonly date: CivilDate;
  readonly cms: Dec;
  readonly owed?: Dec;
}

/**
 * The chart of `periods` (a reconciliation's period rows, in date order). `side` says whose evidence it is, for the
 * words a renderer chooses ("paid" or "received"). `directPay` marks, by index, the periods on Direct Pay in which
 * CMS records no payments (none when not given). `broughtForward` is the balance CMS brings forward from inside the
 * periods, where its statement starts with one: CMS's line starts there. Without it, periods marked `cmsUnknown` still
 * have no point on CMS's line, which then starts at the first period whose balance is known. Integers throughout: a
 * period row is whole pence already.
 */
export function chartModel(
  periods: readonly PeriodRow[],
  side: Side,
  options: { readonly asOf?: CivilDate; readonly directPay?: readonly boolean[]; readonly broughtForward?: BroughtForwardBalance } = {},
): ChartModel {
  const rows = periods.map((p, i) => ({
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    day: toDayNumber(p.periodStart),
    cmsRecordsPayments: options.directPay?.[i] !== true,
    cmsBalanceKnown: p.cmsUnknown !== true,
    values: {
      due: parsePence(p.due),
      paid: parsePence(p.paid),
      recorded_by_cms: parsePence(p.recordedByCms),
      balance: parsePence(p.runningBalance),
      balance_per_cms: parsePence(p.runningBalancePerCms),
    },
  }));
  for (let i = 1; i < rows.length; i++) {
    if (rows[i]!.day < rows[i - 1]!.day) throw new RangeError('the periods of a chart must be in date order');
  }
  const from = rows[0]?.periodStart ?? options.asOf ?? '1970-01-01';
  const cms = cmsLineOf(rows, options.broughtForward);
  const onCmsLine = new Set(cms.periods);
  // The date axis runs from the first period's start to the last one's: where the points are (and to the day of a
  // balance brought forward in the last period, where CMS's line starts).
  const lastStart = rows[rows.length - 1]?.periodStart ?? from;
  const to = cms.start && cms.start.date > lastStart ? cms.start.date : lastStart;
  const range = (ids: readonly ChartSeriesId[]): [number, number] => {
    let lo = 0;
    let hi = 0;
    for (const p of rows) {
      for (const id of ids) {
        // A period's CMS balance that is not known is no value on the axis.
        if (id === 'balance_per_cms' && !p.cmsBalanceKnown) continue;
        lo = Math.min(lo, p.values[id]);
        hi = Math.max(hi, p.values[id]);
      }
    }
    if (cms.start && ids.includes('balance_per_cms')) {
      lo = Math.min(lo, cms.start.value);
      hi = Math.max(hi, cms.start.value);
    }
    return [lo, hi];
  };
  const seriesOf = (panel: ChartPanelId) => CHART_SERIES.filter((s) => SERIES_PANEL[s] === panel);
  const axes = {
    balances: valueAxis(...range(seriesOf('balances'))),
    amounts: valueAxis(...range(seriesOf('amounts'))),
  };
  const dates = dateAxis(from, to);
  const points: ChartPoint[] = rows.map((r, i) => ({
    ...r,
    cmsRecordKnown: onCmsLine.has(i),
    x: dateFraction(dates, r.day),
    y: Object.fromEntries(CHART_SERIES.map((id) => [id, valueFraction(axes[SERIES_PANEL[id]], r.values[id])])) as Record<
      ChartSeriesId,
      number
    >,
  }));
  const place = (date: CivilDate, day: number, value: number, kind: BalancePoint['kind']): BalancePoint => ({
    date,
    day,
    value,
    x: dateFraction(dates, day),
    y: valueFraction(axes.balances, value),
    kind,
  });
  const cmsBalance: CmsBalanceLine = {
    points: [
      ...(cms.start ? [place(cms.start.date, cms.start.day, cms.start.value, 'brought_forward')] : []),
      ...cms.periods.map((i) => place(rows[i]!.periodStart, rows[i]!.day, rows[i]!.values.balance_per_cms, 'period')),
    ],
    ...(cms.notKnownBefore ? { notKnownBefore: cms.notKnownBefore } : {}),
  };
  return { side, points, dates, axes, cmsBalance, summary: summaryOf(points, cms.notKnownBefore, options.broughtForward) };
}

/**
 * Which periods CMS's line is drawn through (by index), and the point it starts at on the day of a balance brought
 * forward, where one is given and no period starts that day; `notKnownBefore`: the day from which CMS's balance is
 * known, where it is not known throughout. Before the day of the balance brought forward, no point: a period that
 * starts before it is drawn at its first day, where CMS's balance is not known.
 */
function cmsLineOf(
  rows: readonly { readonly periodStart: CivilDate; readonly day: number; readonly cmsBalanceKnown: boolean }[],
  bf: BroughtForwardBalance | undefined,
): { periods: number[]; start?: { date: CivilDate; day: number; value: number }; notKnownBefore?: CivilDate } {
  const known = rows.flatMap((r, i) => (r.cmsBalanceKnown ? [i] : []));
  if (!bf || rows.length === 0 || bf.date <= rows[0]!.periodStart) {
    // With no balance brought forward, from the first period whose balance is known (the day after the last one whose
    // balance is not).
    const first = known[0];
    const unknownBefore = first !== undefined && first > 0 && !rows[first - 1]!.cmsBalanceKnown;
    return { periods: known, ...(unknownBefore ? { notKnownBefore: rows[first]!.periodStart } : {}) };
  }
  const day = toDayNumber(bf.date);
  const periods = known.filter((i) => rows[i]!.day >= day);
  const startsThatDay = periods.length > 0 && rows[periods[0]!]!.day === day;
  return {
    periods,
    ...(startsThatDay ? {} : { start: { date: bf.date, day, value: parsePence(bf.cms) } }),
    notKnownBefore: bf.date,
  };
}

/**
 * A reconciliation's chart: its period rows, from its side, as at its date. The periods in which CMS records no
 * payments are those on Direct Pay when reconciliation checked them against the missed-payment reports (its
 * `direct_pay` step: "CMS records no payments"); where CMS's account lists Direct Pay payments and no report,
 * reconciliation takes it to keep a full record and has no such step, and every period's payments are CMS's record.
 * Without the schedule and the trace, every period is taken as one in which CMS records payments. CMS's line starts
 * at the balance its statement brings forward (the bridge's `broughtForward`), where it brings one forward.
 */
export function reconciliationChart(
  result: Pick<Reconciliation, 'periods' | 'side' | 'asOf'> & Partial<Pick<Reconciliation, 'schedule' | 'trace' | 'bridge'>>,
): ChartModel {
  const checked = result.trace?.some((s) => s.step === RECONCILE_STEP.directPay) === true;
  const service = new Map((result.schedule?.lines ?? []).map((l) => [l.periodStart, l.service]));
  const directPay = result.periods.map((p) => checked && service.get(p.periodStart) === 'direct_pay');
  const broughtForward = result.bridge?.broughtForward;
  return chartModel(result.periods, result.side, { asOf: result.asOf, directPay, ...(broughtForward ? { broughtForward } : {}) });
}

function summaryOf(
  points: readonly ChartPoint[],
  notKnownBefore: CivilDate | undefined,
  bf: BroughtForwardBalance | undefined,
): ChartSummary | undefined {
  const last = points[points.length - 1];
  if (!last) return undefined;
  let due = 0;
  let paid = 0;
  let recordedByCms = 0;
  let paidInOthers = 0;
  let directPay = 0;
  let recordKnown = 0;
  let paidWhereKnown = 0;
  let widestGap: ChartSummary['widestGap'];
  for (const p of points) {
    due += p.values.due;
    paid += p.values.paid;
    // Where CMS's record of payments is not known, its 0 is not set against what was paid.
    if (p.cmsRecordKnown) {
      recordKnown++;
      paidWhereKnown += p.values.paid;
      if (p.cmsRecordsPayments) {
        recordedByCms += p.values.recorded_by_cms;
        paidInOthers += p.values.paid;
      } else directPay++;
    }
    // Where CMS's balance is not known, the two balances are not compared: 0 is not CMS's figure.
    if (!p.cmsBalanceKnown) continue;
    const gap = p.values.balance_per_cms - p.values.balance;
    if (gap !== 0 && (!widestGap || Math.abs(gap) > widestGap.size)) widestGap = { amount: gap, size: Math.abs(gap), date: p.periodEnd };
  }
  const balance = last.values.balance;
  const balancePerCms = last.values.balance_per_cms;
  return {
    from: points[0]!.periodStart,
    to: last.periodEnd,
    periods: points.length,
    due,
    paid,
    recordedByCms,
    ...(recordKnown < points.length
      ? {
          cmsRecord: {
            notKnownBefore,
            periods: recordKnown,
            from: points.find((p) => p.cmsRecordKnown)?.periodStart,
            paid: paidWhereKnown,
          },
        }
      : {}),
    ...(directPay > 0 ? { directPay: { periods: directPay, otherPeriods: recordKnown - directPay, paidInOthers } } : {}),
    paidMinusRecorded: paidInOthers - recordedByCms,
    paidMinusRecordedSize: Math.abs(paidInOthers - recordedByCms),
    balance,
    balancePosition: positionOf(balance),
    balanceSize: Math.abs(balance),
    balancePerCms,
    balancePerCmsPosition: positionOf(balancePerCms),
    balancePerCmsSize: Math.abs(balancePerCms),
    gap: balancePerCms - balance,
    gapSize: Math.abs(balancePerCms - balance),
    widestGap,
    ...(bf?.owed ? { broughtForward: broughtForwardFigures(bf, bf.owed, balancePerCms - balance, paidInOthers - recordedByCms) } : {}),
  };
}

function broughtForwardFigures(
  bf: BroughtForwardBalance,
  owedDayBefore: Dec,
  gap: number,
  paidMinusRecorded: number,
): NonNullable<ChartSummary['broughtForward']> {
  const cms = parsePence(bf.cms);
  const owed = parsePence(owedDayBefore);
  return { date: bf.date, cms, owed, difference: cms - owed, rest: gap - (cms - owed) - paidMinusRecorded };
}
