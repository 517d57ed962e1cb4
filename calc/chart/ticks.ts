/**
 * Axis ticks for a chart of money over time, in integers: "nice" steps of 1, 2 or 5 × 10^k pence, and month
 * ticks at a step of 1, 2, 3, 6, 12, 24, 60 or 120 months. Labels are written here (money by calc/money, months as
 * "Jan 2024"), so a renderer only places them.
 * @module
 */
import { MONTH_NAMES, toDayNumber, type CivilDate } from '../dates.ts';
import { poundsOfPence } from '../money.ts';

/** A tick on the money axis: its value in whole pence and its label. */
export interface ValueTick {
  readonly value: number;
  readonly label: string;
  /** Where the tick is up the axis: 0 at the bottom (`min`), 1 at the top (`max`). */
  readonly at: number;
}

/** A money axis: from `min` to `max` (whole pence, both multiples of `step`), with a tick every `step`. */
export interface ValueAxis {
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly ticks: readonly ValueTick[];
  /** Where £0 is up the axis (0 to 1). */
  readonly zeroAt: number;
}

/** A tick on the date axis: the first day of a month. */
export interface DateTick {
  readonly date: CivilDate;
  /** Days since 1970-01-01, the axis's unit. */
  readonly day: number;
  readonly label: string;
  /** Where the tick is across the axis: 0 at `from`, 1 at `to`. */
  readonly at: number;
}

export interface DateAxis {
  readonly from: CivilDate;
  readonly to: CivilDate;
  readonly fromDay: number;
  readonly toDay: number;
  /** How many months apart the ticks are. */
  readonly monthStep: number;
  readonly ticks: readonly DateTick[];
}

/** ⌊a ÷ b⌋ for integers, b > 0, exact for negative a too (no float division). */
export function floorDiv(a: number, b: number): number {
  const r = ((a % b) + b) % b;
  return (a - r) / b;
}

/** ⌈a ÷ b⌉ for integers, b > 0. */
export function ceilDiv(a: number, b: number): number {
  return -floorDiv(-a, b);
}

/** 1, 2, 5, 10, 20, 50, … pence: the k-th nice step. */
function niceStep(k: number): number {
  return [1, 2, 5][k % 3]! * 10 ** Math.floor(k / 3);
}

/** A money label: "£1,200" for whole pounds, "£12.50" otherwise. */
export function axisPounds(p: number): string {
  const text = poundsOfPence(p);
  return p % 100 === 0 ? text.slice(0, -3) : text;
}

/**
 * The smallest nice step that covers [min, max] (whole pence) in at most `maxIntervals` intervals, the axis
 * running from the multiple of the step at or below `min` to the one at or above `max`. Zero is always on the
 * axis (a money chart that hides zero misleads); an empty range becomes £0 to £1.
 */
export function valueAxis(min: number, max: number, maxIntervals = 6): ValueAxis {
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min > max) {
    throw new RangeError(`a money axis needs whole pence with min <= max; got ${min} and ${max}`);
  }
  if (!Number.isInteger(maxIntervals) || maxIntervals < 1) throw new RangeError(`maxIntervals must be a whole number of at least 1`);
  const lo = Math.min(min, 0);
  let hi = Math.max(max, 0);
  if (lo === hi) hi = 100;
  let k = 0;
  let step = niceStep(k);
  while (ceilDiv(hi, step) - floorDiv(lo, step) > maxIntervals) step = niceStep(++k);
  const first = floorDiv(lo, step);
  const last = ceilDiv(hi, step);
  const span = { min: first * step, max: last * step };
  const ticks: ValueTick[] = [];
  for (let i = first; i <= last; i++) ticks.push({ value: i * step, label: axisPounds(i * step), at: valueFraction(span, i * step) });
  return { ...span, step, ticks, zeroAt: valueFraction(span, 0) };
}

/**
 * Where `value` (whole pence) is up an axis, 0 at `min` and 1 at `max`: a position for drawing, not money (a
 * float is fine here, and every renderer gets the same one).
 */
export function valueFraction(axis: { readonly min: number; readonly max: number }, value: number): number {
  return axis.max === axis.min ? 0 : (value - axis.min) / (axis.max - axis.min);
}

/** Where `day` is across a date axis, 0 at its start and 1 at its end; a one-day axis puts everything in the middle. */
export function dateFraction(axis: { readonly fromDay: number; readonly toDay: number }, day: number): number {
  return axis.toDay === axis.fromDay ? 0.5 : (day - axis.fromDay) / (axis.toDay - axis.fromDay);
}

const MONTH_STEPS = [1, 2, 3, 6, 12, 24, 60, 120] as const;

/** "Jan 2024". */
export function monthLabel(date: CivilDate): string {
  return `${MONTH_NAMES[Number(date.slice(5, 7)) - 1]!.slice(0, 3)} ${date.slice(0, 4)}`;
}

/** Months since January of year 0, for a date's month. */
const monthIndex = (date: CivilDate): number => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
const monthStart = (index: number): CivilDate =>
  `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;

/**
 * Ticks on the first day of the month, every 1, 2, 3, 6, 12, … months (the months counted from January, so a
 * 3-month step falls on quarters and a 12-month step on Januaries), at most `maxTicks` of them inside [from, to].
 */
export function dateAxis(from: CivilDate, to: CivilDate, maxTicks = 8): DateAxis {
  if (to < from) throw new RangeError(`a date axis needs from <= to; got ${from} and ${to}`);
  const fromDay = toDayNumber(from);
  const toDay = toDayNumber(to);
  const firstMonth = monthIndex(from) + (from.endsWith('-01') ? 0 : 1);
  const lastMonth = monthIndex(to);
  const ticksAt = (step: number): number[] => {
    const out: number[] = [];
    for (let m = ceilDiv(firstMonth, step) * step; m <= lastMonth; m += step) out.push(m);
    return out;
  };
  let monthStep: number = MONTH_STEPS[MONTH_STEPS.length - 1]!;
  for (const s of MONTH_STEPS) {
    if (ticksAt(s).length <= maxTicks) {
      monthStep = s;
      break;
    }
  }
  const ticks = ticksAt(monthStep).map((m) => {
    const date = monthStart(m);
    const day = toDayNumber(date);
    return { date, day, label: monthLabel(date), at: dateFraction({ fromDay, toDay }, day) };
  });
  return { from, to, fromDay, toDay, monthStep, ticks };
}
