/**
 * A National Insurance number as HMRC writes it: two letters, six digits and a suffix letter A–D (QQ123456C).
 * One rule for the letters that print it and the case store that keeps it. Spaces are dropped and letters
 * upper-cased; the prefix letters HMRC never issues are not checked (the example numbers on GOV.UK use them).
 * @module
 */

export const NI_NUMBER_RULE = 'must be a National Insurance number: two letters, six digits, a letter A–D (e.g. QQ123456C)';

const NI_NUMBER = /^[A-Z]{2}\d{6}[A-D]$/;

/** The number as written on a letter (no spaces, upper case), or undefined when it is not one. */
export function normalNiNumber(text: string): string | undefined {
  const n = text.replace(/\s/g, '').toUpperCase();
  return NI_NUMBER.test(n) ? n : undefined;
}
