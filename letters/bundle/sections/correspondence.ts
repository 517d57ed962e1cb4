/**
 * The letters sent and the replies received, with their dates, in date order: the case's stored letters and
 * events side by side (what was sent first on a day).
 * @module
 */
import type { CivilDate } from '../../../calc/dates.ts';
import type { SectionContent } from '../blocks.ts';
import type { BundleContext } from '../context.ts';
import { SECTION_TITLES } from '../purpose.ts';
import { EVENT_WORDS, METHOD_WORDS, shortDate, WAY_WORDS, type Way } from '../words.ts';

const WAY_ORDER: Readonly<Record<Way, number>> = { sent: 0, received: 1, happened: 2 };

export function correspondenceSection(c: BundleContext): SectionContent {
  // The event a letter's sending recorded is the letter itself: listed once, as the letter.
  const sentAsLetter = new Set((c.input.letters ?? []).flatMap((l) => (l.event ? [`${l.event}:${l.sentOn}`] : [])));
  const items: { date: CivilDate; way: Way; what: string; notes: string }[] = [
    ...(c.input.letters ?? []).map((l) => ({
      date: l.sentOn,
      way: 'sent' as const,
      what: l.title,
      notes: l.method ? `Sent ${METHOD_WORDS[l.method]}` : '',
    })),
    ...(c.input.events ?? [])
      .filter((e) => !sentAsLetter.has(`${e.type}:${e.date}`))
      .map((e) => ({ date: e.date, way: EVENT_WORDS[e.type].way, what: EVENT_WORDS[e.type].what, notes: e.summary ?? '' })),
  ];
  // Stable: items of the same date and kind keep the order they were given in.
  const sorted = items
    .map((item, i) => ({ item, i }))
    .sort((a, b) =>
      a.item.date < b.item.date ? -1 : a.item.date > b.item.date ? 1 : WAY_ORDER[a.item.way] - WAY_ORDER[b.item.way] || a.i - b.i,
    );
  const title = SECTION_TITLES.correspondence;
  if (sorted.length === 0)
    return { id: 'correspondence', title, blocks: [{ kind: 'paragraph', text: 'No letters or replies are recorded on the case.' }] };
  return {
    id: 'correspondence',
    title,
    blocks: [
      {
        kind: 'table',
        columns: ['Date', 'Sent or received', 'What', 'How, and notes'],
        widths: [1.1, 1.1, 3, 3.6],
        rows: sorted.map(({ item }) => [shortDate(item.date), WAY_WORDS[item.way], item.what, item.notes]),
      },
    ],
  };
}
