/**
 * Reads the names a prompt's text mentions, as prompts/names.ts writes them, and says which do not exist:
 * a tool in backticks (or any bare snake_case word) that is not in TOOLS, a letter id or `L03 "type"` pair not
 * in the catalogue, a quoted snake_case value that is neither a letter type nor an event type a tool takes.
 * The block of user-typed details is left out: it is the user's words, not the prompt's.
 * @module
 */
import { LETTERS } from '../../letters/index.ts';
import { USER_DETAILS_CLOSE, USER_DETAILS_OPEN } from '../../prompts/prompt.ts';
import { computeDeadlinesInput } from '../../tools/compute-deadlines.ts';
import { recordEventInput } from '../../tools/case-record-event.ts';
import { TOOLS } from '../../tools/index.ts';

export const TOOL_NAMES: ReadonlySet<string> = new Set(TOOLS.map((t) => t.name));
export const LETTER_TYPES: ReadonlySet<string> = new Set(LETTERS.map((l) => l.type));
export const LETTER_IDS: ReadonlySet<string> = new Set(LETTERS.map((l) => l.id));
const LETTER_TYPE_OF = new Map<string, string>(LETTERS.map((l) => [l.id, l.type]));

/** Event types the tools take, read from their input schemas. */
export const EVENT_TYPES: ReadonlySet<string> = new Set([
  ...recordEventInput.shape.type.options,
  ...computeDeadlinesInput.shape.events.unwrap().element.shape.type.options,
]);

export interface Mentions {
  readonly tools: string[];
  /** Letter ids with the quoted type that follows them, e.g. ["L03", "mandatory_reconsideration"]. */
  readonly letters: [string, string][];
  /** Every letter id, with or without a type. */
  readonly letterIds: string[];
  /** Quoted snake_case values. */
  readonly quoted: string[];
  /** snake_case words neither quoted nor in backticks. */
  readonly bare: string[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const USER_BLOCK = new RegExp(`${escape(USER_DETAILS_OPEN)}[\\s\\S]*?${escape(USER_DETAILS_CLOSE)}`, 'g');
const SNAKE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/;

export function mentions(text: string): Mentions {
  const own = text.replace(USER_BLOCK, ' ');
  const tools = [...own.matchAll(/`([^`]*)`/g)].map((m) => m[1]!);
  const noCode = own.replace(/`[^`]*`/g, ' ');
  const letters = [...noCode.matchAll(/\b(L\d{2}) "([^"]*)"/g)].map((m) => [m[1]!, m[2]!] as [string, string]);
  const letterIds = [...noCode.matchAll(/\bL\d{2}\b/g)].map((m) => m[0]);
  const quoted = [...noCode.matchAll(/"([^"]*)"/g)].map((m) => m[1]!).filter((q) => SNAKE.test(q));
  const bare = [...noCode.replace(/"[^"]*"/g, ' ').matchAll(/\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g)].map((m) => m[0]);
  return { tools, letters, letterIds, quoted, bare };
}

/** Every name the text mentions that does not exist, each with why. */
export function unknownNames(text: string): string[] {
  const m = mentions(text);
  const problems: string[] = [];
  for (const t of m.tools) if (!TOOL_NAMES.has(t)) problems.push(`\`${t}\` is not a tool in TOOLS`);
  for (const b of m.bare) if (!TOOL_NAMES.has(b)) problems.push(`${b} is not a tool in TOOLS`);
  for (const id of m.letterIds) if (!LETTER_IDS.has(id)) problems.push(`${id} is not a letter id in the catalogue`);
  for (const [id, type] of m.letters) {
    if (LETTER_IDS.has(id) && LETTER_TYPE_OF.get(id) !== type)
      problems.push(`${id} is "${LETTER_TYPE_OF.get(id)}" in the catalogue, not "${type}"`);
  }
  for (const q of m.quoted)
    if (!LETTER_TYPES.has(q) && !EVENT_TYPES.has(q)) problems.push(`"${q}" is neither a letter type nor an event type`);
  return problems;
}
