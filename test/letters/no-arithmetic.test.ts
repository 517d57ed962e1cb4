/**
 * letters/ does no arithmetic on money (DESIGN.md; issue 12 item 4): every figure and date a letter quotes comes
 * from a calc result. The scanner is checked on planted examples first, so that a clean scan means something.
 *
 * letters/bundle/ and letters/chart/ are another engineer's (the evidence bundle and the chart) and are not scanned
 * here; see the report for what the scanner finds in them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { moneyArithmeticIn } from './arithmetic-scan.ts';

const ROOT = join(import.meta.dirname, '../../letters');
const NOT_SCANNED = ['bundle', 'chart'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return dir === ROOT && NOT_SCANNED.includes(e.name) ? [] : sources(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

describe('the scanner', () => {
  test.each([
    ['const diff = cms.result.weeklyAmount.minus(correct.result.weeklyAmount);', 'decimal.js arithmetic'],
    ['total = total.plus(short);', 'decimal.js arithmetic'],
    ['const pct = gap.dividedBy(then).times(100);', 'decimal.js arithmetic'],
    ['const each = amount.div(n).toDecimalPlaces(2, Dec.ROUND_UP);', 'decimal.js arithmetic'],
    ['const x = a.add(b).sub(c).mul(d);', 'decimal.js arithmetic'],
    ['let total = new Dec(0);', 'a Decimal made in letters'],
    ['const v = new Decimal(raw);', 'a Decimal made in letters'],
    ['const monthly = Number(weekly) * 52 / 12;', 'a number to calculate with'],
    ['const monthly = weekly * 52;', 'a scheme number as a factor'],
    ['const monthly = yearly / 12;', 'a scheme number as a factor'],
    ['const source = `${pounds(w)} × 52 ÷ 12`;', 'a working written out'],
    ["value: 'more than 25%',", 'a rule’s percentage written in'],
    ['atLeastQuarter: pct.gte(25),', 'a rule’s percentage compared'],
    ['if (pct >= 25) warn();', 'a rule’s percentage compared'],
    ['const limit = addDays(from, f.livesOutsideUk ? 56 : 28);', 'a time limit counted in letters'],
    ['const end = addMonths(mrnDate, 1);', 'a time limit counted in letters'],
  ])('finds %s', (line, rule) => {
    expect(moneyArithmeticIn(`const a = 1;\n${line}\n`)).toContainEqual({ line: 2, rule, text: line });
  });

  test.each([
    '// total.plus(x) in a comment is not code',
    '/* new Dec(0) */ const a = 1;',
    "const href = 'https://www.legislation.gov.uk/uksi/2012/2677/regulation/34';",
    'const size = Math.max(MIN, Math.floor(width * 10) / 10);',
    "const year = 'written like 2024-25';",
    'const when = Number(m[3]);',
    'const text = `${pounds(d.abs())} too high`;',
  ])('leaves alone %s', (line) => {
    expect(moneyArithmeticIn(line)).toEqual([]);
  });
});

describe('letters/', () => {
  const files = sources(ROOT);

  test('has sources to scan', () => {
    expect(files.length).toBeGreaterThan(15);
    expect(files.some((f) => f.endsWith('figures.ts'))).toBe(true);
  });

  test('does no arithmetic on money', () => {
    const hits = files.flatMap((f) =>
      moneyArithmeticIn(readFileSync(f, 'utf8')).map((h) => `${relative(ROOT, f)}:${h.line} ${h.rule}: ${h.text}`),
    );
    expect(hits).toEqual([]);
  });
});
