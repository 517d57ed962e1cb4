/**
 * Checking what the repository is given. The tools' zod schemas check it first, but the repository does not rely
 * on them: every value is checked here too, and a refusal names the field and says what to give instead, never
 * quoting the value (it may be case data).
 * @module
 */
import { isCivilDate, type CivilDate } from '../../calc/dates.ts';
import { InputError } from '../../calc/errors.ts';
import { NI_NUMBER_RULE, normalNiNumber } from '../../calc/identity.ts';
import { formatMoney, money, roundPenny, type Dec, groupedCount } from '../../calc/money.ts';
import type { Principal } from '../types.ts';

/** Longest description a row may have. */
export const MAX_TEXT = 1000;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Text no record should hold: a NUL character (PostgreSQL cannot store it in text or JSON, and it truncates
 * text elsewhere) or half of a UTF-16 surrogate pair (not text at all; it would be stored as U+FFFD). Refused
 * naming the field, never quoting the text.
 */
export function cleanText(field: string, value: string): string {
  if (value.includes('\u0000')) throw new InputError(field, 'contains a NUL character (\\u0000); remove it');
  if (!value.isWellFormed()) {
    throw new InputError(field, 'contains a broken character (half of a UTF-16 surrogate pair); send the text as UTF-8');
  }
  return value;
}

/** {@link cleanText} for every string in a JSON value, keys too, naming the path (`details.notes[2]`). */
export function cleanJson(field: string, value: unknown, depth = 0): void {
  if (typeof value === 'string') cleanText(field, value);
  else if (depth > 100)
    throw new InputError(field.length > 60 ? `${field.slice(0, 57)}...` : field, 'is nested too deeply (more than 100 levels)');
  else if (Array.isArray(value)) value.forEach((v, i) => cleanJson(`${field}[${i}]`, v, depth + 1));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const at = field ? `${field}.${k.slice(0, 100)}` : k.slice(0, 100);
      cleanText(at, k);
      cleanJson(at, v, depth + 1);
    }
  }
}

export function requireText(field: string, value: unknown, maxLength: number): string {
  if (typeof value !== 'string' || value.trim() === '') throw new InputError(field, 'must not be empty');
  if (value.length > maxLength) throw new InputError(field, `must be at most ${maxLength} characters`);
  return cleanText(field, value.trim());
}

/** Text that may be absent: null when absent or blank. */
export function optionalText(field: string, value: unknown, maxLength: number): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new InputError(field, 'must be text');
  if (value.length > maxLength) throw new InputError(field, `must be at most ${maxLength} characters`);
  const trimmed = cleanText(field, value.trim());
  return trimmed === '' ? null : trimmed;
}

/** A National Insurance number as letters print it (no spaces, upper case); null when absent or blank. */
export function optionalNiNumber(field: string, value: unknown): string | null {
  const text = optionalText(field, value, 20);
  if (text === null) return null;
  const n = normalNiNumber(text);
  if (n === undefined) throw new InputError(field, NI_NUMBER_RULE);
  return n;
}

/** A row's text (a description): '' when absent. */
export function rowText(field: string, value: unknown, maxLength: number): string {
  return optionalText(field, value, maxLength) ?? '';
}

/** The principal a store acts for, checked: its id goes into the audit log, its organisation into every row. */
export function checkPrincipal(principal: Principal): Principal {
  if (principal === null || typeof principal !== 'object') throw new InputError('principal', 'must be { id, organisation }');
  return {
    id: requireText('principal.id', principal.id, 200),
    organisation: requireText('principal.organisation', principal.organisation, 200),
  };
}

export function civilDate(field: string, value: unknown): CivilDate {
  if (typeof value !== 'string' || !isCivilDate(value)) throw new InputError(field, 'must be a real date written YYYY-MM-DD');
  return value;
}

export function optionalDate(field: string, value: unknown): CivilDate | null {
  return value === undefined || value === null ? null : civilDate(field, value);
}

export function oneOf<T extends string>(field: string, value: unknown, values: readonly T[]): T {
  if (typeof value !== 'string' || !values.includes(value as T)) throw new InputError(field, `must be one of ${values.join(', ')}`);
  return value as T;
}

export function optionalOneOf<T extends string>(field: string, value: unknown, values: readonly T[]): T | null {
  return value === undefined || value === null ? null : oneOf(field, value, values);
}

/** A whole number from `min` to `max`. */
export function wholeNumber(field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new InputError(field, `must be a whole number from ${min} to ${groupedCount(max)}`);
  }
  return value;
}

/** Money as stored: two decimals, whole pence, within numeric(14,2). The value itself is never quoted back. */
export function moneyText(field: string, value: unknown, options: { readonly negative: boolean }): string {
  let d: Dec;
  try {
    d = money(value as string | number);
  } catch {
    throw new InputError(field, 'must be an amount of money in pounds, such as "62.86"');
  }
  if (!options.negative && d.isNegative()) {
    // Which way money went is the type or the direction, not a sign: only an adjustment or an opening balance has one.
    throw new InputError(
      field,
      'must not be negative: give the amount as a positive number (the type or direction says which way it went)',
    );
  }
  if (!d.equals(roundPenny(d))) throw new InputError(field, 'must be whole pence (two decimals at most)');
  if (d.abs().gte('1000000000000')) throw new InputError(field, 'is too large to be an amount of maintenance');
  return formatMoney(d);
}

/** An id the store made (a UUID), lower case. */
export function checkId(field: string, value: unknown, advice: string): string {
  if (typeof value !== 'string' || !UUID.test(value)) {
    throw new InputError(field, `is not an id (ids look like 0f8fad5b-d9cb-469f-a165-70867728950e); ${advice}`);
  }
  return value.toLowerCase();
}

export function checkCaseId(caseId: unknown): string {
  if (typeof caseId !== 'string' || !UUID.test(caseId)) {
    throw new InputError('caseId', 'is not a case id (ids look like 0f8fad5b-d9cb-469f-a165-70867728950e); list_cases shows them');
  }
  return caseId.toLowerCase();
}

/** A 12-digit CMS case reference, with spaces and dashes taken out; null when absent. */
export function caseReference(field: string, value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw new InputError(field, 'must be the 12-digit CMS case reference');
  const digits = value.replace(/[\s-]/g, '');
  if (!/^\d{12}$/.test(digits)) throw new InputError(field, 'must be the 12-digit CMS case reference (spaces are fine)');
  return digits;
}

export function jsonObject(field: string, value: unknown, maxLength = 100_000): Record<string, unknown> | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) throw new InputError(field, 'must be a JSON object');
  // Its depth is checked (cleanJson) before it is written out: JSON.stringify of a value thousands of levels deep
  // exhausts the stack, which a security test got as an internal error from record_event's details.
  cleanJson(field, value);
  if (JSON.stringify(value).length > maxLength)
    throw new InputError(field, `must be at most ${groupedCount(maxLength)} characters of JSON`);
  return value as Record<string, unknown>;
}

/** A list of at most `max` items. */
export function list<T>(field: string, value: readonly T[] | undefined, max: number): readonly T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new InputError(field, 'must be a list');
  if (value.length > max) throw new InputError(field, `at most ${groupedCount(max)} in one go`);
  return value;
}

/** An object with only the fields given: a misspelt field is refused rather than ignored. */
export function record(field: string, value: unknown, what: string, fields: readonly string[]): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new InputError(field, `must be ${what}`);
  for (const key of Object.keys(value)) {
    if (!fields.includes(key)) {
      throw new InputError(
        `${field}.${key.slice(0, 100)}`,
        `is not a field of ${what}; remove it or check the spelling (${fields.join(', ')})`,
      );
    }
  }
  return value as Record<string, unknown>;
}
