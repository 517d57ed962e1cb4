/**
 * save_letter: a drafted letter is kept on the case and recorded as sent with the deadlines it starts (issue 6).
 * Real PGlite store in a temporary directory; the letter is the payment dispute from the letters fixture.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../store/open.ts';
import type { CaseStore } from '../../store/types.ts';
import { saveLetterTool } from '../../tools/case-save-letter.ts';
import { CASES } from '../letters/fixture.ts';

let dir: string;
let store: CaseStore;
const context = () => ({ today: '2026-03-20', store: async () => store });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'reckoner-save-letter-'));
  store = await openStore({ dataDir: dir });
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('save_letter', () => {
  it('keeps the letter as a version and records it as sent with its deadlines', async () => {
    const created = await store.createCase({ title: 'Dispute', side: 'paying', service: 'collect_and_pay' });
    const input = { caseId: created.id, letter: CASES['payment_dispute']!.input } as never;
    const first = await saveLetterTool.handler(input, context());
    expect(first.letter).toMatchObject({ type: 'payment_dispute', version: 1, sentOn: '2026-03-20' });
    // The payment dispute asks for a reply within 15 working days of 20 March 2026 (calc/deadlines): 14 April,
    // after the Easter bank holidays of 3 and 6 April 2026 (England and Wales).
    expect(first.event.type).toBe('letter_sent');
    expect(first.event.date).toBe('2026-03-20');
    expect(first.event.deadlines.map((d) => d.date)).toContain('2026-04-14');
    const second = await saveLetterTool.handler(input, context());
    expect(second.letter.version).toBe(2);
    const detail = await store.getCase(created.id);
    expect(detail.events.filter((e) => e.type === 'letter_sent')).toHaveLength(2);
  });

  it('a letter that cannot be drafted stores nothing', async () => {
    const created = await store.createCase({ title: 'Empty', side: 'paying' });
    const bad = { caseId: created.id, letter: { type: 'payment_dispute', facts: {}, sentOn: '2026-03-20' } } as never;
    await expect(saveLetterTool.handler(bad, context())).rejects.toThrow();
    const detail = await store.getCase(created.id);
    expect(detail.events).toHaveLength(0);
  });
});
