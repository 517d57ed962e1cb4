/**
 * A refund request (L19) kept on a stored case and marked sent records `refund_requested`, not a bare letter sent:
 * the case then has a reply to wait for and a point to complain (L05) at, and CMS's answer meets them. The case is
 * the letters fixture's overpaid story (test/letters/fixture.ts: January paid twice by mistake, £410.08 overpaid,
 * which CMS agrees) on a real PGlite store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseTimeline, markCaseLetterSent, reconcileCase, recordCaseEvent, saveCaseLetter } from '../../cases/index.ts';
import { openStore } from '../../store/open.ts';
import type { CaseStore } from '../../store/types.ts';
import { CASE_REFERENCE, overpaidReconciliation, PAYING_PARENT, SENT_ON } from '../letters/fixture.ts';
import { cleanup, freshDataDir } from '../store/helpers.ts';

let store: CaseStore;

beforeAll(async () => {
  store = await openStore({ dataDir: await freshDataDir() });
});
afterAll(async () => {
  await store.close();
  cleanup();
});

/** The overpaid story as a stored case, reconciled on SENT_ON (Friday 20 March 2026). */
async function overpaidCase(): Promise<string> {
  const r = overpaidReconciliation;
  const created = await store.createCase({
    title: 'Jordan’s overpayment',
    side: 'paying',
    service: 'collect_and_pay',
    reference: CASE_REFERENCE,
    frequency: 'monthly',
    parties: [{ role: 'paying_parent', name: PAYING_PARENT.name, address: PAYING_PARENT.address.join('\n') }],
    decisions: r.schedule.decisions.map((d) => ({
      effectiveDate: d.effectiveDate,
      ...(d.letterDate ? { letterDate: d.letterDate } : {}),
      calculation: d.calculation as Record<string, unknown>,
    })),
  });
  await store.importRows(
    created.id,
    { sha256: 'c'.repeat(64), size: 1000, kind: 'bank_statement', format: 'csv', filename: 'bank.csv' },
    {
      transactions: r.bankTransactions!.map((t, i) => ({
        date: t.date,
        amount: String(t.amount),
        direction: t.direction,
        description: t.description ?? '',
        ...(t.reference ? { reference: t.reference } : {}),
        fingerprint: `bank-${i}`,
        source: { line: i + 2 },
      })),
    },
  );
  await store.addCmsEntries(
    created.id,
    r.cmsEntries!.map((e) => ({
      date: e.date,
      type: e.type,
      amount: String(e.amount),
      ...(e.reference ? { reference: e.reference } : {}),
    })),
  );
  await reconcileCase(store, created.id, { cmsClaim: r.cmsClaim!, bankFilter: r.bankFilter! }, SENT_ON, () => ({}));
  return created.id;
}

describe('a refund request marked sent', () => {
  it('records refund_requested with a reply target and a complaint point; CMS’s answer meets them', async () => {
    const caseId = await overpaidCase();
    const saved = await saveCaseLetter(store, caseId, { type: 'overpayment_refund', facts: { preference: 'refund' } }, SENT_ON);
    expect(saved.record.status).toBe('draft');
    // Computed: 15 working days after Friday 20 March 2026 (England and Wales): 23–27 March (5), 30 March–2 April (9),
    // Good Friday 3 April and Easter Monday 6 April skipped, 7–10 April (13), 13 and 14 April (15): Tuesday 14 April
    // 2026. The letter asks for its reply by then.
    expect(saved.drafted.letter.text).toContain('Please reply in writing by 14 April 2026.');

    const sent = await markCaseLetterSent(store, caseId, saved.record.id, { sentOn: SENT_ON, method: 'post' }, { today: SENT_ON });
    expect(sent.event.type).toBe('refund_requested');
    expect(sent.event.letterId).toBe(saved.record.id);
    // + 5 working days' grace: 15, 16, 17, 20, 21 April → Tuesday 21 April 2026, the day to make a stage-1 complaint.
    expect(sent.event.deadlines.map((d) => [d.id, d.kind, d.date])).toEqual([
      ['refund_reply_due', 'reply_due', '2026-04-14'],
      ['refund_escalate', 'escalate', '2026-04-21'],
    ]);
    for (const d of sent.event.deadlines) expect(d.citation).toMatch(/^Reckoner's own/);

    // The case's deadlines: next while the target is ahead, overdue after it.
    const waiting = caseTimeline(await store.events(caseId), '2026-03-25');
    expect(waiting.next.map((d) => [d.id, d.date])).toEqual(
      expect.arrayContaining([
        ['refund_reply_due', '2026-04-14'],
        ['refund_escalate', '2026-04-21'],
      ]),
    );
    const late = caseTimeline(await store.events(caseId), '2026-04-15');
    expect(late.overdue.map((d) => d.id)).toContain('refund_reply_due');

    const reply = await recordCaseEvent(store, caseId, { type: 'refund_reply_received', date: '2026-04-10', summary: 'CMS will repay' });
    const after = caseTimeline(await store.events(caseId), '2026-04-22');
    expect(after.met.find((d) => d.id === 'refund_reply_due')?.metBy).toEqual({
      eventId: reply.id,
      type: 'refund_reply_received',
      date: '2026-04-10',
    });
    expect(after.met.map((d) => d.id)).toContain('refund_escalate');
    expect([...after.overdue, ...after.next].map((d) => d.id)).not.toContain('refund_reply_due');
  }, 60_000);
});
