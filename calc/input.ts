/**
 * Reading user input in the core: each reader names the field when it refuses a value.
 * @module
 */
import { InputError } from './errors.ts';
import { formatMoney, money, type Dec, type MoneyInput } from './money.ts';

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

/** A count: a whole number from 0 to `max`; 0 when not given. */
export function wholeNumber(field: string, value: unknown, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return 0;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new InputError(field, `must be a whole number, 0 or more (got ${JSON.stringify(value)})`);
  }
  if (value > max) throw new InputError(field, `must be at most ${max} (got ${value})`);
  return value;
}
