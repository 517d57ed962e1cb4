// The letter catalogue (/api/v1/list-letter-types) and the deadline helper (/api/v1/compute-deadlines).
// Dates are counted on the server, working days and bank holidays included; the page shows them as given.

import { post } from './api.js';
import { currentGeneration, fill, h, longDate, sourceLink, todayInUk } from './dom.js';
import { clearErrors, showErrors } from './errors.js';

const $ = (id) => document.getElementById(id);

const SENDER_WORDS = { paying: 'The paying parent', receiving: 'The receiving parent', either: 'Either parent' };
const KIND_WORDS = { reply_due: 'Reply due', chase: 'Chase', escalate: 'Escalate', last_day: 'Last day', review: 'Reminder' };
const STATUS_WORDS = { overdue: 'Overdue today', next: 'Still to come', met: 'Already met' };

/** The catalogue as the API sent it (no case data: it is the same for everyone). */
let letters = [];

/** The catalogue, loading it first if it has not come yet (the cases' letters offer the same list). */
export async function letterCatalogue() {
  if (letters.length === 0) await loadLetters();
  return letters;
}

// ----- the catalogue -----

function letterItem(letter) {
  const startsDeadlines = letter.clock.deadlines.length > 0;
  const countButton = h(
    'button',
    { type: 'button', class: 'button-secondary', 'data-letter': letter.id },
    `Count the deadlines for ${letter.id}`,
  );
  return h(
    'li',
    { 'data-letter-id': letter.id },
    h(
      'details',
      {},
      h('summary', {}, h('span', { class: 'letter-id' }, letter.id), ' ', letter.title),
      h('p', {}, letter.whenToUse),
      h(
        'dl',
        { class: 'facts-list' },
        h('dt', {}, 'Sent by'),
        h('dd', {}, SENDER_WORDS[letter.sender] ?? letter.sender),
        h('dt', {}, 'Sent to'),
        h('dd', {}, letter.recipient.join(', ')),
        h('dt', {}, 'How to send it'),
        h('dd', {}, letter.sendBy.method),
        h('dt', {}, 'The law'),
        h(
          'dd',
          {},
          h(
            'ul',
            { class: 'plain' },
            letter.legalBasis.map((basis) => h('li', {}, sourceLink(basis.title, basis.href))),
          ),
        ),
        h('dt', {}, 'Deadlines'),
        h(
          'dd',
          {},
          startsDeadlines
            ? [
                h('p', {}, `Counted from ${letter.clock.countedFrom}.`),
                h(
                  'ul',
                  { class: 'plain' },
                  letter.clock.deadlines.map((d) =>
                    h(
                      'li',
                      {},
                      `${KIND_WORDS[d.kind] ?? d.kind}: ${d.label}`,
                      d.ifCountedFromToday ? ` — if the clock started today: ${longDate(d.ifCountedFromToday)}` : '',
                    ),
                  ),
                ),
              ]
            : 'This letter starts no deadline of its own.',
        ),
      ),
      startsDeadlines ? countButton : null,
    ),
  );
}

/** The filter the list was last drawn for; the list is redrawn only when it changes, so a button is never swapped under a click. */
let drawnFor = null;

function renderList() {
  const query = $('letters-search').value.trim().toLowerCase();
  const sender = $('letters-sender').value;
  const key = `${letters.length}|${sender}|${query}`;
  if (key === drawnFor) return;
  drawnFor = key;
  const shown = letters.filter(
    (l) =>
      (sender === '' || l.sender === sender || l.sender === 'either') &&
      (query === '' || `${l.id} ${l.type} ${l.title} ${l.whenToUse}`.toLowerCase().includes(query)),
  );
  // Letters the adviser has opened stay open while the list narrows.
  const open = new Set([...$('letters-list').querySelectorAll('li:has(> details[open])')].map((li) => li.dataset.letterId));
  fill($('letters-list'), shown.map(letterItem));
  for (const li of $('letters-list').children) if (open.has(li.dataset.letterId)) li.querySelector('details').open = true;
  $('letters-count').textContent = letters.length === 0 ? '' : `Showing ${shown.length} of ${letters.length} letters.`;
}

function renderLetterSelect() {
  const select = $('dl-letter');
  const chosen = select.value;
  fill(
    select,
    letters.map((l) => h('option', { value: l.id }, `${l.id} ${l.title}`)),
  );
  if (chosen) select.value = chosen;
  updateDateHint();
}

/** Loads the catalogue; on failure says so, with a button to try again. */
export async function loadLetters() {
  const summary = $('letters-errors');
  const answer = await post('list-letter-types', { detail: true });
  if (!answer.ok) {
    fill($('dl-letter'), h('option', { value: '' }, 'The letters could not be loaded'));
    const retry = h('button', { type: 'button', class: 'button-secondary' }, 'Try again');
    retry.addEventListener('click', () => void loadLetters());
    fill(summary, h('h3', {}, 'The letters could not be loaded'), h('p', {}, answer.error.message), retry);
    summary.hidden = false;
    return;
  }
  summary.hidden = true;
  fill(summary);
  letters = answer.data.letters;
  renderLetterSelect();
  renderList();
}

// ----- the deadline helper -----

const mode = () => $('dl-form').elements.mode.value;

function updateDateHint() {
  let hint = '';
  if (mode() === 'letter') {
    const letter = letters.find((l) => l.id === $('dl-letter').value);
    if (letter) hint = `For this letter, give ${letter.clock.countedFrom}.`;
  } else {
    const option = $('dl-event').selectedOptions[0];
    if (option && option.dataset.hint) hint = `Give ${option.dataset.hint}.`;
  }
  $('dl-date-hint').textContent = hint;
}

function showMode() {
  const byLetter = mode() === 'letter';
  $('dl-letter-field').hidden = !byLetter;
  $('dl-event-field').hidden = byLetter;
  updateDateHint();
}

function statusOf(timeline, id) {
  if (!timeline) return null;
  for (const status of ['overdue', 'next', 'met']) if (timeline[status].some((d) => d.id === id)) return status;
  return null;
}

function renderDeadlines(data, eventLabel) {
  const from = data.letter
    ? `${data.letter.type} ${data.letter.name}, counted from ${longDate(data.letter.sentOn)} (${data.letter.dateMeans})`
    : eventLabel;
  if (data.deadlines.length === 0) {
    fill($('dl-headline'), `No deadline starts from ${from}.`);
    fill($('dl-result'));
    return;
  }
  fill($('dl-headline'), `${data.deadlines.length} ${data.deadlines.length === 1 ? 'date' : 'dates'} from ${from}:`);
  fill(
    $('dl-result'),
    h(
      'ol',
      { class: 'deadlines' },
      data.deadlines.map((d) => {
        const status = statusOf(data.timeline, d.id);
        return h(
          'li',
          { 'data-deadline': d.id },
          h('p', { class: 'deadline-date' }, h('strong', {}, longDate(d.date))),
          h(
            'p',
            {},
            h('span', { class: 'kind' }, `${KIND_WORDS[d.kind] ?? d.kind}: `),
            d.label,
            status ? h('span', { class: 'status' }, ` — ${STATUS_WORDS[status]}`) : null,
          ),
          h('p', { class: 'basis' }, d.basis),
          h('p', { class: 'trace-meta' }, h('span', { class: 'label' }, 'Source: '), sourceLink(d.citation, d.href)),
        );
      }),
    ),
  );
}

async function computeDeadlines(event) {
  event.preventDefault();
  const form = $('dl-form');
  const date = $('dl-date').value;
  const body = { nation: $('dl-nation').value };
  let eventLabel = '';
  if (mode() === 'letter') body.letter = { type: $('dl-letter').value, sentOn: date };
  else {
    body.events = [{ type: $('dl-event').value, date }];
    eventLabel = `“${$('dl-event').selectedOptions[0]?.textContent ?? ''}” on ${longDate(date)}`;
  }
  const generation = currentGeneration();
  const answer = await post('compute-deadlines', body);
  if (generation !== currentGeneration()) return; // cleared while waiting
  if (!answer.ok) {
    fill($('dl-headline'), 'No dates yet: see the problems listed above.');
    fill($('dl-result'));
    showErrors(form, $('dl-errors'), answer.error, 'The deadlines could not be worked out');
    return;
  }
  clearErrors(form, $('dl-errors'));
  renderDeadlines(answer.data, eventLabel);
}

/** Picks a letter in the helper and takes the adviser to its date. */
function countForLetter(event) {
  const button = event.target.closest('button[data-letter]');
  if (!button) return;
  $('dl-mode-letter').checked = true;
  $('dl-letter').value = button.dataset.letter;
  showMode();
  $('dl-date').focus();
}

export function resetLetters() {
  const form = $('dl-form');
  form.reset();
  clearErrors(form, $('dl-errors'));
  $('dl-date').value = todayInUk();
  if (letters.length > 0) $('dl-letter').value = letters[0].id;
  showMode();
  fill($('dl-headline'));
  fill($('dl-result'));
  $('letters-filter').reset();
  renderList();
}

export function initLetters() {
  $('dl-form').addEventListener('submit', computeDeadlines);
  $('dl-form').addEventListener('change', (event) => {
    if (event.target.name === 'mode') showMode();
    else updateDateHint();
  });
  $('letters-filter').addEventListener('submit', (event) => event.preventDefault());
  $('letters-filter').addEventListener('input', renderList);
  $('letters-list').addEventListener('click', countForLetter);
  $('dl-date').value = todayInUk();
  showMode();
}
