/**
 * The schedule period by period: what fell due, what the evidence shows paid, what CMS recorded as paid, and the
 * balance at the end of each period both ways; the totals are calc/chart's sums of the same rows.
 * @module
 */
import { poundsOfPence, pounds } from '../../../calc/money.ts';
import { CMS_RECORD_NOT_KNOWN, NOT_RECORDED_ON_DIRECT_PAY } from '../../chart/style.ts';
import type { SectionContent } from '../blocks.ts';
import type { BundleContext } from '../context.ts';
import { SECTION_TITLES } from '../purpose.ts';
import { shortDate } from '../words.ts';

const IN_BROUGHT_FORWARD = 'In CMS’s balance brought forward';
const BALANCE_NOT_KNOWN = 'Not known (before CMS’s balance brought forward)';

export function scheduleSection(c: BundleContext): SectionContent {
  const { result } = c.computed;
  const paying = result.side === 'paying';
  // On Direct Pay CMS records no payments (cms-accounts.md §1): what the period row has there is what CMS's figure
  // takes as paid, not a record of a payment, so it is not printed as one (calc/chart marks those periods).
  // Enforcement charges and adjustments move both balances but are not "due" under the decisions: their own columns,
  // where any period has them (a journey probe, story 4: the balances jumped by a £300 liability order charge in a
  // period showing £468 due and £468 paid).
  const withCharges = result.periods.some((p) => !p.charges.isZero());
  const withAdjustments = result.periods.some((p) => !p.adjustments.isZero());
  const extra = (p: (typeof result.periods)[number]) => [
    ...(withCharges ? [pounds(p.charges)] : []),
    ...(withAdjustments ? [pounds(p.adjustments)] : []),
  ];
  const rows = result.periods.map((p, i) => [
    `${shortDate(p.periodStart)} to ${shortDate(p.periodEnd)}`,
    pounds(p.due),
    ...extra(p),
    pounds(p.paid),
    p.cmsUnknown
      ? IN_BROUGHT_FORWARD
      : // The period that straddles the balance brought forward: CMS's balance at its end is known, but not what CMS
        // recorded as paid in the part of it before (calc/chart marks it); its 0.00 would read as CMS recording nothing.
        c.chart.points[i]?.cmsRecordKnown === false
        ? CMS_RECORD_NOT_KNOWN
        : c.chart.points[i]?.cmsRecordsPayments === false
          ? NOT_RECORDED_ON_DIRECT_PAY
          : pounds(p.recordedByCms),
    pounds(p.runningBalance),
    // Before a balance CMS brings forward from inside the history, CMS's own balance is not known: calc marks those
    // periods (cmsUnknown) and keeps 0.00 in them, which a tribunal would read as CMS saying nothing was owed.
    p.cmsUnknown ? BALANCE_NOT_KNOWN : pounds(p.runningBalancePerCms),
  ]);
  const total = c.chart.summary;
  const dp = total?.directPay;
  if (total)
    rows.push([
      'Total of the periods',
      poundsOfPence(total.due),
      ...(withCharges ? [''] : []),
      ...(withAdjustments ? [''] : []),
      poundsOfPence(total.paid),
      // calc/chart's total of what CMS recorded leaves the Direct Pay periods out: the cell says what it covers.
      dp
        ? dp.otherPeriods === 0
          ? NOT_RECORDED_ON_DIRECT_PAY
          : `${poundsOfPence(total.recordedByCms)} (the ${dp.otherPeriods === 1 ? 'period' : `${dp.otherPeriods} periods`} not on Direct Pay)`
        : total.cmsRecord
          ? `${poundsOfPence(total.recordedByCms)} (the ${total.cmsRecord.periods === 1 ? 'period' : `${total.cmsRecord.periods} periods`} whose record is known)`
          : poundsOfPence(total.recordedByCms),
      '',
      '',
    ]);
  // Arrears carried over and written off are their own figures: said once, before the periods whose balances include them.
  const b = result.balance;
  const h = result.schedule.historic;
  const historic = [
    ...(b.openingBalance.isZero()
      ? []
      : [
          `The balances start from ${pounds(b.openingBalance)} of arrears carried over${h?.openingBalance ? ` on ${shortDate(h.openingBalance.date)}, when the Child Support Agency case closed${h.openingBalance.source ? ` (${h.openingBalance.source})` : ''}` : ''}.`,
        ]),
    ...(h?.writeOffs ?? [])
      .filter((x) => paying || x.creditor === 'receiving_parent')
      .map(
        (x) =>
          `${pounds(x.amount)} was written off on ${shortDate(x.date)} (${x.reason === 'write_off_exercise' ? 'the CSA arrears write-off exercise' : 'Child Support Act 1991 s.41E'}): it is no longer owed, and it is not a payment.`,
      ),
    ...(b.secretaryOfState.isZero()
      ? []
      : [
          paying
            ? `Of the balance, ${pounds(b.secretaryOfState)} is owed to the Secretary of State, not to the receiving parent.`
            : `A further ${pounds(b.secretaryOfState)} is owed to the Secretary of State, not to me, and is left out of these balances.`,
        ]),
  ];
  return {
    id: 'schedule',
    title: SECTION_TITLES.schedule,
    blocks: [
      ...(historic.length ? [{ kind: 'paragraph' as const, text: historic.join(' ') }] : []),
      {
        kind: 'paragraph',
        text:
          `For each period: what fell due under the decisions and the payment plan, what my evidence shows ${paying ? 'paid' : 'received'}, what CMS recorded as paid, and the balance at the end of the period worked out from my evidence and from CMS’s records. ` +
          (withCharges
            ? 'Enforcement charges are not due under the decisions: they are in their own column, and both balances include them. '
            : '') +
          (withAdjustments ? 'Adjustments are those on CMS’s account, taken as recorded, and both balances include them. ' : '') +
          // A receiving parent's evidence shows what did not reach her, not who holds it: a payment CMS records passing
          // on that never arrived may be CMS's to trace, not the paying parent's arrears (as her letters say).
          `A positive balance is ${paying ? 'owed by the paying parent' : 'owed to me'}; a negative one is an overpayment.` +
          (dp
            ? ' On Direct Pay the parents pay each other and CMS records no payments: its balance for those periods comes from the missed payments reported to it.'
            : ''),
      },
      rows.length === 0
        ? { kind: 'paragraph', text: 'No period of the schedule falls on or before the date of the figures.' }
        : {
            kind: 'table',
            columns: [
              'Period',
              'Due',
              ...(withCharges ? ['Enforcement charges'] : []),
              ...(withAdjustments ? ['Adjustments'] : []),
              paying ? 'Paid (my evidence)' : 'Received (my evidence)',
              'Recorded by CMS',
              'Balance (my evidence)',
              'Balance (CMS’s records)',
            ],
            widths: [2.4, 1.2, ...(withCharges ? [1.2] : []), ...(withAdjustments ? [1.2] : []), 1.3, 1.3, 1.4, 1.4],
            rows,
            right: Array.from({ length: 5 + (withCharges ? 1 : 0) + (withAdjustments ? 1 : 0) }, (_, i) => i + 1),
            ...(total ? { bold: [rows.length - 1] } : {}),
          },
    ],
  };
}
