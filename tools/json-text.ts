/**
 * Pieces of JSON text written by hand, byte for byte as `JSON.stringify` writes them, for an output whose shape is
 * fixed (tools/calculation-text.ts). `JSON.stringify` of an object graph walks every object and looks up `toJSON`
 * on each; a writer that knows the shape only quotes the strings.
 * @module
 */

/** A character `JSON.stringify` writes other than as itself: `"`, `\`, a control character, or a lone surrogate. */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** Whether `JSON.stringify` writes any character of the string other than as itself. */
export function needsEscape(s: string): boolean {
  return NEEDS_ESCAPE.test(s);
}

/** A string as JSON text, quoted: escaped by `JSON.stringify` itself when any character needs it. */
export function jsonString(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`;
}

/** A string as JSON text without its quotes, for a writer whose fixed text around it carries them. */
export function jsonInner(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s).slice(1, -1) : s;
}

/** An array of strings as JSON text. */
export function jsonStrings(list: readonly string[]): string {
  if (list.length === 0) return '[]';
  let out = '[';
  for (let i = 0; i < list.length; i++) out += (i === 0 ? '' : ',') + jsonString(list[i]!);
  return `${out}]`;
}
