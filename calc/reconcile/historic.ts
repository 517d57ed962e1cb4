/**
 * The arrears carried in and written off, both ways: as stated (the schedule's opening balance and write-offs, from
 * the CSA's closure letter and CMS's write-off letters) and as CMS's entries record them (`opening_balance`,
 * `write_off`). Each is its own line of the balance, never merged into what the decisions make due.
 *
 * - Opening balance (arrears carried in from before the decisions): the stated figure is the recomputed one. CMS's `opening_balance` entries are compared with it;
 *   a difference is a finding (`opening_balance_mismatch`). Where CMS's entries carry none, its figure is taken to
 *   include the stated one; where nothing is stated, CMS's entries are taken as recorded (and the warning says how
 *   to check them). An `opening_balance` of CMS's dated after the decisions start is not one: it is a balance brought
 *   forward, CMS's whole account before its day (read.ts, brought-forward.ts), never counted on Reckoner's side.
 * - Write-offs: each stated write-off is matched to a CMS `write_off` entry of the same amount (dates up to
 *   maxDateDifferenceDays apart). One CMS's entries do not show is a finding (`write_off_not_applied`), unless no CMS
 *   entries were given at all; a CMS write-off nobody stated is taken as recorded. A write-off is not a payment.
 * - The receiving side leaves out what is owed to the Secretary of State (SI 2009/3151 reg 13F): the stated
 *   opening balance less its Secretary of State part, write-offs of the receiving parent's arrears only (read.ts
 *   sets aside CMS's Secretary of State lines).
 * @module
 */
import type { CmsEntry } from '../ledger/entries.ts';
import { fromPence, pounds } from '../money.ts';
import { toDayNumber } from '../dates.ts';
import { NO_EFFECT, type FindingDraft, type MatchDraft } from './draft.ts';
import type { Books } from './read.ts';

const toPence = (d: { times(n: number): { toNumber(): number } }): number => Math.round(d.times(100).toNumber());

export interface HistoricFigures {
  /** Recomputed: arrears carried in (this side), and its day. */
  readonly opening: number;
  readonly openingDay?: number;
  /** Recomputed: written off (positive), each with its day. */
  readonly writeOffs: readonly { readonly day: number; readonly pence: number }[];
  readonly writtenOff: number;
  /** Recomputed: owed to the Secretary of State (in the paying parent's figure only). */
  readonly secretaryOfState: number;
  /** CMS's: the same three, and the days. */
  readonly cmsOpening: number;
  readonly cmsOpenings: readonly { readonly day: number; readonly pence: number }[];
  readonly cmsWriteOffs: readonly { readonly day: number; readonly pence: number }[];
  readonly cmsWrittenOff: number;
  readonly cmsSecretaryOfState: number;
  readonly findings: readonly FindingDraft[];
  readonly matches: readonly MatchDraft[];
  readonly warnings: readonly string[];
}

const fact = (e: CmsEntry) => ({
  type: e.type,
  date: e.date,
  amount: fromPence(e.pence),
  ...(e.description ? { description: e.description } : {}),
});

export function historicOf(books: Books): HistoricFigures {
  const h = books.schedule.historic;
  const receiving = books.side === 'receiving';
  const findings: FindingDraft[] = [];
  const matches: MatchDraft[] = [];
  const warnings: string[] = [];
  const sos = (e: CmsEntry) => e.creditor === 'secretary_of_state';
  const anyCms = books.counts.cms > 0;

  // Opening balance.
  const stated = h?.openingBalance;
  const statedSos = stated ? toPence(stated.secretaryOfState) : 0;
  const statedOpening = stated ? toPence(stated.amount) - (receiving ? statedSos : 0) : undefined;
  const cmsOpeningEntries = books.openings;
  const cmsOpeningGiven = cmsOpeningEntries.reduce((a, e) => a + e.pence, 0);
  const cmsSosOpening = cmsOpeningEntries.filter(sos).reduce((a, e) => a + e.pence, 0);
  let opening: number;
  let cmsOpening: number;
  let openingDay: number | undefined;
  let sosOpening: number;
  let cmsSos: number;
  if (stated !== undefined) {
    opening = statedOpening!;
    openingDay = toDayNumber(stated.date);
    sosOpening = statedSos;
    if (cmsOpeningEntries.length === 0) {
      cmsOpening = opening;
      cmsSos = statedSos;
    } else {
      cmsOpening = cmsOpeningGiven;
      cmsSos = cmsSosOpening;
      const diff = cmsOpening - opening;
      const first = cmsOpeningEntries[0]!;
      if (diff !== 0) {
        findings.push({
          kind: 'opening_balance_mismatch',
          date: first.date,
          amount: Math.abs(diff),
          effect: { ...NO_EFFECT, maintenance: diff },
          cms: cmsOpeningEntries,
          bank: [],
          evidence: [],
          facts: { cms: cmsOpeningEntries.map(fact), charged: fromPence(cmsOpening), due: fromPence(opening) },
        });
      } else {
        matches.push({ reason: 'balance_agrees', amount: cmsOpening, days: 0, cms: cmsOpeningEntries, bank: [], evidence: [] });
      }
    }
  } else {
    // Nothing stated: CMS's opening balance is taken as recorded.
    opening = cmsOpeningGiven;
    cmsOpening = cmsOpeningGiven;
    sosOpening = cmsSosOpening;
    cmsSos = cmsSosOpening;
    if (cmsOpeningEntries.length > 0) {
      openingDay = cmsOpeningEntries[0]!.day;
      // On or before the day the decisions start (one dated after it is a balance brought forward: read.ts).
      warnings.push(
        `CMS's opening balance of ${pounds(fromPence(cmsOpeningGiven))} (arrears carried over) is taken as recorded; to check it, give schedule.openingBalance as the CSA's closure letter states it.`,
      );
      for (const e of cmsOpeningEntries)
        matches.push({ reason: 'accepted_as_recorded', amount: e.pence, days: 0, cms: [e], bank: [], evidence: [] });
    }
  }

  // Write-offs.
  const statedWriteOffs = (h?.writeOffs ?? []).filter((x) => !receiving || x.creditor === 'receiving_parent');
  const free = new Set(books.writeOffs);
  const writeOffs: { day: number; pence: number }[] = [];
  const cmsWriteOffs: { day: number; pence: number }[] = [];
  // Receiving side: the Secretary of State's write-offs are not in the figure, but lower what is reported owed to it.
  let sosWrittenOff = receiving
    ? (h?.writeOffs ?? []).filter((x) => x.creditor === 'secretary_of_state').reduce((a, x) => a + toPence(x.amount), 0)
    : 0;
  let cmsSosWrittenOff = 0;
  for (const x of statedWriteOffs) {
    const pence = toPence(x.amount);
    const day = toDayNumber(x.date);
    writeOffs.push({ day, pence });
    const isSos = x.creditor === 'secretary_of_state';
    if (isSos) sosWrittenOff += pence;
    let best: CmsEntry | undefined;
    for (const e of free) {
      if (e.pence !== pence || Math.abs(e.day - day) > books.maxDays) continue;
      if (!best || Math.abs(e.day - day) < Math.abs(best.day - day)) best = e;
    }
    if (best) {
      free.delete(best);
      cmsWriteOffs.push({ day: best.day, pence });
      if (sos(best) || isSos) cmsSosWrittenOff += pence;
      matches.push({ reason: 'balance_agrees', amount: pence, days: Math.abs(best.day - day), cms: [best], bank: [], evidence: [] });
    } else if (!anyCms) {
      cmsWriteOffs.push({ day, pence });
      if (isSos) cmsSosWrittenOff += pence;
    } else {
      findings.push({
        kind: 'write_off_not_applied',
        date: x.date,
        amount: pence,
        effect: { ...NO_EFFECT, maintenance: pence },
        cms: [],
        bank: [],
        evidence: [],
        facts: { reason: x.reason === 'write_off_exercise' ? 'write_off_exercise' : 's41e', ...(x.source ? { source: x.source } : {}) },
      });
    }
  }
  // CMS write-offs nobody stated: taken as recorded, on both sides.
  for (const e of free) {
    writeOffs.push({ day: e.day, pence: e.pence });
    cmsWriteOffs.push({ day: e.day, pence: e.pence });
    if (sos(e)) {
      sosWrittenOff += e.pence;
      cmsSosWrittenOff += e.pence;
    }
    matches.push({ reason: 'accepted_as_recorded', amount: e.pence, days: 0, cms: [e], bank: [], evidence: [] });
  }
  const sum = (l: readonly { pence: number }[]) => l.reduce((a, x) => a + x.pence, 0);
  return {
    opening,
    ...(openingDay !== undefined ? { openingDay } : {}),
    writeOffs,
    writtenOff: sum(writeOffs),
    secretaryOfState: Math.max(0, sosOpening - sosWrittenOff),
    cmsOpening,
    cmsOpenings:
      cmsOpeningEntries.length > 0
        ? cmsOpeningEntries.map((e) => ({ day: e.day, pence: e.pence }))
        : openingDay !== undefined
          ? [{ day: openingDay, pence: cmsOpening }]
          : [],
    cmsWriteOffs,
    cmsWrittenOff: sum(cmsWriteOffs),
    cmsSecretaryOfState: Math.max(0, cmsSos - cmsSosWrittenOff),
    findings,
    matches,
    warnings,
  };
}
