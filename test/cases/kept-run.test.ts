/**
 * cases/kept-run.ts: a reconciliation run larger than the store keeps is kept in part, saying what it left out,
 * never refused. Every length below is JSON.stringify's of the parts shown; the counts follow from them.
 */
import { describe, expect, test } from 'vitest';
import { keptRun } from '../../cases/kept-run.ts';

const DESCRIPTION = 'CMS DIRECT PAY '.repeat(8); // 120 characters, as a long bank description
const citation = (i: number) => ({
  kind: 'bank',
  id: `line-${i}`,
  date: '2024-01-04',
  amount: '400.00',
  direction: 'out',
  description: DESCRIPTION,
});
const finding = (i: number) => ({
  id: `finding_${i}`,
  kind: 'missed_payment',
  amount: '33.33',
  citations: [citation(2 * i), citation(2 * i + 1)],
});
const period = (i: number) => ({ start: '2024-01-04', due: '433.33', paid: '400.00', index: i });
const run = () => ({
  asOf: '2025-12-31',
  balance: { recomputed: '399.96' },
  findings: Array.from({ length: 10 }, (_, i) => finding(i)),
  periods: Array.from({ length: 10 }, (_, i) => period(i)),
  options: { asOf: '2025-12-31', bankFilter: { descriptionContains: ['CMS'] } },
});
const chars = (x: unknown) => JSON.stringify(x).length;
const byId = (f: ReturnType<typeof finding>) => ({ ...f, citations: f.citations.map(({ kind, id }) => ({ kind, id })) });
/** The room keptRun leaves for its own note (kept-run.ts NOTE_ROOM). */
const NOTE_ROOM = 600;

describe('keptRun', () => {
  test('a run that fits is kept as it is', () => {
    const result = run();
    expect(keptRun(result, chars(result))).toBe(result);
  });

  test('a run that fits once its citations are by id keeps every finding and period, citations by kind and id', () => {
    const result = run();
    const slim = { ...result, findings: result.findings.map(byId) };
    // Between the slim run (with room for the note) and the whole run.
    expect(chars(slim) + NOTE_ROOM).toBeLessThan(chars(result));
    const kept = keptRun(result, chars(slim) + NOTE_ROOM);
    expect(kept['findings']).toEqual(slim.findings);
    expect(kept['periods']).toEqual(result.periods);
    expect(kept['options']).toEqual(result.options);
    expect(kept['keptInPart']).toMatchObject({ citationsById: true, findingsLeftOut: 0, periodsLeftOut: 0 });
    expect(chars(kept)).toBeLessThanOrEqual(chars(slim) + NOTE_ROOM);
  });

  test('a run larger still keeps the leading findings, then periods, that fit, and counts the rest', () => {
    const result = run();
    const base = chars({ ...result, findings: [], periods: [] });
    // Findings 0–4 cite lines 0–9, one digit each, so are as long as each other; 5–9 cite lines 10–19, longer.
    const f = chars(byId(finding(0)));
    const allTen = result.findings.reduce((n, x) => n + chars(byId(x)), 0);
    const p = chars(period(0));
    // Room for 3 findings and their 2 commas: base + NOTE_ROOM + 3f + 2, and one character short of a fourth.
    const three = base + NOTE_ROOM + 3 * f + 2;
    let kept = keptRun(result, three + f);
    expect((kept['findings'] as unknown[]).length).toBe(3);
    expect(kept['periods']).toEqual([]);
    expect(kept['keptInPart']).toMatchObject({ findingsLeftOut: 7, periodsLeftOut: 10 });
    expect((kept['keptInPart'] as { note: string }).note).toContain('leaves out the last 7 findings and 10 period rows');
    expect(kept['options']).toEqual(result.options);
    // All 10 findings (9 commas), then 2 periods (a comma between them): allTen + 9 + 2p + 1 of room.
    const tenAndTwo = base + NOTE_ROOM + allTen + 9 + 2 * p + 1;
    kept = keptRun(result, tenAndTwo);
    expect((kept['findings'] as unknown[]).length).toBe(10);
    expect(kept['periods']).toEqual(result.periods.slice(0, 2));
    expect(kept['keptInPart']).toMatchObject({ findingsLeftOut: 0, periodsLeftOut: 8 });
    expect(chars(kept)).toBeLessThanOrEqual(tenAndTwo);
  });
});
