// The calendar link: a stored case's open deadlines as an iCalendar file, from /api/v1/export-calendar. The file
// is made in memory and handed to the browser as a download (dom.js saveBlob); nothing is kept in the page.

import { post } from './api.js';
import { announce, saveBlob } from './dom.js';
import { clearErrors, showErrors } from './errors.js';

const $ = (id) => document.getElementById(id);

export function initCalendar() {
  const form = $('cal-form');
  const summary = $('cal-errors');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form, summary);
    $('cal-status').textContent = '';
    const caseId = $('cal-case').value.trim();
    const answer = await post('export-calendar', { caseId });
    if (!answer.ok) {
      showErrors(form, summary, answer.error, 'The calendar file could not be made');
      return;
    }
    const { ics, filename, deadlines } = answer.data;
    saveBlob(new Blob([ics], { type: 'text/calendar' }), filename);
    const message = `Downloaded ${filename} with ${deadlines} open deadline${deadlines === 1 ? '' : 's'}.`;
    $('cal-status').textContent = message;
    announce(message);
  });
}

export function resetCalendar() {
  clearErrors($('cal-form'), $('cal-errors'));
  $('cal-case').value = '';
  $('cal-status').textContent = '';
}
