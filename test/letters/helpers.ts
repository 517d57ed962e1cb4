/**
 * Small helpers for the letter tests: dates as letters write them, and the checks every drafted letter
 * must pass (no placeholder left, every figure and date written exactly).
 * @module
 */
import { expect } from 'vitest';
import { LetterInputError } from '../../letters/errors.ts';
import { draftLetter, type DraftInput } from '../../letters/index.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-03-04" → "4 March 2026", written independently of letters/format.ts. */
export function asWritten(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** Whitespace (including the PDF's non-breaking spaces and line breaks) as single spaces. */
export const squash = (text: string): string => text.replace(/\s+/g, ' ');

/** Markdown escapes removed, so a phrase can be looked for as written. */
export const unescapeMarkdown = (md: string): string => md.replace(/\\([\\`*_[\]<>|~#+.)-])/g, '$1');

export const PLACEHOLDERS = ['{{', '}}', 'TODO', 'undefined', 'NaN', '[object', 'null'];

export function expectNoPlaceholder(text: string, what: string): void {
  for (const p of PLACEHOLDERS) expect(text.includes(p), `${what} contains "${p}"`).toBe(false);
}

/** What `act` throws, when it is a `type`; the test fails when it throws nothing or something else. */
export function thrownBy<E>(act: () => unknown, type: abstract new (...args: never[]) => E): E {
  try {
    act();
  } catch (e) {
    if (e instanceof type) return e;
    throw e;
  }
  throw new Error(`expected a ${type.name}, but nothing was thrown`);
}

/** The refusal drafting `draft` gives (the draft must be refused). */
export const refusal = (draft: DraftInput): LetterInputError => thrownBy(() => draftLetter(draft), LetterInputError);
