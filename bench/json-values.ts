/**
 * `npm run bench -- json-values`: counting the values of a large request body before it is parsed
 * (server/json-values.ts). A case export's kept original is one base64 string of up to 60 MB; counted a character at
 * a time it took 0.4–1.1 s in the server, with every other request waiting. The baseline is a native search of the
 * same text for a character it does not hold (`indexOf`), the least any scan of the text can cost; the count should
 * stay within 10× of it (goal set by the security probe of 6 December 2026). Best of five runs each, alternated.
 * @module
 */
import { jsonValuesOver } from '../server/json-values.ts';

const GOAL_RATIO = 10;
const RUNS = 5;

let sink = 0;

export function jsonValuesSection(): string {
  const text = JSON.stringify({ export: { originalBase64: 'QUJD'.repeat(15_000_000) }, rows: [1, 2, 3] });
  let search = Infinity;
  let count = Infinity;
  for (let run = 0; run < RUNS; run++) {
    let started = performance.now();
    sink += text.indexOf('\u0001');
    search = Math.min(search, performance.now() - started);
    started = performance.now();
    if (jsonValuesOver(text, 10)) sink++;
    count = Math.min(count, performance.now() - started);
  }
  const ratio = count / search;
  const verdict = ratio <= GOAL_RATIO ? 'met' : 'not met';
  console.log(`\nCounting a ${(text.length / 1e6).toFixed(0)} MB export body's JSON values before parsing (best of ${RUNS})`);
  console.log(`  count ${count.toFixed(1)} ms, native search of the same text ${search.toFixed(1)} ms`);
  console.log(`  goal: count ≤ ${GOAL_RATIO}× the native search: ${ratio.toFixed(2)}× — ${verdict}`);
  if (sink === -1) console.log('');
  return `counting a body's JSON values = ${ratio.toFixed(2)} × a native search of it (goal ≤ ${GOAL_RATIO}: ${verdict})`;
}
