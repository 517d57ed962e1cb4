/**
 * Prompt arguments. MCP sends every prompt argument as a string; each schema here checks one and says what to
 * fix, naming the argument. An optional argument may be left out or sent empty (some clients send "" for a
 * field the user left blank): both mean "not given". Enumerated arguments complete (completion/complete).
 * @module
 */
import { completable } from '@modelcontextprotocol/sdk/server/completable.js';
import * as z from 'zod';
import { isCivilDate } from '../calc/dates.ts';
import { formatMoney, money } from '../calc/money.ts';
import { MAX_NIGHTS_PER_YEAR } from '../calc/scheme-2012/calculate.ts';
import { NATIONS } from '../calc/deadlines/holidays.ts';

export const SIDES = ['paying', 'receiving'] as const;
export { NATIONS };

/** A string argument: `check` returns what is wrong with a non-empty value, or nothing; `value` turns it into the value used. */
function stringArg<T>(name: string, what: string, check: (value: string) => string | undefined, value: (text: string) => T) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? `${name} is required: ${what}` : `${name} must be text: ${what}`) })
    .superRefine((text, ctx) => {
      const problem = text.trim() === '' ? `${name} is required: ${what}` : check(text.trim());
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .transform((text) => value(text.trim()));
}

/** The same, optional: left out or empty means not given (undefined). */
function optionalArg<T>(name: string, what: string, check: (value: string) => string | undefined, value: (text: string) => T) {
  return z
    .string({ error: `${name} must be text: ${what}` })
    .superRefine((text, ctx) => {
      const problem = text.trim() === '' ? undefined : check(text.trim());
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .transform((text) => (text.trim() === '' ? undefined : value(text.trim())))
    .optional();
}

/** A prompt argument as the client sends it: text, or nothing. */
type TextArgument = z.ZodType<unknown, string | undefined>;

/**
 * Marks an argument as completing from `values` (what starts with what was typed so far). `completable` marks the
 * schema itself and hands it back, so the argument keeps its own type.
 */
function completing<S extends TextArgument>(schema: S, values: readonly string[]): S {
  const complete = (typed: unknown) =>
    values.filter((v) =>
      v.startsWith(
        String(typed ?? '')
          .trim()
          .toLowerCase(),
      ),
    );
  // The SDK looks for the mark on the argument itself when completing, and inside `.optional()` when deciding
  // whether to offer completions at all: mark both.
  if (schema instanceof z.ZodOptional) completable(schema.unwrap(), complete);
  completable<TextArgument>(schema, complete);
  return schema;
}

/** One of `values` (any case; surrounding spaces ignored); required. */
export function choice<const V extends readonly string[]>(name: string, values: V, description: string) {
  const what = `one of ${values.join(', ')}`;
  const check = (text: string) => (values.includes(text.toLowerCase()) ? undefined : `${name} must be ${what}`);
  return completing(stringArg(name, what, check, (text) => text.toLowerCase() as V[number]).describe(`${description} (${what})`), values);
}

/** One of `values`, or not given. */
export function optionalChoice<const V extends readonly string[]>(name: string, values: V, description: string) {
  const what = `one of ${values.join(', ')}`;
  const check = (text: string) => (values.includes(text.toLowerCase()) ? undefined : `${name} must be ${what}`);
  return completing(optionalArg(name, what, check, (text) => text.toLowerCase() as V[number]).describe(`${description} (${what})`), values);
}

/** A calendar date, YYYY-MM-DD. */
export function dateArg(name: string, description: string) {
  const what = 'a real date written YYYY-MM-DD, e.g. 2026-03-04';
  return optionalArg(
    name,
    what,
    (text) => (isCivilDate(text) ? undefined : `${name} must be ${what}`),
    (text) => text,
  ).describe(`${description} (YYYY-MM-DD)`);
}

/** An amount in pounds, as the core reads money ("20000", "£20,000.50"); given back with two decimals. */
export function moneyArg(name: string, description: string) {
  const what = 'an amount in pounds such as 1234.56 or £1,234.56';
  const check = (text: string) => {
    try {
      const amount = money(text);
      if (amount.isNegative()) return `${name} must not be negative; give the amount as a positive number`;
      return amount.decimalPlaces() > 2 ? `${name} must be in pounds and pence, at most two decimals` : undefined;
    } catch {
      return `${name} must be ${what}`;
    }
  };
  return optionalArg(name, what, check, (text) => formatMoney(money(text))).describe(
    `${description} (in pounds, e.g. 1234.56 or £1,234.56)`,
  );
}

/** A whole number of nights a year, 0 to the most a year has. */
export function nightsArg(name: string, description: string) {
  const what = `a whole number of nights a year from 0 to ${MAX_NIGHTS_PER_YEAR}`;
  const check = (text: string) => (/^\d{1,3}$/.test(text) && Number(text) <= MAX_NIGHTS_PER_YEAR ? undefined : `${name} must be ${what}`);
  return optionalArg(name, what, check, Number).describe(`${description} (${what})`);
}

/** A case id as the case tools give it. */
export function caseIdArg(name: string, description: string) {
  const what = 'a case id such as 0f8fad5b-d9cb-469f-a165-70867728950e (the case tools list them)';
  const check = (text: string) =>
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text) ? undefined : `${name} must be ${what}`;
  return optionalArg(name, what, check, (text) => text.toLowerCase()).describe(description);
}

/** The 12-digit CMS case reference, beginning 121 as the letters require (letters/facts.ts), spaces allowed; given back as the 12 digits. */
export function referenceArg(name: string, description: string) {
  const what = 'the 12-digit CMS case reference printed on CMS letters, starting 121 (spaces are fine)';
  const digits = (text: string) => text.replace(/\s+/g, '');
  const check = (text: string) => (/^121\d{9}$/.test(digits(text)) ? undefined : `${name} must be ${what}`);
  return optionalArg(name, what, check, digits).describe(description);
}

/** Short free text in the user's own words (e.g. a name for a case). */
export function textArg(name: string, description: string, max: number) {
  const check = (text: string) => (text.length > max ? `${name} must be at most ${max} characters` : undefined);
  return optionalArg(name, `at most ${max} characters`, check, (text) => text).describe(description);
}
