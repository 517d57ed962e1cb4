/**
 * Zod pieces shared by every tool, so MCP and HTTP speak the same JSON (DESIGN.md "JSON conventions"):
 * money in as a number or a string, money out as a string with two decimals, dates as YYYY-MM-DD.
 * @module
 */
import * as z from 'zod';
import { isCivilDate } from '../calc/dates.ts';
import { money } from '../calc/money.ts';
import { LETTER_TYPES, LETTERS } from '../letters/index.ts';

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
  // An id: tools/list writes the shape once per tool (under definitions) and points to it from every money field.
  .meta({ id: 'money', description: 'Pounds: 1234.56 or "£1,234.56"' });

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
  .meta({ id: 'date', description: 'YYYY-MM-DD' });

export const traceStep = z.object({
  step: z.string(),
  description: z.string(),
  value: z.string(),
  citation: z.string(),
  href: z.string().optional(),
});

export const trace = z.array(traceStep).describe('Every step of the calculation with the legal source of its rule or rate');

/**
 * A shape another tool already shows in tools/list, shown here only as a pointer to it ("as for calculate_maintenance"):
 * zod still checks every field, but the tools list writes each shape once instead of once per tool that nests it.
 * (Zod merges a schema's metadata over its JSON Schema, so the nested fields are dropped from what clients are shown.)
 */
export function sameAs<S extends z.ZodType>(schema: S, description: string): S {
  return schema.meta({
    description,
    properties: undefined,
    required: undefined,
    additionalProperties: undefined,
    items: undefined,
    minItems: undefined,
    maxItems: undefined,
    anyOf: undefined,
    oneOf: undefined,
  });
}

/**
 * An output schema as tools/list shows it: only the headline fields, by name and description, open to the rest. The
 * zod schema still checks the whole result on the server; the text content carries the working in words, and
 * structuredContent the same facts as data, so the full shape need not travel with every tools/list (DESIGN.md; the
 * full schema stays exported from each tool's module for programs that want it).
 */
export function leanOutput<O extends z.ZodObject>(full: O, headline: readonly (keyof O['shape'] & string)[]): O {
  const shape = full.shape as Record<string, z.ZodType>;
  const properties = Object.fromEntries(
    headline.map((key) => {
      // A short description says what the field is; a long one is the full schema's business.
      const description = shape[key]?.description;
      return [key, description && description.length <= 70 ? { description } : {}];
    }),
  );
  return full.meta({ properties, required: undefined, additionalProperties: undefined });
}

/**
 * A letter of the catalogue by its id ("L04", any case) or its name ("payment_dispute"): every tool that takes a letter
 * takes it this way (findLetter in letters/ reads it).
 */
export const letterRef = z
  .string()
  .refine(
    (v) => {
      const wanted = v.trim();
      return LETTERS.some((l) => l.type === wanted || l.id === wanted.toUpperCase());
    },
    { message: `must be a letter type: one of ${LETTER_TYPES.join(', ')} (or its id, L01–L24); list_letter_types describes each` },
  )
  .meta({ id: 'letter', description: 'By id ("L04") or name ("payment_dispute")' });
