/**
 * The calculator against its golden file (issue 17, item 1): 2,100 generated inputs, each with the exact JSON of
 * its result, trace included (scripts/calc-golden.ts made it, and says what the inputs cover). Every line must
 * come out byte for byte the same: a rewrite of calc/scheme-2012 may be faster, never different. A failure here
 * is a regression unless the change of output was meant; then regenerate with `npx tsx scripts/calc-golden.ts`
 * and review the diff of the decompressed files.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { GOLDEN_FILE, GOLDEN_SIZE, goldenLine } from '../../scripts/calc-golden.ts';
import type { MaintenanceInput } from '../../calc/scheme-2012/calculate.ts';

const lines = gunzipSync(readFileSync(GOLDEN_FILE)).toString('utf8').split('\n').slice(0, -1);

describe('calculateMaintenance against the golden file', () => {
  // The stored inputs are the truth, not the generator: bench/inputs.ts or the calculator's lists of reasons may
  // change what scripts/calc-golden.ts would make today without changing what these inputs must give.
  it(`holds ${GOLDEN_SIZE} cases`, () => {
    expect(lines.length).toBe(GOLDEN_SIZE);
  });

  it('gives byte-identical output, trace included, for every stored input', () => {
    const differing: number[] = [];
    for (const [i, line] of lines.entries()) {
      const { input } = JSON.parse(line) as { input: MaintenanceInput };
      if (goldenLine(input) !== line) differing.push(i);
    }
    if (differing.length > 0) {
      // Show the first difference in full, so its step or figure can be found.
      const i = differing[0]!;
      const { input } = JSON.parse(lines[i]!) as { input: MaintenanceInput };
      expect.soft(differing.length, `lines differing (first: ${differing.slice(0, 10).join(', ')})`).toBe(0);
      expect(JSON.parse(goldenLine(input))).toEqual(JSON.parse(lines[i]!));
      expect(goldenLine(input)).toBe(lines[i]); // same values, different bytes (key order, number formatting)
    }
  });
});
