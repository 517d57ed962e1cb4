/**
 * Zod pieces shared by every tool, so MCP and HTTP speak the same JSON (DESIGN.md "JSON conventions"):
 * money in as a number or a string, money out as a string with two decimals, dates as YYYY-MM-DD.
 * @module
 */
import * as z from 'zod';
import { isCivilDate } from '../calc/dates.ts';
import { money } from '../calc/money.ts';

/**
 * An object that refuses unknown fields with a message that says what to do (a misspelt field must
 * not be silently ignored: "nightsPerYaer" would otherwise mean no shared care).
 */
export function strictObject<S extends z.ZodRawShape>(shape: S) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}; remove ${issue.keys.length > 1 ? 'them' : 'it'} or check the spelling`
        : undefined,
  });
}

/** Money as the user sends it: 1234.5, "1234.50" or "£1,234.50"; the core's reader decides, so both agree. */
export const moneyIn = z
  .union([z.number(), z.string()], { error: 'must be an amount of money: a number such as 1234.56 or a string such as "1234.56"' })
  .superRefine((v, ctx) => {
    try {
      money(v);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: (e as Error).message });
    }
  })
  .describe('Money in pounds: a number such as 1234.56, or a string such as "1234.56" or "£1,234.56"');

/** Money that may not be negative. */
export const nonNegativeMoneyIn = moneyIn.refine(
  (v) => {
    try {
      return !money(v).isNegative();
    } catch {
      return true; // moneyIn has said what is wrong with it
    }
  },
  { message: 'must not be negative; give the amount as a positive number' },
);

/** Money as Reckoner returns it: a string with exactly two decimals. */
export const moneyOut = z
  .string()
  .regex(/^-?\d+\.\d{2}$/)
  .describe('Money in pounds, two decimals, e.g. "62.86"');

export const civilDate = z
  .string()
  .refine(isCivilDate, { message: 'must be a real date written YYYY-MM-DD' })
  .describe('A calendar date, YYYY-MM-DD');

export const traceStep = z.object({
  step: z.string(),
  description: z.string(),
  value: z.string(),
  citation: z.string(),
  href: z.string().optional(),
});

export const trace = z.array(traceStep).describe('Every step of the calculation with the legal source of its rule or rate');
