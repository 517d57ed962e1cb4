/**
 * Money for the whole project: decimal.js, never a float.
 *
 * All arithmetic goes through the {@link Dec} constructor configured here (40 significant digits,
 * half-up rounding), so no module depends on decimal.js's global defaults.
 * @module
 */
import { Decimal as DecimalJs } from 'decimal.js';

/** Decimal configured for money: 40 significant digits, ties rounded away from zero ("half up" for positives). */
export const Dec = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});
export type Dec = InstanceType<typeof Dec>;

/** What callers may pass as money: a decimal, a string such as "62.86", or a finite number such as 62.86. */
export type MoneyInput = Dec | string | number;

const PLAIN_OR_GROUPED = /^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;
const OTHER_CURRENCY = /[€$¥₹]|\b(EUR|USD)\b|\dp$/i;

/** Why a money string is refused, or undefined when it is money in pounds. */
function moneyTextProblem(value: string): string | undefined {
  const text = value.trim();
  const unsigned = text.replace(/^-?£?-?/, '');
  if (PLAIN_OR_GROUPED.test(unsigned) && (text.match(/-/g)?.length ?? 0) <= 1) return undefined;
  if (OTHER_CURRENCY.test(text)) return `"${value}" is not in pounds; give the amount in pounds, such as "1234.56" (a leading £ is fine)`;
  if (/^-?£?\d+,\d{1,2}$/.test(text)) {
    return `"${value}" has a decimal comma; write pounds and pence with a point, such as "${unsigned.replace(',', '.')}"`;
  }
  if (unsigned.includes(',')) return `"${value}" has commas out of place; write it like "1234.56" or "£1,234.56"`;
  return `"${value}" is not an amount of money; write it like "1234.56" or "£1,234.56"`;
}

/** Thrown when a value cannot be read as money. The message says what was wrong. */
export class MoneyFormatError extends Error {
  override name = 'MoneyFormatError';
}

/**
 * Reads money from a decimal, a string in pounds ("1234.5", "-3", "£1,234.56", "-£20") or a finite number.
 * Refused, with the reason: another currency ("€5"), a decimal comma ("12,50", which must not become
 * £1,250) and commas out of place.
 * Numbers are read through their shortest decimal representation, so 0.1 is exactly 0.1.
 */
export function money(value: MoneyInput): Dec {
  if (value instanceof Dec) return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new MoneyFormatError(`${value} is not an amount of money`);
    return new Dec(String(value));
  }
  if (typeof value !== 'string') {
    throw new MoneyFormatError(
      value === undefined || value === null
        ? 'is missing; give an amount such as "1234.56"'
        : `${JSON.stringify(value)} is not an amount of money; give one such as "1234.56"`,
    );
  }
  const problem = moneyTextProblem(value);
  if (problem) throw new MoneyFormatError(problem);
  const text = value.trim();
  return new Dec(`${text.includes('-') ? '-' : ''}${text.replace(/[-£,]/g, '')}`);
}

/** Rounds to the nearest penny, half a penny up (CSMCR 2012 reg 6 for figures other than the rate). */
export function roundPenny(value: Dec): Dec {
  return value.toDecimalPlaces(2, Dec.ROUND_HALF_UP);
}

/** Rounds to the nearest whole pound, 50p up (CSMCR 2012 reg 6 for the basic and reduced rates). */
export function roundPound(value: Dec): Dec {
  return value.toDecimalPlaces(0, Dec.ROUND_HALF_UP);
}

/** The JSON form of money: a string with exactly two decimals, e.g. "62.86". Rounds half up to the penny. */
export function formatMoney(value: Dec): string {
  const text = roundPenny(value).toString();
  const [whole, pence = ''] = text.split('.');
  return `${whole}.${pence.padEnd(2, '0')}`;
}

/** Money for people to read: "£30,000.00". (JSON values use {@link formatMoney}.) */
export function pounds(value: Dec): string {
  const text = formatMoney(value);
  const negative = text.startsWith('-');
  const [whole, pence] = (negative ? text.slice(1) : text).split('.');
  return `${negative ? '-' : ''}£${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${pence}`;
}

/** Exact rational fraction, kept as numerator/denominator so one-seventh stays exact. */
export interface Fraction {
  readonly numerator: number;
  readonly denominator: number;
}

/** Multiplies money by an exact fraction without intermediate rounding. */
export function timesFraction(value: Dec, f: Fraction): Dec {
  return value.times(f.numerator).dividedBy(f.denominator);
}

/** Greatest common divisor of two whole numbers. */
export function gcd(a: number, b: number): number {
  return b === 0 ? Math.abs(a) : gcd(b, a % b);
}

/** The fraction in lowest terms. */
export function fraction(numerator: number, denominator: number): Fraction {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || denominator <= 0) {
    throw new RangeError(`${numerator}/${denominator} is not a fraction of whole numbers`);
  }
  const g = gcd(numerator, denominator) || 1;
  return { numerator: numerator / g, denominator: denominator / g };
}

/** "3/7", or "0" / "1" for whole values. */
export function formatFraction(f: Fraction): string {
  const { numerator, denominator } = fraction(f.numerator, f.denominator);
  if (denominator === 1) return String(numerator);
  return `${numerator}/${denominator}`;
}

export const ZERO = new Dec(0);
