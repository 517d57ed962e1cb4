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
  if (value instanceof Dec) return bounded(value, value.toString());
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new MoneyFormatError(`${value} is not an amount of money`);
    return bounded(new Dec(String(value)), String(value));
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
  return bounded(new Dec(`${text.includes('-') ? '-' : ''}${text.replace(/[-£,]/g, '')}`), JSON.stringify(value));
}

/** The one bound on money everywhere: £1,000,000,000, far beyond any maintenance figure or income. */
export const MAX_MONEY = new Dec(1_000_000_000);

function bounded(d: Dec, shown: string): Dec {
  if (d.abs().gt(MAX_MONEY))
    throw new MoneyFormatError(`${shown} is too large to be an amount of money here; amounts above £1,000,000,000 are refused`);
  return d;
}

/** Largest amount, in pence, that money is read as whole pence: £1,000,000,000.00, far beyond any maintenance figure. */
export const MAX_PENCE = MAX_MONEY.times(100).toNumber();

const PENCE_TEXT = /^(-?)£?(-?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/**
 * Reads money as whole pence, an integer, without a decimal object: the same grammar as {@link money} (a
 * finite number, or a string such as "1234.5", "-3", "£1,234.56", "-£20"), refused with the same reasons.
 * Used where many rows are read at once (bank statements); an amount with a fraction of a penny, or one
 * beyond {@link MAX_PENCE}, is refused with what to do.
 */
export function parsePence(value: MoneyInput): number {
  if (typeof value === 'string') {
    const fast = plainPence(value);
    if (fast >= 0 && fast <= MAX_PENCE) return fast;
  }
  if (value instanceof Dec) return pence(value);
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  if (typeof text !== 'string' || (typeof value === 'number' && text === '')) return pence(money(value));
  const m = PENCE_TEXT.exec(text.trim());
  // Exponents ("1e-7"), grouped commas out of place and the rest go through money() for its exact message.
  if (!m || (m[1] && m[2])) return pence(money(value));
  const fraction = (m[4] ?? '').replace(/0+$/, '');
  if (fraction.length > 2)
    throw new MoneyFormatError(`${JSON.stringify(value)} is not whole pence; give pounds and pence, such as "12.34"`);
  const whole = m[3]!.length > 3 && m[3]!.includes(',') ? m[3]!.replace(/,/g, '') : m[3]!;
  if (whole.length > 10) throw new MoneyFormatError(`${JSON.stringify(value)} is too large to be an amount of maintenance`);
  const p = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (p > MAX_PENCE) throw new MoneyFormatError(`${JSON.stringify(value)} is too large to be an amount of maintenance`);
  return m[1] || m[2] ? (p === 0 ? 0 : -p) : p;
}

/** "1234.56", "12.5", "7": whole pence without a regular expression, or -1 when the text is any other form. */
export function plainPence(text: string): number {
  const n = text.length;
  if (n === 0 || n > 14) return -1;
  let whole = 0;
  let i = 0;
  for (; i < n; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    whole = whole * 10 + c;
  }
  if (i === 0) return -1;
  if (i === n) return whole * 100;
  if (text.charCodeAt(i) !== 46 || n - i - 1 < 1 || n - i - 1 > 2) return -1;
  const d1 = text.charCodeAt(i + 1) - 48;
  const d2 = n - i - 1 === 2 ? text.charCodeAt(i + 2) - 48 : 0;
  if (d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return -1;
  return whole * 100 + d1 * 10 + d2;
}

function pence(d: Dec): number {
  if (!d.equals(d.toDecimalPlaces(2)))
    throw new MoneyFormatError(`${d.toString()} is not whole pence; give pounds and pence, such as "12.34"`);
  if (d.abs().times(100).gt(MAX_PENCE)) throw new MoneyFormatError(`${d.toString()} is too large to be an amount of maintenance`);
  const p = d.times(100).toNumber();
  return p === 0 ? 0 : p;
}

/**
 * The exact quotient n ÷ d of whole numbers rounded to a whole number, a tie away from zero: the half-up rule of
 * {@link Dec} (and of reg 6) on integers, so pence arithmetic rounds exactly as the decimal did. Worked from the
 * integer remainder, never a float quotient, which can round across a whole number when n is large.
 */
export function divRoundHalfUp(n: number, d: number): number {
  const a = n < 0 ? -n : n;
  // int32 remainder where both fit (see formatPence); otherwise the double one, exact for safe integers.
  const r = a <= 0x7fffffff && d <= 0x7fffffff ? (a | 0) % (d | 0) : a % d;
  const q = (a - r) / d + (2 * r >= d ? 1 : 0);
  return n < 0 && q !== 0 ? -q : q;
}

/**
 * The exact decimal n ÷ 10^scale as decimal.js writes it (`toString`): no exponent, no trailing zeros, no point
 * for a whole number. 6286, 2 → "62.86"; 628600, 4 → "62.86"; 6000, 2 → "60".
 */
export function decimalText(n: number, scale: number): string {
  const negative = n < 0;
  let digits = String(negative ? -n : n);
  if (scale > 0) {
    if (digits.length <= scale) digits = '0'.repeat(scale - digits.length + 1) + digits;
    let end = digits.length;
    const point = end - scale;
    while (end > point && digits.charCodeAt(end - 1) === 48) end--;
    digits = end === point ? digits.slice(0, point) : `${digits.slice(0, point)}.${digits.slice(point, end)}`;
  }
  return negative && digits !== '0' ? `-${digits}` : digits;
}

/**
 * A parameter's decimal text ("12", "14.1", "7") as a whole number of 10^-scale units: "14.1", 2 → 1410. Refuses
 * a figure finer than the scale, so a future parameter with more decimals cannot be cut short in silence.
 */
export function scaledInteger(text: string, scale: number): number {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m || (m[2] ?? '').replace(/0+$/, '').length > scale) throw new RangeError(`${text} is not a whole number of 10^-${scale}`);
  return Number(m[1]) * 10 ** scale + Number((m[2] ?? '').padEnd(scale, '0').slice(0, scale) || '0');
}

/** A decimal that is whole pence as that number of pence; anything finer is refused (a RangeError: a caller's slip). */
export function wholePenceOf(d: Dec): number {
  const p = d.times(100);
  if (!p.isInteger()) throw new RangeError(`${d.toString()} is not a whole number of pence`);
  const n = p.toNumber();
  return n === 0 ? 0 : n;
}

/** Whole pence as a decimal in pounds. */
export function fromPence(p: number): Dec {
  return new Dec(p === 0 ? 0 : p).dividedBy(100);
}

/** "00" to "99": the pence of an amount, written without converting a number each time. */
const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : `${i}`));

/** "0." to "999." and "£0." to "£999.": the whole pounds of an amount below £1,000, written once. */
const POUNDS_POINT: readonly string[] = Array.from({ length: 1000 }, (_, i) => `${i}.`);
const STERLING_POINT: readonly string[] = POUNDS_POINT.map((text) => `£${text}`);

/** Whole pence as the JSON form of money, "1234.56", without a decimal object. */
export function formatPence(p: number): string {
  const a = p < 0 ? -p : p;
  // Below 2^31 pence, int32 arithmetic: a number that V8 holds as a double (any quotient is) would take its
  // remainder by a call into C.
  if (a <= 0x7fffffff) {
    const i = a | 0;
    const pence = i % 100;
    const whole = ((i - pence) / 100) | 0;
    // Below £1,000 (most weekly figures), two strings joined: no number written out.
    if (whole < 1000) return p < 0 ? `-${POUNDS_POINT[whole]}${TWO_DIGITS[pence]}` : POUNDS_POINT[whole]! + TWO_DIGITS[pence]!;
    return `${p < 0 ? '-' : ''}${whole}.${TWO_DIGITS[pence]}`;
  }
  const pence = a % 100;
  return `${p < 0 ? '-' : ''}${(a - pence) / 100}.${TWO_DIGITS[pence]}`;
}

/** Whole pence as money for people to read: "£1,234.56", "-£20.00". */
export function poundsOfPence(p: number): string {
  const a = p < 0 ? -p : p;
  // int32 arithmetic where it fits, as in formatPence.
  const small = a <= 0x7fffffff;
  const pence = small ? (a | 0) % 100 : a % 100;
  const whole = small ? (((a | 0) - pence) / 100) | 0 : (a - pence) / 100;
  // Below £1,000 there is no comma to put in, and the string is two made once.
  if (whole < 1000) return p < 0 ? `-${STERLING_POINT[whole]}${TWO_DIGITS[pence]}` : STERLING_POINT[whole]! + TWO_DIGITS[pence]!;
  return `${p < 0 ? '-£' : '£'}${grouped(`${whole}.${TWO_DIGITS[pence]}`)}`;
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
  // toFixed rounds with the clone's half-up rule; a value that rounds to nothing is "0.00", never "-0.00".
  const text = value.toFixed(2);
  return text === '-0.00' ? '0.00' : text;
}

/** Money for people to read: "£30,000.00". (JSON values use {@link formatMoney}.) */
export function pounds(value: Dec): string {
  const text = formatMoney(value);
  const negative = text.charCodeAt(0) === 45;
  return `${negative ? '-' : ''}£${grouped(negative ? text.slice(1) : text)}`;
}

/**
 * A count as en-GB writes it, a comma between each three digits: "12,345", "-1,000". The same as
 * `toLocaleString('en-GB')` for whole numbers, without it: its first call loads ICU's locale data, about 20 ms of a
 * server's start. Anything but a safe integer is left to it.
 */
export function groupedCount(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-GB');
  return `${n < 0 ? '-' : ''}${groupDigits(String(n < 0 ? -n : n))}`;
}

/** "1234567.89" → "1,234,567.89". */
function grouped(plain: string): string {
  const dot = plain.length - 3;
  return dot <= 3 ? plain : groupDigits(plain.slice(0, dot)) + plain.slice(dot);
}

/** "1234567" → "1,234,567": a comma before each three digits from the right. */
function groupDigits(digits: string): string {
  let out = '';
  let end = digits.length;
  for (; end > 3; end -= 3) out = `,${digits.slice(end - 3, end)}${out}`;
  return digits.slice(0, end) + out;
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
  let x = a < 0 ? -a : a;
  let y = b < 0 ? -b : b;
  // int32 remainders where both fit (see formatPence).
  if (x <= 0x7fffffff && y <= 0x7fffffff) {
    let i = x | 0;
    let j = y | 0;
    while (j !== 0) {
      const r = i % j;
      i = j;
      j = r;
    }
    return i;
  }
  while (y !== 0) {
    const r = x % y;
    x = y;
    y = r;
  }
  return x;
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
