/**
 * The registries are typed, not cast: the tool, letter and prompt lists hold their entries as erased types that every
 * definition is assignable to (tools/tool.ts AnyTool, letters/types.ts LetterSpec, prompts/prompt.ts AnyPrompt), so
 * no `as unknown as` or `as never` is needed there. tsc (npm run typecheck) is the real check; this test keeps the
 * casts from coming back, and checks that what the registries hold works through their erased types.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { LETTERS } from '../../letters/catalogue/index.ts';
import { PROMPTS } from '../../prompts/index.ts';
import { TOOLS } from '../../tools/index.ts';
import { ReckonerError } from '../../calc/errors.ts';
import { DATE, EXAMPLES } from './helpers.ts';

// The registries, and the code that reads what they hold: a letter drafted from its spec, a schema read for plain
// words, a prompt argument marked for completion, the error responses listed for OpenAPI.
const REGISTRIES = [
  'tools/index.ts',
  'tools/case-tools.ts',
  'letters/catalogue/index.ts',
  'prompts/index.ts',
  'letters/draft.ts',
  'tools/problems.ts',
  'prompts/arguments.ts',
  'server/openapi.ts',
];

describe('typed registries', () => {
  test.each(REGISTRIES)('%s casts nothing away', (file) => {
    const source = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
    expect(source).not.toMatch(/\bas\s+unknown\s+as\b/);
    expect(source).not.toMatch(/\bas\s+never\b/);
  });

  test('every tool runs through its erased type: the input parsed by its own schema, the output and its summary back', async () => {
    const calculate = TOOLS.find((t) => t.name === 'calculate_maintenance')!;
    const { output, summary } = await calculate.run(EXAMPLES.reducedRate, { today: DATE });
    // GOV.UK calculator test "example on p23" of the CMS leaflet: 7 + 73 × 21.2% = 22.476 → £22.
    expect(output).toMatchObject({ rate: 'reduced', weeklyAmount: '22.00' });
    expect(summary).toContain('£22.00');
    const refused = await calculate.run({ payingParent: { grossWeeklyIncome: 173 } }, { today: DATE }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ReckonerError);
    expect((refused as ReckonerError).problems).toEqual([
      { field: 'receivingParents', message: 'give a list of receiving parents, each with their children' },
    ]);
  });

  test('the registries hold every entry once', () => {
    expect(new Set(TOOLS.map((t) => t.name)).size).toBe(TOOLS.length);
    expect(LETTERS.map((l) => l.id)).toEqual(Array.from({ length: 24 }, (_, i) => `L${String(i + 1).padStart(2, '0')}`));
    expect(new Set(PROMPTS.map((p) => p.name)).size).toBe(PROMPTS.length);
    expect(PROMPTS).toHaveLength(5);
  });
});
