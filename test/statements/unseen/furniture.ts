/**
 * What the invented statements print around their tables, shared by the layouts: money as a statement writes it, the
 * customer's address block, and the summary box of opening balance, money in, money out and closing balance.
 * @module
 */
import { grouped, type Furniture } from './pdf.ts';
import { totals, type Account } from './truth.ts';

/** "£1,234.56". */
export const poundsText = (a: string): string => `£${grouped(a)}`;
/** "-£1,234.56" below nothing, "£1,234.56" otherwise. */
export const signedPoundsText = (a: string): string => `${a.startsWith('-') ? '-' : ''}£${grouped(a)}`;

/** The customer's name and three invented address lines on the left, from `top`. */
export const addressLines = (a: Account, street: readonly [string, string, string], top: number, x = 45): Furniture[] => [
  { text: a.name, x, y: top, w: 250, size: 9 },
  ...street.map((text, i) => ({ text, x, y: top + 11 * (i + 1), w: 250, size: 9 })),
];

/** A summary box: opening balance, money in, money out, closing balance, each under the words given. */
export const summaryLines = (a: Account, top: number, words: readonly [string, string, string, string], x = 45): Furniture[] => {
  const t = totals(a);
  const figures = [signedPoundsText(a.openingBalance), poundsText(t.paidIn), poundsText(t.paidOut), signedPoundsText(t.closing)];
  return words.flatMap((w, i) => [
    { text: w, x, y: top + i * 12, w: 170, size: 9 },
    { text: figures[i]!, x: x + 170, y: top + i * 12, w: 80, align: 'right' as const, size: 9 },
  ]);
};
