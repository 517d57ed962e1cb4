/**
 * The calculator's golden file (issue 17, item 1): a deterministic set of `calculateMaintenance` inputs and,
 * for each, the exact JSON of its result (trace included) or of the error it throws, written to
 * test/fixtures/calc-golden/scheme-2012.jsonl.gz, one `{ "input": …, "output": … }` or `{ "input": …, "error": … }`
 * line per case. test/calc/golden.test.ts recomputes every line and asserts the same bytes, so a rewrite of the
 * calculator (calc/scheme-2012) that changes any figure, word or citation of any result is caught.
 *
 * The inputs are bench/inputs.ts's mixed batch (every rate band aimed at in turn, every shared-care band, one to
 * three receiving parents, relevant other children and children under other arrangements, variations, both
 * collection services, every way of giving income), spread over dates across the coded range (so the fee and
 * rate changes by date are covered), with some nights given as a weekly pattern. The script refuses to write a
 * file that misses any rate (nil, flat by income, flat by benefit, reduced, basic, basic plus, default) or
 * any shared-care band.
 *
 *   npx tsx scripts/calc-golden.ts           regenerate (only after a deliberate, reviewed change of outputs)
 *   npx tsx scripts/calc-golden.ts --check   compare with the file and say how many lines differ; writes nothing
 * @module
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { calculateMaintenance, type MaintenanceInput } from '../calc/scheme-2012/calculate.ts';
import { mixedBatch, prng } from '../bench/inputs.ts';

export const GOLDEN_FILE = fileURLToPath(new URL('../test/fixtures/calc-golden/scheme-2012.jsonl.gz', import.meta.url));
export const GOLDEN_SIZE = 2_100;
const SEED = 2012_17;

/** Dates across the coded range: before and after the 2014 fees, and the 2024 application-fee change. */
const DATES = ['2013-11-25', '2014-06-30', '2014-08-11', '2016-04-06', '2019-01-14', '2022-09-30', '2024-02-26', '2026-04-06'] as const;

/** The golden inputs: the bench's mixed batch, its dates spread and a few nights given per week instead. */
export function goldenInputs(): MaintenanceInput[] {
  const rng = prng(SEED + 1);
  return mixedBatch(GOLDEN_SIZE, SEED).map((input, i) => ({
    ...input,
    date: DATES[i % DATES.length]!,
    receivingParents: input.receivingParents.map((rp) => ({
      ...rp,
      children: rp.children.map((child) => {
        if (child.nightsPerYear === undefined || rng() >= 0.15) return child;
        const { nightsPerYear, ...rest } = child;
        return { ...rest, nights: { count: Math.min(7, Math.round(nightsPerYear / 52)), period: 'week' as const } };
      }),
    })),
  }));
}

/** One golden line: the input and the result's JSON, or the error's name, code and message. */
export function goldenLine(input: MaintenanceInput): string {
  let outcome: { output: unknown } | { error: unknown };
  try {
    outcome = { output: calculateMaintenance(input) };
  } catch (error) {
    const e = error as Error & { code?: unknown; problems?: unknown };
    outcome = {
      error: {
        name: e.name,
        message: e.message,
        ...(e.code !== undefined ? { code: e.code } : {}),
        ...(e.problems !== undefined ? { problems: e.problems } : {}),
      },
    };
  }
  return JSON.stringify({ input, ...outcome });
}

/** Every line, each ending in a newline. */
export function goldenText(): string {
  return goldenInputs()
    .map((input) => `${goldenLine(input)}\n`)
    .join('');
}

/** What the file must cover; throws naming what is missing. */
function checkCoverage(lines: readonly string[]): string {
  const rates = new Map<string, number>();
  const bands = new Map<string, number>();
  let errors = 0;
  let several = 0;
  let others = 0;
  for (const line of lines) {
    const { input, output } = JSON.parse(line) as {
      input: MaintenanceInput;
      output?: { rate: string; trace: { step: string }[]; receivingParents?: { children?: { sharedCareBand?: unknown }[] }[] };
    };
    if (!output) {
      errors++;
      continue;
    }
    const byBenefit =
      output.rate === 'flat' && input.payingParent.flatRateBenefit && !output.trace.some((s) => s.step === 'rate_benefit_varied');
    const rate = output.rate === 'flat' ? (byBenefit ? 'flat_benefit' : 'flat_income') : output.rate;
    rates.set(rate, (rates.get(rate) ?? 0) + 1);
    if (input.receivingParents.length > 1) several++;
    if ((input.payingParent.relevantOtherChildren ?? 0) > 0 || (input.payingParent.otherArrangementChildren ?? 0) > 0) others++;
    for (const rp of input.receivingParents) {
      for (const c of rp.children) {
        const nights = c.nights ? c.nights.count * 52 : (c.nightsPerYear ?? 0);
        const band =
          nights < 52
            ? 'under 52'
            : nights < 104
              ? '52-103'
              : nights < 156
                ? '104-155'
                : nights < 175
                  ? '156-174'
                  : nights <= 182
                    ? '175-182'
                    : 'over 182';
        bands.set(band, (bands.get(band) ?? 0) + 1);
      }
    }
  }
  const missing = ['nil', 'flat_income', 'flat_benefit', 'reduced', 'basic', 'basic_plus', 'default'].filter((r) => !rates.has(r));
  const missingBands = ['under 52', '52-103', '104-155', '156-174', '175-182', 'over 182'].filter((b) => !bands.has(b));
  if (missing.length || missingBands.length || several === 0 || others === 0) {
    throw new Error(
      `the golden inputs miss: ${[...missing, ...missingBands.map((b) => `nights ${b}`), ...(several ? [] : ['several receiving parents']), ...(others ? [] : ['other children'])].join(', ')}`,
    );
  }
  return (
    `rates: ${[...rates].map(([r, k]) => `${r} ${k}`).join(', ')}; shared-care nights: ${[...bands].map(([b, k]) => `${b} ${k}`).join(', ')}; ` +
    `several receiving parents ${several}; other children ${others}; refused inputs ${errors}`
  );
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const text = goldenText();
  const lines = text.split('\n').slice(0, -1);
  const coverage = checkCoverage(lines);
  if (process.argv.includes('--check')) {
    const old = gunzipSync(readFileSync(GOLDEN_FILE)).toString('utf8').split('\n').slice(0, -1);
    const differ = lines.filter((l, i) => l !== old[i]).length + Math.max(0, old.length - lines.length);
    console.log(`${lines.length} lines computed, ${old.length} in the file, ${differ} differ`);
    process.exitCode = differ === 0 ? 0 : 1;
  } else {
    const gz = gzipSync(text, { level: 9 });
    writeFileSync(GOLDEN_FILE, gz);
    console.log(
      `${lines.length} cases, ${text.length.toLocaleString('en-GB')} bytes of JSON lines, ${gz.length.toLocaleString('en-GB')} bytes gzipped → ${GOLDEN_FILE}`,
    );
  }
  console.log(coverage);
}
