/**
 * The JSON API writes a 2012-scheme calculation straight to text (tools/calculation-text.ts). It must be the very
 * bytes `JSON.stringify` gives for the tool's output object, which MCP clients receive: checked on every calculating
 * input of the golden file (test/fixtures/calc-golden, 2,100 generated inputs over every rate, shared-care band,
 * variation and collection service), on ids that JSON must escape, and over the route itself.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { calculateMaintenance, type MaintenanceInput } from '../../calc/scheme-2012/calculate.ts';
import { GOLDEN_FILE } from '../../scripts/calc-golden.ts';
import { createApp } from '../../server/http.ts';
import { calculateMaintenanceTool, toJson } from '../../tools/calculate-maintenance.ts';
import { calculationText } from '../../tools/calculation-text.ts';

const lines = gunzipSync(readFileSync(GOLDEN_FILE)).toString('utf8').split('\n').slice(0, -1);

describe('calculationText', () => {
  it('gives the bytes of JSON.stringify(toJson(result)) for every golden input that calculates', () => {
    let calculated = 0;
    const differing: number[] = [];
    for (const [i, line] of lines.entries()) {
      const { input, output } = JSON.parse(line) as { input: MaintenanceInput; output?: unknown };
      if (output === undefined) continue; // an input the calculator refuses: nothing to write
      const result = calculateMaintenance(input);
      calculated++;
      if (calculationText(result) !== JSON.stringify(toJson(result))) differing.push(i);
    }
    // Most golden inputs calculate; the rest are refusals (scripts/calc-golden.ts checks it covers both).
    expect(calculated).toBeGreaterThan(2000);
    if (differing.length > 0) {
      const { input } = JSON.parse(lines[differing[0]!]!) as { input: MaintenanceInput };
      const result = calculateMaintenance(input);
      expect(calculationText(result), `lines differing: ${differing.slice(0, 10).join(', ')}`).toBe(JSON.stringify(toJson(result)));
    }
  });

  it("writes no word of its own that JSON must escape: with the ids taken out, no golden result's steps or read-out need it", () => {
    // calculationText quotes the calculator's words as they are when no id needs escaping; that holds only while the
    // ids (as given, or capitalised at the start of a sentence) are the only words in them the calculator did not write.
    const needsEscape = /["\\\u0000-\u001f\ud800-\udfff]/;
    let words = 0;
    const escaping: string[] = [];
    for (const line of lines) {
      const { input, output } = JSON.parse(line) as { input: MaintenanceInput; output?: unknown };
      if (output === undefined) continue;
      const result = calculateMaintenance(input);
      const ids = result.receivingParents.flatMap((p) => [p.id, ...p.children.map((c) => c.id)]);
      const names = [...ids, ...ids.map((id) => `${id.charAt(0).toUpperCase()}${id.slice(1)}`)].sort((a, b) => b.length - a.length);
      for (const text of [result.readOut, ...result.trace.flatMap((step) => [step.description, step.value])]) {
        words++;
        const own = names.reduce((rest, name) => rest.replaceAll(name, ''), text);
        if (needsEscape.test(own)) escaping.push(own);
      }
    }
    expect(words).toBeGreaterThan(20_000);
    expect(escaping).toEqual([]);
  });

  it('writes every golden result as JSON.stringify does when each id needs escaping', () => {
    // The other way: ids JSON must escape, put in place of each golden input's own (the first 300 that calculate).
    const strange = ['say "hi"', 'back\\slash', 'tab\there', 'lone\ud800'];
    let checked = 0;
    for (const line of lines) {
      if (checked === 300) break;
      const { input, output } = JSON.parse(line) as { input: MaintenanceInput; output?: unknown };
      if (output === undefined) continue;
      let n = 0;
      const renamed: MaintenanceInput = {
        ...input,
        receivingParents: input.receivingParents.map((rp) => ({
          ...rp,
          id: `${strange[n++ % strange.length]}${n}`,
          children: rp.children.map((c) => ({ ...c, id: `${strange[n++ % strange.length]}${n}` })),
        })),
      };
      const result = calculateMaintenance(renamed);
      expect(calculationText(result)).toBe(JSON.stringify(toJson(result)));
      checked++;
    }
    expect(checked).toBe(300);
  });

  it('escapes what JSON escapes in ids and words, and nothing else', () => {
    // A quote, a backslash, control characters, the line separator JSON leaves alone, a lone surrogate (escaped
    // since ES2019), a whole surrogate pair (written as it is), and letters beyond Latin-1.
    const ids = ['say "hi"', 'back\\slash', 'new\nline\ttab\u0001', 'sep\u2028', 'lone\ud800', 'pair😀', 'Ŵyn'];
    const result = calculateMaintenance({
      date: '2026-04-06',
      payingParent: { grossWeeklyIncome: '1000' },
      receivingParents: [
        { id: ids[0], children: [{ id: ids[1], nightsPerYear: 120 }, { id: ids[2] }] },
        { id: ids[3], children: [{ id: ids[4] }, { id: ids[5], nightsPerYear: 200 }] },
        { id: ids[6], children: [{}] },
      ],
      collection: 'collect_and_pay',
    });
    const text = calculationText(result);
    expect(text).toBe(JSON.stringify(toJson(result)));
    expect(text).toContain('"id":"say \\"hi\\""');
    expect(text).toContain('"id":"lone\\ud800"');
    expect(text).toContain('"id":"pair😀"');
    expect(JSON.parse(text)).toEqual(toJson(result));
  });
});

describe('POST /api/v1/calculate-maintenance answers with the MCP output, as JSON.stringify writes it', () => {
  const today = '2026-04-06';
  const app = createApp({ host: '127.0.0.1', port: 8787, today: () => today });
  const inputs: Record<string, unknown> = {
    '2012, Collect and Pay, two receiving parents': {
      date: '2026-04-06',
      payingParent: { income: { amount: '52000', period: 'year' }, relevantOtherChildren: 1 },
      receivingParents: [{ id: 'amy', children: [{ nightsPerYear: 60 }] }, { children: [{}, { nights: { count: 2, period: 'week' } }] }],
      collection: 'collect_and_pay',
    },
    '2012, nil rate, no date (today)': { payingParent: { grossWeeklyIncome: 5 }, receivingParents: [{ children: [{}] }] },
    '2003 scheme': {
      scheme: '2003',
      date: '2010-05-01',
      payingParent: { netWeeklyIncome: '400' },
      receivingParents: [{ children: [{}, {}] }],
    },
  };
  for (const [name, input] of Object.entries(inputs)) {
    it(name, async () => {
      const response = await app.request('http://127.0.0.1:8787/api/v1/calculate-maintenance', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      const body = await response.text();
      expect(response.status, body).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(body).toBe(JSON.stringify(await calculateMaintenanceTool.output(input, { today })));
    });
  }
});
