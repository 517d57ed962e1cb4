// What a shared-care change does: the calculator's details with one child's nights set to the start of
// each shared-care band (the nights come from the server, which reads them from the law's table), one API
// call per band, and one for the details as they are (which band the child is in now). The page only places
// the answers side by side: each band's range and the child's current band are the API's.

import { post } from './api.js';
import { currentGeneration, fill, h, pounds, table } from './dom.js';
import { bandText, childChoices, fractionText, requestBody, showCalculatorErrors, showMissingChoices } from './calculator.js';
import { clearErrors, showErrors } from './errors.js';

const $ = (id) => document.getElementById(id);

/** The nights at which each band starts, e.g. [0, 52, 104, 156, 175], from the section's data-nights. */
function bandNights() {
  return $('shared-care')
    .dataset.nights.split(/\s+/)
    .filter(Boolean)
    .map((n) => Number(n));
}

/** Keeps the child list in step with the calculator, keeping the chosen child where it still exists. */
export function refreshChoices() {
  const select = $('sc-child');
  const chosen = select.value;
  fill(
    select,
    childChoices().map((choice) => h('option', { value: `${choice.parent}:${choice.child}` }, `${choice.label} (now ${choice.nights})`)),
  );
  if ([...select.options].some((o) => o.value === chosen)) select.value = chosen;
}

async function showBands(event) {
  event.preventDefault();
  const form = $('sc-form');
  const summary = $('sc-errors');
  clearErrors(form, summary);
  const [parent, child] = $('sc-child').value.split(':').map(Number);
  const choice = childChoices().find((c) => c.parent === parent && c.child === child);
  if (!choice) return;
  if (showMissingChoices()) {
    fill($('sc-result'));
    fill($('sc-headline'), 'No amounts yet: the calculator’s details need fixing first.');
    showErrors(
      form,
      summary,
      { code: 'invalid_input', message: 'Fix the details in the calculator first.', details: [] },
      'The amounts could not be worked out',
    );
    return;
  }
  const nights = bandNights();
  const base = requestBody();
  const generation = currentGeneration();
  $('sc-result').setAttribute('aria-busy', 'true');
  const [now, ...answers] = await Promise.all([
    post('calculate-maintenance', base),
    ...nights.map((n) => {
      const body = structuredClone(base);
      body.receivingParents[parent].children[child] = { nightsPerYear: n };
      return post('calculate-maintenance', body);
    }),
  ]);
  $('sc-result').removeAttribute('aria-busy');
  if (generation !== currentGeneration()) return; // cleared while waiting
  const failed = [now, ...answers].find((a) => !a.ok);
  if (failed) {
    fill($('sc-result'));
    fill($('sc-headline'), 'No amounts yet: the calculator’s details need fixing first.');
    // The problem is in the calculator's fields: mark them there, and say so here.
    showCalculatorErrors(failed.error);
    showErrors(
      form,
      summary,
      { code: failed.error.code, message: `Fix the details in the calculator first: ${failed.error.message}`, details: [] },
      'The amounts could not be worked out',
    );
    return;
  }
  // The band the child is in now, as the API placed the nights typed (a week's nights become a year's there).
  const currentBand = now.data.receivingParents[parent].children[child].band;
  const rows = answers.map((answer, i) => {
    const data = answer.data;
    const rp = data.receivingParents[parent];
    const band = rp.children[child].band;
    const isCurrent = band.fromNights === currentBand.fromNights;
    const fraction = rp.children[child].sharedCareFraction;
    return {
      cells: [
        h(
          'span',
          {},
          bandText(band),
          isCurrent ? h('strong', { class: 'now' }, ' (now)') : null,
          h('span', { class: 'band-fraction' }, fraction === '0' ? 'no decrease' : `${fractionText(fraction)} off`),
        ),
        h('span', { class: 'money' }, pounds(rp.weeklyAmount)),
        h('strong', { class: 'money' }, pounds(data.weeklyAmount)),
      ],
      attributes: { 'data-nights': nights[i], class: isCurrent ? 'current' : null },
    };
  });
  fill($('sc-headline'), `Weekly amounts for ${choice.label}, at each shared-care band:`);
  fill(
    $('sc-result'),
    table(
      `${choice.label}: the weekly amount by nights a year with the paying parent`,
      [
        'Nights a year with the paying parent, and the shared-care decrease',
        `Receiving parent ${parent + 1} gets a week`,
        'Paying parent pays a week in all',
      ],
      rows,
    ),
    h(
      'p',
      { class: 'hint' },
      'Each row is a full calculation with only this child’s nights changed; open the calculator’s trace for the law.',
    ),
  );
}

export function resetSharedCare() {
  clearErrors($('sc-form'), $('sc-errors'));
  fill($('sc-headline'));
  fill($('sc-result'));
  refreshChoices();
}

/** Once the calculator changes after the table is shown, say so: the table is for the details as they were. */
function markStale() {
  if (!$('sc-result').hasChildNodes() || $('sc-stale')) return;
  $('sc-result').prepend(
    h(
      'p',
      { id: 'sc-stale', class: 'stale' },
      'The calculator’s details have changed since this table. Show the bands again for new figures.',
    ),
  );
}

export function initSharedCare() {
  $('sc-form').addEventListener('submit', showBands);
  $('calc-form').addEventListener('input', markStale);
  $('calc-form').addEventListener('change', markStale);
  refreshChoices();
}
