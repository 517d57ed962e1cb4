/**
 * The cover: the case in plain words. What CMS says, what the records show, the difference, what has happened so
 * far (for a complaint, the Independent Case Examiner and an MP), and what is asked. Every figure is quoted from
 * the reconciliation (letters/figures.ts builds them from the bridge and the balance); nothing is added up here.
 * @module
 */
import {
  balanceDifference,
  claimWords,
  cmsFigure,
  correctBalanceWords,
  differenceBesideNotYetDue,
  netWay,
  notYetDueOnlyWords,
  ownEntries,
  recomputedBalance,
} from '../../figures.ts';
import { directPayArrearsSentence, linesRef } from '../../catalogue/balance.ts';
import { count, countIs, inFirstPerson, joinAnd, longDate } from '../../format.ts';
import type { BundleBlock, SectionContent } from '../blocks.ts';
import type { BundleContext } from '../context.ts';
import { PURPOSES, type AskFigures } from '../purpose.ts';
import { passedDeadlines } from './deadlines.ts';
import { isReply, SERVICE_NAMES, SERVICE_WORDS, SIDE_WORDS } from '../words.ts';

/** Most letters and deadlines the cover names: the rest are in their sections. */
const MOST = 3;

export function coverSection(c: BundleContext): SectionContent {
  const { input, computed } = c;
  const spec = PURPOSES[input.purpose];
  const result = computed.result;
  const asOf = longDate(result.asOf);
  // In the letters' words: a balance that holds collection fees or enforcement charges is "owed", with its parts named,
  // not "arrears" (a journey probe, story 4: "CMS gives the balance … as arrears of £2,105.00", £642.50 of it fees and
  // charges owed to the Secretary of State).
  const cms = claimWords(cmsFigure(computed).value, computed);
  const correct = correctBalanceWords(recomputedBalance(computed).value, computed);
  const blocks: BundleBlock[] = [{ kind: 'paragraph', text: spec.kicker, bold: true }];

  if (spec.details) blocks.push({ kind: 'facts', rows: details(c) });
  else if (input.case.reference) blocks.push({ kind: 'facts', rows: [['CMS case reference', input.case.reference]] });

  blocks.push(
    { kind: 'subheading', text: 'What CMS says' },
    {
      kind: 'paragraph',
      text:
        result.bridge.fromLabel === 'cms_claim'
          ? `CMS gives the balance on ${asOf} as ${cms}.`
          : `CMS has given no balance; ${ownEntries(computed, 'its')} up to ${asOf} add up to ${cms}.`,
    },
    { kind: 'subheading', text: 'What my records show' },
    {
      kind: 'paragraph',
      text: [
        `Worked out from the maintenance decisions and my evidence of payment, the balance on ${asOf} comes to ${correct}.`,
        // Arrears from Direct Pay on a case since moved to Collect and Pay, in the words her letters use to others.
        directPayArrearsSentence({ quote: (f) => f.value, date: longDate }, computed, 'other'),
        passedOn(c),
      ]
        .filter((x) => x !== undefined)
        .join(' '),
    },
    { kind: 'subheading', text: 'The difference' },
    { kind: 'paragraph', text: difference(c) },
  );
  if (spec.history) {
    const history = historyText(c);
    if (history) blocks.push({ kind: 'subheading', text: 'What has happened so far' }, { kind: 'paragraph', text: history });
  }
  blocks.push(
    { kind: 'subheading', text: 'What I ask' },
    {
      kind: 'paragraph',
      text: [
        spec.ask({
          asOf,
          correct,
          cms,
          agrees: netWay(computed) === undefined,
          ...notYetDueAsk(c),
          disputed: (c.statement?.summary.count ?? 0) > 0,
        }),
        traceAsk(c),
      ]
        .filter((x) => x !== undefined)
        .join(' '),
    },
  );
  return { id: 'cover', title: spec.title, blocks };
}

/**
 * The service the decisions put the case on at the figures' date, and since when, where an earlier decision had the
 * other one (a case moved from Direct Pay to Collect and Pay): the case's own setting only where no decision says.
 */
function serviceWords(c: BundleContext): string {
  const asOf = c.computed.result.asOf;
  const ds = c.computed.result.schedule.decisions
    .filter((d) => !d.superseded && d.effectiveDate <= asOf)
    .sort((a, b) => (a.effectiveDate < b.effectiveDate ? -1 : a.effectiveDate > b.effectiveDate ? 1 : 0));
  const current = ds.at(-1);
  if (!current) return SERVICE_WORDS[c.input.case.service];
  let first = ds.length - 1;
  while (first > 0 && ds[first - 1]!.service === current.service) first--;
  if (first === 0) return SERVICE_WORDS[current.service];
  return `${SERVICE_WORDS[current.service]}, since ${longDate(ds[first]!.effectiveDate)} (before that, ${SERVICE_NAMES[ds[first - 1]!.service]})`;
}

function details(c: BundleContext): [string, string][] {
  const k = c.input.case;
  const rows: [string, string][] = [];
  if (k.reference) rows.push(['CMS case reference', k.reference]);
  if (c.input.purpose === 'tribunal' && k.appealReference) rows.push(['Appeal reference', k.appealReference]);
  const role = SIDE_WORDS[k.side];
  rows.push(['Prepared by', k.parentName ? `${k.parentName}, ${role}` : `${role[0]!.toUpperCase()}${role.slice(1)}`]);
  if (k.otherParentNames?.length)
    rows.push([k.otherParentNames.length === 1 ? 'The other parent' : 'The other parents', joinAnd(k.otherParentNames)]);
  rows.push(['How maintenance is paid', serviceWords(c)]);
  rows.push(['Figures as at', longDate(c.computed.result.asOf)]);
  rows.push(['Prepared on', longDate(c.input.generatedOn)]);
  return rows;
}

/**
 * Where CMS's figure counts what has accrued and is not yet due under the payment plan: what the request says of it
 * (purpose.ts `balanceAsk`), from calc's differenceBesideNotYetDue. Empty where its figure is on the same basis.
 */
function notYetDueAsk(c: BundleContext): { notYetDue?: AskFigures['notYetDue'] } {
  const r = c.computed;
  if (r.result.bridge.differenceBesideNotYetDue === undefined) return {};
  const beside = differenceBesideNotYetDue(r);
  return {
    notYetDue: beside
      ? { kind: 'beside', by: beside.figure.value, way: beside.way }
      : { kind: 'later_only', overdue: r.result.balance.position !== 'settled' },
  };
}

function difference(c: BundleContext): string {
  const s = c.statement?.summary;
  if (!s) return 'CMS’s figure and the balance worked out from the records agree, and no entry is in dispute.';
  const net = balanceDifference(c.computed);
  const way = netWay(c.computed);
  // What has accrued and is not yet due is owed, later: no error of CMS's, and never "higher than it should be" (a
  // journey probe, story 3: a right figure of £371.18 was called £371.18 higher than it should be).
  const later = c.computed.result.bridge.differenceBesideNotYetDue !== undefined;
  const beside = differenceBesideNotYetDue(c.computed);
  const first =
    later && !beside
      ? net && way
        ? `${notYetDueOnlyWords(c.computed, net.value, way)}.`
        : 'CMS’s figure is right in total, but entries on the account are wrong and cancel each other out.'
      : later && beside
        ? `${net && way ? `CMS’s figure is ${net.value} ${way === 'too_high' ? 'higher' : 'lower'} than the balance worked out, but not all of that is an error: ` : ''}` +
          `what has accrued and is not yet due under the payment plan is owed, later. Beside it, CMS’s figure is ${beside.figure.value} too ${beside.way === 'too_high' ? 'high' : 'low'}.`
        : net && way
          ? `CMS’s figure is ${net.value} ${way === 'too_high' ? 'higher' : 'lower'} than it should be.`
          : 'CMS’s figure is right in total, but entries on the account are wrong and cancel each other out.';
  const parts: string[] = [];
  if (s.tooHigh)
    parts.push(`${count(s.tooHigh.count, 'line')} ${s.tooHigh.count === 1 ? 'makes' : 'make'} it too high, by ${s.tooHigh.total} in all`);
  if (s.tooLow)
    parts.push(`${count(s.tooLow.count, 'line')} ${s.tooLow.count === 1 ? 'makes' : 'make'} it too low, by ${s.tooLow.total} in all`);
  const entries = `${countIs(s.count, 'entry', 'entries')} in dispute`;
  return `${first} ${entries}; the reconciliation statement explains the difference line by line${parts.length ? `: ${parts.join('; ')}` : ''}.`;
}

/**
 * A receiving parent's payments CMS records passing on that did not reach her in full (the statement's lines, as
 * letters/figures.ts numbers them): in the words her letters use (letters/catalogue/balance.ts `passedOnSentence`),
 * said of CMS rather than to it, so that the bundle does not call the paying parent's arrears what may be CMS's to
 * trace. Undefined when there are none.
 */
function passedOn(c: BundleContext): string | undefined {
  const lines = c.statement?.summary.passedOnLines ?? [];
  const n = lines.length;
  if (n === 0) return undefined;
  const which = linesRef(lines);
  return (
    `${which[0]!.toUpperCase()}${which.slice(1)} of the reconciliation statement ${n === 1 ? 'is a payment' : 'are payments'} CMS records passing on to me that did not reach my account in full. ` +
    `If the paying parent paid ${n === 1 ? 'it' : 'them'} to CMS, what did not reach me is not the paying parent’s arrears: ${n === 1 ? 'it is' : 'they are'} money CMS must trace and pay to me.`
  );
}

/**
 * A receiving parent's request that CMS trace the payments it records passing on that did not reach her in full: the
 * request her payment dispute makes, for the same lines of the same statement (those `passedOn` names), in this
 * purpose's words. Undefined when there are none, or the reader cannot be asked for it (a tribunal).
 */
function traceAsk(c: BundleContext): string | undefined {
  const lines = c.statement?.summary.passedOnLines ?? [];
  const ask = PURPOSES[c.input.purpose].traceAsk;
  return lines.length && ask ? ask(linesRef(lines)) : undefined;
}

/** The letters sent, the replies, and the deadlines that passed, in a few sentences. */
function historyText(c: BundleContext): string | undefined {
  const sentences: string[] = [];
  const letters = [...(c.input.letters ?? [])].sort((a, b) => (a.sentOn < b.sentOn ? -1 : a.sentOn > b.sentOn ? 1 : 0));
  if (letters.length) {
    const named = letters.slice(0, MOST).map((l) => `${l.title} (${longDate(l.sentOn)})`);
    const more = letters.length - named.length;
    sentences.push(
      `I have written ${letters.length === 1 ? 'once' : `${letters.length} times`}: ${joinAnd(more > 0 ? [...named, `${more} more`] : named)}.`,
    );
  }
  // Only replies: a decision letter, an order served or a letter received answers nothing of hers unless it is
  // recorded as doing so (an MCP audit found a decision counted among "the replies and decisions").
  const replies = (c.input.events ?? []).filter(isReply);
  const latest = replies
    .map((e) => e.date)
    .sort()
    .at(-1);
  if (latest === undefined) {
    if (letters.length) sentences.push('No reply is recorded.');
  } else {
    sentences.push(
      replies.length === 1
        ? `One reply has arrived, on ${longDate(latest)}.`
        : `${replies.length} replies have arrived, the latest on ${longDate(latest)}.`,
    );
  }
  // Only the replies CMS or DWP owed: the parent's own passed time limits are not failures, and the purposes that tell
  // this story (a complaint, the ICE, an MP) leave them out (purpose.ts `ownLimits`).
  const { missed } = passedDeadlines(c.input.deadlines, c.input.purpose);
  if (missed.length) {
    const named = missed.slice(0, MOST).map((d) => `${inFirstPerson(d.label).replace(/\.$/, '')} (${longDate(d.date)})`);
    const more = missed.length - named.length;
    sentences.push(
      `${missed.length === 1 ? 'One deadline for CMS or DWP to reply has' : `${missed.length} deadlines for CMS or DWP to reply have`} passed without a reply: ${joinAnd(more > 0 ? [...named, `${more} more`] : named)}.`,
    );
  }
  return sentences.length ? sentences.join(' ') : undefined;
}
