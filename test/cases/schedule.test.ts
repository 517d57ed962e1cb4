/**
 * A stored case's schedule (cases/reconcile.ts caseSchedule, build_case_schedule) tells the story reconcile_case
 * tells: the payment plan as CMS's payment schedule imported into the case sets it, on a real PGlite store.
 *
 * The case: £60.00 a week from Friday 5 April 2024 on Direct Pay, payments due on the 1st from 1 May. April's 26 of
 * 30 days accrued before the first payment date: 260.00 × 26 ÷ 30 = 225.333… → £225.33, the initial amount; then
 * £260.00 a month (60 × 52 ÷ 12). Every figure is worked here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseSchedule, reconcileRecords } from '../../cases/index.ts';
import { formatMoney, fromPence } from '../../calc/money.ts';
import { openStore } from '../../store/open.ts';
import type { CaseStore, CmsEntryRowInput } from '../../store/types.ts';
import { buildCaseScheduleTool } from '../../tools/case-schedule.ts';
import { cleanup, freshDataDir } from '../store/helpers.ts';

const DUE = ['2024-05-01', '2024-06-01', '2024-07-01'];
const AS_OF = '2024-07-31';
let store: CaseStore;

beforeAll(async () => {
  store = await openStore({ dataDir: await freshDataDir() });
});
afterAll(async () => {
  await store.close();
  cleanup();
});

/** The case, with CMS's payment schedule imported: three lines of £260.00, and its arrears column when given. */
async function caseWithSchedule(arrears?: string): Promise<string> {
  const created = await store.createCase({
    title: 'Schedule story',
    side: 'paying',
    service: 'direct_pay',
    frequency: 'monthly',
    firstDueDate: '2024-05-01',
    decisions: [{ effectiveDate: '2024-04-05', weeklyAmount: '60.00' }],
  });
  const lines: CmsEntryRowInput[] = DUE.map((date, i) => ({
    date,
    type: 'liability',
    amount: '260.00',
    description: 'Ongoing maintenance due',
    fingerprint: `schedule-${i}`,
    source: { page: 1, line: 10 + i },
  }));
  await store.importRows(
    created.id,
    {
      sha256: (arrears ? 'b' : 'c').repeat(64),
      size: 2000,
      kind: 'cms_payment_schedule',
      format: 'pdf',
      filename: 'schedule.pdf',
      ...(arrears ? { metadata: { paymentPlan: { catchUp: DUE.map((dueDate) => ({ dueDate, amount: arrears })) } } } : {}),
    },
    { cmsEntries: lines },
  );
  return created.id;
}

const catchUpDates = (s: Awaited<ReturnType<typeof caseSchedule>>['schedule']) =>
  s.plan.events.filter((e) => e.kind === 'catch_up').map((e) => [e.date, formatMoney(fromPence(e.amounts.maintenance))]);

describe('a case’s schedule is the one its reconciliation reads', () => {
  it('a receiving parent’s case with two receiving parents still has its schedule before anyone says whose it is', async () => {
    // Maintenance shared by two receiving parents from 5 April 2024: the reconciliation needs to be told whose
    // evidence the case holds (receivingParentId); the schedule of what was due is everyone's, and is built as it is.
    const created = await store.createCase({
      title: 'Two receiving parents',
      side: 'receiving',
      service: 'direct_pay',
      frequency: 'monthly',
      firstDueDate: '2024-05-01',
      decisions: [
        {
          effectiveDate: '2024-04-05',
          calculation: {
            payingParent: { grossWeeklyIncome: '500.00' },
            receivingParents: [
              { id: 'rpA', children: [{}] },
              { id: 'rpB', children: [{}] },
            ],
          },
        },
      ],
    });
    const records = await store.caseRecords(created.id);
    expect(() => reconcileRecords(records, { asOf: AS_OF }, AS_OF)).toThrow(/receivingParentId: give the id of the receiving parent/);
    const built = await caseSchedule(records, AS_OF);
    // 16% of £500 = £80.00 a week (basic rate, two children: CSA 1991 Sch 1 para 2), shared; April's 26 of 30 days
    // before the first payment date: 80 × 52 × 26 ÷ (12 × 30) = 300.444… → 300.44, spread over 12 equal instalments from
    // 1 May (300.44 ÷ 12 = 25.04); by 31 July 3 × 25.04 = 75.12 of it is due, 300.44 − 75.12 = 225.32 not yet.
    expect(built.schedule.totals.receivingParents.map((r) => r.id)).toEqual(['rpA', 'rpB']);
    expect(formatMoney(built.schedule.due.notYetDue)).toBe('225.32');
  });

  it('a CMS schedule that asks for the ongoing £260.00 alone defers the initial amount, as reconcile_case does', async () => {
    const id = await caseWithSchedule();
    const records = await store.caseRecords(id);
    const built = await caseSchedule(records, AS_OF);
    // Before: Reckoner's year of instalments from 1 May (18.78, 18.78, 18.77 … due by 31 July: 56.33), while
    // reconcile_case deferred them. Now both start after the schedule's last line: from 1 August, 225.33 not yet due.
    expect(catchUpDates(built.schedule)[0]).toEqual(['2024-08-01', '18.78']);
    expect(formatMoney(built.schedule.due.notYetDue)).toBe('225.33');
    const reconciled = reconcileRecords(records, { asOf: AS_OF }, AS_OF).result;
    expect(catchUpDates(built.schedule)).toEqual(catchUpDates(reconciled.schedule));
    expect(built.warnings).toHaveLength(1);
    expect(built.warnings[0]).toMatch(
      /^CMS’s payment schedule asks for the ongoing instalment alone on each date it lists, up to 2024-07-01/,
    );
  });

  it('CMS’s catch-up amounts from the imported schedule are its timetable, and the tool says where they came from', async () => {
    const id = await caseWithSchedule('18.78');
    const records = await store.caseRecords(id);
    const built = await caseSchedule(records, AS_OF);
    // 3 × 18.78 = 56.34 by 1 July; the rest, 225.33 − 56.34 = 168.99, from 1 August over 12 instalments (14.08 first).
    expect(built.schedule.plan.rule).toBe('cms_schedule');
    expect(catchUpDates(built.schedule).slice(0, 4)).toEqual([
      ['2024-05-01', '18.78'],
      ['2024-06-01', '18.78'],
      ['2024-07-01', '18.78'],
      ['2024-08-01', '14.08'],
    ]);
    expect(formatMoney(built.schedule.due.notYetDue)).toBe('168.99');
    expect(built.planFrom).toBe(records.documents[0]!.id);

    const out = await buildCaseScheduleTool.output({ caseId: id, asOf: AS_OF }, { today: AS_OF, store: async () => store });
    expect(out.plan).toMatchObject({ rule: 'cms_schedule', notYetDue: '168.99' });
    expect(out.planFrom).toBe(records.documents[0]!.id);
    expect(out.warnings).toEqual([
      expect.stringMatching(/^CMS’s payment schedule \(schedule\.paymentPlan\.catchUp\) lists catch-up amounts of £56\.34/),
    ]);
    // CMS's timetable gives the initial amount no count of instalments of its own (0): the text says it is collected on
    // CMS's dates, not "over 0 instalments" beside a trace that collects it in later instalments (a journey probe, story 4).
    const text = buildCaseScheduleTool.summarize(out as Parameters<typeof buildCaseScheduleTool.summarize>[0]);
    expect(text).toContain('Initial amount £225.33 from 2024-05-01, collected on the dates of CMS’s payment schedule.');
    expect(text).not.toContain('over 0 instalments');
  });
});
