/**
 * Properties of reconciliation that hold for every story: random decisions, payments, CMS mistakes, sides,
 * services and bank filters (fast-check, bounded so the file runs in a few seconds).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, type CivilDate } from '../../../calc/dates.ts';
import type { BankTransactionInput, CmsEntryInput } from '../../../calc/ledger/entries.ts';
import { Dec, formatMoney } from '../../../calc/money.ts';
import { reconcile, type ReconcileInput, type Reconciliation } from '../../../calc/reconcile/reconcile.ts';
import { cmsLines, fromPence, generate, maintenancePart, type CmsError, type Story, type TruePayment } from './story.ts';

const RUNS = 120;

const date = (from: CivilDate, maxDays: number) => fc.integer({ min: 0, max: maxDays }).map((d) => addDays(from, d));
const pounds = (min: number, max: number) => fc.integer({ min: min * 100, max: max * 100 }).map(fromPence);

/** A random but coherent story: payments near the due dates, some CMS mistakes, some unrelated bank lines. */
const makeStoryArb = (
  only: {
    side?: 'paying' | 'receiving';
    service?: 'direct_pay' | 'collect_and_pay';
    start?: CivilDate;
    recordsMaintenancePart?: boolean;
    /** Each decision with a service of its own: the case moves between Direct Pay and Collect and Pay. */
    moves?: boolean;
  } = {},
): fc.Arbitrary<Story> =>
  fc
    .record({
      side: only.side ? fc.constant(only.side) : fc.constantFrom('paying' as const, 'receiving' as const),
      service: only.service ? fc.constant(only.service) : fc.constantFrom('direct_pay' as const, 'collect_and_pay' as const),
      start: only.start ? date(only.start, 120) : fc.oneof(date('2014-05-01', 150), date('2023-11-01', 120)),
      frequency: fc.constantFrom('weekly' as const, 'monthly' as const),
      weekly: fc.array(pounds(7, 180), { minLength: 1, maxLength: 3 }),
      changes: fc.array(fc.integer({ min: 5, max: 120 }), { minLength: 2, maxLength: 2 }),
      length: fc.integer({ min: 20, max: 200 }),
      filter: fc.constantFrom('includeAll', 'descriptionContains', 'none'),
      payRate: fc.double({ min: 0.3, max: 1, noNaN: true }),
      jitter: fc.array(fc.integer({ min: -3, max: 8 }), { minLength: 40, maxLength: 40 }),
      odd: fc.array(fc.oneof(fc.constant(undefined), pounds(1, 400)), { minLength: 40, maxLength: 40 }),
      skip: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 40, maxLength: 40 }),
      other: fc.array(fc.record({ day: fc.integer({ min: 0, max: 200 }), amount: pounds(1, 500), in: fc.boolean() }), { maxLength: 4 }),
      refund: fc.option(fc.record({ day: fc.integer({ min: 0, max: 200 }), amount: pounds(1, 100) }), { nil: undefined }),
      errors: fc.array(
        fc.record({
          kind: fc.constantFrom(
            'phantom',
            'not_recorded',
            'duplicate',
            'recorded_on',
            'recorded_as',
            'recorded_together',
            'recorded_in_parts',
            'liability_twice',
            'liability_as',
            'fee',
            'enforcement_charge',
            'adjustment',
          ),
          i: fc.nat(40),
          day: fc.integer({ min: -40, max: 220 }),
          amount: pounds(1, 400),
          sign: fc.boolean(),
        }),
        { maxLength: 6 },
      ),
      recordsMaintenancePart: only.recordsMaintenancePart === undefined ? fc.boolean() : fc.constant(only.recordsMaintenancePart),
      claim: fc.option(pounds(0, 3000), { nil: undefined }),
      basis: fc.constantFrom('gross' as const, 'net' as const),
      services: fc.array(fc.constantFrom('direct_pay' as const, 'collect_and_pay' as const), { minLength: 3, maxLength: 3 }),
    })
    .map((a): Story => {
      const decisions = a.weekly.map((w, i) => ({
        id: `d${i}`,
        effectiveDate:
          i === 0
            ? a.start
            : addDays(
                a.start,
                a.changes.slice(0, i).reduce((x, y) => x + y, 0),
              ),
        weeklyAmount: w,
        ...(only.moves ? { service: a.services[i]! } : {}),
      }));
      const asOf = addDays(a.start, a.length);
      const base: Story = {
        side: a.side,
        decisions,
        frequency: a.frequency,
        service: a.service,
        asOf,
        payments: [],
        cms: { paymentType: 'direct_payment' },
      };
      // What is due each period, as the bank would show it: paying, with the 20% fee; receiving, net of the 4%.
      const lines = cmsLines(base, decisions);
      const payments: TruePayment[] = [];
      lines.forEach((l, k) => {
        if (k >= 40 || a.skip[k]! > a.payRate) return;
        const gross = l.maintenancePence + (a.side === 'paying' ? l.feePence : -l.feePence);
        const amount = a.odd[k] ?? fromPence(gross);
        if (amount === '0.00') return;
        payments.push({ date: addDays(l.dueDate, a.jitter[k]!), amount, description: 'CMS PAYMENT' });
      });
      if (a.refund && a.side === 'paying')
        payments.push({ date: addDays(a.start, a.refund.day), amount: a.refund.amount, direction: 'in', description: 'CMS REFUND' });
      const n = payments.length;
      const errors: CmsError[] = [];
      const usedPayments = new Set<number>();
      const onePayment = (i: number): number | undefined => {
        if (n === 0) return undefined;
        const p = i % n;
        if (usedPayments.has(p)) return undefined;
        usedPayments.add(p);
        return p;
      };
      const when = (day: number) => addDays(a.start, day);
      for (const e of a.errors) {
        switch (e.kind) {
          case 'phantom':
          case 'fee':
          case 'enforcement_charge':
            errors.push({ kind: e.kind, date: when(e.day), amount: e.amount });
            break;
          case 'adjustment':
            errors.push({ kind: 'adjustment', date: when(e.day), amount: e.sign ? e.amount : `-${e.amount}` });
            break;
          case 'liability_twice':
          case 'liability_as':
            if (lines.length === 0) break;
            errors.push(
              e.kind === 'liability_twice'
                ? { kind: 'liability_twice', period: e.i % lines.length }
                : { kind: 'liability_as', period: e.i % lines.length, amount: e.amount },
            );
            break;
          case 'recorded_together': {
            const p = onePayment(e.i);
            const q = onePayment(e.i + 1);
            if (p !== undefined && q !== undefined && (payments[p]!.direction ?? 'x') === (payments[q]!.direction ?? 'x'))
              errors.push({ kind: 'recorded_together', payments: [p, q] });
            break;
          }
          default: {
            const p = onePayment(e.i);
            if (p === undefined) break;
            if (e.kind === 'not_recorded') errors.push({ kind: 'not_recorded', payment: p });
            else if (e.kind === 'duplicate') errors.push({ kind: 'duplicate', payment: p, days: (e.day % 5) - 2 });
            else if (e.kind === 'recorded_on') errors.push({ kind: 'recorded_on', payment: p, date: when(e.day) });
            else if (e.kind === 'recorded_as') errors.push({ kind: 'recorded_as', payment: p, amount: e.amount });
            else if (e.kind === 'recorded_in_parts') errors.push({ kind: 'recorded_in_parts', payment: p, parts: [e.amount, '10.00'] });
          }
        }
      }
      const collected = a.service === 'collect_and_pay';
      return {
        ...base,
        payments,
        otherBankLines: a.other.map((o) => ({ date: when(o.day), amount: o.amount, direction: o.in ? 'in' : 'out', description: 'SHOP' })),
        bankFilter:
          a.filter === 'includeAll' ? { includeAll: true } : a.filter === 'descriptionContains' ? { descriptionContains: ['CMS'] } : 'none',
        cms: {
          paymentType: collected ? (a.side === 'paying' ? 'payment_received' : 'payment_passed_on') : 'direct_payment',
          recordsMaintenancePart: collected && a.recordsMaintenancePart,
          liability: decisions.map((d) => ({
            effectiveDate: d.effectiveDate,
            weeklyAmount: d.weeklyAmount,
            service: d.service ?? a.service,
          })),
          fees: collected,
        },
        errors,
        // A receiving parent's claim says its basis (gross or net of the 4%), as it must on Collect and Pay.
        ...(a.claim === undefined
          ? {}
          : { cmsClaim: { date: asOf, balance: a.claim, ...(a.side === 'receiving' ? { basis: a.basis } : {}) } }),
      };
    });

const storyArb = makeStoryArb();

/** The generated input, sometimes with every id removed (so the engine numbers the entries itself). */
const inputArb = fc.tuple(storyArb, fc.boolean()).map(([story, stripIds]) => {
  const { input } = generate(story);
  if (!stripIds) return input;
  return {
    ...input,
    cmsEntries: input.cmsEntries!.map(({ id: _id, ...e }) => e),
    bankTransactions: input.bankTransactions!.map(({ id: _id, ...t }) => t),
  } satisfies ReconcileInput;
});

const canonical = (r: Reconciliation): string => JSON.stringify(r);

describe('reconciliation properties', () => {
  it('shuffling the CMS entries and the bank transactions changes nothing', () => {
    fc.assert(
      fc.property(inputArb, fc.infiniteStream(fc.nat()), (input, rand) => {
        const shuffle = <T>(xs: readonly T[]): T[] => {
          const out = [...xs];
          for (let i = out.length - 1; i > 0; i--) {
            const j = rand.next().value % (i + 1);
            [out[i], out[j]] = [out[j]!, out[i]!];
          }
          return out;
        };
        const a = reconcile(input);
        const b = reconcile({ ...input, cmsEntries: shuffle(input.cmsEntries!), bankTransactions: shuffle(input.bankTransactions!) });
        expect(canonical(b)).toBe(canonical(a));
      }),
      { numRuns: RUNS },
    );
  });

  /** The story and one more payment out of the paying parent's account, near a CMS record and often for its amount. */
  const addedPayment = (story: Story, x: { pick: number; day: number; own: string | undefined; fee: boolean }) => {
    const { input, cmsEntries } = generate(story);
    const payments = cmsEntries.filter((e) => e.type === 'payment_received' || e.type === 'direct_payment');
    const near = payments.length ? payments[x.pick % payments.length]! : undefined;
    const base = near ? new Dec(near.amount).times(100).toNumber() : 26000;
    // The same amount as the CMS record, or that amount plus the 20% fee, or an amount of its own.
    const pence = x.fee && story.service === 'collect_and_pay' ? base + Math.floor((base * 20 + 50) / 100) : base;
    const txn: BankTransactionInput = {
      id: 'added',
      date: addDays(near?.date ?? story.decisions[0]!.effectiveDate, x.day),
      amount: x.own ?? fromPence(pence),
      direction: 'out',
      description: 'CMS PAYMENT',
    };
    return { before: input, after: { ...input, bankTransactions: [...input.bankTransactions!, txn] } };
  };
  /** A payment to CMS as the examples below show it on the bank statement (£8.40: £7.00 a week with the 20% fee). */
  const paid = (date: string, amount = '8.40') => ({
    id: `paid-${date}-${amount}`,
    date,
    amount,
    direction: 'out' as const,
    description: 'CMS PAYMENT',
  });
  const extraArb = fc.record({
    pick: fc.nat(),
    day: fc.integer({ min: -3, max: 3 }),
    own: fc.option(pounds(1, 400), { nil: undefined }),
    fee: fc.boolean(),
  });

  it('one more maintenance payment from the paying parent never raises the recomputed balance (with a bank filter)', () => {
    fc.assert(
      fc.property(
        makeStoryArb({ side: 'paying' }).filter((s) => s.bankFilter !== 'none'),
        extraArb,
        (story, x) => {
          const { before, after } = addedPayment(story, x);
          expect(reconcile(after).balance.recomputed.lte(reconcile(before).balance.recomputed)).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('one more maintenance payment from the paying parent never raises the recomputed balance (without a bank filter)', () => {
    fc.assert(
      fc.property(
        // Half the stories on Collect and Pay (after fees began) with CMS recording the maintenance part only.
        fc
          .oneof(
            makeStoryArb({ side: 'paying' }),
            makeStoryArb({ side: 'paying', service: 'collect_and_pay', start: '2023-11-01', recordsMaintenancePart: true }),
          )
          .map((s): Story => ({ ...s, bankFilter: 'none' })),
        extraArb,
        (story, x) => {
          const { before, after } = addedPayment(story, x);
          expect(reconcile(after).balance.recomputed.lte(reconcile(before).balance.recomputed)).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('example: without a filter, a second payment of £260.00 must not cancel the £312.00 already counted', () => {
    // £60 a week on Collect and Pay: £260.00 + 20% fee = £312.00 due on 1 Jan 2024. The parent paid £312.00 on 1 Jan;
    // CMS recorded the maintenance part, £260.00. Balance: 312.00 − 312.00 = 0. The parent then shows a further
    // £260.00 paid on 2 Jan. Having paid more, the balance cannot be higher than 0.
    const input: ReconcileInput = {
      schedule: { decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: '60' }], service: 'collect_and_pay', asOf: '2024-01-31' },
      side: 'paying',
      cmsEntries: [{ id: 'cms-pay', date: '2024-01-01', type: 'payment_received', amount: '260.00' }],
      bankTransactions: [{ id: 'paid-312', date: '2024-01-01', amount: '312.00', direction: 'out' }],
    };
    expect(formatMoney(reconcile(input).balance.recomputed)).toBe('0.00');
    const more = reconcile({
      ...input,
      bankTransactions: [...input.bankTransactions!, { id: 'paid-260', date: '2024-01-02', amount: '260.00', direction: 'out' }],
    });
    expect(more.balance.recomputed.lte(0)).toBe(true);
  });

  it('example (found by the property above): a payment CMS misdated stays counted when a new payment takes its record', () => {
    // £7 a week on Collect and Pay: £7.00 + 20% fee = £8.40 due each week, 1, 8 and 15 Nov 2023: £25.20 in all.
    // The parent paid £8.40 ("CMS PAYMENT") on each of those days; CMS recorded the maintenance part, £7.00, but
    // dated the 8 Nov payment 1 Nov. Paid 3 × 8.40 = 25.20, so the balance is 0. The parent then shows a further
    // £7.00 paid on 1 Nov, which pairs with the misdated record; the 8 Nov payment must still count:
    // 25.20 + 7.00 = 32.20 paid, balance 25.20 − 32.20 = −7.00 (overpaid).
    const input: ReconcileInput = {
      schedule: {
        decisions: [{ effectiveDate: '2023-11-01', weeklyAmount: '7' }],
        frequency: 'weekly',
        service: 'collect_and_pay',
        asOf: '2023-11-21',
      },
      side: 'paying',
      cmsEntries: ['2023-11-01', '2023-11-01', '2023-11-15'].map((date, i) => ({
        id: `cms-${i}`,
        date,
        type: 'payment_received' as const,
        amount: '7.00',
      })),
      bankTransactions: ['2023-11-01', '2023-11-08', '2023-11-15'].map((d) => paid(d)),
    };
    expect(formatMoney(reconcile(input).balance.recomputed)).toBe('0.00');
    const more = reconcile({ ...input, bankTransactions: [...input.bankTransactions!, paid('2023-11-01', '7.00')] });
    expect(formatMoney(more.balance.recomputed)).toBe('-7.00');
    expect(more.ignored).toEqual([]);
  });

  it('example (found by the property above): a payment CMS recorded together with another stays counted when a new payment takes the record', () => {
    // £7 a week on Collect and Pay: £7.00 + 20% fee = £8.40 due each week, 1, 8 and 15 Nov 2023: £25.20 in all.
    // The parent paid £1.00 on 5 Nov, £9.60 on 8 Nov and £1.00 on 15 Nov, and had £1.00 back on 1 Nov: 10.60 paid,
    // balance 25.20 − 10.60 = 14.60. CMS recorded the maintenance part, the first two together as one £8.83 on
    // 5 Nov (0.83 + 8.00; with the fee 8.83 + 1.77 = 10.60 = 1.00 + 9.60), the third as £0.83 (+ 0.17 = 1.00).
    // The parent then shows a further £8.83 paid on 5 Nov, which takes the £8.83 record; the £1.00 and the £9.60
    // must still count: 10.60 + 8.83 = 19.43 paid, balance 25.20 − 19.43 = 5.77.
    const cms = (date: string, type: CmsEntryInput['type'], amount: string): CmsEntryInput => ({
      id: `cms-${type}-${date}`,
      date,
      type,
      amount,
    });
    const input: ReconcileInput = {
      schedule: {
        decisions: [{ effectiveDate: '2023-11-01', weeklyAmount: '7' }],
        frequency: 'weekly',
        service: 'collect_and_pay',
        asOf: '2023-11-21',
      },
      side: 'paying',
      cmsEntries: [
        ...['2023-11-01', '2023-11-08', '2023-11-15'].flatMap((d) => [cms(d, 'liability', '7.00'), cms(d, 'collection_fee', '1.40')]),
        cms('2023-11-05', 'payment_received', '8.83'),
        cms('2023-11-15', 'payment_received', '0.83'),
        cms('2023-11-01', 'refund', '1.00'),
      ],
      bankTransactions: [
        paid('2023-11-05', '1.00'),
        paid('2023-11-08', '9.60'),
        paid('2023-11-15', '1.00'),
        { id: 'refund-2023-11-01', date: '2023-11-01', amount: '1.00', direction: 'in', description: 'CMS REFUND' },
      ],
    };
    expect(formatMoney(reconcile(input).balance.recomputed)).toBe('14.60');
    const more = reconcile({ ...input, bankTransactions: [...input.bankTransactions!, paid('2023-11-05', '8.83')] });
    expect(formatMoney(more.balance.paid)).toBe('19.43');
    expect(formatMoney(more.balance.recomputed)).toBe('5.77');
    expect(more.ignored).toEqual([]);
  });

  it('example: without a filter, two shop payments whose amounts add up to a CMS record stay out', () => {
    // £60 a week on Collect and Pay: £312.00 a month with the fee, paid on the 1st and recorded by CMS on the 2nd.
    // On 2 and 3 February the parent also spent £212.00 at TESCO and £100.00 at SHELL: 212.00 + 100.00 = 312.00, the
    // amount of the record of 2 February, which its own payment already took. Only the three payments count:
    // 3 × 312.00 = 936.00 (counting the shops too would make it 1,248.00).
    const input: ReconcileInput = {
      schedule: {
        decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: '60.00' }],
        frequency: 'monthly',
        firstDueDate: '2024-01-01',
        service: 'collect_and_pay',
        asOf: '2024-03-31',
      },
      side: 'paying',
      cmsEntries: ['01', '02', '03'].map((m) => ({ id: `cms-${m}`, date: `2024-${m}-02`, type: 'payment_received', amount: '312.00' })),
      bankTransactions: [
        ...['01', '02', '03'].map((m) => ({
          id: `paid-${m}`,
          date: `2024-${m}-01`,
          amount: '312.00',
          direction: 'out' as const,
          description: 'CMS PAYMENT',
        })),
        { id: 'tesco', date: '2024-02-02', amount: '212.00', direction: 'out', description: 'TESCO' },
        { id: 'shell', date: '2024-02-03', amount: '100.00', direction: 'out', description: 'SHELL' },
      ],
    };
    const r = reconcile(input);
    expect(formatMoney(r.balance.paid)).toBe('936.00');
    expect(r.ignored.map((i) => [i.bankTransactionId, i.reason])).toEqual([
      ['tesco', 'not_a_maintenance_payment'],
      ['shell', 'not_a_maintenance_payment'],
    ]);
  });

  it('every entry given ends in exactly one match, finding or ignored entry', () => {
    fc.assert(
      fc.property(storyArb, (story) => {
        const { input, cmsEntries, bankTransactions } = generate(story);
        const r = reconcile(input);
        const seen = new Map<string, number>();
        const count = (id: string) => seen.set(id, (seen.get(id) ?? 0) + 1);
        for (const m of r.matches) [...m.cmsEntryIds, ...m.bankTransactionIds].forEach(count);
        for (const d of r.findings) {
          // A duplicate names itself first, then the entry it repeats; that entry is accounted for elsewhere.
          if (d.kind === 'duplicate_payment_record' || d.kind === 'duplicate_liability' || d.kind === 'duplicate_collection_fee') {
            count(d.cmsEntryIds[0]!);
            for (const twin of d.cmsEntryIds.slice(1)) expect(cmsEntries.some((e) => e.id === twin)).toBe(true);
            expect(d.bankTransactionIds).toEqual([]);
          } else [...d.cmsEntryIds, ...d.bankTransactionIds].forEach(count);
        }
        for (const i of r.ignored) count((i.cmsEntryId ?? i.bankTransactionId)!);
        const all = [...cmsEntries.map((e) => e.id!), ...bankTransactions.map((t) => t.id!)];
        expect(new Set(all).size).toBe(all.length);
        expect([...seen.entries()].filter(([, n]) => n !== 1)).toEqual([]);
        expect([...seen.keys()].sort()).toEqual([...all].sort());
        expect(r.counts).toMatchObject({
          cmsEntries: cmsEntries.length,
          bankTransactions: bankTransactions.length,
          matches: r.matches.length,
          findings: r.findings.length,
          ignored: r.ignored.length,
        });
      }),
      { numRuns: RUNS },
    );
  });

  /** The balance, the bridge, the findings and their counts add up, each to the penny. */
  const expectBalances = (r: Reconciliation) => {
    const b = r.balance;
    const m = formatMoney;
    // recomputed = due + paid ahead − paid + adjustments − written off + allowed enforcement charges (types.ts Balance)
    const ahead = b.paidAhead ?? new Dec(0);
    expect(m(b.recomputed)).toBe(m(b.due.plus(ahead).minus(b.paid).plus(b.adjustments).minus(b.writtenOff).plus(b.enforcementCharges)));
    // What was paid ahead of the instalments due just after the date is part of what was paid ahead, never more.
    if (b.paidAheadOfNext) expect(b.paidAheadOfNext.amount.lte(ahead)).toBe(true);
    // Σ period due = total due; Σ period paid = total paid; the components add up to the whole.
    const sum = (f: (p: Reconciliation['periods'][number]) => InstanceType<typeof Dec>) =>
      r.periods.reduce((a, p) => a.plus(f(p)), new Dec(0));
    expect(m(sum((p) => p.due))).toBe(m(b.due));
    if (r.periods.length > 0) expect(m(sum((p) => p.paid))).toBe(m(b.paid));
    expect(m(b.components.reduce((a, c) => a.plus(c.recomputed), new Dec(0)))).toBe(m(b.recomputed));
    // The bridge runs from CMS's figure to the recomputed one, its lines adding up to the difference exactly.
    expect(m(r.bridge.to)).toBe(m(b.recomputed));
    expect(m(r.bridge.lines.reduce((a, l) => a.plus(l.amount), new Dec(0)))).toBe(m(r.bridge.from.minus(r.bridge.to)));
    // Every finding is a line of the bridge, with its effect.
    expect(r.bridge.lines.filter((l) => l.findingId).map((l) => [l.findingId, m(l.amount)])).toEqual(
      r.findings.map((f) => [f.id, m(f.effect)]),
    );
    // The claimed difference, and the position.
    if (b.cmsClaimed !== undefined) expect(m(b.difference!)).toBe(m(b.cmsClaimed.minus(b.recomputed)));
    expect(b.position).toBe(b.recomputed.gt(0) ? 'arrears' : b.recomputed.lt(0) ? 'overpaid' : 'settled');
    // Counts by kind add up to the list.
    const byKind = Object.values(r.counts.byKind);
    expect(byKind.reduce((a, k) => a + k.count, 0)).toBe(r.findings.length);
    expect(m(byKind.reduce((a, k) => a.plus(k.amount), new Dec(0)))).toBe(m(r.findings.reduce((a, d) => a.plus(d.amount), new Dec(0))));
  };

  it('the totals balance to the penny', () => {
    fc.assert(
      fc.property(storyArb, (story) => expectBalances(reconcile(generate(story).input))),
      { numRuns: RUNS },
    );
  });

  it('the totals balance to the penny when the case moves between Direct Pay and Collect and Pay', () => {
    // Found by fuzzing 1,500 such stories at each of several seeds: a receiving parent's period split by a move, with
    // CMS's own 4% line on it (moved-arrears.test.ts), and money back on Direct Pay paid ahead
    // (direct-pay-money-back.test.ts), stopped on the reconciliation's own check that the statement balances.
    fc.assert(
      fc.property(makeStoryArb({ moves: true }), (story) => expectBalances(reconcile(generate(story).input))),
      { numRuns: RUNS },
    );
  });
});

describe('the period table', () => {
  it('ends where the balances do: the last running balances are the recomputed balance and what CMS’s entries add up to', () => {
    fc.assert(
      fc.property(storyArb, (story) => {
        const r = reconcile(generate(story).input);
        if (r.periods.length === 0) return;
        expect(formatMoney(r.periods.at(-1)!.runningBalance)).toBe(formatMoney(r.balance.recomputed));
        expect(formatMoney(r.periods.at(-1)!.runningBalancePerCms)).toBe(formatMoney(r.balance.cmsEntriesTotal));
      }),
      { numRuns: RUNS },
    );
  });

  it('its instalments left unpaid add up to what fell due less what was paid, or nothing where more was paid', () => {
    // Each payment is set against an instalment (shortfalls.ts): money beyond one makes good an earlier shortfall or
    // pays ahead, so no shortfall is left beside a surplus, and the shortfalls are the arrears, instalment by instalment.
    fc.assert(
      fc.property(storyArb, (story) => {
        // Not yet where CMS charged another liability than the decisions on Direct Pay: its reading sets the payments
        // against CMS's instalments, and what it paid beyond them is not carried over to the decisions' (README, "Not
        // done yet"): the instalments listed can then differ from the arrears by what CMS charged differently.
        fc.pre(!(story.service === 'direct_pay' && (story.errors ?? []).some((e) => e.kind === 'liability_as')));
        const r = reconcile(generate(story).input);
        const sum = (f: (p: Reconciliation['periods'][number]) => Dec) => r.periods.reduce((a, p) => a.plus(f(p)), new Dec(0));
        const owed = sum((p) => p.due).minus(sum((p) => p.paid));
        // Money returned beyond what was paid (a refund of nothing paid) is owed, but is no instalment's: an instalment
        // is never more than wholly unpaid.
        expect(formatMoney(sum((p) => p.shortfall))).toBe(
          formatMoney(
            Dec.min(
              Dec.max(owed, 0),
              sum((p) => p.due),
            ),
          ),
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('example: a refund CMS recorded un-pays its Direct Pay instalment (found by the property above)', () => {
    // £7 a week, monthly, from 1 May 2014: 7 × 52 ÷ 12 = £30.33 due on 1 May, £30.33 paid, £1.00 back the same day,
    // which CMS records as a refund: £1.00 owed, and that £1.00 is what is left unpaid of the May instalment (was £0.00).
    const r = reconcile(
      generate({
        side: 'paying',
        decisions: [{ id: 'd0', effectiveDate: '2014-05-01', weeklyAmount: '7.00' }],
        frequency: 'monthly',
        service: 'direct_pay',
        asOf: '2014-05-21',
        payments: [
          { date: '2014-05-01', amount: '30.33', description: 'CMS PAYMENT' },
          { date: '2014-05-01', amount: '1.00', direction: 'in', description: 'CMS REFUND' },
        ],
        cms: {
          paymentType: 'direct_payment',
          recordsMaintenancePart: false,
          liability: [{ effectiveDate: '2014-05-01', weeklyAmount: '7.00', service: 'direct_pay' }],
          fees: false,
        },
        otherBankLines: [],
        bankFilter: { includeAll: true },
        errors: [{ kind: 'not_recorded', payment: 0 }],
      } as Story).input,
    );
    expect(formatMoney(r.balance.recomputed)).toBe('1.00');
    expect(r.periods.map((p) => formatMoney(p.shortfall))).toEqual(['1.00']);
  });

  it('example: an adjustment of −£1.00 on a settled Direct Pay case', () => {
    // £7 a week, weekly, 1–21 Nov 2023: 3 × 7.00 = 21.00 due, 21.00 paid; CMS credits −1.00.
    // recomputed = 21.00 − 21.00 + (−1.00) = −1.00, so the table's last running balance should be −1.00 too.
    const r = reconcile(
      generate({
        side: 'paying',
        decisions: [{ effectiveDate: '2023-11-01', weeklyAmount: '7' }],
        frequency: 'weekly',
        asOf: '2023-11-21',
        payments: ['2023-11-01', '2023-11-08', '2023-11-15'].map((date) => ({ date, amount: '7.00' })),
        cms: { paymentType: 'direct_payment' },
        errors: [{ kind: 'adjustment', date: '2023-11-01', amount: '-1.00' }],
      }).input,
    );
    expect(formatMoney(r.balance.recomputed)).toBe('-1.00');
    expect(formatMoney(r.periods.at(-1)!.runningBalance)).toBe('-1.00');
  });
});

// Keep the story helper honest: it is the ground truth the scenarios rest on.
describe('the story generator', () => {
  it('maintenancePart inverts the fee: 312.00 paid is 260.00 + 52.00; 249.60 received is 260.00 − 10.40', () => {
    expect(maintenancePart('paying', 31200, '2024-01-01')).toBe(26000);
    expect(maintenancePart('receiving', 24960, '2024-01-01')).toBe(26000);
    // Before 11 Aug 2014 there was no fee.
    expect(maintenancePart('paying', 26000, '2014-08-10')).toBe(26000);
  });

  it('produces one bank line per payment and one CMS record per payment with no mistakes', () => {
    const g = generate({
      side: 'paying',
      decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: '60' }],
      asOf: '2024-02-29',
      payments: [
        { date: '2024-01-01', amount: '260.00' },
        { date: '2024-02-01', amount: '260.00' },
      ],
      cms: { paymentType: 'direct_payment', liability: [{ effectiveDate: '2024-01-01', weeklyAmount: '60' }] },
    });
    expect(g.bankTransactions.map((t) => [t.id, t.amount, t.direction])).toEqual([
      ['bank-2024-01-01', '260.00', 'out'],
      ['bank-2024-02-01', '260.00', 'out'],
    ]);
    expect(g.cmsEntries.map((e: CmsEntryInput) => [e.id, e.type, e.amount])).toEqual([
      ['cms-due-2024-01-01', 'liability', '260.00'],
      ['cms-due-2024-02-01', 'liability', '260.00'],
      ['cms-pay-2024-01-01', 'direct_payment', '260.00'],
      ['cms-pay-2024-02-01', 'direct_payment', '260.00'],
    ]);
  });
});
