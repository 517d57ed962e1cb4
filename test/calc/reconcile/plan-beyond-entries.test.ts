/**
 * CMS's entries holding less than the payment plan has made due (the story: ./plan-beyond-entries.ts; a journey probe,
 * story 4): the "not yet due" part of them is negative, and the words say what it is, never "of which -£240.00 has
 * accrued but is not yet due".
 */
import { describe, expect, it } from 'vitest';
import { reconcile } from '../../../calc/reconcile/reconcile.ts';
import { planBeyondEntries } from './plan-beyond-entries.ts';

const r = reconcile(planBeyondEntries);

describe('the plan has made due more than CMS’s entries hold', () => {
  it('its entries add up to £346.67 and make £586.67 due under the plan: £240.00 beyond them', () => {
    // Entries: 4 × (216.67 + 43.33) charged + 50.00 charge + 216.67 reported − 3 × 320.00 received
    // = 1,040.00 + 50.00 + 216.67 − 960.00 = 346.67. The plan also made due CMS's four £60.00 instalments of the
    // initial amount from January, which accrued before its entries begin: 4 × 60.00 = 240.00; 346.67 + 240.00 = 586.67.
    expect(r.balance.cmsEntriesTotal.toFixed(2)).toBe('346.67');
    expect(r.bridge.notYetDueLeftOut!.amount.toFixed(2)).toBe('-240.00');
    expect(r.bridge.notYetDueLeftOut!.entriesDue.toFixed(2)).toBe('586.67');
  });

  it('the line its entries do not explain says the plan made £240.00 more due, without a minus sign', () => {
    const words = r.bridge.lines.find((l) => l.kind === 'unexplained')!.description;
    expect(words).toContain(
      'than its own entries make due under the payment plan (£586.67: they add up to £346.67, and the payment plan has made £240.00 more than that due)',
    );
    expect(words).not.toContain('-£');
  });

  it('the reconciliation statement’s working says CMS’s figure counts it, rightly', () => {
    const step = r.trace.find((s) => s.step === 'bridge')!;
    expect(step.description).toContain(
      'CMS’s figure is on the payment plan’s basis (the arrears due under it): it counts, rightly, the £240.00 the plan has made due beyond what its entries hold (its entries add up to £346.67, £586.67 with it)',
    );
    expect(step.description).not.toContain('-£240.00');
  });
});
