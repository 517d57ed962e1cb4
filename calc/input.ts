/**
 * Reading user input in the core: each reader names the field when it refuses a value.
 * @module
 */
import { InputError } from './errors.ts';
import { Dec, formatMoney, MAX_PENCE, money, plainPence, poundsOfPence, type MoneyInput } from './money.ts';

/** The largest amount of money Reckoner takes, in pounds (MAX_MONEY as a number). */
const MAX_POUNDS = MAX_PENCE / 100;

/** Money that must be 0 or more. */
export function nonNegativeMoney(field: string, value: MoneyInput): Dec {
  let d: Dec;
  try {
    d = money(value);
  } catch (e) {
    throw new InputError(field, (e as Error).message);
  }
  if (d.isNegative()) throw new InputError(field, `must not be negative (got ${formatMoney(d)})`);
  return d;
}

/**
 * Money that must be 0 or more, as whole pence: the calculators work in pence. Whole pence ("62.86", 62.86, "£1,234")
 * are read without a decimal object. A figure with a fraction of a penny ("62.865") is taken to the nearest penny,
 * half a penny up, as reg 6 of SI 2012/2677 rounds every figure; `warnings`, when given, is told which field and what
 * was used, so the rounding is never silent. Refused as {@link nonNegativeMoney} refuses, naming the field.
 */
export function nonNegativePence(field: string, value: MoneyInput, warnings?: string[]): number {
  if (typeof value === 'string') {
    const p = plainPence(value);
    if (p >= 0 && p <= MAX_PENCE) return p;
  } else if (typeof value === 'number' && value >= 0 && value <= MAX_POUNDS) {
    // A number of whole pence, without writing it out to read it back: p ÷ 100 is the number given only when the
    // number is the double nearest p pence, and then its shortest decimal form is p pence written out (two amounts
    // of whole pence are 0.01 apart, and below £1,000,000,000 a double is exact to far less than half of that).
    const p = Math.round(value * 100);
    if (p / 100 === value) return p === 0 ? 0 : p;
  }
  const d = nonNegativeMoney(field, value);
  const exact = d.times(100);
  const p = exact.toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber();
  if (warnings && !exact.isInteger()) {
    warnings.push(
      `${field}: ${d.toString()} has a fraction of a penny, so ${poundsOfPence(p)} is used (figures are taken to the nearest penny, half a penny up, as SI 2012/2677 reg 6 rounds them).`,
    );
  }
  return p === 0 ? 0 : p;
}

/** A count: a whole number from 0 to `max`; 0 when not given. */
export function wholeNumber(field: string, value: unknown, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return 0;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new InputError(field, `must be a whole number, 0 or more (got ${JSON.stringify(value)})`);
  }
  if (value > max) throw new InputError(field, `must be at most ${max} (got ${value})`);
  return value;
}
