/**
 * A scanner for arithmetic on money in source text: what letters/ must never do, because every figure a letter
 * quotes comes from a calc result (DESIGN.md: "letters/ does no arithmetic on money"). It reads TypeScript as
 * text, comments removed, and reports each line that
 * - calls decimal.js arithmetic (`.plus(`, `.minus(`, `.times(`, `.mul(`, `.div(`, `.dividedBy(`, `.add(`, `.sub(`,
 *   `.mod(`, `.pow(`, `.toDecimalPlaces(`, `.round(`, `.floor(`, `.ceil(`, `.negated(`, `Dec.max(` …; Math.* is
 *   page layout, not money, and is left alone);
 * - makes a Decimal (`new Dec(`, `new Decimal(`), or turns a string into a number to calculate with
 *   (`Number(…) *`, `parseFloat(`);
 * - uses one of the scheme's own numbers as a factor: `* 52`, `/ 12`, `* 7`, `/ 100`, `/ 365`, or writes a working
 *   out with `×`/`÷` before a number;
 * - writes a rule's percentage itself: `25%`, `20%`, or compares with 25 (`gte(25)`, `>= 25`);
 * - counts a time limit itself (`addDays(`, `addMonths(` …): the dates come from calc/deadlines.
 * @module
 */

export interface Hit {
  readonly line: number;
  readonly rule: string;
  readonly text: string;
}

const RULES: readonly { rule: string; pattern: RegExp }[] = [
  {
    rule: 'decimal.js arithmetic',
    pattern: /(?<!\bMath)\.(plus|minus|times|mul|div|dividedBy|add|sub|mod|pow|toDecimalPlaces|toDP|round|floor|ceil|negated|neg|sum)\(/,
  },
  { rule: 'decimal.js arithmetic', pattern: /\b(Dec|Decimal)\.(max|min|sum|add|sub|mul|div)\(/ },
  { rule: 'a Decimal made in letters', pattern: /\bnew\s+(Dec|Decimal)\s*\(/ },
  { rule: 'a number to calculate with', pattern: /\bNumber\([^()]*\)\s*[-+*/]|[-+*/]\s*Number\(|\bparseFloat\(/ },
  { rule: 'a scheme number as a factor', pattern: /[*/]\s*(52|12|7|100|365)\b(?!\.\d)/ },
  { rule: 'a working written out', pattern: /[×÷]\s*[\d$]/ },
  { rule: 'a rule’s percentage written in', pattern: /(?<![\d.-])(25|20)\s*%/ },
  { rule: 'a rule’s percentage compared', pattern: /(\b(gte|gt|lte|lt|equals|eq)\(\s*|[<>]=?\s*)(25|0\.25|20|0\.2)\b/ },
  { rule: 'a time limit counted in letters', pattern: /\b(addDays|addMonths|addCalendarMonths|addWorkingDays)\(/ },
];

/** The text with comments and links blanked (line numbers kept): `/12` in a link's path is not a division. */
function withoutComments(source: string): string {
  return source
    .replace(/https?:\/\/[^\s'"`]*/g, 'LINK')
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:\\])\/\/.*$/gm, '$1');
}

/** Every line of `source` that does arithmetic on money, by the rules above. */
export function moneyArithmeticIn(source: string): Hit[] {
  const hits: Hit[] = [];
  withoutComments(source)
    .split('\n')
    .forEach((text, i) => {
      for (const { rule, pattern } of RULES) {
        if (pattern.test(text)) hits.push({ line: i + 1, rule, text: text.trim() });
      }
    });
  return hits;
}
