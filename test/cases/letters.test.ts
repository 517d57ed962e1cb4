/**
 * Letters from a stored case (cases/letters.ts) on a real PGlite store: the letters fixture's story
 * (test/letters/fixture.ts — Jordan Ellis, the phantom DEO receipt and the missed June payment, CMS claiming
 * £1,640.32 on 9 March 2026) kept as a case, then a payment dispute drafted with nothing but its type. It must quote
 * exactly what the same letter drafted from the same input by hand quotes; keeping it stores a draft; marking it
 * sent starts its clocks, once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputError } from '../../calc/errors.ts';
import { caseTimeline, draftCaseLetter, markCaseLetterSent, reconcileCase, recordCaseEvent, saveCaseLetter } from '../../cases/index.ts';
import { draftLetter, LetterInputError } from '../../letters/index.ts';
import { openStore } from '../../store/open.ts';
import { StoreError } from '../../store/errors.ts';
import type { CaseStore } from '../../store/types.ts';
import { calculation, CASE_REFERENCE, DECISION, PAYING_PARENT, reconciliation, SENT_ON } from '../letters/fixture.ts';
import { cleanup, freshDataDir } from '../store/helpers.ts';

let store: CaseStore;

beforeAll(async () => {
  store = await openStore({ dataDir: await freshDataDir() });
});
afterAll(async () => {
  await store.close();
  cleanup();
});

/** The fixture's story as a stored case: the paying parent, the decision, the bank rows and CMS's entries. */
async function storyCase(options: { withParent?: boolean; reconciled?: boolean } = {}): Promise<string> {
  const created = await store.createCase({
    title: 'Jordan’s dispute',
    side: 'paying',
    service: 'collect_and_pay',
    reference: CASE_REFERENCE,
    frequency: 'monthly',
    parties:
      options.withParent === false
        ? []
        : [
            {
              role: 'paying_parent',
              name: PAYING_PARENT.name,
              address: PAYING_PARENT.address.join('\n'),
              email: PAYING_PARENT.email,
              phone: PAYING_PARENT.phone,
            },
            { role: 'receiving_parent', name: 'Alex Morgan', address: '9 Hidden Way, Secretown, ZZ9 9ZZ', addressWithheld: true },
          ],
    decisions: reconciliation.schedule.decisions.map((d) => ({
      effectiveDate: d.effectiveDate,
      ...(d.letterDate ? { letterDate: d.letterDate } : {}),
      calculation: d.calculation as Record<string, unknown>,
    })),
  });
  await store.importRows(
    created.id,
    { sha256: 'a'.repeat(64), size: 1000, kind: 'bank_statement', format: 'csv', filename: 'bank.csv' },
    {
      transactions: reconciliation.bankTransactions!.map((t, i) => ({
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
    reconciliation.cmsEntries!.map((e) => ({
      date: e.date,
      type: e.type,
      amount: String(e.amount),
      ...(e.reference ? { reference: e.reference } : {}),
    })),
  );
  if (options.reconciled !== false) {
    await reconcileCase(
      store,
      created.id,
      { cmsClaim: reconciliation.cmsClaim!, bankFilter: reconciliation.bankFilter! },
      SENT_ON,
      () => ({}),
    );
  }
  return created.id;
}

/** The paying parent's identity, as a subject access request asks for it. */
const IDENTITY = { dateOfBirth: PAYING_PARENT.dateOfBirth, nationalInsuranceNumber: PAYING_PARENT.nationalInsuranceNumber };

/** A subject access request dated SENT_ON kept on the case as a draft, its identity given in facts. */
const saveSar = (caseId: string) =>
  saveCaseLetter(store, caseId, { type: 'subject_access_request', sentOn: SENT_ON, facts: { sender: IDENTITY } }, SENT_ON);

describe('a letter from the case', () => {
  it('quotes exactly what the same letter drafted from the same input quotes, with nothing but its type', async () => {
    const caseId = await storyCase();
    const { letter, fromCase } = await draftCaseLetter(store, caseId, { type: 'payment_dispute', sentOn: SENT_ON }, SENT_ON);
    expect(fromCase).toEqual(expect.arrayContaining(['sender', 'caseReference', 'senderRole', 'reconciliation']));

    const byHand = draftLetter({
      type: 'payment_dispute',
      sentOn: SENT_ON,
      facts: { sender: PAYING_PARENT, caseReference: CASE_REFERENCE, senderRole: 'paying' },
      reconciliation,
    });
    const values = (l: typeof letter) => l.figures.map((f) => [f.id, f.value]);
    expect(values(letter)).toEqual(values(byHand));
    // The fixture's figures, computed by hand there: CMS claims £1,640.32, £1,230.24 more than the true £410.08.
    expect(letter.text).toContain('£1,640.32');
    expect(letter.text).toContain('£1,230.24');
    // The sender's own address from the case, line by line; the other parent's withheld one nowhere.
    for (const line of PAYING_PARENT.address) expect(letter.text).toContain(line);
    expect(letter.text).not.toContain('Hidden Way');
  });

  it('without a paying parent on the case, says exactly what is missing and what the case supplied', async () => {
    const caseId = await storyCase({ withParent: false });
    const error = await draftCaseLetter(store, caseId, { type: 'payment_dispute', sentOn: SENT_ON }, SENT_ON).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LetterInputError);
    const problems = (error as LetterInputError).problems;
    expect(problems.map((p) => p.field)).toEqual(['facts.sender']);
    expect(problems[0]!.message).toContain('the case supplied caseReference, senderRole, reconciliation');
  });

  it('a case that reconciles with nothing to dispute says so, not that it has no decisions', async () => {
    // £60.00 a week on Direct Pay from 1 January 2024: £260.00 a month (60 × 52 ÷ 12), paid on each due date.
    const created = await store.createCase({
      title: 'Nothing to dispute',
      side: 'paying',
      service: 'direct_pay',
      reference: CASE_REFERENCE,
      frequency: 'monthly',
      parties: [{ role: 'paying_parent', name: PAYING_PARENT.name, address: PAYING_PARENT.address.join('\n') }],
      decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: '60.00' }],
    });
    await store.importRows(
      created.id,
      { sha256: 'b'.repeat(64), size: 100, kind: 'bank_statement', format: 'csv', filename: 'bank.csv' },
      {
        transactions: ['2024-01-01', '2024-02-01', '2024-03-01'].map((date, i) => ({
          date,
          amount: '260.00',
          direction: 'out' as const,
          description: 'J SMITH MAINTENANCE',
          fingerprint: `paid-${i}`,
          source: { line: i + 2 },
        })),
      },
    );
    const error = await draftCaseLetter(store, created.id, { type: 'payment_dispute', sentOn: '2024-03-20' }, '2024-03-20').catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LetterInputError);
    const problem = (error as LetterInputError).problems.find((p) => p.field === 'reconciliation');
    // Before: 'the case has no CMS decisions to reconcile: add them with add_decision', for a case that has one.
    expect(problem!.message).toBe(
      'found no entry to dispute: CMS’s record agrees with the bank statements given and with the decisions, so there is nothing for the payment_dispute letter to list (the case supplied sender, caseReference, senderRole, reconciliation)',
    );
  });
});

describe('keeping and sending a letter', () => {
  it('keeps drafts as versions; marking one sent starts its clocks once; a reply meets its deadline', async () => {
    const caseId = await storyCase();
    const first = await saveCaseLetter(store, caseId, { type: 'payment_dispute' }, SENT_ON);
    const second = await saveCaseLetter(store, caseId, { type: 'L04' }, SENT_ON);
    expect([first.record.status, first.record.version, second.record.version]).toEqual(['draft', 1, 2]);
    expect(Buffer.from(first.pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    expect((await store.events(caseId)).length).toBe(0); // a draft starts nothing

    // A day before the letter's own date, or one still to come, is refused, naming sentOn, and starts nothing (MCP audit).
    const early = await markCaseLetterSent(store, caseId, first.record.id, { sentOn: '2026-03-19' }).catch((e: unknown) => e);
    expect((early as InputError).message).toBe(
      "sentOn: is before the letter's own date (2026-03-20); give the day it was actually sent, YYYY-MM-DD",
    );
    const ahead = await markCaseLetterSent(store, caseId, first.record.id, { sentOn: '2026-03-25' }, { today: SENT_ON }).catch(
      (e: unknown) => e,
    );
    expect((ahead as InputError).message).toBe('sentOn: is after today (2026-03-20); mark the letter sent on the day it goes, not before');
    expect((await store.events(caseId)).length).toBe(0);

    const sent = await markCaseLetterSent(store, caseId, first.record.id, { sentOn: SENT_ON, method: 'recorded_delivery' });
    expect(sent.letter).toMatchObject({ status: 'sent', sentOn: SENT_ON, method: 'recorded_delivery' });
    expect(sent.event.type).toBe('payments_disputed');
    expect(sent.event.letterId).toBe(first.record.id);
    // A payment dispute asks for a reply within 15 working days of Friday 20 March 2026 (England and Wales):
    // 23–27 March (5), 30 March–2 April (9), Good Friday 3 April and Easter Monday 6 April skipped, 7–10 April (13),
    // 13 and 14 April (15): Tuesday 14 April 2026.
    expect(sent.event.deadlines.find((d) => d.id === 'dispute_reply_due')?.date).toBe('2026-04-14');

    const again = await markCaseLetterSent(store, caseId, first.record.id, { sentOn: SENT_ON }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(StoreError);
    expect((again as StoreError).code).toBe('conflict');
    expect((await store.events(caseId)).length).toBe(1);

    const waiting = caseTimeline(await store.events(caseId), '2026-03-25');
    expect(waiting.next.map((d) => d.id)).toContain('dispute_reply_due');
    const late = caseTimeline(await store.events(caseId), '2026-04-15');
    expect(late.overdue.map((d) => d.id)).toContain('dispute_reply_due');

    const reply = await recordCaseEvent(store, caseId, { type: 'dispute_reply_received', date: '2026-04-01', summary: 'CMS replied' });
    const after = caseTimeline(await store.events(caseId), '2026-04-15');
    const met = after.met.find((d) => d.id === 'dispute_reply_due');
    expect(met?.metBy).toEqual({ eventId: reply.id, type: 'dispute_reply_received', date: '2026-04-01' });
    expect(after.overdue.map((d) => d.id)).not.toContain('dispute_reply_due');
  });

  it('a letter that cannot be drafted keeps nothing', async () => {
    const caseId = await storyCase({ withParent: false });
    await expect(saveCaseLetter(store, caseId, { type: 'payment_dispute' }, SENT_ON)).rejects.toBeInstanceOf(LetterInputError);
    expect(await store.letters(caseId)).toHaveLength(0);
  });
});

describe('a reconsideration request posted close to its last day', () => {
  // The decision letter is dated Monday 2 March 2026: the 30 days end on Wednesday 1 April 2026 (reg 14(1)(a)), and
  // the request is made when CMS receives it. A first-class letter is taken to arrive on the second working day after
  // posting (CPR r.6.26). Posted Tuesday 31 March: Wednesday 1 April (1), Thursday 2 April (2): after the last day.
  // Posted Monday 30 March: Tuesday 31 March (1), Wednesday 1 April (2): on it.
  async function sentBy(sentOn: string, method: 'post' | 'online_account') {
    const caseId = await storyCase();
    await recordCaseEvent(store, caseId, {
      type: 'decision_letter_received',
      date: DECISION.letterDate,
      summary: 'Annual review decision',
    });
    const saved = await saveCaseLetter(
      store,
      caseId,
      {
        type: 'mandatory_reconsideration',
        sentOn,
        facts: { decision: DECISION, grounds: ['The decision used last year’s income, not my current income'] },
        calculation,
      },
      sentOn,
    );
    return { caseId, ...(await markCaseLetterSent(store, caseId, saved.record.id, { sentOn, method }, { today: sentOn })) };
  }

  it('posted the day before: the deadline is met by the date of sending, with a warning that it arrives on 2 April', async () => {
    const sent = await sentBy('2026-03-31', 'post');
    expect(sent.warnings).toEqual([
      'Posted on Tuesday 31 March 2026 for “Last day for CMS to receive your request for a mandatory reconsideration” (the last day is Wednesday 1 April 2026): ' +
        'a time limit is met when the letter arrives, and a first-class letter is taken to arrive on the second working day after posting, ' +
        'Thursday 2 April 2026 (CPR r.6.26). Make the same request today in a way that arrives the same day (by phone, email or the online ' +
        'service, or by hand), and keep a note of when you did.',
    ]);
  });

  it('the timeline keeps saying so: met by its sending, taken to arrive on 2 April, after the last day', async () => {
    const { caseId } = await sentBy('2026-03-31', 'post');
    const mr = caseTimeline(await store.events(caseId), '2026-04-10').met.find((d) => d.date === '2026-04-01');
    expect(mr?.metBy?.date).toBe('2026-03-31');
    expect(mr?.arrival).toEqual({
      date: '2026-04-02',
      note:
        'Posted on Tuesday 31 March 2026: a first-class letter is taken to arrive on the second working day after posting, Thursday 2 April 2026 ' +
        '(CPR r.6.26), after the last day, Wednesday 1 April 2026, and a time limit is met when the letter arrives. Keep proof of the day it ' +
        'arrived, or of the same request made in a way that arrives the same day (by phone, email or the online service, or by hand).',
    });
  });

  it('posted two working days before, or sent through the online account on the last day: no warning', async () => {
    const posted = await sentBy('2026-03-30', 'post');
    const online = await sentBy('2026-04-01', 'online_account');
    expect(posted.warnings).toEqual([]);
    expect(online.warnings).toEqual([]);
    for (const { caseId } of [posted, online]) {
      const met = caseTimeline(await store.events(caseId), '2026-04-10').met;
      expect(met.some((d) => d.date === '2026-04-01')).toBe(true);
      expect(met.filter((d) => d.arrival)).toEqual([]);
    }
  });
});

describe('a letter never quotes a balance on a day after its own date', () => {
  it('with no reconciliation kept, the case is reconciled to the letter’s date, not to today', async () => {
    // The bank rows end on 9 March 2026; the letter is dated 20 March 2026 and drafted on 4 December 2026. Reconciled
    // to 4 December, the eight instalments due from April to November 2026 (8 × £410.08) read as unpaid arrears
    // owed on a day the letter cannot speak of (an MCP audit found an arrears plan admitting £3,690.72 so).
    const caseId = await storyCase({ reconciled: false });
    const { letter } = await draftCaseLetter(store, caseId, { type: 'payment_dispute', sentOn: SENT_ON }, '2026-12-04');
    expect(letter.text).not.toContain('December 2026');
    expect(letter.text).toContain('on 20 March 2026');
  });
});

describe('a letter posted close to the last day its own facts set', () => {
  it('representations on a lump sum deduction order: warned of without the order recorded as an event', async () => {
    // Served Wednesday 17 December 2025: the 14 days, beginning with that day, end Tuesday 30 December 2025. Posted
    // Monday 29 December: a first-class letter is taken to arrive on the second working day after, Wednesday
    // 31 December (CPR r.6.26). Only the letter's facts hold the day of service: no lsdo_served event was recorded.
    const caseId = await storyCase();
    const saved = await saveCaseLetter(
      store,
      caseId,
      {
        type: 'deduction_order_representations',
        sentOn: '2025-12-22',
        facts: {
          orderType: 'lump_sum_deduction_order',
          orderDate: '2025-12-15',
          servedOn: '2025-12-17',
          bank: 'Testbury Building Society',
          grounds: ['hardship'],
          details: ['The order would take the money for the rent'],
        },
      },
      '2025-12-22',
    );
    const sent = await markCaseLetterSent(
      store,
      caseId,
      saved.record.id,
      { sentOn: '2025-12-29', method: 'post' },
      { today: '2025-12-29' },
    );
    expect(sent.warnings).toHaveLength(1);
    expect(sent.warnings[0]).toContain('(the last day is Tuesday 30 December 2025)');
    expect(sent.warnings[0]).toContain('taken to arrive on the second working day after posting, Wednesday 31 December 2025');
  });
});

describe('a letter sent on a later day than its own date', () => {
  // The payment dispute is dated Friday 20 March 2026 and asks for a reply within 15 working days of it: 23–27 March
  // (5), 30 March–2 April (9), Good Friday 3 April and Easter Monday 6 April are bank holidays, 7–10 April (13),
  // 13–14 April (15): Tuesday 14 April. Sent on Monday 23 March, the case counts from the sending: 24–27 March (4),
  // 30 March–2 April (8), 7–10 April (12), 13–15 April (15): Wednesday 15 April.
  /** The story's payment dispute, dated SENT_ON, kept and marked sent online on `sentOn`. */
  async function disputeSentOn(sentOn: string) {
    const caseId = await storyCase();
    const saved = await saveCaseLetter(store, caseId, { type: 'payment_dispute', sentOn: SENT_ON }, SENT_ON);
    const sent = await markCaseLetterSent(store, caseId, saved.record.id, { sentOn, method: 'online_account' }, { today: sentOn });
    return { saved, sent };
  }

  it('says which reply date the case tracks, and that it differs from the one the letter asks for', async () => {
    const { saved, sent } = await disputeSentOn('2026-03-23');
    expect(saved.drafted.letter.text).toContain('by 14 April 2026');
    expect(sent.event.deadlines.find((d) => d.id === 'dispute_reply_due')?.date).toBe('2026-04-15');
    expect(sent.warnings).toEqual([
      'The letter asks for a reply by Tuesday 14 April 2026, counted from its own date (Friday 20 March 2026). Sent on Monday 23 March 2026, ' +
        'the case counts from the day it went: “Target date for a reply to your payment dispute” is tracked to Wednesday 15 April 2026. ' +
        'If it has not gone yet, draft it again dated the day it goes, so that the date it asks for and the case agree; if it has, chase from Wednesday 15 April 2026.',
    ]);
  });

  it('sent on its own date: no such warning', async () => {
    const { sent } = await disputeSentOn(SENT_ON);
    expect(sent.warnings).toEqual([]);
  });
});

describe('a letter only the other parent sends', () => {
  it('is refused on this case, naming the letter type and the case’s side', async () => {
    // The story's case is the paying parent's; moving a case to Collect and Pay is the receiving parent's request.
    const caseId = await storyCase();
    const error = await draftCaseLetter(store, caseId, { type: 'direct_pay_to_collect_and_pay', sentOn: SENT_ON }, SENT_ON).catch((e) => e);
    expect(error).toBeInstanceOf(LetterInputError);
    expect((error as LetterInputError).problems).toEqual([
      {
        field: 'type',
        message:
          'the direct_pay_to_collect_and_pay letter is sent by the receiving parent, and this case is the paying parent’s (its side is set when it is made). ' +
          'list_letter_types gives each letter’s sender; choose one the case’s own parent sends',
      },
    ]);
  });
});

describe('the sender’s date of birth and National Insurance number, kept with the case', () => {
  it('a subject access request from a case without them asks for them, saying where to keep them once', async () => {
    const caseId = await storyCase();
    const payer = (await store.getCase(caseId)).parties[0]!;
    const refused = await draftCaseLetter(store, caseId, { type: 'subject_access_request', sentOn: SENT_ON }, SENT_ON).catch((e) => e);
    expect(refused).toBeInstanceOf(LetterInputError);
    const problems = (refused as LetterInputError).problems;
    expect(problems.map((p) => p.field)).toEqual(['facts.sender.dateOfBirth', 'facts.sender.nationalInsuranceNumber']);
    for (const p of problems) expect(p.message).toContain(`keep it with the case (set_party with partyId ${payer.id})`);
  });

  it('once kept, the request is drafted from the case alone, the same letter as with them given, and no other letter prints them', async () => {
    const caseId = await storyCase();
    const payer = (await store.getCase(caseId)).parties[0]!;
    const given = await draftCaseLetter(
      store,
      caseId,
      { type: 'subject_access_request', sentOn: SENT_ON, facts: { sender: IDENTITY } },
      SENT_ON,
    );
    await store.updateParty(caseId, payer.id, IDENTITY);
    const fromCase = await draftCaseLetter(store, caseId, { type: 'subject_access_request', sentOn: SENT_ON }, SENT_ON);
    expect(fromCase.letter.text).toBe(given.letter.text);
    // 14 May 1986, as test/letters/fixture.ts gives it.
    expect(fromCase.letter.text).toContain('National Insurance number: QQ123456C\nDate of birth: 14 May 1986');
    expect(fromCase.fromCase).toContain('sender');
    const dispute = await draftCaseLetter(store, caseId, { type: 'payment_dispute', sentOn: SENT_ON }, SENT_ON);
    expect(dispute.letter.text).toContain(PAYING_PARENT.name);
    expect(dispute.letter.text).not.toContain('QQ123456C');
    expect(dispute.letter.text).not.toContain('Date of birth');
  });

  it('a case without its own parent says to add them', async () => {
    const caseId = await storyCase({ withParent: false });
    const refused = await draftCaseLetter(
      store,
      caseId,
      { type: 'subject_access_request', sentOn: SENT_ON, facts: { sender: { name: PAYING_PARENT.name, address: PAYING_PARENT.address } } },
      SENT_ON,
    ).catch((e) => e);
    expect((refused as LetterInputError).problems[0]!.message).toContain(
      'the case has no paying parent: add them with set_party (role paying_parent)',
    );
  });
});

describe('a subject access request marked sent by post', () => {
  // Sent Friday 20 March 2026 by post: taken to reach DWP on the second working day after, Tuesday 24 March (CPR
  // r.6.26); the month (UK GDPR Art 12(3)) runs from then, to Friday 24 April 2026. Sent online, from the day it went:
  // Monday 20 April 2026.
  async function sarSent(method: 'post' | 'online_account') {
    const caseId = await storyCase();
    const saved = await saveSar(caseId);
    const sent = await markCaseLetterSent(store, caseId, saved.record.id, { sentOn: SENT_ON, method }, { today: SENT_ON });
    return { caseId, sent };
  }

  it('counts DWP’s month from the day it is taken to arrive, and a chase drafted from the case knows that day', async () => {
    const { caseId, sent } = await sarSent('post');
    expect(sent.event.deadlines.find((d) => d.id === 'sar_reply_due')?.date).toBe('2026-04-24');
    const timeline = caseTimeline(await store.events(caseId), '2026-04-01');
    expect(timeline.next.find((d) => d.id === 'sar_reply_due')?.date).toBe('2026-04-24');
    // A chase on Friday 24 April says the limit has passed a day early: refused, naming the day it may be dated.
    const early = await draftCaseLetter(
      store,
      caseId,
      { type: 'sar_chase_ico_complaint', sentOn: '2026-04-24', facts: { stage: 'chase', missing: ['Everything'] } },
      '2026-04-24',
    ).catch((e) => e);
    expect(early).toBeInstanceOf(LetterInputError);
    expect((early as LetterInputError).problems[0]!.message).toContain('Date the chase 2026-04-27 or later');
  });

  it('sent online, from the day it went', async () => {
    const { sent } = await sarSent('online_account');
    expect(sent.event.deadlines.find((d) => d.id === 'sar_reply_due')?.date).toBe('2026-04-20');
  });
});

describe('a change of address drafted from the case', () => {
  it('asks for the new address: the case holds the old one, which the letter would give as the new', async () => {
    const caseId = await storyCase();
    const request = {
      type: 'change_of_circumstances',
      sentOn: SENT_ON,
      facts: { change: 'address', changedOn: '2026-03-16', details: 'I moved house' },
    };
    const error = await draftCaseLetter(store, caseId, request, SENT_ON).catch((e) => e);
    expect(error).toBeInstanceOf(LetterInputError);
    expect((error as LetterInputError).problems).toEqual([
      {
        field: 'facts.sender.address',
        message:
          'is missing — give your new address: the letter gives the address at its top as your new one, and the address the case holds is the one you are moving from',
      },
    ]);
    const moved = await draftCaseLetter(
      store,
      caseId,
      { ...request, facts: { ...request.facts, sender: { address: ['2 New Road', 'Testbury', 'ZZ1 5CD'] } } },
      SENT_ON,
    );
    expect(moved.letter.text).toContain('2 New Road');
    expect(moved.letter.text).not.toContain('14 Larch Close');
  });
});

describe('the disputes still waiting for an answer, from the case', () => {
  it('a request to hold enforcement lists the payment dispute the case has sent and no reply has answered', async () => {
    // An audit was told "facts.pendingDisputes: is missing" though the case held the dispute it had sent.
    const caseId = await storyCase();
    const saved = await saveCaseLetter(store, caseId, { type: 'payment_dispute', sentOn: SENT_ON }, SENT_ON);
    await markCaseLetterSent(store, caseId, saved.record.id, { sentOn: SENT_ON, method: 'online_account' }, { today: SENT_ON });
    const request = {
      type: 'enforcement_pause_request',
      sentOn: '2026-03-27',
      facts: { action: 'deduction_from_earnings_order', actionDate: '2026-03-25' },
    };
    const { letter, fromCase } = await draftCaseLetter(store, caseId, request, '2026-03-27');
    expect(fromCase).toContain('pendingDisputes');
    expect(letter.text.replace(/\s+/g, ' ')).toContain('20 March 2026');
    // Once CMS's reply is recorded, the dispute is no longer pending: the letter asks for one again.
    await recordCaseEvent(store, caseId, { type: 'dispute_reply_received', date: '2026-03-26' });
    const error = await draftCaseLetter(store, caseId, request, '2026-03-27').catch((e) => e);
    expect(error).toBeInstanceOf(LetterInputError);
    expect((error as LetterInputError).problems[0]!.field).toBe('facts.pendingDisputes');
  });
});

describe('the letters a complaint says were already sent, from the case', () => {
  it('lists the payment dispute and the breakdown request the case has sent, oldest first', async () => {
    // An audit found a complaint drafted from a case saying nothing of the letters the case itself had sent.
    const caseId = await storyCase();
    for (const [type, sentOn] of [
      ['payment_dispute', '2026-03-27'],
      ['account_breakdown_request', SENT_ON],
    ] as const) {
      const saved = await saveCaseLetter(
        store,
        caseId,
        { type, sentOn, ...(type === 'account_breakdown_request' ? { facts: { statedIn: 'letter' } } : {}) },
        sentOn,
      );
      await markCaseLetterSent(store, caseId, saved.record.id, { sentOn, method: 'online_account' }, { today: sentOn });
    }
    const request = {
      type: 'complaint',
      sentOn: '2026-04-20',
      facts: {
        chronology: [{ date: '2026-03-20', what: 'I asked for a full breakdown of my account' }],
        whatWentWrong: ['My request for a breakdown has not been answered'],
        impact: 'I have lost time off work dealing with this',
        outcomes: ['explanation'],
      },
    };
    const { letter, fromCase } = await draftCaseLetter(store, caseId, request, '2026-04-20');
    expect(fromCase).toContain('priorContacts');
    expect(letter.text.replace(/\s+/g, ' ')).toContain(
      'WHAT I HAVE ALREADY DONE - 20 March 2026: my request for a full breakdown of the account. - 27 March 2026: my letter disputing entries on the account.',
    );
  });
});

describe('what happened, for a complaint, from the case', () => {
  // An audit (F12) was told "facts.chronology: is missing" by a complaint drafted from a case that held the decision
  // letter and the payment dispute it had sent, and knew the dispute's reply date had passed.
  const complaintOn = '2026-04-20';
  const own = {
    whatWentWrong: ['My payment dispute has not been answered'],
    impact: 'I have lost time off work dealing with this',
    outcomes: ['explanation'],
  };
  async function disputedCase(): Promise<string> {
    const caseId = await storyCase();
    await recordCaseEvent(store, caseId, { type: 'decision_letter_received', date: DECISION.letterDate });
    const saved = await saveCaseLetter(store, caseId, { type: 'payment_dispute', sentOn: SENT_ON }, SENT_ON);
    await markCaseLetterSent(store, caseId, saved.record.id, { sentOn: SENT_ON, method: 'online_account' }, { today: SENT_ON });
    return caseId;
  }

  it('lists the decision and the dispute in date order, saying the dispute’s reply was due and none is recorded', async () => {
    const caseId = await disputedCase();
    const { letter, fromCase } = await draftCaseLetter(store, caseId, { type: 'complaint', sentOn: complaintOn, facts: own }, complaintOn);
    expect(fromCase).toContain('chronology');
    // The reply date is the case's own: 15 working days after Friday 20 March 2026, Tuesday 14 April 2026 (see above).
    expect(letter.text.replace(/\s+/g, ' ')).toContain(
      'WHAT HAPPENED - 2 March 2026: You wrote to me with a decision on my case. ' +
        '- 20 March 2026: I wrote to you disputing entries on my account; the reply was due by 14 April 2026 and none is recorded. ' +
        'WHAT WENT WRONG',
    );

    // The caller's own chronology wins, and is not said to come from the case.
    const chronology = [{ date: '2026-03-20', what: 'I disputed two entries on my account' }];
    const given = await draftCaseLetter(
      store,
      caseId,
      { type: 'complaint', sentOn: complaintOn, facts: { ...own, chronology } },
      complaintOn,
    );
    expect(given.fromCase).not.toContain('chronology');
    expect(given.letter.text.replace(/\s+/g, ' ')).toContain(
      'WHAT HAPPENED - 20 March 2026: I disputed two entries on my account. WHAT WENT WRONG',
    );
  });

  it('once the reply is recorded, says it came, not that it is overdue', async () => {
    const caseId = await disputedCase();
    await recordCaseEvent(store, caseId, { type: 'dispute_reply_received', date: '2026-04-16' });
    const { letter } = await draftCaseLetter(store, caseId, { type: 'complaint', sentOn: complaintOn, facts: own }, complaintOn);
    expect(letter.text.replace(/\s+/g, ' ')).toContain(
      '- 20 March 2026: I wrote to you disputing entries on my account. ' +
        '- 16 April 2026: I received your reply to my payment dispute. WHAT WENT WRONG',
    );
  });

  it('the refusal asks only for what the case cannot hold', async () => {
    const caseId = await disputedCase();
    const error = await draftCaseLetter(store, caseId, { type: 'complaint', sentOn: complaintOn }, complaintOn).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LetterInputError);
    const problems = (error as LetterInputError).problems;
    expect(problems.map((p) => p.field)).toEqual(['facts.whatWentWrong', 'facts.impact', 'facts.outcomes']);
    expect(problems[0]!.message).toContain(
      '(the case supplied sender, caseReference, senderRole, priorContacts, chronology, reconciliation)',
    );
  });
});

describe('a chase drafted from the case counts DWP’s month as the case’s timeline does, however the request went', () => {
  // The case's subject access request, sent Monday 30 December 2024 (bank holidays: calc's England and Wales table,
  // 25 and 26 December 2024 and 1 January 2025). By email, online or by hand DWP had it that day: a month on is
  // Thursday 30 January 2025, the reply due then, a chase from the next working day, Friday 31 January. By post, or
  // not said how: Tuesday 31 December is working day 1, Wednesday 1 January New Year's Day, Thursday 2 January working
  // day 2, received then; a month on is Sunday 2 February, so due Monday 3 February and a chase from Tuesday 4 February.
  // Before, the chase letter took every request as posted (it knew only a day of receipt kept with a posted letter's
  // clock), and refused on 31 January a chase the timeline of an emailed request said was due.
  const chaseOn = (sentOn: string) => ({ type: 'sar_chase_ico_complaint', sentOn, facts: { stage: 'chase', missing: ['Everything'] } });
  const cases = [
    ['email', '2025-01-31'],
    ['online_account', '2025-01-31'],
    ['hand', '2025-01-31'],
    ['post', '2025-02-04'],
    [undefined, '2025-02-04'],
  ] as const;

  for (const [method, chase] of cases) {
    it(`sent ${method ?? 'with no method given'}: the timeline and the chase both say ${chase}`, async () => {
      const caseId = await storyCase({ reconciled: false });
      await recordCaseEvent(store, caseId, { type: 'sar_sent', date: '2024-12-30', ...(method ? { details: { method } } : {}) });
      const timeline = caseTimeline(await store.events(caseId), '2025-01-30');
      expect(timeline.next.find((d) => d.id === 'sar_chase')?.date).toBe(chase);
      const drafted = await draftCaseLetter(store, caseId, chaseOn(chase), chase);
      expect(drafted.fromCase).toEqual(expect.arrayContaining(['sarSentOn', 'sarReceivedOn']));
      expect(drafted.letter.text).toContain('The one-month time limit in Article 12(3) of the UK GDPR has passed.');
      // The day before, the time limit has not passed: refused, naming the same day.
      const dayBefore = chase === '2025-01-31' ? '2025-01-30' : '2025-02-03';
      const early = await draftCaseLetter(store, caseId, chaseOn(dayBefore), dayBefore).catch((e: unknown) => e);
      expect(early).toBeInstanceOf(LetterInputError);
      expect((early as LetterInputError).problems[0]!.message).toContain(`Date the chase ${chase} or later`);
    });
  }

  it('a request marked sent online from the case’s own letter: chased from Tuesday 21 April 2026, as the timeline says', async () => {
    // Sent online on Friday 20 March 2026: DWP had it that day; a month on is Monday 20 April 2026, a chase from
    // Tuesday 21 April. Taken as posted, the chase was refused until Monday 27 April (received Tuesday 24 March, due
    // Friday 24 April).
    const caseId = await storyCase({ reconciled: false });
    const saved = await saveSar(caseId);
    await markCaseLetterSent(store, caseId, saved.record.id, { sentOn: SENT_ON, method: 'online_account' }, { today: SENT_ON });
    expect(caseTimeline(await store.events(caseId), '2026-04-20').next.find((d) => d.id === 'sar_chase')?.date).toBe('2026-04-21');
    const drafted = await draftCaseLetter(store, caseId, chaseOn('2026-04-21'), '2026-04-21');
    expect(drafted.letter.text).toContain('has passed');
  });

  it('a request the caller dates otherwise is counted from its own date, not the case’s day of receipt', async () => {
    // The case's request posted Friday 20 March 2026 is kept as received Tuesday 24 March. A chase of a request sent
    // Monday 30 March 2026 is that request's: received (taken as posted) Wednesday 1 April, due Friday 1 May;
    // Monday 4 May is the Early May bank holiday, so a chase from Tuesday 5 May. Before, it was refused: the case's
    // 24 March, given as its day of receipt, is before 30 March.
    const caseId = await storyCase({ reconciled: false });
    await recordCaseEvent(store, caseId, {
      type: 'sar_sent',
      date: SENT_ON,
      details: { method: 'post' },
      facts: { receivedOn: '2026-03-24' },
    });
    const request = (sentOn: string) => ({
      type: 'sar_chase_ico_complaint',
      sentOn,
      facts: { stage: 'chase', missing: ['Everything'], sarSentOn: '2026-03-30' },
    });
    const drafted = await draftCaseLetter(store, caseId, request('2026-05-05'), '2026-05-05');
    expect(drafted.fromCase).not.toContain('sarReceivedOn');
    expect(drafted.letter.text).toContain('has passed');
    const early = await draftCaseLetter(store, caseId, request('2026-05-01'), '2026-05-01').catch((e: unknown) => e);
    expect((early as LetterInputError).problems).toHaveLength(1);
    expect((early as LetterInputError).problems[0]!.message).toContain(
      'DWP’s reply to the request sent on 2026-03-30 is not due until 2026-05-01, so on 2026-05-01 the time limit has not passed',
    );
    expect((early as LetterInputError).problems[0]!.message).toContain('Date the chase 2026-05-05 or later');
  });
});

describe('a rectification request drafted from a case whose subject access request went by post', () => {
  // The request posted Friday 20 March 2026 is kept as received by DWP on Tuesday 24 March (CPR r.6.26). The
  // rectification request's sarReceivedOn is the day the parent received DWP's records in answer, which the case does
  // not know from the request: before, the letter said "The records you sent me …, which I received on 24 March 2026",
  // the day DWP received the parent's request.
  it('does not take DWP’s day of receipt as the day the parent received the records', async () => {
    const caseId = await storyCase();
    const saved = await saveSar(caseId);
    await markCaseLetterSent(store, caseId, saved.record.id, { sentOn: SENT_ON, method: 'post' }, { today: SENT_ON });
    const drafted = await draftCaseLetter(store, caseId, { type: 'rectification_request', sentOn: '2026-05-04' }, '2026-05-04');
    expect(drafted.fromCase).not.toContain('sarReceivedOn');
    expect(drafted.letter.text).not.toContain('24 March 2026');
    expect(drafted.letter.text).not.toContain('in answer to my subject access request');
    // Given by the parent, it says so.
    const given = await draftCaseLetter(
      store,
      caseId,
      { type: 'rectification_request', sentOn: '2026-05-04', facts: { sarReceivedOn: '2026-04-27' } },
      '2026-05-04',
    );
    expect(given.letter.text.replace(/\s+/g, ' ')).toContain(
      'The records you sent me in answer to my subject access request, which I received on 27 April 2026, contain entries that are wrong.',
    );
  });
});

describe('a subject access request marked sent later than its date, with no method given', () => {
  // Dated Friday 20 March 2026, it asks for a reply counted from the day a letter posted then is taken to arrive,
  // Tuesday 24 March: a month on, Friday 24 April 2026. Marked sent on Monday 23 March with no method, the case takes
  // it as posted: Tuesday 24 March working day 1, Wednesday 25 March working day 2, received then; a month on is
  // Saturday 25 April, so Monday 27 April 2026. Before, the warning said the case counted "from the day it went".
  it('says the case counts from the day it is taken to arrive, as posted', async () => {
    const caseId = await storyCase({ reconciled: false });
    const saved = await saveSar(caseId);
    const sent = await markCaseLetterSent(store, caseId, saved.record.id, { sentOn: '2026-03-23' }, { today: '2026-03-23' });
    expect(sent.event.deadlines.find((d) => d.id === 'sar_reply_due')?.date).toBe('2026-04-27');
    expect(sent.warnings).toEqual([
      'The letter asks for a reply by Friday 24 April 2026, counted from its own date (Friday 20 March 2026). Sent on Monday 23 March 2026, ' +
        'the case counts from the day it is taken to arrive (how it went was not given, so as a posted letter: the second working day after, CPR r.6.26): ' +
        "“DWP's reply to your subject access request due” is tracked to Monday 27 April 2026. " +
        'If it has not gone yet, draft it again dated the day it goes, so that the date it asks for and the case agree; if it has, chase from Monday 27 April 2026.',
    ]);
  });
});

describe('a deduction from earnings order’s appeal drafted from the case (a journey test, 5 December 2026)', () => {
  const appeal = {
    court: { name: 'Testbury Magistrates’ Court', address: ['1 Court Street', 'Testbury', 'TB1 1AA'] },
    employerName: 'ACME LTD',
    ground: 'order_defective',
    details: ['The order names the wrong employer'],
  };

  it('takes the order’s date from the deo_served event, so its last day is the case timeline’s', async () => {
    // Served Thursday 27 November 2025: 28 days from it (reg 22(2)) end Thursday 25 December 2025.
    const caseId = await storyCase();
    await recordCaseEvent(store, caseId, { type: 'deo_served', date: '2025-11-27' });
    const { letter, fromCase } = await draftCaseLetter(
      store,
      caseId,
      { type: 'deduction_order_appeal', sentOn: '2025-12-01', facts: appeal },
      '2025-12-01',
    );
    expect(fromCase).toContain('orderDate');
    expect(letter.text).toContain('27 November 2025');
    const timeline = caseTimeline(await store.events(caseId), '2025-12-01');
    const caseLast = timeline.next.find((d) => d.id === 'deo_appeal_last_day')?.date;
    expect(caseLast).toBe('2025-12-25');
    expect(letter.deadlines.find((d) => d.id === 'deo_appeal_last_day')?.date).toBe(caseLast);
    expect(letter.warnings.filter((w) => w.startsWith('facts.orderDate'))).toEqual([]);
  });

  it('a different orderDate given is used, with a warning that the case records another', async () => {
    const caseId = await storyCase();
    await recordCaseEvent(store, caseId, { type: 'deo_served', date: '2025-11-27' });
    const { letter } = await draftCaseLetter(
      store,
      caseId,
      { type: 'deduction_order_appeal', sentOn: '2025-12-01', facts: { ...appeal, orderDate: '2025-11-10' } },
      '2025-12-01',
    );
    expect(letter.warnings.filter((w) => w.startsWith('facts.orderDate'))).toEqual([
      "facts.orderDate is 2025-11-10, but the case records deo served on 2025-11-27: the letter counts from the date given, and its dates differ from the case timeline's. If the case's date is right, leave orderDate out and the letter takes it from the case.",
    ]);
  });
});

describe('a request to pause enforcement drafted from the case (a journey test, 5 December 2026)', () => {
  it('takes the order’s date from its deo_served event and the dispute sent and unanswered from the case', async () => {
    const caseId = await storyCase();
    const dispute = await saveCaseLetter(store, caseId, { type: 'payment_dispute' }, SENT_ON);
    await markCaseLetterSent(store, caseId, dispute.record.id, { sentOn: SENT_ON, method: 'post' });
    await recordCaseEvent(store, caseId, { type: 'deo_served', date: '2026-03-27' });
    const { letter, fromCase } = await draftCaseLetter(
      store,
      caseId,
      { type: 'enforcement_pause_request', sentOn: '2026-04-02', facts: { action: 'deduction_from_earnings_order' } },
      '2026-04-02',
    );
    expect(fromCase).toEqual(expect.arrayContaining(['actionDate', 'pendingDisputes']));
    // The order of Friday 27 March 2026, and the payment dispute of 20 March, not yet answered.
    expect(letter.text).toContain('On 27 March 2026 you');
    expect(letter.text).toContain('20 March 2026');
  });
});

describe('a request to pause enforcement with no action named (a journey probe, 6 December 2026)', () => {
  // The probe's model recorded the step CMS took and then had to name it and its date again for the letter.
  const disputedCase = async () => {
    const caseId = await storyCase();
    const dispute = await saveCaseLetter(store, caseId, { type: 'payment_dispute' }, SENT_ON);
    await markCaseLetterSent(store, caseId, dispute.record.id, { sentOn: SENT_ON, method: 'post' });
    return caseId;
  };
  it('takes the action and its date from the latest enforcement step the case records', async () => {
    const caseId = await disputedCase();
    await recordCaseEvent(store, caseId, { type: 'deo_served', date: '2026-02-02' });
    await recordCaseEvent(store, caseId, { type: 'lsdo_served', date: '2026-03-27' });
    const { letter, fromCase } = await draftCaseLetter(
      store,
      caseId,
      { type: 'enforcement_pause_request', sentOn: '2026-04-02' },
      '2026-04-02',
    );
    expect(fromCase).toEqual(expect.arrayContaining(['action', 'actionDate']));
    // The lump sum deduction order of Friday 27 March 2026, the later of the two.
    expect(letter.text).toContain('On 27 March 2026 you');
    expect(letter.text).toContain('lump sum deduction order');
  });

  it('an enforcement step the case records by its own words is "other", dated as recorded', async () => {
    const caseId = await disputedCase();
    await recordCaseEvent(store, caseId, { type: 'enforcement', date: '2026-03-20', summary: 'Letter warning of a liability order' });
    const { letter, fromCase } = await draftCaseLetter(
      store,
      caseId,
      { type: 'enforcement_pause_request', sentOn: '2026-04-02' },
      '2026-04-02',
    );
    expect(fromCase).toEqual(expect.arrayContaining(['action', 'actionDate']));
    expect(letter.text).toContain('On 20 March 2026 you');
  });

  it('an action named that the case holds no step of still asks for its date', async () => {
    const caseId = await disputedCase();
    await recordCaseEvent(store, caseId, { type: 'deo_served', date: '2026-02-02' });
    await expect(
      draftCaseLetter(
        store,
        caseId,
        { type: 'enforcement_pause_request', sentOn: '2026-04-02', facts: { action: 'liability_order_application' } },
        '2026-04-02',
      ),
    ).rejects.toThrow(/actionDate/);
  });
});

describe('a letter to an MP drafted from the case (a journey test, 5 December 2026)', () => {
  it('lists the letters the case sent as its contacts with CMS, where it asked for them again', async () => {
    const caseId = await storyCase();
    const dispute = await saveCaseLetter(store, caseId, { type: 'payment_dispute' }, SENT_ON);
    await markCaseLetterSent(store, caseId, dispute.record.id, { sentOn: SENT_ON, method: 'post' });
    const { fromCase, letter } = await draftCaseLetter(
      store,
      caseId,
      {
        type: 'mp_letter',
        sentOn: '2026-05-01',
        facts: { mp: { name: 'Jane Doe', constituency: 'Testbury North' }, summary: 'CMS has not answered my dispute.', consent: true },
      },
      '2026-05-01',
    );
    expect(fromCase).toContain('contacts');
    expect(letter.text).toContain('20 March 2026');
  });
});

describe('an arrears payment plan drafted from the case (a journey test, 5 December 2026)', () => {
  it('offers instalments as often as the case’s maintenance is paid unless the caller says otherwise', async () => {
    const caseId = await storyCase();
    const request = { type: 'arrears_payment_plan', sentOn: SENT_ON, facts: { instalments: 6, firstPaymentOn: '2026-04-10' } };
    const { fromCase, letter } = await draftCaseLetter(store, caseId, request, SENT_ON);
    // The story's case is paid monthly: "every month, 6 payments starting on 10 April 2026".
    expect(fromCase).toContain('frequency');
    expect(letter.text).toContain('every month, 6 payments starting on 10 April 2026');
    const weekly = await draftCaseLetter(store, caseId, { ...request, facts: { ...request.facts, frequency: 'weekly' } }, SENT_ON);
    expect(weekly.letter.text).toContain('every week, 6 payments starting on 10 April 2026');
  });
});

describe('CMS’s circumstances given against the case’s decision (a journey test, 5 December 2026)', () => {
  const fixture = () => import('../letters/fixture.ts').then((m) => m.CASES['income_challenge']!.input);

  /** A case whose decision of 2 March 2026 (effective 9 March) states `weeklyAmount`. */
  async function decided(weeklyAmount: string): Promise<string> {
    const made = await store.createCase({
      title: 'Income challenge',
      side: 'paying',
      reference: CASE_REFERENCE,
      parties: [{ role: 'paying_parent', name: PAYING_PARENT.name, address: PAYING_PARENT.address.join('\n') }],
      decisions: [{ effectiveDate: '2026-03-09', letterDate: '2026-03-02', weeklyAmount }],
    });
    return made.id;
  }

  /** The fixture's income challenge drafted from the case, its decision the case's. */
  async function challenge(caseId: string) {
    const input = await fixture();
    return draftCaseLetter(
      store,
      caseId,
      {
        type: 'income_challenge',
        sentOn: SENT_ON,
        facts: { ...input.facts, decision: { type: 'annual_review' } },
        calculation: input.calculation!,
        cmsCalculation: input.cmsCalculation!,
      },
      SENT_ON,
    );
  }

  it('a weekly amount other than the decision’s is warned of, naming both', async () => {
    // The fixture's CMS circumstances (£42,000 a year, two children, 52 nights each) work out at £110.57 a week.
    const { letter } = await challenge(await decided('120.00'));
    expect(letter.warnings.filter((w) => w.includes('(cmsCalculation)'))).toEqual([
      "CMS's circumstances as given (cmsCalculation) work out at £110.57 a week, but the case's decision decision_1 (dated 2026-03-02) states £120.00: the letter says your decision's amount is £110.57. Check the circumstances given as CMS's against its decision letter.",
    ]);
  });

  it('the decision’s own amount: no warning', async () => {
    const { letter } = await challenge(await decided('110.57'));
    expect(letter.warnings.filter((w) => w.includes('(cmsCalculation)'))).toEqual([]);
  });
});

describe('a request for a deduction from earnings order on a case that records one served (a journey test)', () => {
  it('warns, naming the day it was served; without one recorded, no warning', async () => {
    const { CASES } = await import('../letters/fixture.ts');
    const { sender: _sender, caseReference: _ref, ...own } = CASES['deo_request']!.input.facts!;
    const caseId = await storyCase();
    const request = { type: 'deo_request', sentOn: SENT_ON, facts: own };
    const before = await draftCaseLetter(store, caseId, request, SENT_ON);
    expect(before.letter.warnings.filter((w) => w.includes('deduction from earnings order served'))).toEqual([]);
    await recordCaseEvent(store, caseId, { type: 'deo_served', date: '2026-02-27' });
    const after = await draftCaseLetter(store, caseId, request, SENT_ON);
    expect(after.letter.warnings.filter((w) => w.includes('deduction from earnings order served'))).toEqual([
      'The case records a deduction from earnings order served on 2026-02-27: check whether it is still in force before asking for one.',
    ]);
  });
});
