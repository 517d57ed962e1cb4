/**
 * A scripted client for the prompts' journeys: read the tools a prompt's steps name, in order, and follow them
 * with what a user would type or show (never a figure or a date read from an earlier result; only the ids
 * Reckoner gives back are passed on), then find where each figure of the final letter came from.
 *
 * A figure is a £ amount or a date. In a letter, an amount is written "£1,234.56" and a date "5 October 2023"
 * (or YYYY-MM-DD, or DD/MM/YYYY); in the data it is compared with, an amount is "1234.56", "-1234.56" or "£1,234.56"
 * and a date YYYY-MM-DD or as in a letter. Each is normalised (an amount to its size in pence, a date to
 * YYYY-MM-DD) before comparing.
 * @module
 */
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { isCivilDate } from '../../calc/dates.ts';
import { TOOL_NAMES } from './names.ts';

// ---------------------------------------------------------------------------------------------------
// The tools a prompt's steps name.

/** The numbered steps of a brief: from its "## Steps" heading on (the ground rules before them name tools too). */
export function stepsSection(brief: string): string {
  const at = brief.indexOf('## Steps');
  if (at < 0) throw new Error('the brief has no "## Steps" section');
  return brief.slice(at);
}

/**
 * The tools the steps name, in the order they name them; a tool named again right after itself (in the same
 * breath: "call `x` twice") counts once. A tool named again later is a later step of the journey.
 */
export function toolsNamed(brief: string): string[] {
  const named = [...stepsSection(brief).matchAll(/`([a-z_]+)`/g)].map((m) => m[1]!).filter((t) => TOOL_NAMES.has(t));
  return named.filter((t, i) => t !== named[i - 1]);
}

// ---------------------------------------------------------------------------------------------------
// Figures.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** "5 October 2023", and in a heading "5 OCTOBER 2023". */
const LONG_DATE = new RegExp(`\\b(\\d{1,2}) (${MONTHS.join('|')}) (\\d{4})\\b`, 'gi');
const MONTH_NUMBER = new Map(MONTHS.map((m, i) => [m.toLowerCase(), i + 1]));
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const UK_DATE = /\b(\d{2})\/(\d{2})\/(\d{4})\b/g;
/** "£1,234.56", "£ 7", "£280". */
const POUNDS = /£\s?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{2}))?/g;
/** "1234.56", "-336.00", "1,988.00": money as the data writes it (two decimals). */
const DECIMAL = /(?<![\d.])-?(\d{1,3}(?:,\d{3})+|\d+)\.(\d{2})(?![\d])/g;

export interface Figures {
  /** Amounts, as "1234.56" (the size; the sign is the wording's). */
  readonly amounts: Set<string>;
  /** Dates, YYYY-MM-DD. */
  readonly dates: Set<string>;
}

const pad = (n: string | number) => String(n).padStart(2, '0');
const amount = (whole: string, pence: string | undefined) => `${whole.replace(/,/g, '')}.${pence ?? '00'}`;

function datesIn(text: string, into: Set<string>): void {
  for (const m of text.matchAll(LONG_DATE)) into.add(`${m[3]}-${pad(MONTH_NUMBER.get(m[2]!.toLowerCase())!)}-${pad(m[1]!)}`);
  for (const m of text.matchAll(ISO_DATE)) into.add(m[0]);
  for (const m of text.matchAll(UK_DATE)) into.add(`${m[3]}-${m[2]}-${m[1]}`);
  for (const d of [...into]) if (!isCivilDate(d)) into.delete(d);
}

/** The figures a letter quotes: every £ amount and every date. */
export function letterFigures(text: string): Figures {
  const amounts = new Set<string>();
  for (const m of text.matchAll(POUNDS)) amounts.add(amount(m[1]!, m[2]));
  const dates = new Set<string>();
  datesIn(text, dates);
  return { amounts, dates };
}

/**
 * Every figure written in data: money in its strings (with or without £) and dates; with `numbers`, every
 * number too (what the user typed, e.g. a gross weekly income of 600; a result's numbers are counts, not money).
 */
export function dataFigures(values: readonly unknown[], options: { numbers?: boolean } = {}): Figures {
  const amounts = new Set<string>();
  const dates = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      for (const m of v.matchAll(POUNDS)) amounts.add(amount(m[1]!, m[2]));
      for (const m of v.matchAll(DECIMAL)) amounts.add(amount(m[1]!, m[2]));
      datesIn(v, dates);
    } else if (options.numbers && typeof v === 'number' && Number.isFinite(v)) {
      amounts.add(Math.abs(v).toFixed(2));
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  values.forEach(walk);
  return { amounts, dates };
}

/** The figures of `figures` that `sources` do not hold, as written ("£12.00", "2024-03-05"). */
export function missing(figures: Figures, ...sources: Figures[]): string[] {
  const has = (kind: keyof Figures, f: string) => sources.some((s) => s[kind].has(f));
  return [
    ...[...figures.amounts].filter((a) => !has('amounts', a)).map((a) => `£${a}`),
    ...[...figures.dates].filter((d) => !has('dates', d)),
  ];
}

/** A value without the keys that hold a letter's body or a file, so a letter is not found in itself. */
export function withoutBodies(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutBodies);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !['markdown', 'text', 'pdfBase64', 'base64', 'ics', 'file'].includes(k))
        .map(([k, v]) => [k, withoutBodies(v)]),
    );
  }
  return value;
}

// ---------------------------------------------------------------------------------------------------
// The session: a client, the calls made, the ids Reckoner gave, and the server's day.

export interface Call {
  /** The step (the tool the prompt named) this call was made for. */
  readonly step: number;
  readonly tool: string;
  readonly args: Record<string, unknown>;
  readonly result: CallToolResult;
  readonly structured: Record<string, any>;
}

/** The day the server works on, which a journey may move on (a reply arrives weeks later). */
export interface Clock {
  today: string;
}

/** Tools whose text content carries a letter: their text is the letter, not a source for it. */
export const LETTER_TOOLS: ReadonlySet<string> = new Set(['draft_letter', 'save_letter', 'mark_letter_sent']);

export class Session {
  readonly calls: Call[] = [];
  /** Ids Reckoner gave back: the only things passed from one result to the next call. */
  caseId = '';
  letterId = '';
  private step = -1;
  private tool = '';

  constructor(
    /** The client of a server working on the given day (over stdio, a server started with that day). */
    private readonly clientOn: (today: string) => Promise<Client>,
    readonly clock: Clock,
  ) {}

  /** Starts the step for a tool the prompt named. */
  begin(step: number, tool: string): void {
    this.step = step;
    this.tool = tool;
  }

  /** Calls the tool of the current step (only that one) and gives its structured content; a refusal fails the journey. */
  async call(args: Record<string, unknown>): Promise<Record<string, any>> {
    const client = await this.clientOn(this.clock.today);
    const result = (await client.callTool({ name: this.tool, arguments: args })) as CallToolResult;
    const text = result.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
    if (result.isError) throw new Error(`step ${this.step + 1}: ${this.tool} ${JSON.stringify(args).slice(0, 300)} was refused: ${text}`);
    const structured = (result.structuredContent ?? {}) as Record<string, any>;
    this.calls.push({ step: this.step, tool: this.tool, args, result, structured });
    return structured;
  }

  /** The text content of a call's result. */
  static text(call: Call): string {
    return call.result.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
  }
}

/** One scripted step: the tool the prompt names there, and what the user types or shows for it. */
export type Step = readonly [tool: string, act: (s: Session) => Promise<void>];
